import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { createNotification } from '../../functions/core/notify/index.js';
import { makeTenant } from '../support/tenants.js';
import { expectAccessible, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();
const shots = 'test-results';
const PASSWORD = 'a long enough secret phrase';
const OWNER = 'Olga Lindqvist';

/** A public portal with an owner who has three unread notifications. */
async function portalWithOwner() {
  const tenant = await makeTenant({ name: { en: 'Harbour Bikes', fr: 'Vélos du Port' } });
  const owner = await createMember(
    { tenant, actor: system },
    { email: 'owner@example.test', displayName: OWNER, lang: 'en', role: 'owner', password: PASSWORD },
  );
  for (const title of ['Cargo bikes', 'Night lights', 'Repair days']) {
    await createNotification(tenant.id, owner.id, {
      kind: 'comment',
      ideaId: '0000000000aaaaaaaaaa',
      ideaTitle: title,
      actorName: 'Léa',
      createdAt: new Date().toISOString(),
    });
  }
  return { base: `http://${tenant.slug}.localhost:${env.port}` };
}

/** The header's visible controls: how many, the band they all share (lowest top, highest bottom), the smallest height, the rightmost edge. */
function headerControls(page: Page) {
  return page.locator('header.site-header').evaluate((header) => {
    const boxes = Array.from(header.querySelectorAll('a, summary, button'))
      .filter((el) => el.checkVisibility())
      .map((el) => el.getBoundingClientRect());
    return {
      height: header.getBoundingClientRect().height,
      count: boxes.length,
      lowestTop: Math.max(...boxes.map((b) => b.top)),
      highestBottom: Math.min(...boxes.map((b) => b.bottom)),
      smallest: Math.min(...boxes.map((b) => b.height)),
      right: Math.max(...boxes.map((b) => b.right)),
    };
  });
}

/** Every control of the header sits on one line: each one's top is above every other's bottom. */
async function expectOneRow(page: Page, controls: number) {
  const row = await headerControls(page);
  expect(row.count).toBe(controls);
  expect(row.lowestTop).toBeLessThan(row.highestBottom);
  expect(row.height).toBeLessThan(90);
  expect(row.smallest).toBeGreaterThanOrEqual(44);
  expect(row.right).toBeLessThanOrEqual(page.viewportSize()!.width);
}

const accountSummary = (page: Page) => page.locator('header summary', { hasText: OWNER });
const isOpen = (page: Page) => accountSummary(page).evaluate((s) => (s.parentElement as HTMLDetailsElement).open);

/** Presses Tab until the account menu's summary has the focus (a keyboard user's way there). */
async function tabToAccountMenu(page: Page) {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await accountSummary(page).evaluate((s) => s === document.activeElement)) return;
  }
  throw new Error('the account menu is not in the tab order');
}

/** Opens the account menu from the keyboard and moves into it: its first item has the focus. */
async function openAccountMenuByKeyboard(page: Page) {
  await tabToAccountMenu(page);
  await page.keyboard.press('Enter');
  expect(await isOpen(page)).toBe(true);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Profile and preferences');
}

describe('the header in Chromium', () => {
  it('signed in as an owner: one row at 1280 and 1024 px, the bell counts, the account menu opens by keyboard and closes on Escape', async () => {
    const { base } = await portalWithOwner();
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInOnPage(page, { base, email: 'owner@example.test', password: PASSWORD, lang: 'en' });
    await page.goto(`${base}/`);

    // Brand, Ideas, Offers, Challenges, Team, the bell, the account menu.
    await expectOneRow(page, 7);
    const main = page.getByRole('navigation', { name: 'Main' });
    expect(await main.getByRole('link').allTextContents()).toEqual(['Ideas', 'Offers', 'Challenges', 'Team']);
    expect(await main.getByRole('link', { name: 'Ideas' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('link', { name: 'Notifications, 3 unread' }).count()).toBe(1);
    await page.screenshot({ path: `${shots}/header-1280-owner.png` });
    await expectAccessible(page);

    await tabToAccountMenu(page);
    expect(await accountSummary(page).evaluate((s) => getComputedStyle(s).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await isOpen(page)).toBe(true);
    const menu = page.getByRole('navigation', { name: 'Account menu' });
    for (const name of ['Profile and preferences', 'My activity', 'Two-step sign-in', 'Requests', 'Settings']) {
      expect(await menu.getByRole('link', { name }).isVisible(), name).toBe(true);
    }
    expect(await menu.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await menu.getByRole('link', { name: 'Français' }).isVisible()).toBe(true);
    const panel = await menu.locator('.panel').boundingBox();
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: `${shots}/header-1280-owner-menu.png` });
    await expectAccessible(page);

    // The home page ships no JavaScript; on a page that does, Escape closes the menu from inside
    // it and the focus goes back to its summary; a click elsewhere closes it too.
    await page.goto(`${base}/team`);
    expect(await page.locator('link[rel="modulepreload"]').count()).toBeGreaterThan(0);
    expect(await main.getByRole('link', { name: 'Team' }).getAttribute('aria-current')).toBe('page');
    await openAccountMenuByKeyboard(page);
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    expect(await accountSummary(page).evaluate((s) => s === document.activeElement)).toBe(true);
    await accountSummary(page).click();
    expect(await isOpen(page)).toBe(true);
    await page.locator('h1').click();
    expect(await isOpen(page)).toBe(false);

    // The place you are in is marked: the team's workspace above, and a page inside it.
    await page.goto(`${base}/team/members`);
    expect(await main.getByRole('link', { name: 'Team' }).getAttribute('aria-current')).toBe('true');
    expect(await main.getByRole('link', { name: 'Ideas' }).getAttribute('aria-current')).toBeNull();

    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`${base}/?lang=fr`);
    await expectOneRow(page, 7);
    expect(await page.getByRole('navigation', { name: 'Principale' }).getByRole('link').allTextContents()).toEqual([
      'Idées',
      'Offres',
      'Défis',
      'Équipe',
    ]);
    expect(await page.getByRole('link', { name: 'Notifications, 3 non lues' }).count()).toBe(1);
    await accountSummary(page).click();
    const menuFr = page.getByRole('navigation', { name: 'Menu du compte' });
    expect(await menuFr.getByRole('link', { name: 'Profil et préférences' }).isVisible()).toBe(true);
    expect(await menuFr.getByRole('button', { name: 'Se déconnecter' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await menuFr.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  }, 120_000);

  it('without JavaScript the account menu opens and closes by keyboard, and signs out', async () => {
    const { base } = await portalWithOwner();
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    await signInOnPage(page, { base, email: 'owner@example.test', password: PASSWORD, lang: 'en' });
    await page.goto(`${base}/`);
    // The home ships no app code: only the small list-vote script, which this page does not run.
    expect(await page.locator('script[src]:not([src*="list-vote"]), link[rel="modulepreload"]').count()).toBe(0);
    await openAccountMenuByKeyboard(page);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await isOpen(page)).toBe(false);

    await page.keyboard.press('Space');
    expect(await isOpen(page)).toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('You are signed out');
    await page.close();
  }, 120_000);

  it('a visitor sees the places, Sign in, Sign up and the languages, on one row; a phone gets a Menu and no sideways scroll', async () => {
    const { base } = await portalWithOwner();
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/`);
    // Brand, Ideas, Offers, Challenges, Sign in, Sign up, and the other language (each written in its own).
    await expectOneRow(page, 7);
    expect(await page.getByRole('link', { name: /Notifications/ }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Account menu' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'English' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Français' }).getAttribute('hreflang')).toBe('fr');
    await page.screenshot({ path: `${shots}/header-1280-visitor.png` });
    await expectAccessible(page);
    await page.close();

    const phone = await env.browser.newPage({ viewport: { width: 375, height: 740 } });
    await phone.goto(`${base}/`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await phone.getByRole('link', { name: 'Sign in' }).count()).toBe(0);
    await phone.locator('summary', { hasText: 'Menu' }).click();
    expect(await phone.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await phone.getByRole('link', { name: 'English' }).getAttribute('aria-current')).toBe('true');
    expect(await phone.getByRole('link', { name: 'Français' }).isVisible()).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.screenshot({ path: `${shots}/header-375-visitor.png` });
    await expectAccessible(phone);
    await phone.close();
  }, 120_000);

  it('on a phone, signed in: the bell and a Menu that holds everything, 44 px targets, no sideways scroll', async () => {
    const { base } = await portalWithOwner();
    const phone = await env.browser.newPage({ viewport: { width: 375, height: 740 } });
    await signInOnPage(phone, { base, email: 'owner@example.test', password: PASSWORD, lang: 'en' });
    await phone.goto(`${base}/ideas/new`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Brand, the bell, Menu.
    await expectOneRow(phone, 3);
    expect(await phone.getByRole('link', { name: 'Notifications, 3 unread' }).isVisible()).toBe(true);
    expect(await phone.getByRole('navigation', { name: 'Account menu' }).count()).toBe(0);
    await phone.screenshot({ path: `${shots}/header-375-owner.png` });

    const summary = phone.locator('summary', { hasText: 'Menu' });
    await summary.focus();
    await phone.keyboard.press('Enter');
    const menu = phone.getByRole('navigation', { name: 'Account menu' });
    expect(await menu.textContent()).toContain(OWNER);
    for (const name of ['Ideas', 'Offers', 'Team', 'Profile and preferences', 'My activity', 'Settings', 'English']) {
      expect(await phone.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    const heights = await phone
      .locator('header details[open] :is(a, button)')
      .evaluateAll((els) => els.filter((el) => el.checkVisibility()).map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.screenshot({ path: `${shots}/header-375-owner-menu.png` });
    await expectAccessible(phone);
    await phone.keyboard.press('Escape');
    expect(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(false);
    expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    await phone.close();
  }, 120_000);

  it('moves without transitions when the reader asks for reduced motion', async () => {
    const { base } = await portalWithOwner();
    const transition = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await env.browser.newPage({ reducedMotion, viewport: { width: 1280, height: 800 } });
      await page.goto(`${base}/`);
      const durations = await page
        .locator('header a, main .button')
        .evaluateAll((els) => els.map((el) => getComputedStyle(el).transitionDuration));
      await page.close();
      return durations;
    };
    expect((await transition('no-preference')).some((d) => d !== '0s')).toBe(true);
    expect(new Set(await transition('reduce'))).toEqual(new Set(['0s']));
  }, 120_000);
});
