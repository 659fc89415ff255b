import { error, redirect } from '@sveltejs/kit';
import { can } from '$core/authz';
import { getChallenge, updateChallenge } from '$core/challenge/index';
import { render, say } from '$core/errors/index';
import { formLanguages, readChallengeForm, teamMembers, valuesOfChallenge } from '$lib/server/challenge-form';
import { attempt, loadSignedIn, portalCtx } from '$lib/server/core';
import type { Actions, PageServerLoad } from './$types';

/** The team edits a challenge (texts, options, jury, timeline) until it is decided or closed. */
export const load: PageServerLoad = ({ locals, params, url }) =>
  loadSignedIn(locals, url, async (ctx) => {
    if (!can(ctx.actor, 'challenges.manage'))
      error(403, { message: render(say('access.role'), locals.lang), code: 'forbidden' });
    const challenge = await getChallenge(ctx, params.id);
    return {
      challenge,
      values: valuesOfChallenge(challenge),
      languages: formLanguages(ctx.tenant),
      team: await teamMembers(ctx),
    };
  });

export const actions: Actions = {
  default: async ({ locals, params, request }) => {
    const ctx = portalCtx(locals);
    const { input, values, inputOf } = readChallengeForm(await request.formData(), formLanguages(ctx.tenant));
    const result = await attempt(locals.lang, values, () => updateChallenge(ctx, params.id, input), {
      input: inputOf,
    });
    if (!result.ok) return result.failure;
    redirect(303, `/challenges/${params.id}`);
  },
};
