import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import { db, tableName, keys } from '../db/index.js';
import { DomainError } from '../errors.js';

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
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.token(ctx.tenant.id, hashSecret(secret)),
        kind,
        ...data,
        expiresAt: now + LIFETIME_SECONDS[kind],
      },
    }),
  );
  return secret;
}

/** Reads a token without using it up (to check it before acting); undefined when invalid or expired. */
export async function peekToken(ctx: Ctx, kind: TokenKind, secret: string): Promise<TokenData | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.token(ctx.tenant.id, hashSecret(secret)),
      ConsistentRead: true,
    }),
  );
  const now = Math.floor((ctx.now ?? new Date()).getTime() / 1000);
  return Item && Item.kind === kind && (Item.expiresAt as number) > now ? (Item as TokenData) : undefined;
}

const invalidToken = () =>
  new DomainError('invalid_token', 400, 'This link is invalid, expired or already used.', { token: 'invalid' });

/**
 * Consumes a token: the conditional delete makes it single-use even under concurrent clicks.
 * A token of another tenant is simply not found (its key carries the tenant).
 */
export async function consumeToken(ctx: Ctx, kind: TokenKind, secret: string): Promise<TokenData> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) throw invalidToken();
  try {
    const { Attributes } = await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: keys.token(ctx.tenant.id, hashSecret(secret)),
        ConditionExpression: 'attribute_exists(pk) AND kind = :kind AND expiresAt > :now',
        ExpressionAttributeValues: { ':kind': kind, ':now': Math.floor((ctx.now ?? new Date()).getTime() / 1000) },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes as TokenData;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw invalidToken();
    throw error;
  }
}
