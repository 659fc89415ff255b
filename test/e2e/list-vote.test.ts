import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { getIdea, submitIdea, type Idea } from '../../functions/core/idea/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import type { Member } from '../../functions/core/member/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';
import { finalizeUpload } from '../../functions/core/upload/index.js';
import {
  addToPartnerAsSystem,
  createOffer,
  createPartner,
  publishOffer,
  updatePartner,
} from '../../functions/core/offer/index.js';
import { changeStatus } from '../../functions/core/team/index.js';
import { castVote } from '../../functions/core/vote/index.js';
import { OFFER } from '../security/world.js';
import { start } from '../support/uploads.js';
import { actingAs, asMember, asVisitor, makeTenant, type Settings } from '../support/tenants.js';
import { expectAccessible, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';

const PASSWORD = 'a long enough secret phrase';
const shots = 'test-results';
mkdirSync(shots, { recursive: true });
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

const env = useServerAndBrowser();
const base = (tenant: Tenant) => `http://${tenant.slug}.localhost:${env.port}`;

/** A real picture to attach: a screenshot of coloured stripes, as PNG. */
async function picture(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 240, height: 180 } });
  await page.setContent(
    '<body style="margin:0;height:180px;background:linear-gradient(135deg,#f4a261,#e76f51 50%,#2a9d8f)"></body>',
  );
  const png = await page.screenshot();
  await page.close();
  return png;
}

async function member(tenant: Tenant, name: string, lang: 'en' | 'fr', verified = true): Promise<Member> {
  return createMember(
    { tenant, actor: system },
    {
      email: `${name.split(' ')[0]!.toLowerCase()}@example.test`,
      displayName: name,
      lang,
      password: PASSWORD,
      verified,
    },
  );
}

/**
 * A portal with a list long enough that the last ideas are below the fold on any screen: `count`
 * ideas by one author, posted oldest first (so the newest list shows them last to first); the
 * first of them has a picture.
 */
async function portal(settings: Settings, count = 8, lang: 'en' | 'fr' = 'en') {
  const tenant = await makeTenant(settings);
  const author = await member(tenant, 'Robin Author', lang);
  const ctx = asMember(tenant, author);
  const png = await picture(env.browser);
  const upload = await start(ctx, png, 'image/png');
  await finalizeUpload(ctx, upload.id);
  const ideas: Idea[] = [];
  const titles =
    lang === 'fr'
      ? ['Gobelets consignés', 'Heure calme le matin', 'Cartes de fidélité', 'Menu sans gluten', 'Terrasse couverte']
      : ['Reusable cups', 'A quiet morning hour', 'Loyalty cards', 'Gluten-free menu', 'A covered terrace'];
  for (let i = 0; i < count; i++) {
    ideas.push(
      await submitIdea(ctx, {
        sectionId: 'product',
        categoryId: 'drinks',
        title: `${titles[i % titles.length]} number ${i + 1}`,
        body: 'A few words to say what it is and why it would help everyone who comes by.',
        attachmentIds: i === 0 ? [upload.id] : [],
      }),
    );
  }
  return { tenant, ideas };
}

const upVotes = async (tenant: Tenant, idea: Idea) => (await getIdea(asVisitor(tenant), idea.id)).upVotes;
const downVotes = async (tenant: Tenant, idea: Idea) => (await getIdea(asVisitor(tenant), idea.id)).downVotes;

/** The vote button of one idea's card (names change with the count: found by place, checked by name). */
const voteButton = (page: Page, idea: Idea, kind: 'for' | 'against' = 'for') =>
  page.locator(`#idea-${idea.id} .vote-${kind}`);

/** Presses a button of a form that posts as without JavaScript, and waits for the page it comes back to. */
async function postWithoutScript(page: Page, button: Locator) {
  const back = page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().method() === 'GET');
  await button.click();
  await back;
  await page.waitForLoadState('load');
}

/** Whether the whole card of the idea is inside the window. */
const cardInView = (page: Page, idea: Idea) =>
  page.evaluate((id) => {
    const box = document.getElementById(`idea-${id}`)!.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }, idea.id);

describe('voting from the list of ideas, in Chromium', () => {
  it('with JavaScript, in English at 1280 px: the count and pressed state change in place, the focus stays, no page load; thumbnail and empty states', async () => {
    const { tenant, ideas } = await portal({ defaultLang: 'en' });
    await member(tenant, 'ann', 'en');
    await castVote(asMember(tenant, (await member(tenant, 'other', 'en'))!), { ideaId: ideas[2]!.id, value: 1 });
    const page = await env.browser.newPage({ viewport: DESKTOP });
    await signInOnPage(page, { base: base(tenant), email: 'ann@example.test', password: PASSWORD, lang: 'en' });
    await page.goto(`${base(tenant)}/?sort=new`);
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));

    const idea = ideas[2]!;
    const button = voteButton(page, idea);
    expect(await button.getAttribute('aria-label')).toBe(`Vote for “${idea.title}”, 1 vote`);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    const size = (await button.boundingBox())!;
    expect(size.width).toBeGreaterThanOrEqual(44);
    expect(size.height).toBeGreaterThanOrEqual(44);

    await button.click();
    await page.waitForFunction(
      (id) => document.querySelector(`#idea-${id} .vote-for`)?.ariaPressed === 'true',
      idea.id,
    );
    expect(await button.getAttribute('aria-label')).toBe(`Vote for “${idea.title}”, 2 votes`);
    expect(await button.locator('.vote-count').textContent()).toBe('2');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    expect(await upVotes(tenant, idea)).toBe(2);

    // Again by keyboard, from the button that kept the focus: the vote is withdrawn.
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (id) => document.querySelector(`#idea-${id} .vote-for`)?.ariaPressed === 'false',
      idea.id,
    );
    expect(await button.getAttribute('aria-label')).toBe(`Vote for “${idea.title}”, 1 vote`);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await upVotes(tenant, idea)).toBe(1);

    // The member's own vote is shown when the list is read again.
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (id) => document.querySelector(`#idea-${id} .vote-for`)?.ariaPressed === 'true',
      idea.id,
    );
    await page.reload();
    expect(await voteButton(page, idea).getAttribute('aria-pressed')).toBe('true');
    expect(await voteButton(page, ideas[3]!).getAttribute('aria-pressed')).toBe('false');

    // The card: status, category, counts, the author with a face, and the first picture as a thumbnail.
    const card = page.locator(`#idea-${ideas[0]!.id}`);
    expect(await card.locator('.meta').innerText()).toMatch(/New[\s\S]*Drinks[\s\S]*0 comments[\s\S]*by Robin Author/);
    expect(await card.locator('.avatar').textContent()).toBe('RA');
    const thumb = card.locator('img.idea-thumb');
    expect(await thumb.getAttribute('alt')).toBe('');
    expect(await thumb.getAttribute('loading')).toBe('lazy');
    expect([await thumb.getAttribute('width'), await thumb.getAttribute('height')]).toEqual(['96', '72']);
    await thumb.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (id) => {
        const img = document.querySelector<HTMLImageElement>(`#idea-${id} img.idea-thumb`);
        return img?.complete === true && img.naturalWidth === 240;
      },
      ideas[0]!.id,
      { timeout: 10_000 },
    );
    expect(await page.locator('article.idea-card img').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page);
    await page.screenshot({ path: `${shots}/list-vote-desktop.png`, fullPage: true });

    // Search results are cards too, with their vote; none found says what to do next.
    await page.goto(`${base(tenant)}/?q=${encodeURIComponent('quiet morning')}`);
    const found = page.locator('section[aria-labelledby="results-heading"] article.idea-card');
    expect(await found.count()).toBeGreaterThan(0);
    expect(await found.first().locator('form.vote button').count()).toBe(1);
    await page.goto(`${base(tenant)}/?q=zeppelin`);
    await page.getByRole('link', { name: 'Suggest it as a new idea' }).waitFor();
    // A filter that finds nothing offers to clear it.
    await page.goto(`${base(tenant)}/?section=product&status=launched`);
    await page.getByRole('link', { name: 'Show every idea of this section' }).click();
    await page.waitForURL(/section=product/);
    expect(await page.locator('article.idea-card').count()).toBe(8);
    // An empty section says who may fill it.
    await page.goto(`${base(tenant)}/?section=experience`);
    await page.getByRole('link', { name: 'Suggest the first one' }).waitFor();
    await expectAccessible(page);
    await page.close();
  }, 120_000);

  it('without JavaScript, in French on a phone: the form posts and the page comes back at the same idea', async () => {
    const { tenant, ideas } = await portal({ defaultLang: 'fr' }, 8, 'fr');
    await member(tenant, 'lea', 'fr');
    const context = await env.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await signInOnPage(page, { base: base(tenant), email: 'lea@example.test', password: PASSWORD, lang: 'fr' });
    await page.goto(`${base(tenant)}/?sort=new`);
    // Newest first: the first idea posted is last, far below the fold on a phone.
    const idea = ideas[0]!;
    const button = voteButton(page, idea);
    expect(await button.getAttribute('aria-label')).toBe(`Voter pour « ${idea.title} », 0 vote`);
    await postWithoutScript(page, button);
    expect(page.url()).toBe(`${base(tenant)}/?sort=new#idea-${idea.id}`);
    expect(await voteButton(page, idea).getAttribute('aria-pressed')).toBe('true');
    expect(await voteButton(page, idea).getAttribute('aria-label')).toBe(`Voter pour « ${idea.title} », 1 vote`);
    expect(await upVotes(tenant, idea)).toBe(1);
    expect(await cardInView(page, idea)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${shots}/list-vote-phone-nojs.png` });
    // Withdrawn the same way.
    await postWithoutScript(page, voteButton(page, idea));
    expect(await voteButton(page, idea).getAttribute('aria-pressed')).toBe('false');
    expect(await upVotes(tenant, idea)).toBe(0);
    await context.close();
  }, 120_000);

  it('for and against, in French on a phone with JavaScript: both counts change in place', async () => {
    const { tenant, ideas } = await portal({ defaultLang: 'fr', votingMode: 'updown' }, 4, 'fr');
    await member(tenant, 'noe', 'fr');
    const page = await env.browser.newPage({ viewport: PHONE });
    await signInOnPage(page, { base: base(tenant), email: 'noe@example.test', password: PASSWORD, lang: 'fr' });
    await page.goto(`${base(tenant)}/?sort=new`);
    const idea = ideas[1]!;
    const against = voteButton(page, idea, 'against');
    expect(await against.getAttribute('aria-label')).toBe(`Voter contre « ${idea.title} », 0 vote contre`);
    await against.click();
    await page.waitForFunction(
      (id) => document.querySelector(`#idea-${id} .vote-against`)?.ariaPressed === 'true',
      idea.id,
    );
    expect(await against.getAttribute('aria-label')).toBe(`Voter contre « ${idea.title} », 1 vote contre`);
    expect(await downVotes(tenant, idea)).toBe(1);
    // Changing sides moves the vote from one count to the other.
    const forIt = voteButton(page, idea, 'for');
    await forIt.click();
    await page.waitForFunction(
      (id) => document.querySelector(`#idea-${id} .vote-for`)?.ariaPressed === 'true',
      idea.id,
    );
    expect(await against.getAttribute('aria-pressed')).toBe('false');
    expect(await against.locator('.vote-count').textContent()).toBe('0');
    expect(await forIt.getAttribute('aria-label')).toBe(`Voter pour « ${idea.title} », 1 vote pour`);
    expect(await forIt.evaluate((b) => b === document.activeElement)).toBe(true);
    expect([await upVotes(tenant, idea), await downVotes(tenant, idea)]).toEqual([1, 0]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await page.screenshot({ path: `${shots}/list-vote-phone.png`, fullPage: true });
    await page.close();
  }, 120_000);

  it('ideas in action have the same vote control, with and without JavaScript', async () => {
    const { tenant, ideas } = await portal({ defaultLang: 'en' }, 2);
    const team = await createMember(
      { tenant, actor: system },
      { email: 'tom@example.test', displayName: 'Tom', lang: 'en', role: 'team' },
    );
    for (const idea of ideas)
      await changeStatus(actingAs(tenant, team), idea.id, { status: 'launched', response: 'Done in every shop.' });
    await member(tenant, 'ann', 'en');
    const page = await env.browser.newPage({ viewport: DESKTOP });
    await signInOnPage(page, { base: base(tenant), email: 'ann@example.test', password: PASSWORD, lang: 'en' });
    await page.goto(`${base(tenant)}/ideas-in-action`);
    const idea = ideas[1]!;
    expect(await page.locator(`#idea-${idea.id}`).textContent()).toContain('Done in every shop.');
    await voteButton(page, idea).click();
    await page.waitForFunction(
      (id) => document.querySelector(`#idea-${id} .vote-for`)?.ariaPressed === 'true',
      idea.id,
    );
    expect(await voteButton(page, idea).evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await upVotes(tenant, idea)).toBe(1);
    await expectAccessible(page);
    await page.screenshot({ path: `${shots}/ideas-in-action-desktop.png` });
    await page.close();

    const context = await env.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const noScript = await context.newPage();
    await signInOnPage(noScript, { base: base(tenant), email: 'ann@example.test', password: PASSWORD, lang: 'en' });
    await noScript.goto(`${base(tenant)}/ideas-in-action`);
    await postWithoutScript(noScript, voteButton(noScript, ideas[0]!));
    expect(noScript.url()).toBe(`${base(tenant)}/ideas-in-action#idea-${ideas[0]!.id}`);
    expect(await voteButton(noScript, ideas[0]!).getAttribute('aria-pressed')).toBe('true');
    expect(await upVotes(tenant, ideas[0]!)).toBe(1);
    await context.close();
  }, 120_000);

  it('a visitor is sent to sign in, told where to come back: the same place in the list', async () => {
    const { tenant, ideas } = await portal({ defaultLang: 'en' });
    const page = await env.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${base(tenant)}/?sort=new`);
    const idea = ideas[1]!;
    await expectAccessible(page);
    await page.getByRole('link', { name: `Sign in to vote for “${idea.title}”, 0 votes`, exact: true }).click();
    await page.waitForURL(/\/signin\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/?sort=new#idea-${idea.id}`);
    // No script on the list for visitors: they have nothing to send.
    expect(await page.evaluate(() => document.querySelectorAll('script[src*="list-vote"]').length)).toBe(0);
    await page.close();
  }, 120_000);

  it('...and comes back there after signing in', async () => {
    const { tenant, ideas } = await portal({ defaultLang: 'en' }, 3);
    await member(tenant, 'sam', 'en');
    const idea = ideas[1]!;
    const page = await env.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${base(tenant)}/signin?next=${encodeURIComponent(`/?sort=new#idea-${idea.id}`)}`);
    await page.locator('#field-email').fill('sam@example.test');
    await page.locator('#field-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${base(tenant)}/?sort=new#idea-${idea.id}`, { timeout: 5_000 });
    await voteButton(page, idea).click();
    await page.waitForFunction(
      (id) => document.querySelector(`#idea-${id} .vote-for`)?.ariaPressed === 'true',
      idea.id,
    );
    await page.close();
  }, 60_000);

  it('an unverified member on a portal that asks for a confirmed e-mail is told why not, at the card', async () => {
    const { tenant, ideas } = await portal({ defaultLang: 'en' });
    await member(tenant, 'zoe', 'en', false);
    const zoe = await env.browser.newPage({ viewport: DESKTOP });
    await signInOnPage(zoe, { base: base(tenant), email: 'zoe@example.test', password: PASSWORD, lang: 'en' });
    await zoe.goto(`${base(tenant)}/?sort=new`);
    const last = ideas[0]!;
    // The API refuses; the form then posts as without JavaScript and the page comes back at the card with why.
    await voteButton(zoe, last).click();
    await zoe.waitForURL(new RegExp(`#idea-${last.id}$`));
    const refusal = zoe.locator(`#idea-${last.id} [role="alert"]`);
    expect(await refusal.textContent()).toBe('Confirm your e-mail address first: we sent you a link.');
    expect(await voteButton(zoe, last).getAttribute('aria-describedby')).toBe(await refusal.getAttribute('id'));
    expect(await voteButton(zoe, last).getAttribute('aria-pressed')).toBe('false');
    expect(await cardInView(zoe, last)).toBe(true);
    expect(await upVotes(tenant, last)).toBe(0);
    await expectAccessible(zoe);
    await zoe.screenshot({ path: `${shots}/list-vote-refused.png` });
    await zoe.close();
  }, 120_000);
});

describe('cards and empty lists elsewhere, in Chromium', () => {
  it("offer cards show the partner's logo; empty offers, notifications and team queues say what to do next", async () => {
    const tenant = await makeTenant({ defaultLang: 'en' });
    const person = await createMember(
      { tenant, actor: system },
      { email: 'pat@example.test', displayName: 'Pat', lang: 'en', role: 'partner', password: PASSWORD },
    );
    const org = await createPartner(
      { tenant, actor: system },
      { name: 'Volta Cells', country: 'DE', description: 'Cells, a partner.' },
    );
    await addToPartnerAsSystem({ tenant, actor: system }, org.id, person);
    const ctx = actingAs(tenant, person);
    const upload = await start(ctx, await picture(env.browser), 'image/png');
    await finalizeUpload(ctx, upload.id);
    await updatePartner(ctx, org.id, { logoId: upload.id });
    await publishOffer(ctx, (await createOffer(ctx, OFFER)).id);

    const page = await env.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${base(tenant)}/offers`);
    const logo = page.locator('.offer-card img.partner-logo');
    expect(await logo.getAttribute('src')).toBe(`/partners/${org.id}/logo?v=${upload.id}&size=card`);
    expect(await logo.getAttribute('alt')).toBe('');
    await page.waitForFunction(
      () => document.querySelector<HTMLImageElement>('img.partner-logo')?.naturalWidth === 240,
    );
    await expectAccessible(page);
    await page.screenshot({ path: `${shots}/offers-logo-desktop.png` });
    await page.goto(`${base(tenant)}/offers?q=zeppelin`);
    // Beside "no offer matches", not only at the end of the filters.
    await page.locator('.empty-next').getByRole('link', { name: 'Clear the search' }).waitFor();
    await page.screenshot({ path: `${shots}/offers-none-desktop.png` });
    await page.close();

    await member(tenant, 'mel', 'en');
    const mel = await env.browser.newPage({ viewport: PHONE });
    await signInOnPage(mel, { base: base(tenant), email: 'mel@example.test', password: PASSWORD, lang: 'en' });
    await mel.goto(`${base(tenant)}/notifications`);
    await mel.getByRole('link', { name: 'Find ideas to follow' }).waitFor();
    await expectAccessible(mel);
    await mel.screenshot({ path: `${shots}/notifications-empty-phone.png` });
    await mel.close();

    await createMember(
      { tenant, actor: system },
      { email: 'tea@example.test', displayName: 'Tea', lang: 'en', role: 'team', password: PASSWORD },
    );
    const team = await env.browser.newPage({ viewport: DESKTOP });
    await signInOnPage(team, { base: base(tenant), email: 'tea@example.test', password: PASSWORD, lang: 'en' });
    await team.goto(`${base(tenant)}/team?queue=flagged`);
    await team.getByRole('link', { name: /^Go on to: / }).click();
    await team.waitForURL((url) => url.searchParams.get('queue') !== 'flagged');
    await expectAccessible(team);
    await team.close();
  }, 120_000);
});
