import { DomainError } from '$core/errors/index';
import { newChallenge, signUp, signUpNeedsProof } from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { formFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** Past the portal's sign-up rate the page brings a challenge, which its script solves while the person types. */
export const load: PageServerLoad = async ({ locals }) => {
  const ctx = portalCtx(locals);
  if (!(await signUpNeedsProof(ctx))) return { challenge: undefined };
  try {
    return { challenge: await newChallenge(ctx) };
  } catch (e) {
    if (e instanceof DomainError) return { challenge: undefined }; // challenges used up here: the form says so when sent
    throw e;
  }
};

// The account is made from the e-mailed link (signup/confirm); the form only says where it went.
export const actions: Actions = {
  default: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () =>
      signUp(portalCtx(locals), { ...values, lang: locals.lang }),
    );
    return result.ok ? { sent: true, email: values.email ?? '' } : result.failure;
  },
};
