import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { makeTenant } from '../support/tenants.js';
import { expectAccessible, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();
const PASSWORD = 'a long enough secret phrase';

describe('two-step sign-in in Chromium', () => {
  it('an owner turns it on from a phone by the key shown, keeps the recovery codes, and signs in again in French with one', async () => {
    const tenant = await makeTenant({ defaultLang: 'en', languages: ['en', 'fr'] });
    await createMember(
      { tenant, actor: system },
      { email: 'owner@example.test', displayName: 'Olga', lang: 'en', role: 'owner', password: PASSWORD },
    );
    const base = `http://${tenant.slug}.localhost:${env.port}`;
    const page = await env.browser.newPage({ viewport: { width: 375, height: 740 } });
    await signInOnPage(page, { base, email: 'owner@example.test', password: PASSWORD, lang: 'en' });
    await page.goto(`${base}/account`);
    await page.getByRole('link', { name: 'Two-step sign-in' }).click();
    await page.waitForURL(/\/account\/security/);
    await expectAccessible(page);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

    await expect(page.getByRole('img', { name: /QR code/ }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/two-step-scan-phone.png', fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const key = (await page.locator('figcaption code').textContent())!.replace(/\s/g, '');
    const app = new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30, algorithm: 'SHA1' });
    await page.getByLabel('The six-digit code the app shows').fill('000000');
    await page.getByRole('button', { name: 'Turn it on' }).click();
    await expect(page.locator('#field-code-error').textContent()).resolves.toContain('does not work');
    await page.getByLabel('The six-digit code the app shows').fill(app.generate());
    await page.getByRole('button', { name: 'Turn it on' }).click();
    await expect(page.getByRole('heading', { name: 'Two-step sign-in is on' }).count()).resolves.toBe(1);
    const codes = await page.locator('ol.codes code').allTextContents();
    expect(codes).toHaveLength(10);
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/two-step-codes-phone.png', fullPage: true });

    // Signed out, the password is no longer enough; a wrong code is told, a recovery code lets in.
    await page.context().clearCookies();
    await page.goto(`${base}/signin?lang=fr`);
    await page.locator('#field-email').fill('owner@example.test');
    await page.locator('#field-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Me connecter', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Encore une étape' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.getByLabel('Code').fill('123456');
    await page.getByRole('button', { name: 'Me connecter', exact: true }).click();
    await expect(page.locator('#field-code-error').textContent()).resolves.toContain('ne fonctionne pas');
    await page.getByLabel('Code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Me connecter', exact: true }).click();
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/account/security`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Codes de secours restants : 9');
    await page.close();
  }, 120_000);
});
