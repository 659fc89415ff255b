import {
  askAdjustment,
  commentOnEntry,
  getChallenge,
  getEntry,
  listEntryComments,
  openIn,
  reviseEntry,
  scoreEntry,
  shortlistEntry,
  viewerOf,
} from '$core/challenge/index';
import { renderMarkdown } from '$core/idea/index';
import { attempt, portalCtx, refusalAsErrorPage } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** One entry with every version, oldest first, and the forms its viewer may use now. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = portalCtx(locals);
  try {
    const [challenge, entry, comments] = await Promise.all([
      getChallenge(ctx, params.id),
      getEntry(ctx, params.id, params.entryId),
      listEntryComments(ctx, params.id, params.entryId),
    ]);
    const viewer = viewerOf(ctx, challenge);
    const { phase } = challenge;
    const pending = entry.adjustment && !entry.adjustment.answered;
    return {
      challenge: { id: challenge.id, title: challenge.title, phase },
      entry: { ...entry, versions: undefined },
      versions: [...entry.versions].sort((a, b) => a.n - b.n).map((v) => ({ ...v, html: renderMarkdown(v.body) })),
      can: {
        revise:
          entry.mine &&
          entry.status === 'active' &&
          (phase === 'submission' || (phase === 'shortlist' && entry.shortlisted && !!pending)),
        score: viewer.juror && openIn('score', phase),
        shortlist: (viewer.juror || viewer.team) && openIn('shortlist', phase),
        ask: viewer.team && phase === 'shortlist' && entry.shortlisted,
        // Members comment during the public review (the core refuses a juror role and other phases).
        comment: ctx.actor.kind === 'member' && ctx.actor.role !== 'juror' && openIn('comment', phase),
      },
      comments: comments.items,
    };
  } catch (e) {
    refusalAsErrorPage(e, locals.lang);
  }
};

const run = async (locals: App.Locals, form: string, values: Record<string, string>, fn: () => Promise<unknown>) => {
  const result = await attempt(locals.lang, values, fn, { form });
  return result.ok ? { form, ok: true as const, values } : result.failure;
};

export const actions: Actions = {
  revise: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'revise', values, () =>
      reviseEntry(portalCtx(locals), params.id, params.entryId, { title: values.title, body: values.body }),
    );
  },
  score: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'score', values, () =>
      scoreEntry(portalCtx(locals), params.id, params.entryId, {
        score: Number(values.score),
        ...(values.comment?.trim() ? { comment: values.comment } : {}),
      }),
    );
  },
  shortlist: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'shortlist', values, () =>
      shortlistEntry(portalCtx(locals), params.id, params.entryId, { shortlisted: values.shortlisted === 'true' }),
    );
  },
  comment: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'comment', values, () =>
      commentOnEntry(portalCtx(locals), params.id, params.entryId, { body: values.body }),
    );
  },
  ask: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'ask', values, () =>
      askAdjustment(portalCtx(locals), params.id, params.entryId, { text: values.text }),
    );
  },
};
