import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { createMemberWithPassword } from '../support/members.js';
import { asMember, makeTenant } from '../support/tenants.js';
import { expectAccessible, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();
const PASSWORD = 'a long enough secret phrase';

describe('a member’s photo, in the browser', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`is chosen on the account page and shows beside the member's name, in the header and on their idea (${lang}, phone)`, async () => {
      const tenant = await makeTenant({ defaultLang: lang });
      const member = await createMemberWithPassword(
        { tenant, actor: system },
        { email: 'pia@example.test', displayName: 'Pia Ström', lang, password: PASSWORD },
      );
      const idea = await submitIdea(asMember(tenant, member), {
        sectionId: 'product',
        title: 'Benches by the lake',
        body: 'Somewhere to sit and look at the water on the way home.',
      });
      const base = `http://${tenant.slug}.localhost:${env.port}`;
      const page = await env.browser.newPage({ viewport: { width: 375, height: 740 }, locale: lang });
      await signInOnPage(page, { base, email: 'pia@example.test', password: PASSWORD, lang });
      await page.goto(`${base}/account`);
      await page.waitForLoadState('networkidle');
      const t = (en: string, fr: string) => (lang === 'en' ? en : fr);
      await expect(page.locator('#photo').textContent()).resolves.toContain(
        t('your initials show beside your name', 'vos initiales s’affichent'),
      );

      const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#d35400' } })
        .jpeg()
        .toBuffer();
      await page.getByLabel(t('Choose a photo', 'Choisir une photo')).setInputFiles({
        name: 'pia.jpg',
        mimeType: 'image/jpeg',
        buffer: photo,
      });
      await page.getByText(t('pia.jpg is ready', 'pia.jpg est prêt')).waitFor();
      await page.getByRole('button', { name: t('Use this photo', 'Utiliser cette photo') }).click();
      await page.getByText(t('Photo chosen', 'Photo choisie')).waitFor();
      await expectAccessible(page);

      // The face is made by the stream: a reload a moment later shows it (the header's copy of the
      // account is kept up to five seconds per process: core/identity/sessions.ts).
      const src = (selector: string) =>
        page
          .locator(selector)
          .first()
          .getAttribute('src', { timeout: 100 })
          .catch(() => null);
      let face = '';
      for (let tries = 0; tries < 60 && !(face && (await src('header .avatar img'))); tries++) {
        await page.waitForTimeout(250);
        await page.goto(`${base}/account`);
        face = (await src('#photo .avatar img')) ?? '';
      }
      expect(face).toMatch(/^\/tenants\/[0-9a-z]+\/brand\/face-/);
      const loaded = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth));
      await expect(loaded('#photo .avatar img')).resolves.toBe(160);
      await expect(page.locator('header .avatar img').first().getAttribute('src')).resolves.toBe(face);

      await page.goto(`${base}/ideas/${idea.id}`);
      await expect(page.locator('main .avatar img').first().getAttribute('src')).resolves.toBe(face);
      await expectAccessible(page);
      await page.screenshot({ path: `test-results/photo-idea-${lang}.png` });

      // Back to initials.
      await page.goto(`${base}/account`);
      await page.getByRole('button', { name: t('Remove my photo', 'Retirer ma photo') }).click();
      await page.getByText(t('Photo removed', 'Photo retirée')).waitFor();
      await expect(page.locator('header .avatar img').count()).resolves.toBe(0);
      await page.close();
    }, 120_000);
  }
});
