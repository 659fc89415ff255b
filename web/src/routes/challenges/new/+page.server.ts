import { error, redirect } from '@sveltejs/kit';
import { can } from '$core/authz';
import { createChallenge } from '$core/challenge/index';
import { render, say } from '$core/errors/index';
import { DEFAULT_VALUES, formLanguages, readChallengeForm, teamMembers } from '$lib/server/challenge-form';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import type { Actions, PageServerLoad } from './$types';

/** The team drafts a challenge; others are told the page is not theirs (as the team's pages do). */
export const load: PageServerLoad = ({ locals, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    if (!can(ctx.actor, 'challenges.manage'))
      error(403, { message: render(say('access.role'), locals.lang), code: 'forbidden' });
    return { values: DEFAULT_VALUES, languages: formLanguages(ctx.tenant), team: await teamMembers(ctx) };
  });

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const ctx = portalCtx(locals);
    const { input, values, inputOf } = readChallengeForm(await request.formData(), formLanguages(ctx.tenant));
    const result = await attempt(locals.lang, values, () => createChallenge(ctx, input), { input: inputOf });
    if (!result.ok) return result.failure;
    redirect(303, `/challenges/${result.value.id}`);
  },
};
