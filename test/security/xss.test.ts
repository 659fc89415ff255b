import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addComment } from '../../functions/core/comment/index.js';
import { system, type Ctx } from '../../functions/core/context.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { changeStatus } from '../../functions/core/team/index.js';
import { makeTenant } from '../support/tenants.js';
import { useServerAndBrowser } from '../e2e/server.js';

/**
 * Filter-evasion payloads in the spirit of OWASP's XSS cheat sheet: tags, event handlers,
 * `javascript:` in every spelling, entity and case tricks, breaking out of attributes, and
 * Markdown links. Each one, if it ran, would set `window.__xss`.
 */
const CORPUS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg/onload=window.__xss=3>',
  '"><script>window.__xss=4</script>',
  "'><img src=x onerror=window.__xss=5>",
  '<IMG SRC="javascript:window.__xss=6">',
  '<IMG SRC=JaVaScRiPt:window.__xss=7>',
  '<a href="jav&#x09;ascript:window.__xss=8">tab</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss=9">entities</a>',
  '[link](javascript:window.__xss=10)',
  '[link](JAVASCRIPT:window.__xss=11)',
  '[link](jav&#x09;ascript:window.__xss=12)',
  '[link](  javascript:window.__xss=13)',
  '[link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTQ8L3NjcmlwdD4=)',
  '[link](vbscript:msgbox(15))',
  '<iframe src="javascript:window.__xss=16"></iframe>',
  '<body onload=window.__xss=17>',
  '<div style="background:url(javascript:window.__xss=18)">css</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=19>',
  '<details open ontoggle=window.__xss=20>',
  '`<img src=x onerror=window.__xss=21>`',
  '**<img src=x onerror=window.__xss=22>**',
  '<a href="java\u0000script:window.__xss=23">nul</a>',
  'https://example.test/"onmouseover="window.__xss=24"',
  '<object data="javascript:window.__xss=25"></object>',
  '{{constructor.constructor("window.__xss=26")()}}',
];

const env = useServerAndBrowser();

/** What the page shows must stay text: no foreign script, handler, frame or javascript: address in it. */
async function inert(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined)
      found.push(`ran: ${String((window as unknown as { __xss?: unknown }).__xss)}`);
    for (const el of document.querySelectorAll('body *')) {
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
        // Browsers drop control characters and spaces inside a scheme.
        const value = [...attr.value]
          .filter((c) => c.charCodeAt(0) > 32)
          .join('')
          .toLowerCase();
        if (
          ['href', 'src', 'action', 'data', 'formaction'].includes(attr.name) &&
          /^(javascript|vbscript|data):/.test(value)
        )
          found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
      if (['IFRAME', 'OBJECT', 'EMBED', 'MGLYPH'].includes(el.tagName)) found.push(el.tagName);
      if (el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src && el.closest('main'))
        found.push('inline script in main');
    }
    return found;
  });
}

describe('an XSS corpus through every text a member or the team writes, shown in Chromium', () => {
  it('stays text on every page that shows it: no script runs, no javascript: address survives', async () => {
    const tenant = await makeTenant({ tagline: { en: CORPUS.slice(0, 3).join(' ') } });
    const author = await createMember(
      { tenant, actor: system },
      { email: 'author@xss.test', displayName: '<img src=x onerror=window.__xss=99>', lang: 'en' },
    );
    const team = await createMember(
      { tenant, actor: system },
      { email: 'team@xss.test', displayName: 'Team', lang: 'en', role: 'team' },
    );
    const as = (m: { id: string }, role = 'member'): Ctx => ({
      tenant,
      actor: { kind: 'member', memberId: m.id, role: role as never, verified: true },
    });
    const idea = await submitIdea(as(author), {
      sectionId: 'product',
      title: '<script>window.__xss=100</script> title',
      body: CORPUS.join('\n\n'),
    });
    for (const payload of CORPUS) await addComment(as(author), { ideaId: idea.id, body: `${payload} (comment)` });
    await changeStatus(as(team, 'team'), idea.id, { status: 'launched', response: CORPUS.join('\n\n') });

    const dialogs: string[] = [];
    const base = `http://${tenant.slug}.localhost:${env.port}`;
    for (const path of ['/', `/ideas/${idea.id}`, '/ideas-in-action', `/?q=${encodeURIComponent(CORPUS[1]!)}`]) {
      const page = await env.browser.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(`${path}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
      // Hover and focus everything, as a reader's pointer would.
      for (const link of await page.locator('main a').all()) await link.hover({ timeout: 1000 }).catch(() => undefined);
      expect(await inert(page), path).toEqual([]);
      // The payloads are on the page, as text.
      if (path.startsWith('/ideas/')) expect(await page.locator('main').textContent()).toContain('window.__xss=1');
      await page.close();
    }
    expect(dialogs).toEqual([]);
  }, 180_000);
});
