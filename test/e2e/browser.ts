import { chromium, type Browser, type Page } from 'playwright-core';
import axe from 'axe-core';
import { expect } from 'vitest';

/** Debian's Chromium, headless, with the flags this closed network needs; no browser download. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** WCAG 2.2 A/AA violations that axe-core finds on the page, as "rule: target" lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, which the pages' CSP does not govern: an injected <script> tag
  // would be refused, as it must be (only the app's own scripts run).
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Fails the test with the page's WCAG violations, if any. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
}

/** Signs in through the portal's sign-in page, pressing its button as a reader of `lang` sees it. */
export async function signInOnPage(
  page: Page,
  o: { base: string; email: string; password: string; lang: 'fr' | 'en' },
): Promise<void> {
  await page.goto(`${o.base}/signin`);
  await page.locator('#field-email').fill(o.email);
  await page.locator('#field-password').fill(o.password);
  await page.getByRole('button', { name: o.lang === 'fr' ? 'Me connecter' : 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
