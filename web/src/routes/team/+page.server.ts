import { blockMember, listQueue, moderate, QUEUES } from '$core/team/index';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

type Queue = (typeof QUEUES)[number];

/** The team's queues, one at a time (?queue=), oldest first. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const asked = url.searchParams.get('queue') as Queue;
  const queue: Queue = QUEUES.includes(asked) ? asked : 'moderation';
  return loadSignedIn(locals, url, async (ctx) => {
    const page = await listQueue(ctx, { queue, cursor: url.searchParams.get('cursor') ?? undefined });
    return { queue, queues: QUEUES, items: page.items, next: page.cursor };
  });
};

export const actions: Actions = {
  decide: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(
      locals.lang,
      values,
      () =>
        moderate(portalCtx(locals), values.target ?? '', {
          decision: values.decision,
          reason: values.reason || undefined,
        }),
      { form: `decide-${values.target}` },
    );
    return result.ok ? { form: `decide-${values.target}`, decided: true } : result.failure;
  },
  block: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(
      locals.lang,
      values,
      () => blockMember(portalCtx(locals), values.memberId ?? '', { reason: values.reason }),
      { form: `block-${values.target}` },
    );
    return result.ok ? { form: `block-${values.target}`, blocked: result.value.hiddenIdeas } : result.failure;
  },
};
