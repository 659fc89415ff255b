import { describe, expect, it } from 'vitest';
import { portalWithRoles, PASSWORD } from '../support/roles.js';
import { expectAccessible } from './browser.js';
import { useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

describe('a dark theme the brand offers, in Chromium', () => {
  it('an owner offers one (its colours checked like the main theme), and readers set to dark get it', async () => {
    const { tenant } = await portalWithRoles();
    const base = `http://${tenant.slug}.localhost:${env.port}`;
    const owner = await env.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await owner.goto(`${base}/signin?lang=fr`);
    await owner.locator('#field-email').fill('owner@example.test');
    await owner.locator('#field-password').fill(PASSWORD);
    await owner.getByRole('button', { name: 'Me connecter', exact: true }).click();
    await owner.waitForURL(`${base}/`);
    await owner.goto(`${base}/admin?lang=en`);
    await owner.getByLabel('Offer a dark theme').check();
    await owner.locator('#f-darkTheme-text').fill('#333333');
    await owner.getByRole('button', { name: 'Save the settings' }).click();
    await expect(owner.locator('#f-darkTheme-text-error').textContent()).resolves.toMatch(/^Contrast 1\.\d\d:1/);
    await owner.locator('#f-darkTheme-text').fill('#e8eaed');
    await owner.getByRole('button', { name: 'Save the settings' }).click();
    await owner.waitForURL(/saved=settings/);
    await owner.close();

    const background = async (colorScheme: 'dark' | 'light') => {
      const page = await env.browser.newPage({ colorScheme });
      await page.goto(`${base}/?lang=fr`);
      const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (colorScheme === 'dark') await expectAccessible(page);
      await page.close();
      return colour;
    };
    expect(await background('dark')).toBe('rgb(18, 20, 23)'); // #121417
    expect(await background('light')).toBe('rgb(255, 255, 255)');
  }, 120_000);
});
