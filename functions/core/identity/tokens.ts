import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import { tokens } from '../db/index.js';
import { DomainError, say } from '../errors/index.js';

/** `handoff` carries the owner of a new portal from the platform's host to the portal's own (cookies are per host). */
export type TokenKind = 'verify' | 'signin' | 'reset' | 'invite' | 'handoff';

const LIFETIME_SECONDS: Record<TokenKind, number> = {
  verify: 3 * 24 * 3600,
  signin: 15 * 60,
  reset: 60 * 60,
  invite: 7 * 24 * 3600,
  handoff: 2 * 60,
};

/** 256 random bits, sent to the user; only its SHA-256 is stored. */
export const newSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');

export interface TokenData {
  memberId?: string;
  email?: string;
  role?: string;
  invitedBy?: string;
  /** A partner invitation also makes the member one of this organisation's people. */
  partnerId?: string;
}

/** A one-time token of this tenant, for an e-mail link. */
export async function issueToken(ctx: Ctx, kind: TokenKind, data: TokenData): Promise<string> {
  const secret = newSecret();
  const now = Math.floor((ctx.now ?? new Date()).getTime() / 1000);
  await tokens.create([ctx.tenant.id, hashSecret(secret)], { kind, ...data, expiresAt: now + LIFETIME_SECONDS[kind] });
  return secret;
}

/** Reads a token without using it up (to check it before acting); undefined when invalid or expired. */
export async function peekToken(ctx: Ctx, kind: TokenKind, secret: string): Promise<TokenData | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  const token = await tokens.get([ctx.tenant.id, hashSecret(secret)], { consistent: true });
  const now = Math.floor((ctx.now ?? new Date()).getTime() / 1000);
  return token && token.kind === kind && token.expiresAt > now ? token : undefined;
}

const invalidToken = () =>
  new DomainError('invalid_token', 400, say('account.badLink'), { token: say('account.badLink') });

/**
 * Consumes a token: the conditional delete makes it single-use even under concurrent clicks.
 * A token of another tenant is simply not found (its key carries the tenant).
 */
export async function consumeToken(ctx: Ctx, kind: TokenKind, secret: string): Promise<TokenData> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) throw invalidToken();
  const token = await tokens.take([ctx.tenant.id, hashSecret(secret)], {
    ConditionExpression: 'attribute_exists(pk) AND kind = :kind AND expiresAt > :now',
    ExpressionAttributeValues: { ':kind': kind, ':now': Math.floor((ctx.now ?? new Date()).getTime() / 1000) },
  });
  if (!token) throw invalidToken();
  return token;
}
