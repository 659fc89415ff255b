/* eslint-disable no-control-regex -- NUL characters mark the placeholders the renderer puts in and takes out again */
/**
 * A small, safe Markdown for idea bodies and comments. Escape-first: the whole source is
 * HTML-escaped before any Markdown is recognised, so raw HTML can only ever show as text, and
 * the only tags in the output are the ones built here: p, br, h3-h5, em, strong, code, pre,
 * ul, ol, li, blockquote and a (href, rel, target only; http, https and mailto only).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
};
const ALLOWED_URL = /^(?:https?:\/\/|mailto:)/;
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;
const HOLE = /\u0000(\d+)\u0000/g;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const unescapeHtml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => (e === '#39' ? "'" : (NAMED[e] ?? '')));

/** Decodes numeric and a few named entities, repeatedly, as a browser might after nesting. */
function decodeEntities(s: string): string {
  for (let i = 0; i < 5; i++) {
    const next = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
      if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    });
    if (next === s) break;
    s = next;
  }
  return s;
}

/** The attribute-escaped href for an (escaped) URL, or null when its scheme is not allowed. */
function safeHref(escapedUrl: string): string | null {
  const raw = unescapeHtml(escapedUrl).replace(INVISIBLE, '');
  const decoded = decodeEntities(raw).replace(INVISIBLE, '').toLowerCase();
  if (!ALLOWED_URL.test(raw.toLowerCase()) || !ALLOWED_URL.test(decoded)) return null;
  return escapeHtml(raw);
}

const link = (href: string, html: string): string =>
  `<a href="${href}" rel="nofollow ugc noopener" target="_blank">${html}</a>`;

/** What may start inline markup: emphasis, code, a link, a bare web address. */
const MARKUP = /[*_`[]|https?:\/\//i;

/** Inline Markdown on one escaped block of text. Finished pieces are held as \0n\0 so that
 * later passes cannot look inside them, which keeps the tags well nested. */
function inline(escaped: string): string {
  // Most lines hold no markup at all: no pass over them (a 100,000-character description of short
  // paragraphs renders in a third of the time).
  if (!MARKUP.test(escaped)) return escaped;
  const held: string[] = [];
  const hold = (html: string): string => `\u0000${held.push(html) - 1}\u0000`;
  const under = (s: string): string =>
    !s.includes('_')
      ? s
      : s.replace(/(^|[^\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}_])/gu, '$1<em>$2</em>');
  const em = (s: string): string =>
    under(s.replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, (_, c: string) => hold(`<em>${under(c)}</em>`)));
  const strong = (s: string): string =>
    em(s.replace(/\*\*([^*\s](?:[^*]*[^*\s])?)\*\*/g, (_, c: string) => hold(`<strong>${em(c)}</strong>`)));

  let s = escaped.replace(/`([^`]+)`/g, (_, code: string) => hold(`<code>${code}</code>`));
  s = s.replace(/\[([^[\]]+)\]\(([^()]*)\)/g, (_, text: string, url: string) => {
    const href = safeHref(url);
    return href === null ? text : hold(link(href, strong(text)));
  });
  s = s.replace(/(^|[^\p{L}\p{N}/])(https?:\/\/(?:[^\s&\u0000]|&amp;)+)/giu, (_, pre: string, url: string) => {
    const trail = /[.,;:!?)*_]+$/.exec(url)?.[0] ?? '';
    const bare = url.slice(0, url.length - trail.length);
    const href = safeHref(bare);
    return pre + (href === null ? bare : hold(link(href, bare))) + trail;
  });
  s = strong(s);
  while (/\u0000\d+\u0000/.test(s)) s = s.replace(HOLE, (_, i: string) => held[Number(i)] ?? '');
  return s;
}

/** Renders member-written Markdown to HTML that is safe to insert in a page. */
export function renderMarkdown(source: string): string {
  const lines = escapeHtml(source.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\ufffd')).split('\n');
  const out: string[] = [];
  let para: string[] = [];
  const flush = (): void => {
    if (para.length) out.push(`<p>${para.map((l) => inline(l.trim())).join('<br>\n')}</p>`);
    para = [];
  };
  const listItem = (line: string): ['ul' | 'ol', string] | null => {
    const m = /^\s*(?:([-*])|\d{1,9}[.)])[ \t]+(.*)$/.exec(line);
    return m ? [m[1] ? 'ul' : 'ol', m[2] ?? ''] : null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = /^(#{1,3})[ \t]+(.*)$/.exec(line);
    const item = listItem(line);
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !/^\s*```\s*$/.test(lines[i] ?? '')) code.push(lines[i] ?? '');
      out.push(`<pre><code>${code.join('\n')}</code></pre>`);
    } else if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      let text = (heading[2] ?? '').trim();
      const closed = text.replace(/#+$/, '');
      if (closed === '' || /\s$/.test(closed)) text = closed.trim();
      const level = (heading[1] ?? '#').length + 2;
      out.push(`<h${level}>${inline(text)}</h${level}>`);
    } else if (item) {
      flush();
      const [tag] = item;
      const items = [`<li>${inline(item[1].trim())}</li>`];
      for (let next = listItem(lines[i + 1] ?? ''); next?.[0] === tag; next = listItem(lines[i + 1] ?? '')) {
        items.push(`<li>${inline(next[1].trim())}</li>`);
        i++;
      }
      out.push(`<${tag}>\n${items.join('\n')}\n</${tag}>`);
    } else if (/^\s*&gt;/.test(line)) {
      flush();
      const quoted: string[] = [];
      for (; i < lines.length && /^\s*&gt;/.test(lines[i] ?? ''); i++) {
        quoted.push((lines[i] ?? '').replace(/^\s*&gt;[ \t]?/, ''));
      }
      i--;
      const paras = quoted
        .join('\n')
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '');
      const html = paras.map(
        (p) =>
          `<p>${p
            .split('\n')
            .map((l) => inline(l.trim()))
            .join('<br>\n')}</p>`,
      );
      out.push(`<blockquote>\n${html.join('\n')}\n</blockquote>`);
    } else {
      para.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/** Plain text of the Markdown (for excerpts and search): markup removed, no HTML. */
export function markdownToText(source: string): string {
  const text = renderMarkdown(source)
    .replace(/<(?:br|\/(?:p|h\d|li|pre|blockquote))>/g, ' ')
    .replace(/<[^>]*>/g, '');
  // Raw HTML in the source is markup too: tags that were shown as text are dropped here.
  return unescapeHtml(text)
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
