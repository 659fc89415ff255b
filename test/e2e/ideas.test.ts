import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { createMemberWithPassword } from '../support/members.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { asMember, makeTenant } from '../support/tenants.js';
import { accessibilityViolations } from './browser.js';
import { useServerAndBrowser } from './server.js';

const PASSWORD = 'a long enough secret phrase';
// A real 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const XSS =
  '**Gras** <script>window.__xss=1</script> <img src=x onerror="window.__xss=2"> [lien](javascript:window.__xss=3)';

const env = useServerAndBrowser();

async function member(tenant: Tenant, name: string, lang: 'fr' | 'en') {
  return createMemberWithPassword(
    { tenant, actor: system },
    { email: `${name}@example.test`, displayName: name, lang, password: PASSWORD },
  );
}

async function signIn(
  tenant: Tenant,
  name: string,
  submit: string,
  viewport = { width: 1100, height: 900 },
): Promise<Page> {
  const page = await env.browser.newPage({ viewport });
  await page.goto(`http://${tenant.slug}.localhost:${env.port}/signin`);
  await page.locator('#field-email').fill(`${name}@example.test`);
  await page.locator('#field-password').fill(PASSWORD);
  await page.getByRole('button', { name: submit }).click();
  await page.waitForURL(`http://${tenant.slug}.localhost:${env.port}/`);
  return page;
}

const noViolations = async (page: Page) => expect(await accessibilityViolations(page), page.url()).toEqual([]);

describe('ideas in Chromium', () => {
  it('in French: submit with an image and see similar ideas, inert XSS, a vote and a comment from another member, then a notification', async () => {
    const tenant = await makeTenant({ defaultLang: 'fr', languages: ['fr', 'en'] });
    const older = await member(tenant, 'lea', 'fr');
    await submitIdea(asMember(tenant, older), {
      sectionId: 'product',
      title: 'Des gobelets réutilisables consignés',
      body: 'Un gobelet rendu dans toutes les boutiques.',
    });
    await member(tenant, 'ann', 'fr');
    await member(tenant, 'bob', 'fr');

    const ann = await signIn(tenant, 'ann', 'Me connecter');
    await ann.getByRole('link', { name: 'Proposer une idée' }).click();
    await ann.waitForURL(/\/ideas\/new/);
    await ann.getByLabel('Titre').pressSequentially('Gobelets réutilisables en boutique', { delay: 5 });
    await ann.getByText('Des idées proches existent déjà').waitFor();
    expect(await ann.locator('.similar').textContent()).toContain('Des gobelets réutilisables consignés');
    await ann.getByLabel('Décrivez votre idée').fill(XSS);
    await ann
      .getByLabel('Pièces jointes (facultatif)')
      .setInputFiles({ name: 'croquis.png', mimeType: 'image/png', buffer: PNG });
    await ann.getByText('croquis.png est joint').waitFor();
    await noViolations(ann);
    await ann.getByRole('button', { name: 'Publier mon idée' }).click();
    await ann.waitForURL(/\/ideas\/[0-9a-z]{20}$/);
    const ideaUrl = ann.url();

    expect(await ann.locator('h1').textContent()).toBe('Gobelets réutilisables en boutique');
    expect(await ann.locator('.markdown strong').first().textContent()).toBe('Gras');
    expect(await ann.locator('.markdown script, .markdown img, .markdown a[href^="javascript"]').count()).toBe(0);
    expect(await ann.locator('.markdown').first().textContent()).toContain('<script>window.__xss=1</script>');
    expect(await ann.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The attachment is lazy-loaded: bring it into view, then it must decode as the 1x1 PNG it is.
    await ann.locator('.attachments img').scrollIntoViewIfNeeded();
    await ann.waitForFunction(
      () => {
        const img = document.querySelector<HTMLImageElement>('.attachments img');
        return img?.complete === true && img.naturalWidth === 1;
      },
      undefined,
      { timeout: 10_000 },
    );
    await noViolations(ann);

    const bob = await signIn(tenant, 'bob', 'Me connecter', { width: 375, height: 740 });
    await bob.goto(ideaUrl);
    await bob.getByRole('button', { name: 'Voter pour cette idée' }).click();
    await bob.getByRole('button', { name: 'Vous avez voté pour (retirer)' }).waitFor();
    expect(await bob.locator('.tally').textContent()).toContain('1 vote');
    await bob.getByLabel('Ajouter un commentaire').fill('Bravo <img src=x onerror="window.__xss=4">');
    await bob.getByRole('button', { name: 'Commenter', exact: true }).click();
    await bob.locator('.comment .markdown').filter({ hasText: 'Bravo' }).waitFor();
    expect(await bob.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await bob.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await noViolations(bob);

    // The notification arrives off the request path; reload until the header counts it.
    const bell = ann.getByRole('link', { name: /^Notifications, \d+ non lues?$/ });
    for (let i = 0; i < 50 && !(await bell.count()); i++) {
      await ann.waitForTimeout(200);
      await ann.reload();
    }
    await ann.getByRole('link', { name: /Notifications/ }).click();
    expect(await ann.locator('.idea-list').textContent()).toContain(
      'bob a commenté votre idée « Gobelets réutilisables en boutique »',
    );
    await noViolations(ann);
    // An idea address that cannot exist is a page not found, said in French, not a form error.
    const missing = await ann.goto(ideaUrl.replace(/[0-9a-z]{20}$/, 'abc'));
    expect(missing?.status()).toBe(404);
    expect(await ann.locator('main').innerText()).toContain('Page introuvable');
    expect(await ann.locator('main').innerText()).not.toContain('champs');
    await ann.close();
    await bob.close();
  }, 120_000);

  it('in English, by keyboard: find ideas by words, post one, and vote for it', async () => {
    const tenant = await makeTenant({ defaultLang: 'en', languages: ['en', 'fr'] });
    await member(tenant, 'sam', 'en');
    const page = await signIn(tenant, 'sam', 'Sign in');
    await page.getByRole('link', { name: 'Suggest an idea' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ideas\/new/);
    await page.getByLabel('Title').fill('Quiet hour without music');
    await page
      .getByLabel('Describe your idea')
      .fill('One hour each morning without music, for people who read or work.');
    await page.getByRole('button', { name: 'Post my idea' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ideas\/[0-9a-z]{20}$/);
    await page.getByRole('button', { name: 'Vote for this idea' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'You voted for it (withdraw)' }).waitFor();
    // The vote posts without a page load and the focus stays on the button, not back at the top.
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('You voted for it'));
    await page.getByLabel('Add a comment').fill('Mornings are the best time for it.');
    await page.getByRole('button', { name: 'Comment', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Your comment is posted.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Comment');
    await page.goto(`http://${tenant.slug}.localhost:${env.port}/?q=music`);
    expect(await page.getByRole('heading', { name: 'Results for “music”' }).count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="results-heading"]').textContent()).toContain(
      'Quiet hour without music',
    );
    await noViolations(page);
    await page.close();
  }, 120_000);
});
