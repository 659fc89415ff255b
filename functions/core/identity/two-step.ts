import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { nowIso, requireMember, type Ctx } from '../context.js';
import { members } from '../db/index.js';
import { DomainError, invalidFields, say, says } from '../errors/index.js';
import { fn } from '../fn.js';
import { profileOf, type Member } from '../member/index.js';
import { addressOf, hit, pairOf } from '../ratelimit.js';
import { verifyPassword } from './password.js';
import { currentMember } from './profile.js';
import { createSession } from './sessions.js';
import { checkToken, consumeToken, hashSecret, invalidToken, issueToken } from './tokens.js';
import type { SignedIn } from './accounts.js';
import { seal, unseal } from './sealed.js';
import { matchingStep, newTotpSecret, otpauthUri } from './totp.js';

/*
 * Two-step sign-in (TOTP, RFC 6238, with an authenticator app): after the password or the e-mailed
 * link, a six-digit code of the moment, or one of ten single-use recovery codes. A code is taken
 * once: the account keeps the last time step used, and only a later one is accepted.
 */

const RECOVERY_CODES = 10;

const Code = z.string().trim().min(1, says('account.codeMissing')).max(40);
export const PasswordOnly = z.object({ password: z.string().min(1, says('account.passwordMissing')).max(128) });
export const CodeOnly = z.object({ code: Code });
export const SecondStep = z.object({ ticket: z.string().min(1).max(100), code: Code });

/** A sign-in that waits for its second step: the ticket (five minutes, one use) stands for the first. */
export interface SecondStepAsked {
  ticket: string;
}

const SEALED_AS = 'totp';

/** The step of a six-digit code of this (sealed) secret now; undefined for anything else. */
const stepOf = (ctx: Ctx, sealed: string, code: string) =>
  matchingStep(unseal(SEALED_AS, sealed), code, (ctx.now ?? new Date()).getTime());

/** Recovery codes: 50 random bits each, written `xxxxx-xxxxx`; only their hashes are kept. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
const recoveryHash = (code: string) => hashSecret(code.toLowerCase().replace(/[^a-z0-9]/g, ''));

const wrongCode = () => invalidFields({ code: say('account.wrongCode') });
const notStarted = () => new DomainError('two_step_not_started', 409, say('account.twoStepNotStarted'));

/**
 * Spends a code on the account: a TOTP code only for a time step later than the last one taken,
 * a recovery code only while it is still in the account's set (both conditional writes, so two
 * sign-ins racing with one code cannot both pass).
 */
async function spendCode(ctx: Ctx, member: Member, given: string): Promise<boolean> {
  const code = given.replace(/\s/g, '');
  const key: [string, string] = [ctx.tenant.id, member.id];
  const step = member.totpSecret ? stepOf(ctx, member.totpSecret, code) : undefined;
  if (step !== undefined) {
    return members.change(key, {
      UpdateExpression: 'SET totpLastStep = :step',
      ConditionExpression:
        'attribute_exists(totpSecret) AND (attribute_not_exists(totpLastStep) OR totpLastStep < :step)',
      ExpressionAttributeValues: { ':step': step },
    });
  }
  const hash = recoveryHash(code);
  return members.change(key, {
    UpdateExpression: 'DELETE recoveryCodes :used',
    ConditionExpression: 'contains(recoveryCodes, :hash)',
    ExpressionAttributeValues: { ':used': new Set([hash]), ':hash': hash },
  });
}

/** After the first step: a ticket for the second, when the account asks for one. */
export async function secondStepFor(ctx: Ctx, member: Member): Promise<SecondStepAsked | undefined> {
  if (!member.totpSecret) return undefined;
  return { ticket: await issueToken(ctx, 'twostep', { memberId: member.id }) };
}

/** The second step of a sign-in: the ticket and a code; five tries a ticket, and few an hour an account. */
export const signInSecondStep = /* @__PURE__ */ fn(SecondStep, async (ctx, { ticket, code }): Promise<SignedIn> => {
  const pending = await checkToken(ctx, 'twostep', ticket);
  await hit(ctx, 'twostep:ticket', ticket);
  await hit(ctx, 'twostep:account', pairOf(pending.memberId!, addressOf(ctx)));
  const member = await members.get([ctx.tenant.id, pending.memberId!], { consistent: true });
  if (!member || member.status !== 'active' || !member.totpSecret) throw invalidToken();
  if (!(await spendCode(ctx, member, code))) throw wrongCode();
  await consumeToken(ctx, 'twostep', ticket);
  return { token: await createSession(ctx.tenant.id, member.id, ctx.now), profile: profileOf(member) };
});

/** Turning it on, first part: the password again, then a new secret for the app (kept pending until a code proves it). */
export const startTwoStep = /* @__PURE__ */ fn(
  requireMember,
  PasswordOnly,
  async (ctx, { password }, actor): Promise<{ secret: string; uri: string }> => {
    await hit(ctx, 'signin:account', actor.memberId);
    const member = await currentMember(ctx);
    if (!member.passwordHash || !(await verifyPassword(password, member.passwordHash))) {
      throw invalidFields({ password: say('account.wrongPassword') });
    }
    if (member.totpSecret) throw new DomainError('two_step_on', 409, say('account.twoStepAlreadyOn'));
    const secret = newTotpSecret();
    await members.change([ctx.tenant.id, member.id], {
      UpdateExpression: 'SET totpPending = :secret',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(totpSecret)',
      ExpressionAttributeValues: { ':secret': seal(SEALED_AS, secret) },
    });
    const issuer = ctx.tenant.name[ctx.tenant.defaultLang] ?? ctx.tenant.slug;
    return { secret, uri: otpauthUri({ secret, issuer, account: member.email }) };
  },
);

/** Second part: a code from the app turns it on; the recovery codes are shown this once. */
export const enableTwoStep = /* @__PURE__ */ fn(
  requireMember,
  CodeOnly,
  async (ctx, { code }, actor): Promise<{ recoveryCodes: string[] }> => {
    await hit(ctx, 'twostep:account', actor.memberId);
    const member = await currentMember(ctx);
    if (!member.totpPending) throw notStarted();
    const step = stepOf(ctx, member.totpPending, code.replace(/\s/g, ''));
    if (step === undefined) throw wrongCode();
    const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    const enabled = await members.change([ctx.tenant.id, member.id], {
      UpdateExpression:
        'SET totpSecret = :secret, totpLastStep = :step, totpEnabledAt = :at, recoveryCodes = :codes REMOVE totpPending',
      ConditionExpression: 'totpPending = :secret',
      ExpressionAttributeValues: {
        ':secret': member.totpPending,
        ':step': step,
        ':at': nowIso(ctx),
        ':codes': new Set(recoveryCodes.map(recoveryHash)),
      },
    });
    if (!enabled) throw notStarted();
    return { recoveryCodes };
  },
);

/** Turning it off takes a code too (of the app or a recovery one): a stolen session alone cannot. */
export const disableTwoStep = /* @__PURE__ */ fn(requireMember, CodeOnly, async (ctx, { code }, actor) => {
  await hit(ctx, 'twostep:account', actor.memberId);
  const member = await currentMember(ctx);
  if (!member.totpSecret) return;
  if (!(await spendCode(ctx, member, code))) throw wrongCode();
  await members.change([ctx.tenant.id, member.id], {
    UpdateExpression: 'REMOVE totpSecret, totpLastStep, totpEnabledAt, recoveryCodes, totpPending',
    ConditionExpression: 'attribute_exists(pk)',
  });
});
