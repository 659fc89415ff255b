import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getChallenge, listChallenges, updateChallenge } from '../../functions/core/challenge/index.js';
import { system, type Ctx } from '../../functions/core/context.js';
import type { Member } from '../../functions/core/member/index.js';
import { challengesEn } from '../../web/src/lib/i18n/challenges-en.js';
import { challengesFr } from '../../web/src/lib/i18n/challenges-fr.js';
import { createMemberWithPassword } from '../support/members.js';
import { actingAs, makeTenant } from '../support/tenants.js';
import { expectAccessible, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';

const PASSWORD = 'a long enough secret phrase';
const shots = 'test-results';
mkdirSync(shots, { recursive: true });
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const env = useServerAndBrowser();
type Lang = 'en' | 'fr';
type Key = keyof typeof challengesEn;

/** The page's own texts, as the reader of `lang` sees them (placeholders filled, plural by count). */
function wordsOf(lang: Lang) {
  const dictionary = lang === 'fr' ? challengesFr : challengesEn;
  return (key: Key, params: Record<string, string | number> = {}) => {
    const message = dictionary[key];
    const text = typeof message === 'string' ? message : Number(params.count) === 1 ? message.one : message.other;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

/** A portal in `lang` with a team lead, a juror from the team and two members who enter. */
async function world(lang: Lang) {
  const tenant = await makeTenant({ defaultLang: lang });
  const person = (email: string, displayName: string, role: 'team' | 'member') =>
    createMemberWithPassword({ tenant, actor: system }, { email, displayName, lang, role, password: PASSWORD });
  const [lead, juror, ann, ben] = await Promise.all([
    person('lead@example.test', 'Lea Lead', 'team'),
    person('juror@example.test', 'Jules Juror', 'team'),
    person('ann@example.test', 'Ann Entrant', 'member'),
    person('ben@example.test', 'Ben Entrant', 'member'),
  ]);
  return { tenant, lead, juror, ann, ben, base: `http://${tenant.slug}.localhost:${env.port}` };
}

/** A signed-in window of its own for one person (JavaScript on or off, in a given time zone). */
async function windowOf(base: string, member: Member, lang: Lang, js: boolean, timezoneId: string) {
  const context: BrowserContext = await env.browser.newContext({
    viewport: DESKTOP,
    javaScriptEnabled: js,
    timezoneId,
  });
  if (!js) scriptless.add(context);
  const page = await context.newPage();
  await signInOnPage(page, { base, email: member.email, password: PASSWORD, lang });
  return page;
}

/** axe finds nothing, and at phone width the page does not scroll sideways (a screenshot kept). */
async function checkPage(page: Page, name: string) {
  await expectPageAccessible(page);
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 375 px`).toBeLessThanOrEqual(
    PHONE.width,
  );
  await page.screenshot({ path: `${shots}/${name}-375.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
}

/** The windows opened with scripts off: axe (a script) checks their pages in a twin window. */
const scriptless = new WeakSet<BrowserContext>();

/** Runs axe on the page, or, where scripts are off, on the same address read by the same person with scripts on. */
async function expectPageAccessible(page: Page) {
  if (!scriptless.has(page.context())) return expectAccessible(page);
  const context = await env.browser.newContext({
    storageState: await page.context().storageState(),
    viewport: DESKTOP,
  });
  const twin = await context.newPage();
  await twin.goto(page.url());
  await expectAccessible(twin);
  await context.close();
}

/** Presses a button and waits until the page shows `text` (a page load without JavaScript, an update with it). */
async function pressAndSee(page: Page, button: string, text: string, exact = true) {
  await page.getByRole('button', { name: button, exact }).first().click();
  await page.getByText(text, { exact: false }).first().waitFor();
}

/** A moment as a `datetime-local` value in a zone `offset` minutes ahead of UTC. */
const localValue = (at: number, offset: number) => new Date(at + offset * MINUTE).toISOString().slice(0, 16);

/** The timeline put so that `phase` holds now (the core's clock: phase.ts). */
function timelineFor(phase: 'review' | 'shortlist') {
  const now = Date.now();
  const at = (delta: number) => new Date(now + delta).toISOString();
  return phase === 'review'
    ? { opensAt: at(-3 * HOUR), submissionEndsAt: at(-HOUR), reviewEndsAt: at(DAY), juryEndsAt: at(2 * DAY) }
    : { opensAt: at(-4 * HOUR), submissionEndsAt: at(-3 * HOUR), reviewEndsAt: at(-2 * HOUR), juryEndsAt: at(-HOUR) };
}

/**
 * Moves a challenge's timeline through the core, as the team would. Every field goes with it:
 * the core's UpdateChallenge fills fields left out with their defaults (jurors and rewards
 * emptied), so a timeline alone would undo the team's choices.
 */
async function moveTimeline(ctx: Ctx, id: string, phase: 'review' | 'shortlist') {
  const {
    id: _id,
    phase: _p,
    state: _s,
    createdAt: _c,
    createdBy: _b,
    updatedAt: _u,
    announcedPhase: _a,
    ...fields
  } = await getChallenge(ctx, id);
  await updateChallenge(ctx, id, { ...fields, timeline: timelineFor(phase) });
}

/**
 * The whole life of a challenge through its pages: `js` false posts every form as a page without
 * scripts would; `timezoneId` is the browser's zone, in which the form's times are typed with JS.
 */
async function challengeLife(lang: Lang, js: boolean, timezoneId: string, offset: number) {
  const w = wordsOf(lang);
  const { tenant, lead, juror, ann, ben, base } = await world(lang);
  const title = lang === 'fr' ? 'Le gobelet de demain' : 'The cup of tomorrow';

  // The team lead finds no challenge yet, and the way to make one.
  const leadPage = await windowOf(base, lead, lang, js, timezoneId);
  await leadPage.goto(`${base}/challenges`);
  await leadPage.getByText(w('challenges.empty')).waitFor();
  await checkPage(leadPage, `challenges-list-empty-${lang}`);
  await leadPage
    .getByRole('link', { name: w('challenges.new') })
    .first()
    .click();
  await leadPage.waitForURL(/\/challenges\/new$/);
  await checkPage(leadPage, `challenges-new-${lang}`);
  // Sent empty, the form comes back with its errors beside the fields, in the reader's language.
  await leadPage.getByRole('button', { name: w('challenges.form.create') }).click();
  await leadPage.getByRole('alert').first().waitFor();
  expect(await leadPage.locator(`#field-title-${lang}`).getAttribute('aria-invalid')).toBe('true');
  expect(await leadPage.locator('#field-opensAt').getAttribute('aria-invalid')).toBe('true');
  await expectPageAccessible(leadPage);

  // The draft: texts in the portal's language, two rewards, the juror, a timeline open now (typed in the browser's zone with JS, in UTC without).
  const typedOffset = js ? offset : 0;
  // With JavaScript the form names the reader's zone once it runs: typing waits for that.
  await leadPage.getByText(js ? w('challenges.form.timesLocal') : w('challenges.form.timesUtc')).waitFor();
  const now = Date.now();
  await leadPage.locator(`#field-title-${lang}`).fill(title);
  await leadPage.locator(`#field-brief-${lang}`).fill('Design a cup that comes back: **reusable**, stackable, cheap.');
  await leadPage.locator(`#field-rules-${lang}`).fill('One entry per person, in your own words.');
  await leadPage.locator(`#field-ipClause-${lang}`).fill('The winner assigns the design rights to the brand.');
  await leadPage.locator('#field-reward-1-amount').fill('1000');
  await leadPage.locator('#field-reward-2-amount').fill('300');
  await leadPage.getByLabel(juror.displayName).check();
  await leadPage.locator('#field-opensAt').fill(localValue(now - 10 * MINUTE, typedOffset));
  await leadPage.locator('#field-submissionEndsAt').fill(localValue(now + 2 * DAY, typedOffset));
  await leadPage.locator('#field-reviewEndsAt').fill(localValue(now + 3 * DAY, typedOffset));
  await leadPage.locator('#field-juryEndsAt').fill(localValue(now + 4 * DAY, typedOffset));
  await leadPage.getByRole('button', { name: w('challenges.form.create') }).click();
  await leadPage.waitForURL(/\/challenges\/(?!new)\w+$/);
  await leadPage.getByText(w('challenges.draftNote')).waitFor();
  const [made] = (await listChallenges(actingAs(tenant, lead))).items;
  expect(made!.timeline.submissionEndsAt.slice(0, 16)).toBe(new Date(now + 2 * DAY).toISOString().slice(0, 16));
  expect(made!.jurors).toEqual([juror.id]);
  await pressAndSee(leadPage, w('challenges.schedule'), w('challenges.scheduled'));
  await leadPage.getByText(w('challenges.phase.submission')).first().waitFor();
  await checkPage(leadPage, `challenge-team-${lang}`);
  const challengeUrl = `${base}/challenges/${made!.id}`;

  // The team's edit form gives the same times back (shown in the reader's zone with JS, saved as UTC).
  await leadPage.goto(`${challengeUrl}/edit`);
  await leadPage.getByText(js ? w('challenges.form.timesLocal') : w('challenges.form.timesUtc')).waitFor();
  await checkPage(leadPage, `challenge-edit-${lang}`);
  await leadPage.getByRole('button', { name: w('challenges.form.save') }).click();
  await leadPage.waitForURL(challengeUrl);
  const saved = await getChallenge(actingAs(tenant, lead), made!.id);
  expect(saved.timeline).toEqual(made!.timeline);
  expect(saved.jurors).toEqual([juror.id]);
  expect(saved.rewards.map((r) => r.amount)).toEqual([1000, 300]);

  // Two members enter; while entries are open, neither sees the other's.
  const annPage = await windowOf(base, ann, lang, js, timezoneId);
  const benPage = await windowOf(base, ben, lang, js, timezoneId);
  for (const [page, who] of [
    [annPage, 'Ann'],
    [benPage, 'Ben'],
  ] as const) {
    await page.goto(`${base}/challenges`);
    await page.getByRole('heading', { name: w('challenges.group.closingSoon') }).waitFor();
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(challengeUrl);
    await page.locator('#entry-title').fill(`${who}'s folding cup`);
    await page.locator('#entry-body').fill(`${who} folds the cup flat after use, so it travels back in a pocket.`);
    await page.getByLabel(w('challenges.entry.accept')).check();
    await pressAndSee(page, w('challenges.entry.send'), w('challenges.entry.sent'));
  }
  await annPage.getByText(w('challenges.entriesHidden')).waitFor();
  // A member has no way to the team's form.
  expect(await annPage.getByRole('link', { name: w('challenges.edit') }).count()).toBe(0);
  expect(await annPage.getByText("Ben's folding cup").count()).toBe(0);
  await checkPage(annPage, `challenge-entrant-${lang}`);
  expect((await annPage.goto(`${base}/challenges/new`))!.status()).toBe(403);

  // The public review: members give favourites to each other's entries.
  await moveTimeline(actingAs(tenant, lead), made!.id, 'review');
  await annPage.goto(challengeUrl);
  await pressAndSee(annPage, w('challenges.favour'), w('challenges.favouritesUsed', { used: 1, cap: 3 }), false);
  await annPage.getByRole('button', { name: w('challenges.favoured') }).waitFor();
  await annPage
    .getByText(w('challenges.favourites', { count: 1 }))
    .first()
    .waitFor();
  await checkPage(annPage, `challenge-review-${lang}`);
  await benPage.goto(challengeUrl);
  await pressAndSee(benPage, w('challenges.favour'), w('challenges.favouritesUsed', { used: 1, cap: 3 }), false);

  // The shortlist: the juror scores both entries and shortlists Ann's.
  await moveTimeline(actingAs(tenant, lead), made!.id, 'shortlist');
  const jurorPage = await windowOf(base, juror, lang, js, timezoneId);
  for (const [who, score] of [
    ['Ben', '6'],
    ['Ann', '8'],
  ] as const) {
    await jurorPage.goto(challengeUrl);
    await jurorPage.getByRole('link', { name: `${who}'s folding cup` }).click();
    await jurorPage.locator('#field-score').waitFor();
    await jurorPage.locator('#field-score').fill(score);
    await pressAndSee(jurorPage, w('challenges.entryPage.sendScore'), w('challenges.entryPage.scored', { score }));
  }
  await pressAndSee(jurorPage, w('challenges.entryPage.shortlist'), w('challenges.entryPage.shortlistedOk'));
  await jurorPage.getByRole('button', { name: w('challenges.entryPage.unshortlist') }).waitFor();
  await checkPage(jurorPage, `entry-juror-${lang}`);
  const annEntryUrl = jurorPage.url().split('?')[0]!;

  // The team asks the finalist an adjustment; she answers it with a new version.
  await leadPage.goto(annEntryUrl);
  await leadPage.locator('#ask-text').fill('Show how the cup stacks in a dispenser.');
  await pressAndSee(leadPage, w('challenges.entryPage.askSend'), w('challenges.entryPage.asked'));
  await checkPage(leadPage, `entry-team-${lang}`);
  await annPage.goto(challengeUrl);
  await annPage.getByText(w('challenges.adjustmentAsked')).first().waitFor();
  await annPage.getByRole('link', { name: w('challenges.newVersion') }).click();
  await annPage.getByRole('heading', { name: w('challenges.entryPage.adjustment') }).waitFor();
  await annPage.locator('#revise-body').fill('The cup folds flat and stacks ten high in a spring-loaded dispenser.');
  await pressAndSee(annPage, w('challenges.entryPage.revise'), w('challenges.entryPage.revised'));
  await annPage
    .getByText(w('challenges.entryPage.answers', { text: 'Show how the cup stacks in a dispenser.' }))
    .waitFor();
  expect(await annPage.locator('ol.versions > li').count()).toBe(2);
  await checkPage(annPage, `entry-revised-${lang}`);

  // The team decides: Ann first, Ben second; Ann's reward is due.
  await leadPage.goto(challengeUrl);
  const entryId = (name: string) =>
    leadPage
      .locator('#decide-rank1 option', { hasText: name })
      .first()
      .getAttribute('value')
      .then((v) => v!);
  await leadPage.locator('#decide-rank1').selectOption(await entryId("Ann's folding cup"));
  await leadPage.locator('#decide-rank2').selectOption(await entryId("Ben's folding cup"));
  await pressAndSee(leadPage, w('challenges.decide.send'), w('challenges.decided'));
  await leadPage.getByRole('heading', { name: w('challenges.winners') }).waitFor();
  await checkPage(leadPage, `challenge-decided-team-${lang}`);
  expect((await getChallenge(actingAs(tenant, lead), made!.id)).phase).toBe('decided');

  await annPage.goto(challengeUrl);
  await annPage.getByRole('heading', { name: w('challenges.myReward') }).waitFor();
  const reward = await annPage
    .locator('section', { has: annPage.getByRole('heading', { name: w('challenges.myReward') }) })
    .innerText();
  expect(reward).toContain(w('challenges.rank.1'));
  expect(reward).toContain(w('challenges.reward.due'));
  await checkPage(annPage, `challenge-winner-${lang}`);

  // The team records the first reward as paid.
  await leadPage.goto(challengeUrl);
  await leadPage
    .getByRole('button', { name: w('challenges.markPaidOf', { rank: w('challenges.rank.1') }), exact: true })
    .click();
  await leadPage
    .getByRole('button', { name: w('challenges.markPaid') })
    .first()
    .waitFor();
  await leadPage
    .getByText(`${w('challenges.rank.1')}`)
    .first()
    .waitFor();
  expect(await leadPage.getByRole('button', { name: w('challenges.markPaid') }).count()).toBe(1);
  expect(await leadPage.getByText(w('challenges.reward.paid'), { exact: false }).count()).toBeGreaterThan(0);
  await annPage.goto(`${base}/challenges`);
  await annPage.getByRole('heading', { name: w('challenges.group.decided') }).waitFor();
  await checkPage(annPage, `challenges-list-${lang}`);

  for (const page of [leadPage, annPage, benPage, jurorPage]) await page.context().close();
}

describe('challenges in Chromium', () => {
  it('in English with JavaScript (times typed in Kolkata): create, schedule, enter, favour, score, shortlist, adjust, decide', async () => {
    await challengeLife('en', true, 'Asia/Kolkata', 330);
  }, 240_000);

  it('in French without JavaScript: every form posts as a plain page', async () => {
    await challengeLife('fr', false, 'UTC', 0);
  }, 240_000);
});
