import {
  acceptNda,
  followChallenge,
  followsChallenge,
  challengeFunnel,
  closeChallenge,
  countChallengeView,
  decideChallenge,
  favourEntry,
  getChallenge,
  listEntries,
  listRewards,
  markRewardPaid,
  nextChangeAt,
  openIn,
  scheduleChallenge,
  submitEntry,
  viewerOf,
  withdrawEntry,
} from '$core/challenge/index';
import { markdownToText, renderMarkdown } from '$core/idea/index';
import { localized } from '$core/tenant/browser';
import { attempt, portalCtx, refusalAsErrorPage } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const EXCERPT = 220;
/** The orders the core lists entries in; it falls back to the newest where the viewer may not use one. */
const SORTS = ['new', 'favourites', 'score'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const ctx = portalCtx(locals);
  try {
    const challenge = await getChallenge(ctx, params.id);
    const viewer = viewerOf(ctx, challenge);
    // The funnel's first step: readers' openings of the page (the team's own are not counted).
    if (!viewer.team) await countChallengeView(ctx, challenge.id);
    const inLang = (text: Partial<Record<'en' | 'fr', string>> | undefined) =>
      localized(text, locals.lang, ctx.tenant.defaultLang);
    const markdown = (text: Partial<Record<'en' | 'fr', string>> | undefined) =>
      text && Object.keys(text).length ? renderMarkdown(inLang(text)) : '';
    // The own entries must all be there: one page of the most the core lists (the core has no "mine" list).
    const asked = url.searchParams.get('sort');
    const entries = await listEntries(ctx, challenge.id, { sort: SORTS.find((s) => s === asked) ?? 'new', limit: 100 });
    const active = entries.items
      .filter((e) => e.status === 'active')
      .map((e) => ({ ...e, excerpt: markdownToText(e.body).slice(0, EXCERPT) }));
    const decided = challenge.phase === 'decided';
    return {
      challenge,
      viewer,
      signedIn: ctx.actor.kind === 'member',
      html: {
        brief: markdown(challenge.brief),
        rules: markdown(challenge.rules),
        ipClause: markdown(challenge.ipClause),
        // Present only where the core gave it: the team, the jury, and readers who accepted the NDA.
        confidential: markdown(challenge.confidentialBrief),
        nda: markdown(challenge.nda),
      },
      next: nextChangeAt(challenge, ctx.now ?? new Date()),
      sort: entries.sort,
      entries: active.filter((e) => !e.mine),
      mine: active.filter((e) => e.mine),
      winners: decided ? active.filter((e) => e.rank).sort((a, b) => a.rank! - b.rank!) : [],
      favouritesUsed: active.filter((e) => e.favoured).length,
      rewards: decided || viewer.team ? await listRewards(ctx, challenge.id) : [],
      canDecide: viewer.team && openIn('decide', challenge.phase),
      funnel: viewer.team ? await challengeFunnel(ctx, challenge.id) : null,
      following: await followsChallenge(ctx, challenge.id),
    };
  } catch (e) {
    refusalAsErrorPage(e, locals.lang);
  }
};

/** Each action answers with the form it was, so the page shows the outcome beside that form. */
const run = async (locals: App.Locals, form: string, values: Record<string, string>, fn: () => Promise<unknown>) => {
  const result = await attempt(locals.lang, values, fn, { form });
  return result.ok ? { form, ok: true as const } : result.failure;
};

export const actions: Actions = {
  schedule: ({ locals, params }) => run(locals, 'team', {}, () => scheduleChallenge(portalCtx(locals), params.id)),
  close: ({ locals, params }) => run(locals, 'team', {}, () => closeChallenge(portalCtx(locals), params.id)),
  enter: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'enter', values, () =>
      submitEntry(portalCtx(locals), params.id, {
        title: values.title ?? '',
        body: values.body ?? '',
        accept: (values.accept === 'on') as true,
      }),
    );
  },
  follow: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'follow', values, () => followChallenge(portalCtx(locals), params.id, values.on === 'true'));
  },
  nda: ({ locals, params }) => run(locals, 'nda', {}, () => acceptNda(portalCtx(locals), params.id)),
  favour: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, `favour-${values.entryId}`, values, () =>
      favourEntry(portalCtx(locals), params.id, values.entryId ?? '', { on: values.on === 'true' }),
    );
  },
  withdraw: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'withdraw', values, () => withdrawEntry(portalCtx(locals), params.id, values.entryId ?? ''));
  },
  paid: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'paid', values, () => markRewardPaid(portalCtx(locals), params.id, Number(values.rank)));
  },
  decide: async ({ locals, params, request }) => {
    const values = await formFields(request);
    // The winner first, then the others in order; a rank left empty ends the ranking.
    const ranking = ['rank1', 'rank2', 'rank3'].map((k) => values[k] ?? '').filter(Boolean);
    return run(locals, 'decide', values, () => decideChallenge(portalCtx(locals), params.id, { ranking }));
  },
};
