import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { castVote } from '../../functions/core/vote/index.js';
import { makeTenant, actingAs } from '../support/tenants.js';
import { expectAccessible, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();
const PASSWORD = 'a long enough secret phrase';

const signIn = (page: Page, base: string, email: string, fr: boolean) =>
  signInOnPage(page, { base, email, password: PASSWORD, lang: fr ? 'fr' : 'en' });

for (const lang of ['fr', 'en'] as const) {
  const fr = lang === 'fr';
  describe(`the team workspace in Chromium (${lang})`, () => {
    it('moderates the queue, merges two ideas, answers one publicly; the member sees the answer and the notification', async () => {
      const tenant = await makeTenant({
        defaultLang: lang,
        languages: ['fr', 'en'],
        moderation: 'before',
        name: { fr: 'Portail équipe', en: 'Team portal' },
      });
      const ctx = { tenant, actor: system };
      const team = await createMember(ctx, {
        email: 'team@example.test',
        displayName: 'Tess Team',
        lang,
        role: 'team',
        password: PASSWORD,
      });
      const member = await createMember(ctx, {
        email: 'member@example.test',
        displayName: 'Mia Member',
        lang,
        password: PASSWORD,
      });
      const held = await submitIdea(actingAs(tenant, member), {
        sectionId: 'product',
        title: 'Refill stations for water bottles',
        body: 'Free refills of filtered water in every shop.',
      });
      const base = `http://${tenant.slug}.localhost:${env.port}`;

      const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
      await signIn(page, base, 'team@example.test', fr);
      await page.goto(`${base}/team`);
      await expect(page.locator('h2').first().textContent()).resolves.toBe(fr ? 'À modérer' : 'Awaiting moderation');
      expect(await page.locator('.queue').textContent()).toContain('Refill stations');
      await expectAccessible(page);
      await page
        .getByRole('button', { name: fr ? 'Appliquer' : 'Apply' })
        .first()
        .click(); // "approve" is preselected
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(fr ? 'C’est fait' : 'Done');
      await page.goto(`${base}/team`);
      expect(await page.locator('main').textContent()).toContain(fr ? 'Rien ici' : 'Nothing here');

      // A duplicate, posted and published, with a vote of its own, is merged into the first idea.
      const dup = await submitIdea(actingAs(tenant, member), {
        sectionId: 'product',
        title: 'Water refill points in shops',
        body: 'Let us refill our bottles when we buy a coffee.',
      });
      const voter = await createMember(ctx, { email: 'voter@example.test', displayName: 'Vic Voter', lang });
      const { moderate } = await import('../../functions/core/team/index.js');
      await moderate(
        { tenant, actor: { kind: 'member', memberId: team.id, role: 'team', displayName: 'Tess Team' } },
        `idea:${dup.id}`,
        { decision: 'approve' },
      );
      await castVote(actingAs(tenant, voter), { ideaId: dup.id, value: 1 });
      await page.goto(`${base}/team/ideas/${dup.id}`);
      await expectAccessible(page);
      await page
        .getByLabel(fr ? 'Adresse ou identifiant de l’idée à garder' : 'Address or id of the idea to keep')
        .fill(`${base}/ideas/${held.id}`);
      await page.getByRole('button', { name: fr ? 'Fusionner dans cette idée' : 'Merge into that idea' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(fr ? '1 votes' : '1 votes');

      // The public answer on the kept idea.
      await page.goto(`${base}/team/ideas/${held.id}`);
      await page.getByLabel(fr ? 'Statut' : 'Status', { exact: true }).selectOption('launched');
      const answer = fr
        ? 'Les fontaines arrivent dans toutes les boutiques en mars.'
        : 'Refill stations reach every shop in March.';
      await page.getByLabel(fr ? /Réponse officielle/ : /Official response/).fill(answer);
      await page.getByRole('button', { name: fr ? 'Changer le statut' : 'Change the status' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain(fr ? 'Statut enregistré' : 'Status saved');
      await expectAccessible(page);
      await page.close();

      // The member sees the answer on the idea, in "ideas in action", and a notification.
      const mine = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
      await signIn(mine, base, 'member@example.test', fr);
      await mine.goto(`${base}/ideas/${held.id}`);
      expect(await mine.locator('.response').textContent()).toContain(answer);
      expect(await mine.locator('.tally').textContent()).toContain('1');
      await expectAccessible(mine);
      await mine.goto(`${base}/ideas/${dup.id}`);
      expect(
        await mine
          .getByRole('link', { name: fr ? 'voir l’idée qu’elle a rejointe' : 'see the idea it joined' })
          .getAttribute('href'),
      ).toBe(`/ideas/${held.id}`);
      await mine.goto(`${base}/ideas-in-action`);
      expect(await mine.locator('main').textContent()).toContain(answer);
      await expectAccessible(mine);
      await expect
        .poll(
          async () => {
            await mine.goto(`${base}/notifications`);
            return mine.locator('main').textContent();
          },
          { timeout: 15_000 },
        )
        .toContain('Refill stations');
      await expectAccessible(mine);
      await mine.screenshot({ path: `test-results/member-notification-${lang}.png`, fullPage: true });
      await mine.close();
    }, 120_000);
  });
}
