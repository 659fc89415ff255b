import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lastMessageTo } from '../support/outbox.js';
import { makeTenant } from '../support/tenants.js';
import { expectAccessible } from './browser.js';
import { useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

describe('accounts in Chromium', () => {
  it('in French: sign up, create the account from the e-mailed link, sign out, sign in, switch to English, sign out', async () => {
    const tenant = await makeTenant({
      defaultLang: 'fr',
      languages: ['fr', 'en'],
      name: { fr: 'Portail Lumière', en: 'Lumière portal' },
    });
    const base = `http://${tenant.slug}.localhost:${env.port}`;
    const page = await env.browser.newPage();
    await page.goto(`${base}/signup`);
    await expectAccessible(page);

    await page.getByLabel('Votre nom').fill('Élise');
    await page.getByLabel('E-mail').fill('elise@example.test');
    await page.getByLabel('Mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page.locator('#field-password-error').textContent()).resolves.toBe('Au moins 12 caractères.');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Certains champs ne sont pas valides');
    expect(await page.getByLabel('Mot de passe').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('Élise');
    await expectAccessible(page);

    await page.getByLabel('Mot de passe').fill('une phrase assez longue');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('elise@example.test');
    await expectAccessible(page);

    // The account is made from the e-mailed link, its address proven by the same click.
    const mail = await lastMessageTo('elise@example.test', new URL(base).host);
    expect(mail.subject).toContain('Confirmez votre e-mail pour rejoindre');
    await page.goto(mail.link);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(/\/account/);
    expect(await page.getByRole('navigation', { name: 'Menu du compte' }).textContent()).toContain('Élise');
    expect(await page.getByText('Confirmez votre adresse e-mail').count()).toBe(0);
    await expectAccessible(page);

    // Sign out and the language switch are in the account menu, a disclosure under the member's name.
    await page.getByRole('navigation', { name: 'Menu du compte' }).locator('summary').click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/signout/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Vous êtes déconnecté');
    expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBeGreaterThan(0);

    await page.goto(`${base}/signin`);
    await expectAccessible(page);
    await page.locator('#field-email').fill('elise@example.test');
    await page.locator('#field-password').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('ne correspondent à aucun compte');
    await page.locator('#field-password').fill('une phrase assez longue');
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.getByRole('navigation', { name: 'Menu du compte' }).textContent()).toContain('Élise');

    await page.getByRole('navigation', { name: 'Menu du compte' }).locator('summary').click();
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('navigation', { name: 'Account menu' }).locator('summary').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('You are signed out');
    await expectAccessible(page);
    await page.close();
  }, 120_000);

  it('in English: sign up, account page, sign-in link by e-mail, phone-sized', async () => {
    const tenant = await makeTenant({ defaultLang: 'en', languages: ['en', 'fr'] });
    const base = `http://${tenant.slug}.localhost:${env.port}`;
    const page = await env.browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${base}/signup`);
    await page.getByLabel('Your name').fill('Sam');
    await page.getByLabel('E-mail').fill('sam@example.test');
    await page.getByLabel('Password').fill('a long enough sentence');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Check your mailbox');
    await page.goto((await lastMessageTo('sam@example.test', new URL(base).host)).link);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL(/\/account/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Sign out of every device' }).click();
    await page.waitForURL(/\/signin/);
    await page.locator('#link-email').fill('sam@example.test');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('sign-in link is on its way');
    const mail = await lastMessageTo('sam@example.test', new URL(base).host);
    await page.goto(mail.link);
    await page.getByRole('button', { name: 'Sign me in' }).click();
    await page.waitForURL(`${base}/`);
    // On a phone the account links are behind the Menu disclosure, closed until opened.
    expect(await page.getByRole('navigation', { name: 'Account menu' }).count()).toBe(0);
    await page.locator('summary', { hasText: 'Menu' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('navigation', { name: 'Account menu' }).textContent()).toContain('Sam');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await page.close();
  }, 120_000);

  it('past the sign-up rate, the page proves its work in the background; without JavaScript it says why it cannot', async () => {
    const tenant = await makeTenant({ signupProof: { perPortal: 1, perAddress: 1 } });
    const base = `http://${tenant.slug}.localhost:${env.port}`;
    const signUpAs = async (page: Page, name: string) => {
      await page.goto(`${base}/signup`);
      await page.getByLabel('Your name').fill(name);
      await page.getByLabel('E-mail').fill(`${name.toLowerCase()}@example.test`);
      await page.getByLabel('Password').fill('a long enough sentence');
      await page.getByRole('button', { name: 'Create my account' }).click();
    };
    const first = await env.browser.newPage();
    await signUpAs(first, 'Ana');
    await expect(first.getByRole('status').textContent()).resolves.toContain('Check your mailbox');

    const withoutScript = await env.browser.newPage({ javaScriptEnabled: false });
    await signUpAs(withoutScript, 'Bob');
    await expect(withoutScript.getByRole('alert').textContent()).resolves.toContain('needs JavaScript');
    await expect(lastMessageTo('bob@example.test', new URL(base).host)).rejects.toThrow();

    const second = await env.browser.newPage();
    await signUpAs(second, 'Cleo');
    await expect(second.getByRole('status').last().textContent()).resolves.toContain('Check your mailbox');
    expect((await lastMessageTo('cleo@example.test', new URL(base).host)).subject).toContain('Confirm your e-mail');
    await Promise.all([first.close(), withoutScript.close(), second.close()]);
  }, 120_000);
});
