import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import { keyParts, tokens, type Write } from '../db/index.js';
import { DomainError, say } from '../errors/index.js';
import type { Lang } from '../tenant/index.js';

/**
 * `signup` carries a sign-up not yet confirmed (the account exists only once its link is used);
 * `proof` is a proof-of-work challenge (signup-proof.ts); `twostep` a sign-in waiting for its code (two-step.ts);
 * `handoff` carries the owner of a new portal from the platform's host to the portal's own (cookies are per host).
 */
export type TokenKind = 'signup' | 'proof' | 'verify' | 'signin' | 'twostep' | 'reset' | 'invite' | 'handoff';

const LIFETIME_SECONDS: Record<TokenKind, number> = {
  signup: 3 * 24 * 3600,
  proof: 10 * 60,
  verify: 3 * 24 * 3600,
  signin: 15 * 60,
  twostep: 5 * 60,
  reset: 60 * 60,
  invite: 7 * 24 * 3600,
  handoff: 2 * 60,
};

/** 256 random bits, sent to the user; only its SHA-256 is stored. */
export const newSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface TokenData {
  memberId?: string;
  email?: string;
  role?: string;
  invitedBy?: string;
  /** A partner invitation also makes the member one of this organisation's people. */
  partnerId?: string;
  /** When it was issued (ISO); a password change or reset ends the account's older reset and sign-in tokens. */
  issuedAt?: string;
  /** A sign-up waiting for its link: the name, language and password hash the account will have. */
  displayName?: string;
  lang?: Lang;
  passwordHash?: string;
  /** An invitation withdrawn by an owner or admin: its link answers that it was withdrawn. */
  revokedAt?: string;
}

type StoredToken = TokenData & { kind: TokenKind; expiresAt: number };

const nowSeconds = (ctx: Ctx) => Math.floor((ctx.now ?? new Date()).getTime() / 1000);

/** A one-time token of this tenant, for an e-mail link. */
export async function issueToken(ctx: Ctx, kind: TokenKind, data: TokenData): Promise<string> {
  const secret = newSecret();
  const issuedAt = (ctx.now ?? new Date()).toISOString();
  await tokens.create([ctx.tenant.id, hashSecret(secret)], {
    kind,
    ...data,
    issuedAt,
    expiresAt: nowSeconds(ctx) + LIFETIME_SECONDS[kind],
  });
  return secret;
}

/** When a token was issued; for one stored before `issuedAt` existed, its expiry less its lifetime. */
export function issuedAtOf(token: StoredToken): string {
  return token.issuedAt ?? new Date((token.expiresAt - LIFETIME_SECONDS[token.kind]) * 1000).toISOString();
}

/** Whether a token bound to an account was issued after the account last ended its tokens (password change or reset). */
export const outlivedBy = (token: StoredToken, account: { tokensNotBefore?: string }) =>
  Boolean(account.tokensNotBefore && issuedAtOf(token) < account.tokensNotBefore);

/** Reads a token without using it up (to check it before acting); undefined when invalid, expired or withdrawn. */
export async function peekToken(ctx: Ctx, kind: TokenKind, secret: string): Promise<StoredToken | undefined> {
  if (!SECRET.test(secret)) return undefined;
  const token = await tokens.get([ctx.tenant.id, hashSecret(secret)], { consistent: true });
  return token && token.kind === kind && token.expiresAt > nowSeconds(ctx) && !token.revokedAt ? token : undefined;
}

export const invalidToken = () =>
  new DomainError('invalid_token', 400, say('account.badLink'), { token: say('account.badLink') });

/** Why a token cannot be used: withdrawn (410, said so), else invalid, expired or used (400). */
async function refusal(ctx: Ctx, kind: TokenKind, secret: string): Promise<DomainError> {
  const token = SECRET.test(secret)
    ? await tokens.get([ctx.tenant.id, hashSecret(secret)], { consistent: true })
    : undefined;
  return token?.kind === kind && token.revokedAt
    ? new DomainError('invitation_revoked', 410, say('account.invitationRevoked'), {
        token: say('account.invitationRevoked'),
      })
    : invalidToken();
}

/** A token that can be used now, read without using it up; refused with the reason otherwise. */
export async function checkToken(ctx: Ctx, kind: TokenKind, secret: string): Promise<StoredToken> {
  const token = await peekToken(ctx, kind, secret);
  if (!token) throw await refusal(ctx, kind, secret);
  return token;
}

const usable = (ctx: Ctx, kind: TokenKind) => ({
  ConditionExpression: 'attribute_exists(pk) AND kind = :kind AND expiresAt > :now AND attribute_not_exists(revokedAt)',
  ExpressionAttributeValues: { ':kind': kind, ':now': nowSeconds(ctx) },
});

/**
 * Consumes a token: the conditional delete makes it single-use even under concurrent clicks.
 * A token of another tenant is simply not found (its key carries the tenant).
 */
export async function consumeToken(ctx: Ctx, kind: TokenKind, secret: string): Promise<StoredToken> {
  if (!SECRET.test(secret)) throw invalidToken();
  const token = await tokens.take([ctx.tenant.id, hashSecret(secret)], usable(ctx, kind));
  if (!token) throw await refusal(ctx, kind, secret);
  return token;
}

/** Using a token up as one write of a transaction (with what it allows), on the same conditions as `consumeToken`. */
export const tokenUse = (ctx: Ctx, kind: TokenKind, secret: string): Write =>
  tokens.remove([ctx.tenant.id, hashSecret(secret)], usable(ctx, kind));

/** The stored id of a token: the hash of its secret (it cannot be turned back into the link). */
export const tokenIdOf = (item: { pk: string }) => keyParts.tokenHash(item.pk) ?? '';
