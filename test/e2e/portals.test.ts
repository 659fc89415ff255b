import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PORTALS, seedPortal } from '../../functions/local/seed/index.js';
import { system, visitor, type Ctx } from '../../functions/core/context.js';
import { listChallenges, listEntries, listRewards } from '../../functions/core/challenge/index.js';
import { getMemberByEmail } from '../../functions/core/member/index.js';
import { listPartners, listRequests, listThreads, searchOffers } from '../../functions/core/offer/index.js';
import { getTenantById } from '../../functions/core/tenant/index.js';
import { getTenantIdBySlug } from '../../functions/core/tenant/store.js';
import { makeTenant } from '../support/tenants.js';
import { accessibilityViolations } from './browser.js';
import { useServerAndBrowser } from './server.js';

const shots = 'test-results';

const env = useServerAndBrowser(() => Promise.all(DEMO_PORTALS.map((portal) => seedPortal(portal))));

async function open(url: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
  const page = await env.browser.newPage({ viewport });
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  return page;
}

const cssVar = (page: Page, name: string) =>
  page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

describe('the two demo portals in Chromium', () => {
  it('cafe is French first, in its own colours, with its own ideas, and passes axe', async () => {
    const page = await open(`http://cafe.localhost:${env.port}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect(page.locator('h1').textContent()).resolves.toContain('Café Lumière');
    expect(await cssVar(page, '--primary')).toBe('#6b3410');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Charter');
    expect(await page.locator('.idea-list > li').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.idea-list').textContent()).toContain('gobelets consignés');
    expect(
      await page.locator('img[src*="/brand/logo-"]').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The CSP lets only the app's own scripts run: a script written into the page is refused.
    await expect(page.addScriptTag({ content: 'window.injected = true' })).rejects.toThrow(/Content Security Policy/);
    await page.screenshot({ path: `${shots}/cafe-home.png` });
    await page.close();
  }, 120_000);

  it('motors is English first, in other colours, with other ideas', async () => {
    const page = await open(`http://motors.localhost:${env.port}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toContain('Northwind Motors');
    expect(await cssVar(page, '--primary')).toBe('#0b4f8a');
    const ideas = await page.locator('.idea-list').textContent();
    expect(ideas).toContain('Physical buttons for climate control');
    expect(ideas).not.toContain('gobelets');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('switches language, sorts, and opens an idea with its comments, by keyboard', async () => {
    const page = await open(`http://cafe.localhost:${env.port}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toContain('Your ideas');

    await page.getByRole('link', { name: 'New', exact: true }).click();
    await page.waitForURL(/sort=new/);
    expect(await page.getByRole('link', { name: 'New', exact: true }).getAttribute('aria-current')).toBe('true');

    const first = page.locator('.idea-list h3 a').first();
    const title = await first.textContent();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ideas\//);
    expect(await page.locator('h1').textContent()).toBe(title);
    await expect(page.getByRole('heading', { name: 'Comments' }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('each has partners, about twenty offers at every visibility level, requests and a conversation', async () => {
    for (const slug of ['cafe', 'motors']) {
      const tenant = (await getTenantById((await getTenantIdBySlug(slug))!))!;
      const teamMember = (await getMemberByEmail({ tenant, actor: system }, `demo2@${slug}.example`))!;
      const team: Ctx = { tenant, actor: { kind: 'member', memberId: teamMember.id, role: 'team', verified: true } };
      const all = await searchOffers(team, { sort: 'newest', limit: 50 });
      expect(all.total, slug).toBe(20);
      expect(new Set(all.items.map((o) => o.visibility))).toEqual(new Set(['partners', 'public', 'team']));
      const publicCount = all.items.filter((o) => o.visibility === 'public').length;
      expect((await searchOffers({ tenant, actor: visitor }, { sort: 'newest', limit: 50 })).total).toBe(publicCount);
      expect(await listPartners(team)).toHaveLength(3);
      expect(await listRequests(team)).toHaveLength(3);
      expect(await listThreads(team)).toHaveLength(1);
      // One challenge in its public review, with entries to favour; one decided, with its laureates and a reward due.
      const reader: Ctx = { tenant, actor: visitor };
      const { items: running } = await listChallenges(reader);
      expect(running.map((c) => c.phase).sort(), slug).toEqual(['decided', 'review']);
      const review = running.find((c) => c.phase === 'review')!;
      expect((await listEntries(reader, review.id, { sort: 'favourites' })).items[0]?.favourites).toBeGreaterThan(0);
      const decided = running.find((c) => c.phase === 'decided')!;
      const rewards = await listRewards(team, decided.id);
      expect(rewards[0]).toMatchObject({ rank: 1, status: 'due' });
    }
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await open(`http://motors.localhost:${env.port}/?section=experience`, { width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${shots}/motors-phone.png`, fullPage: false });
    await page.close();
  }, 120_000);

  it('lists the newest public portals on the platform page, not the others, and answers 404 for an unknown portal', async () => {
    // The shared test database holds many portals (the page shows the 50 newest): two made now are among them.
    const shown = await makeTenant({ name: { en: 'Listed brand ideas' } });
    await makeTenant({ name: { en: 'Private brand ideas' }, visibility: 'members' });
    const page = await open(`http://localhost:${env.port}/`);
    const portals = await page.locator('.cards').textContent();
    expect(portals).toContain('Listed brand ideas');
    expect(portals).not.toContain('Private brand ideas');
    expect(await page.locator(`.cards a[href="http://${shown.slug}.localhost:${env.port}/"]`).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    const missing = await page.goto(`http://nowhere.localhost:${env.port}/`);
    expect(missing?.status()).toBe(404);
    expect(await page.textContent('h1')).toContain('no portal');
    await page.close();
  }, 120_000);
});
