import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '../../functions/core/idea/markdown.js';

const A = (href: string, text: string): string =>
  `<a href="${href}" rel="nofollow ugc noopener" target="_blank">${text}</a>`;

const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'h3',
  'h4',
  'h5',
  'em',
  'strong',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
]);
const A_ATTRS = / href="(?:https?:\/\/|mailto:)[^"<>]*" rel="nofollow ugc noopener" target="_blank"/;

/** Every tag is one we build, only <a> has attributes and only those three; no stray <, >, ". */
function expectSafe(html: string): void {
  const text = html.replace(/<(\/?)([a-z0-9]+)([^>]*)>/gi, (_, close: string, name: string, attrs: string) => {
    expect(ALLOWED_TAGS.has(name), `tag <${name}> in ${html}`).toBe(true);
    if (close || name !== 'a') expect(attrs, `attributes on <${close}${name}>`).toBe('');
    else expect(attrs).toMatch(new RegExp(`^${A_ATTRS.source}$`));
    expect(attrs).not.toMatch(/\son\w+\s*=/i);
    expect(attrs).not.toMatch(/style/i);
    return '';
  });
  expect(text).not.toMatch(/[<>"]/);
  expect(html).not.toMatch(/<(?:script|img|svg|iframe)/i);
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).not.toMatch(/javascript:|data:|vbscript:/i);
}

describe('renderMarkdown', () => {
  it('renders paragraphs and line breaks', () => {
    expect(renderMarkdown('one\ntwo\n\nthree')).toBe('<p>one<br>\ntwo</p>\n<p>three</p>');
    expect(renderMarkdown('a\r\nb')).toBe('<p>a<br>\nb</p>');
    expect(renderMarkdown('')).toBe('');
  });

  it('renders headings one level below the page', () => {
    expect(renderMarkdown('# One\n## Two\n### Three ###')).toBe('<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>');
    expect(renderMarkdown('# Learn C#')).toBe('<h3>Learn C#</h3>');
    expect(renderMarkdown('#tag and #### four')).toBe('<p>#tag and #### four</p>');
  });

  it('renders emphasis, strong and inline code', () => {
    expect(renderMarkdown('*a* _b_ **c** ***d***')).toBe(
      '<p><em>a</em> <em>b</em> <strong>c</strong> <em><strong>d</strong></em></p>',
    );
    expect(renderMarkdown('**bold with _em_ inside**')).toBe('<p><strong>bold with <em>em</em> inside</strong></p>');
    expect(renderMarkdown('snake_case_name and 2*3*4')).toBe('<p>snake_case_name and 2<em>3</em>4</p>');
    expect(renderMarkdown('use `a *b* <c>` here')).toBe('<p>use <code>a *b* &lt;c&gt;</code> here</p>');
  });

  it('keeps tags well nested when markers interleave', () => {
    for (const src of ['**a _b** c_', '*a _b* c_', '_a **b_ c**', '[**x](https://a.example) y**']) {
      const html = renderMarkdown(src);
      const stack: string[] = [];
      for (const [, close, name] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>/g)) {
        if (name === 'br') continue;
        if (close) expect(stack.pop(), html).toBe(name);
        else stack.push(name!);
      }
      expect(stack).toEqual([]);
    }
  });

  it('renders fenced code blocks verbatim and escaped', () => {
    expect(renderMarkdown('before\n```js\nconst a = *b* < 2;\n\n# not a heading\n```\nafter')).toBe(
      '<p>before</p>\n<pre><code>const a = *b* &lt; 2;\n\n# not a heading</code></pre>\n<p>after</p>',
    );
    expect(renderMarkdown('```\nunclosed')).toBe('<pre><code>unclosed</code></pre>');
  });

  it('renders unordered and ordered lists', () => {
    expect(renderMarkdown('- one\n* **two**\n\n1. first\n2) second')).toBe(
      '<ul>\n<li>one</li>\n<li><strong>two</strong></li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
    );
    expect(renderMarkdown('- a\n1. b')).toBe('<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>');
    expect(renderMarkdown('text\n- item')).toBe('<p>text</p>\n<ul>\n<li>item</li>\n</ul>');
  });

  it('renders block quotes', () => {
    expect(renderMarkdown('> quoted *text*\n> more\n>\n> second\n\nafter')).toBe(
      '<blockquote>\n<p>quoted <em>text</em><br>\nmore</p>\n<p>second</p>\n</blockquote>\n<p>after</p>',
    );
  });

  it('renders links and bare URLs', () => {
    expect(renderMarkdown('[the *docs*](https://example.com/a?b=1&c=2)')).toBe(
      `<p>${A('https://example.com/a?b=1&amp;c=2', 'the <em>docs</em>')}</p>`,
    );
    expect(renderMarkdown('[mail](mailto:team@example.com)')).toBe(`<p>${A('mailto:team@example.com', 'mail')}</p>`);
    expect(renderMarkdown('see https://example.com/x_y_z, or (http://a.example/p).')).toBe(
      `<p>see ${A('https://example.com/x_y_z', 'https://example.com/x_y_z')}, or (${A('http://a.example/p', 'http://a.example/p')}).</p>`,
    );
    expect(renderMarkdown('**https://a.example**')).toBe(
      `<p><strong>${A('https://a.example', 'https://a.example')}</strong></p>`,
    );
    expect(renderMarkdown('[relative](/ideas/1) and ![img](https://a.example/i.png)')).toBe(
      `<p>relative and !${A('https://a.example/i.png', 'img')}</p>`,
    );
  });

  const tagPayloads: [string, string][] = [
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<svg onload=alert(1)>', '&lt;svg onload=alert(1)&gt;'],
    ['<a href="javascript:alert(1)">x</a>', '&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;'],
    ['**<iframe src=javascript:alert(1)>**', '<strong>&lt;iframe src=javascript:alert(1)&gt;</strong>'],
    ['<p style="x" onclick="y">', '&lt;p style=&quot;x&quot; onclick=&quot;y&quot;&gt;'],
    ['\'"><script>', '&#39;&quot;&gt;&lt;script&gt;'],
  ];
  it.each(tagPayloads)('shows raw HTML as text: %s', (source, visible) => {
    const html = renderMarkdown(source);
    expectSafe(html);
    expect(html).toContain(visible);
  });

  const badLinks = [
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](\u0001javascript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](java&#115;cript:alert(1))',
    '[x](&#x6A;avascript&colon;alert(1))',
    '[x](&amp;#106;avascript:alert(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](vbscript:msgbox)',
    '[x](" onmouseover="alert(1))',
    '[x](https://a.example" onmouseover="alert(1))',
    '[x](//evil.example)',
  ];
  it.each(badLinks)('refuses or neutralises the link %j', (source) => {
    const html = renderMarkdown(source);
    expectSafe(html);
    expect(html).not.toMatch(/href="(?!https?:\/\/|mailto:)/);
  });

  // Without parentheses in the URL these all reach the scheme check (not just the link pattern).
  const refusedSchemes = [
    'javascript:void',
    'JaVaScRiPt:void',
    'java\tscript:void',
    'java\nscript:void',
    ' javascript:void',
    '\u0001javascript:void',
    '\u200bjavascript:void',
    '&#106;avascript:void',
    'java&#115;cript:void',
    '&#x6A;avascript&colon;void',
    'javascript&colon;void',
    'data:text/html;base64,PHNjcmlwdD4=',
    'DATA:text/html,x',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//evil.example',
    '/relative',
  ];
  it.each(refusedSchemes)('refuses the scheme of [x](%j) and shows the text only', (url) => {
    const html = renderMarkdown(`[x](${url})`);
    expectSafe(html);
    expect(html).not.toContain('<a');
    expect(renderMarkdown(`[x](${url.replace('\n', '')})`)).toBe('<p>x</p>');
  });

  it('renders refused links as their text only', () => {
    expect(renderMarkdown('[click](javascript:alert(1)) here')).toBe('<p>[click](javascript:alert(1)) here</p>');
    expect(renderMarkdown('[click](vbscript:msgbox)')).toBe('<p>click</p>');
    expect(renderMarkdown('[x](JaVaScRiPt:void)')).toBe('<p>x</p>');
  });

  it('escapes attribute characters in hrefs', () => {
    const html = renderMarkdown('[x](https://a.example" onmouseover="alert(1))');
    expectSafe(html);
    const quoted = renderMarkdown('[x](https://a.example/\'"<>)');
    expectSafe(quoted);
    expect(quoted).toContain('href="https://a.example/&#39;&quot;&lt;&gt;"');
  });

  it('escapes HTML in link text', () => {
    const html = renderMarkdown('[<img src=x onerror=alert(1)>](https://a.example)');
    expectSafe(html);
    expect(html).toBe(`<p>${A('https://a.example', '&lt;img src=x onerror=alert(1)&gt;')}</p>`);
  });

  it('stays safe on mixed and odd input', () => {
    const inputs = [
      '> <script>x</script>\n- <b>y</b>\n# <i>z</i>\n```\n</code></pre><script>\n```',
      '`</code><script>`',
      'https://a.example/"onmouseover="alert(1)',
      'https://a.example/<script>',
      '\u0000 1 \u0000 [x](https://a.example)',
      '[a](https://a.example)[b](javascript:x)',
    ];
    for (const source of inputs) expectSafe(renderMarkdown(source));
    expect(renderMarkdown('\u00000\u0000')).toBe('<p>\ufffd0\ufffd</p>');
  });

  it('takes linear time on hostile input', () => {
    const started = Date.now();
    for (const unit of ['**a ', '*a ', '_a ', '[a', '`', '# ', '&#', 'https://a', '> ', '- ', ' ', '#']) {
      renderMarkdown(unit.repeat(Math.ceil(10_000 / unit.length)));
    }
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('markdownToText', () => {
  it('removes the markup and keeps the words', () => {
    expect(
      markdownToText(
        '# Title\n\nSome **bold** and _em_ with `code`.\n\n- one\n- two\n\n> quote\n\n[link text](https://a.example) https://b.example',
      ),
    ).toBe('Title Some bold and em with code. one two quote link text https://b.example');
  });

  it('gives the literal characters back, not entities', () => {
    expect(markdownToText('a < b && c > "d" \'e\'')).toBe('a < b && c > "d" \'e\'');
    expect(markdownToText('&lt; stays &amp; written')).toBe('&lt; stays &amp; written');
  });

  it('contains no HTML tags, even from raw HTML in the source', () => {
    const text = markdownToText('<script>alert(1)</script> hi <img src=x onerror=alert(1)> **<b>x</b>**');
    expect(text).not.toMatch(/<\/?[a-z]/i);
    expect(text).toBe('alert(1) hi x');
  });
});
