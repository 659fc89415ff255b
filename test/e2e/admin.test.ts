import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/core/context.js';
import { contrastRatio, nearestReadable } from '../../functions/core/tenant/contrast.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { PASSWORD, portalWithRoles } from '../support/roles.js';
import { expectAccessible } from './browser.js';
import { useServerAndBrowser } from './server.js';

const shots = 'test-results';
// A real 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PAGES = ['/admin', '/admin/sections', '/admin/lists', '/admin/domains', '/admin/audit'];

const env = useServerAndBrowser();
const base = (tenant: Tenant) => `http://${tenant.slug}.localhost:${env.port}`;

/** A browser of its own (cookies included), signed in through the sign-in page as `<role>@example.test`. */
async function signIn(
  tenant: Tenant,
  role: Role,
  viewport = { width: 1200, height: 900 },
  javaScriptEnabled = true,
): Promise<Page> {
  const page = await env.browser.newPage({ viewport, javaScriptEnabled });
  await page.goto(`${base(tenant)}/signin?lang=en`);
  await page.locator('#field-email').fill(`${role}@example.test`);
  await page.locator('#field-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base(tenant)}/`);
  return page;
}

const cssVar = (page: Page, name: string) =>
  page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

describe('portal settings in Chromium', () => {
  it('every settings page passes axe in English and in French; visitors sign in first, members get 403', async () => {
    const { tenant } = await portalWithRoles();
    const owner = await signIn(tenant, 'owner');
    for (const lang of ['en', 'fr'] as const) {
      for (const path of PAGES) {
        const response = await owner.goto(`${base(tenant)}${path}?lang=${lang}`);
        expect(response?.status(), path).toBe(200);
        expect(await owner.getAttribute('html', 'lang')).toBe(lang);
        const nav = owner.getByRole('navigation', { name: lang === 'en' ? 'Settings pages' : 'Pages de réglages' });
        expect(await nav.locator('[aria-current="page"]').getAttribute('href')).toBe(path);
        await expectAccessible(owner);
      }
    }
    await owner.close();

    const visitor = await env.browser.newPage();
    await visitor.goto(`${base(tenant)}/admin/domains`);
    expect(new URL(visitor.url()).pathname + new URL(visitor.url()).search).toBe('/signin?next=%2Fadmin%2Fdomains');
    await visitor.close();

    const member = await signIn(tenant, 'member');
    for (const path of PAGES) expect((await member.goto(`${base(tenant)}${path}`))?.status(), path).toBe(403);
    await member.close();
  }, 120_000);

  it('renames a sector, adds one and removes one; adds an effort criterion; on a phone, keeping every id that offers and scores refer to', async () => {
    const { tenant } = await portalWithRoles();
    const page = await signIn(tenant, 'owner', { width: 360, height: 800 });
    await page.goto(`${base(tenant)}/admin/lists`);
    // Typed before the page's script takes over, the first field was reset by it under load.
    await page.waitForLoadState('networkidle');
    const sectors = page.locator('form[action="?/offerSectors"]');
    await sectors.locator('#offerSectors-offerSectors-0-name-en').fill('Clean energy');
    await sectors
      .getByRole('group', { name: /^Sector 2:/ })
      .getByLabel('Remove')
      .check();
    await sectors.locator(`#offerSectors-offerSectors-${tenant.offerSectors.length}-name-en`).fill('Space technology');
    await sectors.getByRole('button', { name: 'Save the sectors' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Saved.');
    await expectAccessible(page);
    const criteria = page.locator('form[action="?/scoringCriteria"]');
    await criteria
      .locator(`#scoringCriteria-scoringCriteria-${tenant.scoringCriteria.length}-name-en`)
      .fill('Time to market');
    await criteria.getByRole('group', { name: 'New criterion' }).getByLabel('Counts as effort').check();
    await criteria.getByRole('button', { name: 'Save the criteria' }).click();
    await expect.poll(() => page.locator('#scoringCriteria ~ p[role="status"]').count()).toBe(1);

    const { getSettings } = await import('../../functions/core/admin/portal.js');
    const saved = await getSettings({ tenant, actor: { kind: 'system' } });
    expect(saved.offerSectors.map((s) => s.id)).toEqual([
      ...tenant.offerSectors.map((s) => s.id).filter((id) => id !== tenant.offerSectors[1]!.id),
      'space-technology',
    ]);
    expect(saved.offerSectors[0]).toMatchObject({ id: tenant.offerSectors[0]!.id, name: { en: 'Clean energy' } });
    expect(saved.scoringCriteria.at(-1)).toEqual({
      id: 'time-to-market',
      name: { en: 'Time to market' },
      effort: true,
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  }, 60_000);

  it('refuses a low-contrast colour with its ratio beside the field, then a new name and colour reach the portal home and the audit log', async () => {
    const { tenant } = await portalWithRoles();
    const page = await signIn(tenant, 'owner');
    await page.goto(`${base(tenant)}/admin`);

    // Measured live as it is typed...
    const pale = '#99bbff';
    const ratio = contrastRatio(pale, '#ffffff').toFixed(2);
    await page.locator('#f-theme-primary').fill(pale);
    await expect(page.locator('#f-theme-primary-contrast').textContent()).resolves.toContain(`${ratio}:1, too low`);
    await expect(
      page.locator('.preview .portal').evaluate((el) => getComputedStyle(el).getPropertyValue('--primary').trim()),
    ).resolves.toBe(pale);

    // ...and refused by the server, next to the field, with the nearest colour that passes.
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.waitForLoadState('load');
    const error = page.locator('#f-theme-primary-error');
    await expect(error.textContent()).resolves.toContain(
      `Contrast ${ratio}:1 on the background; at least 4.5:1 is needed`,
    );
    await expect(error.textContent()).resolves.toContain(nearestReadable(pale, '#ffffff', 4.5));
    expect(await page.locator('#f-theme-primary').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-theme-primary').getAttribute('aria-describedby')).toContain('f-theme-primary-error');
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Some colours are too hard to read');
    expect(await page.locator('#f-theme-primary').inputValue()).toBe(pale);

    // A passing colour and a new name: saved, and in the first HTML of the next page.
    await page.locator('#f-name-en').fill('Brewed Ideas');
    await page.locator('#f-theme-primary').fill('#0b5d1e');
    await expect(page.locator('.preview .portal-name').textContent()).resolves.toBe('Brewed Ideas');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.waitForURL(/\/admin\?saved=settings/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Settings saved');
    await page.goto(`${base(tenant)}/`);
    expect(await cssVar(page, '--primary')).toBe('#0b5d1e');
    await expect(page.locator('h1').textContent()).resolves.toContain('Brewed Ideas');
    await expect(page.locator('style#portal-theme').textContent()).resolves.toContain('--primary:#0b5d1e');

    await page.goto(`${base(tenant)}/admin/audit`);
    const newest = page.locator('table.audit tbody tr').first();
    await expect(newest.textContent()).resolves.toContain('Settings changed');
    await expect(newest.textContent()).resolves.toContain('Portal name: Brewed Ideas');
    await expect(newest.textContent()).resolves.toContain('owner');
    await page.close();
  }, 120_000);

  it('two admins saving at once (one without JavaScript): the second is told and offered a reload, nothing is overwritten', async () => {
    const { tenant } = await portalWithRoles();
    // The settings form is a plain form post: it saves the same without JavaScript.
    const [owner, admin] = [await signIn(tenant, 'owner', undefined, false), await signIn(tenant, 'admin')];
    for (const page of [owner, admin]) await page.goto(`${base(tenant)}/admin`);
    await owner.locator('#f-tagline-en').fill('From the owner');
    await owner.getByRole('button', { name: 'Save the settings' }).click();
    await owner.waitForURL(/saved=settings/);

    await admin.locator('#f-tagline-en').fill('From the admin');
    await admin.getByRole('button', { name: 'Save the settings' }).click();
    await admin.waitForLoadState('load');
    await expect(admin.getByRole('alert').textContent()).resolves.toContain('Someone else saved the settings');
    await admin.getByRole('link', { name: 'Reload the settings' }).click();
    await admin.waitForURL(`${base(tenant)}/admin`);
    expect(await admin.locator('#f-tagline-en').inputValue()).toBe('From the owner');
    await owner.close();
    await admin.close();
  }, 120_000);

  it('adds a section and a category, moves and archives, and the portal home follows', async () => {
    const { tenant } = await portalWithRoles();
    const page = await signIn(tenant, 'admin');
    await page.goto(`${base(tenant)}/admin/sections`);
    await page.locator('#ns-name-en').fill('Sustainability');
    await page.locator('#ns-name-fr').fill('Durabilité');
    await page.getByRole('button', { name: 'Add the section' }).click();
    await page.waitForURL(/done=added/);
    await expect(page.locator('#section-sustainability [role="status"]').textContent()).resolves.toBe('Section added.');

    await page.locator('#nc-sustainability-name-en').fill('Packaging');
    await page.getByRole('button', { name: 'Add the category (Sustainability)' }).click();
    await page.waitForURL(/done=categoryAdded/);
    await page.getByRole('button', { name: 'Move up Sustainability' }).click();
    await page.waitForURL(/done=moved/);
    await page.getByRole('button', { name: 'Archive Experience' }).click();
    await page.waitForURL(/done=archived/);
    await expect(page.locator('#section-experience h2').textContent()).resolves.toContain('Archived');
    await expectAccessible(page);

    await page.goto(`${base(tenant)}/`);
    const sections = page.getByRole('navigation', { name: 'Sections' });
    expect(await sections.locator('a').allTextContents()).toEqual(['Product', 'Sustainability']);
    await page.goto(`${base(tenant)}/?section=sustainability&lang=fr`);
    await expect(page.getByRole('navigation', { name: 'Rubriques' }).textContent()).resolves.toContain('Durabilité');
    await page.close();
  }, 120_000);

  it('adds a domain, shows its TXT record, and verifies it once the record is published', async () => {
    const { tenant } = await portalWithRoles();
    const page = await signIn(tenant, 'owner');
    const host = `ideas.${tenant.slug}.example`;
    await page.goto(`${base(tenant)}/admin/domains`);
    await page.locator('#field-domain').fill(host.toUpperCase());
    await page.getByRole('button', { name: 'Add the domain' }).click();
    await page.waitForURL(/done=added/);

    const table = page.getByRole('table', { name: `DNS records to create for ${host}` });
    const txt = table.locator('tbody tr').filter({ hasText: 'TXT' });
    await expect(txt.locator('td').nth(1).textContent()).resolves.toBe(`_portal-verify.${host}`);
    const value = (await txt.locator('td').nth(2).textContent()) ?? '';
    expect(value).toMatch(/^portal-verify=[\w-]{20,}$/);
    await expect(table.locator('tbody tr').filter({ hasText: 'CNAME' }).textContent()).resolves.toContain(
      `${tenant.slug}.localhost`,
    );

    await page.getByRole('button', { name: `Verify ${host}` }).click();
    await page.waitForLoadState('load');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      `The TXT record _portal-verify.${host} does not hold the verification value yet`,
    );
    await expectAccessible(page);

    writeFileSync(join(process.env.DNS_TXT_DIR!, `_portal-verify.${host}.txt`), `${value}\n`);
    await page.getByRole('button', { name: `Verify ${host}` }).click();
    await page.waitForURL(/done=verified/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Domain verified');
    // Not "the portal answers here": where the domain stands at the edge (none locally).
    await expect(page.locator('.edge').textContent()).resolves.toContain('Locally there is no edge');
    await expectAccessible(page);
    await page.close();
  }, 120_000);

  it('uploads a logo through the browser and shows it', async () => {
    const { tenant } = await portalWithRoles();
    const page = await signIn(tenant, 'owner');
    await page.goto(`${base(tenant)}/admin`);
    // The upload starts from the page's script: a file chosen before it takes over is never sent (seen under load).
    await page.waitForLoadState('networkidle');
    await page
      .getByLabel('Choose a new image (Logo)')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('logo.png is ready').waitFor();
    await page.getByRole('button', { name: 'Use this image (Logo)' }).click();
    await page.waitForURL(/saved=logo/);
    await expect(page.locator('#image-logo [role="status"]').textContent()).resolves.toBe('Image saved: Logo.');
    expect(
      await page.locator('#image-logo img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    ).toBe(1);
    await page.close();
  }, 120_000);

  it('fits a phone screen: no sideways scrolling on any settings page, the members table or the idea form, screenshot of /admin', async () => {
    const { tenant } = await portalWithRoles();
    for (const width of [320, 375]) {
      const page = await signIn(tenant, 'owner', { width, height: 740 });
      // The team's members table (the owner changes roles there) and the idea form's file input, too.
      for (const path of [...PAGES, '/team/members', '/ideas/new']) {
        await page.goto(`${base(tenant)}${path}`);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${path} at ${width}px`,
        ).toBeLessThanOrEqual(width);
      }
      if (width === 375) {
        await page.goto(`${base(tenant)}/admin`);
        await page.screenshot({ path: `${shots}/admin-phone.png`, fullPage: true });
      }
      await page.close();
    }
  }, 120_000);
});
