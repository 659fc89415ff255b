import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addComment } from '../../functions/core/comment/index.js';
import { system } from '../../functions/core/context.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { addToPartnerAsSystem, createPartner } from '../../functions/core/offer/index.js';
import { invite } from '../../functions/core/roles/index.js';
import { actingAs, makeTenant } from '../support/tenants.js';
import { expectAccessible, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';
import { createMemberWithPassword } from '../support/members.js';

const env = useServerAndBrowser();
const PASSWORD = 'a long enough secret phrase';

/** Presses a button from the keyboard, as someone without a mouse would. */
async function pressWithKeyboard(page: Page, name: string) {
  await page.getByRole('button', { name }).focus();
  await page.keyboard.press('Enter');
}

for (const lang of ['en', 'fr'] as const) {
  const fr = lang === 'fr';
  describe(`revoking rights and held comments in Chromium (${lang})`, () => {
    it('an owner revokes an invitation and removes a partner’s person; a held comment is marked for its author, on a phone', async () => {
      const tenant = await makeTenant({ defaultLang: lang, languages: ['fr', 'en'], blockedWords: ['casino'] });
      const ctx = { tenant, actor: system };
      const owner = await createMemberWithPassword(ctx, {
        email: 'owner@example.test',
        displayName: 'Olga Owner',
        lang,
        role: 'owner',
        password: PASSWORD,
      });
      const partner = await createMember(ctx, { email: 'p@example.test', displayName: 'Paula', lang, role: 'partner' });
      const org = await createPartner(ctx, { name: 'Volta Labs', country: 'DE' });
      await addToPartnerAsSystem(ctx, org.id, partner);
      await invite(actingAs(tenant, owner), { email: 'guest@example.test', role: 'team' });
      const base = `http://${tenant.slug}.localhost:${env.port}`;

      // The pending invitations and the organisation's people fit a phone, without sideways scrolling.
      const small = await env.browser.newPage({ viewport: { width: 320, height: 740 } });
      await signInOnPage(small, { base, email: 'owner@example.test', password: PASSWORD, lang });
      for (const path of ['/team/members', '/team/partners']) {
        await small.goto(`${base}${path}`);
        expect(await small.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
      }
      await small.close();

      const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
      await signInOnPage(page, { base, email: 'owner@example.test', password: PASSWORD, lang });
      await page.goto(`${base}/team/members`);
      expect(await page.locator('main').textContent()).toContain('guest@example.test');
      await expectAccessible(page);
      await pressWithKeyboard(
        page,
        fr ? 'Retirer l’invitation de guest@example.test' : 'Revoke the invitation of guest@example.test',
      );
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain(fr ? 'est retirée' : 'is revoked');
      expect(await page.locator('main').textContent()).toContain(
        fr ? 'Aucune invitation en attente' : 'No invitation is waiting',
      );

      await page.goto(`${base}/team/partners`);
      await expectAccessible(page);
      await pressWithKeyboard(page, fr ? 'Retirer Paula de Volta Labs' : 'Remove Paula from Volta Labs');
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain(fr ? 'Paula ne fait plus partie de Volta Labs' : 'Paula no longer belongs to Volta Labs');
      expect(await page.locator('.people').count()).toBe(0);
      await page.close();

      const mia = await createMemberWithPassword(ctx, {
        email: 'mia@example.test',
        displayName: 'Mia',
        lang,
        password: PASSWORD,
      });
      const idea = await submitIdea(actingAs(tenant, owner), {
        sectionId: 'product',
        title: 'Quiet corners in every shop',
        body: 'Tables away from the music, please.',
      });
      await addComment(actingAs(tenant, mia), { ideaId: idea.id, body: 'Or a casino corner instead' });
      const phone = await env.browser.newPage({ viewport: { width: 375, height: 740 } });
      await signInOnPage(phone, { base, email: 'mia@example.test', password: PASSWORD, lang });
      await phone.goto(`${base}/ideas/${idea.id}`);
      expect(await phone.locator('.comments').textContent()).toContain(
        fr ? 'En attente de relecture par l’équipe' : 'Waiting for the team’s review',
      );
      await expectAccessible(phone);
      await phone.close();
    });
  });
}
