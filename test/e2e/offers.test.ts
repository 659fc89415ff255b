import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { addToPartnerAsSystem, createPartner } from '../../functions/core/offer/index.js';
import { makeTenant, actingAs } from '../support/tenants.js';
import { expectAccessible, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();
const PASSWORD = 'a long enough secret phrase';
/** The smallest PDF the upload check accepts: it starts with the PDF signature. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const signIn = (page: Page, base: string, email: string, fr: boolean) =>
  signInOnPage(page, { base, email, password: PASSWORD, lang: fr ? 'fr' : 'en' });

for (const lang of ['fr', 'en'] as const) {
  const fr = lang === 'fr';
  const title = fr ? 'Membrane solaire pour chauffer l’eau' : 'Solar membrane that heats water';
  const question = fr ? 'Quel rendement en hiver ?' : 'What yield in winter?';
  const answer = fr ? 'Soixante pour cent, mesuré à Lyon.' : 'Sixty percent, measured in Lyon.';

  describe(`technology offers in Chromium (${lang})`, () => {
    it('a partner publishes an offer with a datasheet; the team finds it, expresses interest; they talk and the team moves the state', async () => {
      const tenant = await makeTenant({
        defaultLang: lang,
        languages: ['fr', 'en'],
        name: { fr: 'Portail offres', en: 'Offers portal' },
      });
      const ctx = { tenant, actor: system };
      const team = await createMember(ctx, {
        email: 'team@example.test',
        displayName: 'Tess Team',
        lang,
        role: 'team',
        password: PASSWORD,
      });
      const partner = await createMember(ctx, {
        email: 'partner@example.test',
        displayName: 'Paul Partner',
        lang,
        role: 'partner',
        password: PASSWORD,
      });
      const org = await createPartner(actingAs(tenant, team), {
        name: 'Helio Labs',
        country: 'FR',
        description: fr ? 'Laboratoire solaire.' : 'A solar lab.',
      });
      await addToPartnerAsSystem({ tenant, actor: system }, org.id, partner);
      const base = `http://${tenant.slug}.localhost:${env.port}`;

      // The partner writes the offer, attaches a PDF datasheet and publishes it.
      const mine = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
      await signIn(mine, base, 'partner@example.test', fr);
      await mine.goto(`${base}/partner`);
      await expectAccessible(mine);
      await mine.getByRole('link', { name: fr ? 'Nouvelle offre' : 'New offer', exact: true }).click();
      await mine.getByLabel(fr ? 'Titre' : 'Title', { exact: true }).fill(title);
      await mine
        .getByLabel(fr ? 'Résumé' : 'Summary', { exact: true })
        .fill(fr ? 'Une membrane qui chauffe l’eau au soleil.' : 'A membrane that heats water in the sun.');
      await mine
        .getByLabel('Description', { exact: true })
        .fill(fr ? 'Testée **deux ans** en conditions réelles.' : 'Tested for **two years** in the field.');
      await mine.getByLabel(fr ? 'Maturité' : 'Maturity', { exact: true }).selectOption('lab_prototype');
      await expect.poll(() => mine.locator('.offer-form').textContent()).toContain(fr ? 'TRL 3 à 5' : 'TRL 3 to 5');
      await mine
        .getByLabel(fr ? 'Niveau de maturité technologique (TRL)' : 'Technology readiness level (TRL)')
        .selectOption('4');
      await mine.getByRole('checkbox', { name: fr ? 'Énergie' : 'Energy' }).check();
      await mine.getByRole('checkbox', { name: fr ? 'Licence' : 'Licensing' }).check();
      await mine
        .getByLabel(fr ? 'Propriété intellectuelle' : 'Intellectual property', { exact: true })
        .selectOption('patented');
      await mine.getByLabel(fr ? 'Pays' : 'Country', { exact: true }).selectOption('FR');
      await mine
        .getByLabel(fr ? 'Fiches techniques (facultatif)' : 'Datasheets (optional)')
        .setInputFiles({ name: 'datasheet.pdf', mimeType: 'application/pdf', buffer: PDF });
      await mine.getByText(fr ? 'datasheet.pdf joint' : 'datasheet.pdf attached').waitFor();
      await expectAccessible(mine);
      await mine.getByRole('button', { name: fr ? 'Publier' : 'Publish', exact: true }).click();
      await mine.waitForURL(/\/offers\/[0-9a-z]{20}$/);
      const offerId = new URL(mine.url()).pathname.split('/')[2]!;
      expect(await mine.locator('h1').textContent()).toBe(title);
      const datasheet = await mine.getByRole('link', { name: /datasheet\.pdf/ }).getAttribute('href');
      expect(datasheet).toMatch(new RegExp(`^/offers/${offerId}/files/[0-9a-z]{20}$`));
      expect(await mine.evaluate((href) => fetch(href).then((r) => r.headers.get('content-type')), datasheet!)).toBe(
        'application/pdf',
      );
      await expectAccessible(mine);

      // The team searches with a word and a sector, opens the offer and expresses interest.
      const desk = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
      await signIn(desk, base, 'team@example.test', fr);
      await desk.goto(`${base}/offers`);
      await desk.getByLabel(fr ? 'Mots' : 'Words', { exact: true }).fill(fr ? 'solaire' : 'solar');
      await desk.getByRole('checkbox', { name: fr ? /Énergie/ : /Energy/ }).check();
      await desk.getByRole('button', { name: fr ? 'Appliquer les filtres' : 'Apply the filters' }).click();
      await desk.waitForURL(/sector=energy/);
      await expect
        .poll(() => desk.getByRole('status').first().textContent())
        .toContain(fr ? '1 offre trouvée' : '1 offer found');
      await expectAccessible(desk);
      await desk.getByRole('link', { name: title }).click();
      await desk.waitForURL(`${base}/offers/${offerId}`);
      expect(await desk.locator('.markdown strong').textContent()).toBe(fr ? 'deux ans' : 'two years');
      await expectAccessible(desk);
      await desk.getByLabel(fr ? 'Premier message (facultatif)' : 'First message (optional)').fill(question);
      await desk.getByRole('button', { name: fr ? 'Manifester notre intérêt' : 'Express interest' }).click();
      await desk.waitForURL(`${base}/threads/${offerId}`);
      expect(await desk.locator('.messages').textContent()).toContain(question);
      await expectAccessible(desk);

      // The partner finds the conversation and answers.
      await mine.goto(`${base}/threads`);
      await expectAccessible(mine);
      await mine.getByRole('link', { name: title }).click();
      await mine.waitForURL(`${base}/threads/${offerId}`);
      expect(await mine.locator('.messages').textContent()).toContain(question);
      await mine.getByLabel(fr ? 'Votre message' : 'Your message').fill(answer);
      await mine.getByRole('button', { name: fr ? 'Envoyer' : 'Send', exact: true }).click();
      await expect
        .poll(() => mine.getByRole('status').first().textContent())
        .toContain(fr ? 'Message envoyé' : 'Message sent');
      await expectAccessible(mine);
      await mine.close();

      // The team reads the answer and moves the conversation under NDA.
      await desk.reload();
      expect(await desk.locator('.messages').textContent()).toContain(answer);
      await desk.getByLabel(fr ? 'État' : 'State', { exact: true }).selectOption('under_nda');
      await desk.getByRole('button', { name: fr ? 'Changer l’état' : 'Change the state' }).click();
      await expect
        .poll(() => desk.getByRole('status').first().textContent())
        .toContain(fr ? 'État changé' : 'State changed');
      expect(await desk.locator('.messages').textContent()).toContain(
        fr ? 'Sous accord de confidentialité' : 'Under NDA',
      );
      await expectAccessible(desk);
      await desk.close();
    }, 90_000);
  });
}
