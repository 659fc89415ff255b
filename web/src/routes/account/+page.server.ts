import { redirect } from '@sveltejs/kit';
import { visitor } from '$core/context';
import {
  changePassword,
  signOutEverywhere,
  deleteMe,
  getMe,
  removeMyPhoto,
  setMyPhoto,
  updateMe,
} from '$core/identity/index';
import { attempt, portalCtx } from '$lib/server/core';
import { clearSessionCookie, formFields, setSessionCookie } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const ctx = portalCtx(locals);
  if (ctx.actor.kind !== 'member') redirect(303, `/signin?next=${encodeURIComponent(url.pathname)}`);
  return { profile: await getMe(ctx) };
};

export const actions: Actions = {
  profile: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => updateMe(portalCtx(locals), values));
    return result.ok ? { saved: 'profile' } : result.failure;
  },
  photo: async ({ locals, request }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => setMyPhoto(portalCtx(locals), values), { form: 'photo' });
    return result.ok ? { saved: 'photo' as const } : result.failure;
  },
  removePhoto: async ({ locals }) => {
    const ctx = portalCtx(locals);
    await removeMyPhoto(ctx);
    // The header of this very response shows the initials too (the actor was read before the action).
    if (ctx.actor.kind === 'member') ctx.actor = { ...ctx.actor, photo: undefined };
    return { saved: 'photoRemoved' as const };
  },
  password: async ({ locals, request, cookies, url }) => {
    const values = await formFields(request);
    const result = await attempt(locals.lang, values, () => changePassword(portalCtx(locals), values));
    if (!result.ok) return result.failure;
    setSessionCookie(cookies, url, result.value);
    return { saved: 'password' };
  },
  signoutAll: async ({ locals, cookies, url }) => {
    const ctx = portalCtx(locals);
    await signOutEverywhere(ctx);
    clearSessionCookie(cookies, url);
    redirect(303, '/signin');
  },
  delete: async ({ locals, request, cookies, url }) => {
    const values = await formFields(request);
    if (values.confirm !== 'yes') return { deleteNeedsConfirm: true };
    const ctx = portalCtx(locals);
    const result = await attempt(locals.lang, values, () => deleteMe(ctx));
    if (!result.ok) return result.failure;
    clearSessionCookie(cookies, url);
    ctx.actor = visitor;
    return { deleted: true };
  },
};
