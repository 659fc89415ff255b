import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { system, type Ctx } from '../../functions/core/context.js';
import { db, members, tableName } from '../../functions/core/db/index.js';
import { newId } from '../../functions/core/ids.js';
import { createMember, hashPassword } from '../../functions/core/identity/index.js';
import { newMemberWrites, type Member } from '../../functions/core/member/index.js';
import type { Tenant } from '../../functions/core/tenant/index.js';

type CreateInput = NonNullable<Parameters<typeof createMember>[1]>;

/**
 * The stored hash of each password the tests give accounts, made once per test process by the
 * core's own hashPassword: the memory-hard hash is the slowest step of making an account, and
 * most of the tests' accounts share one password. Signing in still checks it in full.
 */
const hashes = new Map<string, Promise<string>>();
const hashOf = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

/**
 * createMember, with the password's hash made once per process instead of once per account: the
 * core writes the account as it writes any (e-mail claim, owner count), then its password hash.
 */
export async function createMemberWithPassword(ctx: Ctx, input: CreateInput): Promise<Member> {
  const { password, ...rest } = input;
  const member = await createMember(ctx, rest);
  if (!password) return member;
  const passwordHash = await hashOf(password);
  await members.change([ctx.tenant.id, member.id], {
    UpdateExpression: 'SET passwordHash = :h',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':h': passwordHash },
  });
  return { ...member, passwordHash };
}

/** DynamoDB's most items in one BatchWriteItem. */
const BATCH = 25;

/**
 * `count` members of a fresh portal (`m<i>@example.test`, as makeMembers names them), written in
 * batches instead of one transaction each: the first is made by the core's createMember, the rest
 * are copies of it with their own id, address and name, stored as the core stores a new account
 * (newMemberWrites: the account and its e-mail claim). Only for addresses no account has yet: a
 * batch write does not check the claim is free.
 */
export async function insertMembers(tenant: Tenant, count: number): Promise<Member[]> {
  const template = await createMember(
    { tenant, actor: system },
    { email: 'm0@example.test', displayName: 'Member 0', lang: 'en' },
  );
  const copies = Array.from({ length: count - 1 }, (_, i): Member => ({
    ...template,
    id: newId(),
    email: `m${i + 1}@example.test`,
    displayName: `Member ${i + 1}`,
  }));
  const items = copies.flatMap((m) => newMemberWrites(tenant.id, m).map((write) => write.Put!.Item!));
  const batches = Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) =>
    items.slice(i * BATCH, (i + 1) * BATCH),
  );
  await Promise.all(batches.map(writeBatch));
  return [template, ...copies];
}

/** One BatchWriteItem of puts, sent again with what DynamoDB left unprocessed until nothing is left. */
async function writeBatch(items: Record<string, unknown>[]): Promise<void> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  while (requests.length > 0) {
    const { UnprocessedItems } = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
    requests = (UnprocessedItems?.[tableName()] ?? []) as typeof requests;
  }
}
