import { redirect } from '@sveltejs/kit';
import { addComment, deleteComment, editComment, getIdeaWithComments } from '$core/comment/index';
import { flag } from '$core/flag/index';
import { isFollowing, setFollow } from '$core/follow/index';
import { deleteIdea, renderMarkdown } from '$core/idea/index';
import { castVote, getMyVote } from '$core/vote/index';
import { statusHistoryOf } from '$core/team/index';
import { isTeam } from '$core/authz';
import { attempt, portalCtx, refusalAsErrorPage } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const ctx = portalCtx(locals);
  try {
    const { idea, comments } = await getIdeaWithComments(ctx, params.id, url.searchParams.get('comments') ?? undefined);
    const [myVote, following, history] = await Promise.all([
      getMyVote(ctx, idea.id),
      isFollowing(ctx, idea.id),
      statusHistoryOf(ctx, idea),
    ]);
    return {
      idea,
      bodyHtml: renderMarkdown(idea.body),
      comments: comments.items.map((c) => ({ ...c, html: renderMarkdown(c.body) })),
      moreComments: comments.cursor,
      myVote,
      following,
      memberId: ctx.actor.kind === 'member' ? ctx.actor.memberId : null,
      history,
      team: isTeam(ctx.actor),
    };
  } catch (e) {
    refusalAsErrorPage(e, locals.lang);
  }
};

/** Each action answers with which form it was, so the page shows the outcome next to that form. */
const run = async (locals: App.Locals, form: string, values: Record<string, string>, fn: () => Promise<unknown>) => {
  const result = await attempt(locals.lang, values, fn, { form });
  return result.ok ? { form, ok: true as const } : result.failure;
};

export const actions: Actions = {
  vote: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'vote', values, () =>
      castVote(portalCtx(locals), { ideaId: params.id, value: Number(values.value) as 1 | -1 | 0 }),
    );
  },
  follow: async ({ locals, params, request }) => {
    const values = await formFields(request);
    return run(locals, 'follow', values, () => setFollow(portalCtx(locals), params.id, values.following === 'true'));
  },
  comment: async ({ locals, params, request }) => {
    const values = await formFields(request);
    const form = values.parentId ? `reply-${values.parentId}` : 'comment';
    const result = await attempt(
      locals.lang,
      values,
      () =>
        addComment(portalCtx(locals), {
          ideaId: params.id,
          body: values.body,
          ...(values.parentId ? { parentId: values.parentId } : {}),
        }),
      { form },
    );
    // A held comment is posted but not yet shown to others: the page says so.
    return result.ok ? { form, ok: true as const, held: Boolean(result.value.moderation) } : result.failure;
  },
  editComment: async ({ locals, request }) => {
    const values = await formFields(request);
    return run(locals, `edit-${values.commentId}`, values, () =>
      editComment(portalCtx(locals), values.commentId, { body: values.body }),
    );
  },
  deleteComment: async ({ locals, request }) => {
    const values = await formFields(request);
    return run(locals, `delete-${values.commentId}`, values, () => deleteComment(portalCtx(locals), values.commentId));
  },
  flag: async ({ locals, request }) => {
    const values = await formFields(request);
    return run(locals, `flag-${values.target}`, values, () =>
      flag(portalCtx(locals), { target: values.target, reason: values.reason }),
    );
  },
  delete: async ({ locals, params }) => {
    const result = await attempt(locals.lang, {}, () => deleteIdea(portalCtx(locals), params.id));
    if (!result.ok) return result.failure;
    redirect(303, '/');
  },
};
