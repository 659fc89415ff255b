import { getThread, postMessage, setThreadState, THREAD_STATES } from '$core/offer/index';
import { renderMarkdown } from '$core/idea/index';
import { loadSignedIn, portalCtx } from '$lib/server/core';
import { fieldsOf, formFields } from '$lib/server/forms';
import { checked, runForm } from '$lib/server/offers';
import type { Actions, PageServerLoad } from './$types';

/** A conversation with its messages and state changes in order, for its two sides. */
export const load: PageServerLoad = ({ locals, url, params }) =>
  loadSignedIn(locals, url, async (ctx) => {
    const { thread, side, messages } = await getThread(ctx, params.id);
    return {
      thread,
      side,
      states: THREAD_STATES,
      messages: messages.map((m) => ({ ...m, html: m.body ? renderMarkdown(m.body) : '' })),
    };
  });

export const actions: Actions = {
  reply: async ({ locals, params, request }) => {
    const data = await request.formData();
    const values = fieldsOf(data);
    return runForm(locals, 'reply', values, () =>
      postMessage(portalCtx(locals), params.id, { body: values.body, attachmentIds: checked(data, 'attachmentIds') }),
    );
  },
  state: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return runForm(locals, 'state', values, () =>
      setThreadState(portalCtx(locals), params.id, { state: values.state }),
    );
  },
};
