import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addComment } from '../../functions/core/comment/index.js';
import { system } from '../../functions/core/context.js';
import { db, tableName } from '../../functions/core/db/client.js';
import { keys } from '../../functions/core/db/keys.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import { makeTenant, actingAs } from '../support/tenants.js';
import { eventually } from '../support/wait.js';
import { accessibilityViolations, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';
import { createMemberWithPassword } from '../support/members.js';

const env = useServerAndBrowser();
const PASSWORD = 'a long enough secret phrase';
const DAY = 86_400_000;
const shots = 'test-results';

/** The stream poller counts what was written; wait until every idea, vote and comment is in the aggregates. */
async function counted(tenant: Tenant, expected: { ideas: number; votes: number; comments: number }) {
  await eventually(async () => {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.dayStatsPartition(tenant.id) },
        ConsistentRead: true,
      }),
    );
    const sum = (name: string) => Items.reduce((total, item) => total + Number(item[name] ?? 0), 0);
    return sum('ideas') === expected.ideas && sum('votes') === expected.votes && sum('comments') === expected.comments;
  }, 20_000);
}

/** A French-first portal with six weeks of ideas, votes and comments, counted by the stream consumer. */
async function portalWithActivity() {
  const tenant = await makeTenant({
    defaultLang: 'fr',
    languages: ['fr', 'en'],
    name: { fr: 'Café des idées', en: 'Ideas café' },
  });
  const ctx = { tenant, actor: system };
  await createMemberWithPassword(ctx, {
    email: 'team@example.test',
    displayName: 'Tess Team',
    lang: 'fr',
    role: 'team',
    password: PASSWORD,
  });
  const members = await Promise.all(
    ['Alice Martin', 'Bruno Petit', 'Chloé Durand', 'David Roux'].map((displayName, i) =>
      createMember(ctx, { email: `m${i}@example.test`, displayName, lang: 'fr' }),
    ),
  );
  const now = Date.now();
  const background = [
    'Des horaires plus longs le samedi',
    'Une carte de fidélité pour les habitués',
    'Plus de places en terrasse',
    'Des gobelets réutilisables consignés',
  ];
  // This week's theme, in six different titles.
  const planted = [
    'Du lait d’avoine au comptoir',
    'Lait d’avoine pour le chocolat',
    'Un lait d’avoine bio',
    'Le lait d’avoine, enfin',
    'Lait d’avoine sans sucre',
    'Un choix de lait d’avoine',
  ];
  for (let i = 0; i < 16; i++) {
    const recent = i >= 10;
    const when = new Date(now - (recent ? (i - 10) * DAY + 3600_000 : (8 + i * 3) * DAY));
    const author = members[i % members.length]!;
    const idea = await submitIdea(
      actingAs(tenant, author, when),
      recent
        ? {
            sectionId: 'product',
            categoryId: 'drinks',
            title: planted[i - 10]!,
            body: 'Ce serait agréable pour tout le monde, merci.',
          }
        : {
            sectionId: i % 2 ? 'experience' : 'product',
            title: background[i % background.length]!,
            body: 'Ce serait agréable pour tout le monde, merci.',
          },
    );
    const voter = members[(i + 1) % members.length]!;
    await castVote(actingAs(tenant, voter, new Date(when.getTime() + 600_000)), { ideaId: idea.id, value: 1 });
    if (i % 3 === 0) {
      await addComment(actingAs(tenant, members[(i + 2) % members.length]!, new Date(when.getTime() + 1200_000)), {
        ideaId: idea.id,
        body: '=1+1, bonne idée !',
      });
    }
  }
  await counted(tenant, { ideas: 16, votes: 16, comments: 6 });
  return tenant;
}

const signIn = (page: Page, base: string) =>
  signInOnPage(page, { base, email: 'team@example.test', password: PASSWORD, lang: 'fr' });

describe('the team dashboard in Chromium', () => {
  it('shows charts and their tables in French and English, by keyboard, on a phone, with no axe violations', async () => {
    const tenant = await portalWithActivity();
    const base = `http://${tenant.slug}.localhost:${env.port}`;

    // A visitor is sent to sign in, and comes back after.
    const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${base}/team/dashboard`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/team/dashboard');
    await signIn(page, base);
    await page.goto(`${base}/team/dashboard`);

    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe('Tableau de bord');
    for (const name of [
      'Activité par semaine',
      'Entonnoir des statuts',
      'Idées par rubrique',
      'Thèmes montants',
      'Principaux contributeurs',
    ]) {
      await expect(page.getByRole('heading', { name, level: 2 }).isVisible(), name).resolves.toBe(true);
    }
    // Every chart is an image with a name, and its numbers are in a visible table.
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count()).toBe(9);
    for (const chart of await charts.all()) expect(await chart.isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: 'Thèmes montants' }).count()).toBe(1);
    expect(await page.locator('table caption').allTextContents()).toEqual([
      'Idées, votes, commentaires et membres actifs par semaine',
      'Entonnoir des statuts',
      'Idées par rubrique',
      'Idées par catégorie',
      'Thèmes montants',
      'Principaux contributeurs',
    ]);
    const themes = page.getByRole('table', { name: 'Thèmes montants' });
    expect(await themes.locator('tbody th').first().textContent()).toBe('lait avoine');
    // 16 ideas, all new: the funnel and the period agree.
    const funnel = page.getByRole('table', { name: 'Entonnoir des statuts' });
    expect(Number(await funnel.locator('tbody tr').first().locator('td').textContent())).toBe(16);
    expect(Number(await page.locator('dl.totals dd').first().textContent())).toBe(16);
    expect(await page.getByRole('table', { name: 'Principaux contributeurs' }).textContent()).toContain('Chloé Durand');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The period form works by keyboard: a wrong period is refused in the reader's language.
    await page.locator('#field-from').fill('2026-03-31');
    await page.locator('#field-to').fill('2026-03-01');
    await page.getByRole('button', { name: 'Afficher' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/from=2026-03-31/);
    expect(await page.locator('#field-from-error').textContent()).toBe('Le début vient après la fin.');

    // The export link downloads the period as CSV.
    await page.goto(`${base}/team/dashboard`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^${tenant.slug}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );

    await page.getByRole('navigation', { name: 'Menu du compte' }).locator('summary').click();
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Dashboard');
    expect(await page.getByRole('table', { name: 'Status funnel' }).locator('tbody th').first().textContent()).toBe(
      'New',
    );
    expect(await page.getByRole('img', { name: 'Rising themes' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/dashboard-desktop.png`, fullPage: true });
    await page.close();

    const phone = await env.browser.newPage({ viewport: { width: 375, height: 740 } });
    await signIn(phone, base);
    await phone.goto(`${base}/team/dashboard?lang=fr`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await accessibilityViolations(phone)).toEqual([]);
    await phone.screenshot({ path: `${shots}/dashboard-phone.png`, fullPage: true });
    await phone.close();
  }, 180_000);

  it('answers a member of the portal with 403', async () => {
    const tenant = await makeTenant();
    await createMemberWithPassword(
      { tenant, actor: system },
      { email: 'member@example.test', displayName: 'Mia', lang: 'en', password: PASSWORD },
    );
    const page = await env.browser.newPage();
    const base = `http://${tenant.slug}.localhost:${env.port}`;
    await page.goto(`${base}/signin`);
    await page.locator('#field-email').fill('member@example.test');
    await page.locator('#field-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    expect((await page.goto(`${base}/team/dashboard`))?.status()).toBe(403);
    expect((await page.goto(`${base}/team/dashboard/export.csv`))?.status()).toBe(403);
    await page.close();
  }, 60_000);
});
