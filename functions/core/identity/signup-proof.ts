import { createHash } from 'node:crypto';
import type { Ctx } from '../context.js';
import { DomainError, say } from '../errors/index.js';
import { counted, hit, addressOf } from '../ratelimit.js';
import { leadingZeroBits } from './browser.js';
import { consumeToken, issueToken } from './tokens.js';

/**
 * A sign-up's proof of work, asked once the portal or one network passes the sign-ups an hour its
 * owner set: the browser finds a nonce whose SHA-256 with a one-time challenge starts with
 * `PROOF_BITS` zero bits. 16 bits is about 65,000 hashes, under a second in a page and nothing to a
 * person, but it makes each extra robot sign-up cost real work.
 */
export const PROOF_BITS = 16;

/** Counts this sign-up on the portal and its network, and says whether it must carry a proof. */
export async function countSignUp(ctx: Ctx): Promise<boolean> {
  const fromAddress = await hit(ctx, 'signup:address', addressOf(ctx));
  const fromPortal = await hit(ctx, 'signup:portal', ctx.tenant.id);
  const { perAddress, perPortal } = ctx.tenant.signupProof;
  return fromAddress > perAddress || fromPortal > perPortal;
}

/** Whether the next sign-up from this network would have to carry a proof (the form starts on it early). */
export async function signUpNeedsProof(ctx: Ctx): Promise<boolean> {
  const { perAddress, perPortal } = ctx.tenant.signupProof;
  const [fromAddress, fromPortal] = await Promise.all([
    counted(ctx, 'signup:address', addressOf(ctx)),
    counted(ctx, 'signup:portal', ctx.tenant.id),
  ]);
  return fromAddress >= perAddress || fromPortal >= perPortal;
}

/** The sign-ups counted this hour on the portal, beside the owner's rate (for the settings page). */
export async function signUpsThisHour(ctx: Ctx): Promise<number> {
  return counted(ctx, 'signup:portal', ctx.tenant.id);
}

export interface Challenge {
  challenge: string;
  bits: number;
}

/** A one-time challenge (a token of ten minutes, stored hashed like every token). */
export async function newChallenge(ctx: Ctx): Promise<Challenge> {
  await hit(ctx, 'challenge:address', addressOf(ctx));
  return { challenge: await issueToken(ctx, 'proof', {}), bits: PROOF_BITS };
}

const proofRequired = () =>
  new DomainError('proof_required', 403, say('account.proofRequired'), { proof: say('account.proofRequired') });

/** A proof is `challenge.nonce`; it is spent with its challenge, so it works once. */
export async function spendProof(ctx: Ctx, proof: string | undefined): Promise<void> {
  const [challenge = '', nonce = '', extra] = (proof ?? '').split('.');
  if (!challenge || !nonce || extra !== undefined) throw proofRequired();
  const digest = createHash('sha256').update(proof!).digest();
  if (!leadingZeroBits(digest, PROOF_BITS)) throw proofRequired();
  await consumeToken(ctx, 'proof', challenge).catch((e: unknown) => {
    throw e instanceof DomainError ? proofRequired() : e;
  });
}
