import {
  addNote,
  changeStatus,
  mergeIdea,
  setAssignee,
  setScores,
  setTags,
  teamView,
  WORKFLOW,
} from '$core/team/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The team's view of one idea: everything members see, and what only the team does with it. */
export const load: PageServerLoad = ({ locals, url, params }) =>
  loadSignedIn(locals, url, async (ctx) => ({ ...(await teamView(ctx, params.id)), statuses: WORKFLOW }));

/** Each action answers with its form's name, so the page shows the outcome next to that form. */
const run = async <T>(locals: App.Locals, form: string, values: Record<string, string>, fn: () => Promise<T>) => {
  const result = await attempt(locals.lang, values, fn, { form });
  return result.ok ? { form, ok: true as const, value: result.value } : result.failure;
};

/** "https://portal/ideas/<id>" or a bare id: the idea to keep in a merge. */
const ideaIdFrom = (text: string) => /([0-9a-z]{20})\/?$/.exec(text.trim())?.[1] ?? text.trim();

export const actions: Actions = {
  status: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'status', values, () =>
      changeStatus(portalCtx(locals), params.id, { status: values.status, response: values.response || undefined }),
    );
  },
  tags: async ({ locals, params, request }) => {
    const values = await formFields(request);
    const tags = String(values.tags ?? '')
      .split(',')
      .map((s: string) => s.trim())
      .filter(Boolean);
    return run(locals, 'tags', values, () => setTags(portalCtx(locals), params.id, { tags }));
  },
  assign: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'assign', values, () =>
      setAssignee(portalCtx(locals), params.id, { memberId: values.memberId || null }),
    );
  },
  note: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'note', values, () => addNote(portalCtx(locals), params.id, { body: values.body }));
  },
  scores: async ({ locals, params, request }) => {
    const values = await formFields(request);
    const scores = Object.fromEntries(
      Object.entries(values as Record<string, string>)
        .filter(([k, v]) => k.startsWith('score-') && v)
        .map(([k, v]) => [k.slice(6), Number(v)]),
    );
    return run(locals, 'scores', values, () => setScores(portalCtx(locals), params.id, { scores }));
  },
  merge: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'merge', values, () =>
      mergeIdea(portalCtx(locals), params.id, { into: ideaIdFrom(values.into ?? '') }),
    );
  },
};
