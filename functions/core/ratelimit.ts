import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { Ctx } from './context.js';
import { db, tableName } from './db/client.js';
import { keys } from './db/keys.js';
import { DomainError } from './errors.js';

/** Limits per scope: at most `max` attempts per window, per subject (an account or a client address). */
export const LIMITS = {
  'signin:account': { max: 10, windowSeconds: 15 * 60 },
  'signin:address': { max: 50, windowSeconds: 15 * 60 },
  'signup:address': { max: 10, windowSeconds: 60 * 60 },
  'mail:account': { max: 5, windowSeconds: 60 * 60 },
  'mail:address': { max: 20, windowSeconds: 60 * 60 },
  'write:account': { max: 60, windowSeconds: 60 },
} as const;
export type LimitScope = keyof typeof LIMITS;

/**
 * Counts one attempt in a fixed window kept in DynamoDB (ADD is atomic; TTL cleans up) and
 * answers 429 with the seconds until the window ends once the limit is passed.
 */
export async function hit(ctx: Ctx, scope: LimitScope, subject: string): Promise<void> {
  const { max, windowSeconds } = LIMITS[scope];
  const now = Math.floor((ctx.now ?? new Date()).getTime() / 1000);
  const windowStart = now - (now % windowSeconds);
  const hashed = createHash('sha256').update(subject.toLowerCase()).digest('base64url').slice(0, 22);
  const { Attributes } = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.rateWindow(ctx.tenant.id, scope, hashed, windowStart),
      UpdateExpression: 'ADD attempts :one SET expiresAt = :exp',
      ExpressionAttributeValues: { ':one': 1, ':exp': windowStart + windowSeconds + 60 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if ((Attributes?.attempts as number) > max) {
    const retryAfter = windowStart + windowSeconds - now;
    throw new DomainError('rate_limited', 429, `Too many attempts; try again in ${retryAfter} seconds.`, { retryAfter: String(retryAfter) });
  }
}
