import { requireMember, nowIso, type Ctx } from '../context.js';
import { challengeFollows } from '../db/index.js';
import { getChallenge } from './challenges.js';

/** A member follows a challenge they may read, to be told when its phase changes; again changes nothing. */
export async function followChallenge(ctx: Ctx, challengeId: string, on: boolean): Promise<{ following: boolean }> {
  const member = requireMember(ctx);
  const challenge = await getChallenge(ctx, challengeId);
  const key = [ctx.tenant.id, challenge.id, member.memberId] as const;
  if (on) await challengeFollows.create([...key], { memberId: member.memberId, at: nowIso(ctx) });
  else await challengeFollows.delete([...key]);
  return { following: on };
}

/** Whether the signed-in member follows the challenge. */
export async function followsChallenge(ctx: Ctx, challengeId: string): Promise<boolean> {
  if (ctx.actor.kind !== 'member') return false;
  return !!(await challengeFollows.get([ctx.tenant.id, challengeId, ctx.actor.memberId]));
}
