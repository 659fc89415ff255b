import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { nowIso, requireSystem, type Ctx, type Role } from '../context.js';
import { db, tableName } from '../db/client.js';
import { keys } from '../db/keys.js';
import { writeAllOrNothing } from '../db/transact.js';
import { DomainError, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { Lang } from '../tenant/schema.js';

export const CreateMember = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  displayName: z.string().trim().min(1).max(60),
  lang: Lang,
  role: z.enum(['owner', 'admin', 'team', 'partner', 'member']).default('member'),
});

export interface Member {
  id: string;
  email: string;
  displayName: string;
  lang: Lang;
  role: Role;
  createdAt: string;
}

/**
 * A member profile of one portal, with its e-mail claimed in the same transaction (one account
 * per e-mail per portal). Sign-up with a password comes with the identity work; the seed uses this.
 */
export async function createMember(ctx: Ctx, input: z.input<typeof CreateMember>): Promise<Member> {
  requireSystem(ctx);
  const data = parseInput(CreateMember, input);
  const member: Member = { id: newId(), ...data, createdAt: nowIso(ctx) };
  const written = await writeAllOrNothing([
    {
      Put: {
        Item: { ...keys.memberEmail(ctx.tenant.id, member.email), memberId: member.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { Item: { ...keys.member(ctx.tenant.id, member.id), ...member } } },
  ]);
  if (!written.ok) throw new DomainError('email_taken', 409, 'An account already uses this e-mail.', { email: 'taken' });
  return member;
}

/** The name shown on what a member writes (denormalised onto ideas and comments). */
export async function getMemberName(ctx: Ctx, memberId: string): Promise<string> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.member(ctx.tenant.id, memberId) }));
  if (!Item) throw new DomainError('sign_in_required', 401, 'Sign in first.');
  return Item.displayName as string;
}
