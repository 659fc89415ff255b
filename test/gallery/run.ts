/**
 * `npm run gallery`: the local stack on a fresh demo seed, and Chromium's screenshots of every main
 * page for each role of both demo brands, on a desktop and a phone, into docs/gallery/ (ignored by
 * git, except the three pictures the README opens with, docs/gallery/readme-*.png).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBackend } from '../../functions/local/backend.js';
import { freePort } from '../../functions/local/ports.js';
import { builtPages, startWebServer } from '../../functions/local/server.js';
import { DEMO_PASSWORD, DEMO_PORTALS, demoAccounts } from '../../functions/local/seed/index.js';
import { launchChromium } from '../e2e/browser.js';

const OUT = resolve('docs/gallery');
const DEVICES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 740 },
} as const;
type Role = 'visitor' | 'member' | 'partner' | 'team' | 'owner';

/** The pages each role is shown; `idea` is the first idea of the home page's list, `challenge` the first of the challenges page. */
const PAGES: Record<Role, string[]> = {
  visitor: ['/', 'idea', '/offers', '/ideas-in-action', '/challenges', 'challenge', '/signup'],
  member: ['/', 'idea', '/ideas/new', '/challenges', 'challenge', '/notifications', '/account', '/account/activity'],
  partner: ['/', '/offers', '/partner', '/requests', '/threads'],
  team: [
    '/team',
    '/team/dashboard',
    '/team/impact',
    '/team/bulk',
    '/team/partners',
    '/requests',
    '/challenges/new',
    'challenge',
  ],
  owner: ['/admin', '/admin/sections', '/admin/lists', '/admin/domains', '/admin/audit', '/team/members'],
};

/** The README's three (what a screen shows at first, not the whole page): a brand's home, an idea on a phone, the team's dashboard. */
const README: Record<string, string> = {
  'cafe-member-home-desktop.png': 'readme-home.png',
  'cafe-member-idea-phone.png': 'readme-idea-phone.png',
  'motors-team-team-dashboard-desktop.png': 'readme-dashboard.png',
};

async function signIn(page: Page, base: string, email: string) {
  await page.goto(`${base}/signin`);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(DEMO_PASSWORD);
  await page.locator('form[action="?/password"] button').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

async function shoot(browser: Browser, base: string, portal: string, role: Role, email?: string) {
  const shots: string[] = [];
  for (const [device, viewport] of Object.entries(DEVICES)) {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    if (email) await signIn(page, base, email);
    for (const path of PAGES[role]) {
      let url = `${base}${path}`;
      if (path === 'idea') {
        await page.goto(`${base}/`);
        const href = await page.locator('a[href^="/ideas/"]:not([href^="/ideas/new"])').first().getAttribute('href');
        url = `${base}${href}`;
      }
      if (path === 'challenge') {
        await page.goto(`${base}/challenges`);
        const href = await page
          .locator('main a[href^="/challenges/"]:not([href^="/challenges/new"])')
          .first()
          .getAttribute('href');
        url = `${base}${href}`;
      }
      const response = await page.goto(url);
      const name = `${portal}-${role}-${path === '/' ? 'home' : path.replace(/^\//, '').replace(/\//g, '-')}-${device}.png`;
      if (!response || response.status() >= 400) console.warn(`  ${name}: ${response?.status()} at ${url}`);
      await page.screenshot({ path: join(OUT, name), fullPage: true });
      // The README's: the top of the page, a screen and a half, enough to see the list under the banner.
      const top = { x: 0, y: 0, width: viewport.width, height: Math.round(viewport.height * 1.5) };
      if (README[name]) await page.screenshot({ path: join(OUT, README[name]), fullPage: true, clip: top });
      shots.push(name);
    }
    await context.close();
  }
  return shots;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-gallery-'));
  process.env.DATA_DIR = dataDir;
  process.env.PORT = String(await freePort());
  const backend = await startBackend();
  const server = await startWebServer(backend.port, await builtPages());
  const browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  try {
    const shots: string[] = [];
    for (const portal of DEMO_PORTALS) {
      const base = `http://${portal.slug}.localhost:${backend.port}`;
      const accounts = Object.fromEntries(demoAccounts(portal).map((a) => [a.role, a.email]));
      for (const role of Object.keys(PAGES) as Role[]) {
        shots.push(...(await shoot(browser, base, portal.slug, role, role === 'visitor' ? undefined : accounts[role])));
      }
    }
    // The platform's own pages: where a brand opens its portal.
    const platform = await browser.newPage({ viewport: DEVICES.desktop });
    for (const path of ['/', '/start']) {
      await platform.goto(`http://localhost:${backend.port}${path}`);
      const name = `platform-${path === '/' ? 'home' : 'start'}-desktop.png`;
      await platform.screenshot({ path: join(OUT, name), fullPage: true });
      shots.push(name);
    }
    await platform.close();
    console.log(`${shots.length} screenshots in ${OUT} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await browser.close();
    server.close();
    server.closeAllConnections();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
