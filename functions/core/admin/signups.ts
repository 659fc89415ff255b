import { authorize } from '../authz.js';
import type { Ctx } from '../context.js';
import { signUpsThisHour } from '../identity/index.js';

export interface SignUpRate {
  /** Sign-ups tried on the portal in this hour's window. */
  thisHour: number;
  /** The owner's rates an hour past which a proof of work is asked (portal-wide, per network). */
  perPortal: number;
  perAddress: number;
}

/** What the owner sees beside the rate they set: how many sign-ups this hour already holds. */
export async function signUpRate(ctx: Ctx): Promise<SignUpRate> {
  authorize(ctx, 'portal.configure');
  return { thisHour: await signUpsThisHour(ctx), ...ctx.tenant.signupProof };
}
