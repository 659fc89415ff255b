import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '../../member/index.js';
import { db, tableName } from '../client.js';
import { defineEntity, type Stored } from '../entity.js';
import { keys } from '../keys.js';
import { queryAll } from '../query.js';

/** An account of one portal, listed by creation on the portal's members list. */
const entity = defineEntity<Member, [tenantId: string, memberId: string]>({
  type: 'member',
  key: keys.member,
  indexes: (member, tenantId) => ({
    listKey: keys.membersList(tenantId),
    listSort: `${member.createdAt}#${member.id}`,
  }),
});

export const members = {
  ...entity,
  /** A portal's accounts, oldest first, a page at a time (the team's members page). */
  async pageOfPortal(tenantId: string, options: { limit: number; start?: Record<string, unknown> }) {
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byList',
        KeyConditionExpression: 'listKey = :k',
        ExpressionAttributeValues: { ':k': keys.membersList(tenantId) },
        Limit: options.limit,
        ExclusiveStartKey: options.start,
      }),
    );
    return { items: Items as Stored<Member>[], last: LastEvaluatedKey };
  },
  /** Every account of a portal, oldest first (jobs such as the weekly digest). */
  ofPortal: (tenantId: string) =>
    queryAll({
      IndexName: 'byList',
      KeyConditionExpression: 'listKey = :k',
      ExpressionAttributeValues: { ':k': keys.membersList(tenantId) },
    }) as AsyncGenerator<Stored<Member>>,
};

/** Providers that deliver `first.last@` and `firstlast@` to one mailbox. */
const DOTLESS = new Map([
  ['gmail.com', 'gmail.com'],
  ['googlemail.com', 'gmail.com'],
]);

/**
 * The mailbox an address reaches: lower case, without a `+tag` (every major provider delivers
 * `me+1@` to `me@`), and without dots where the provider ignores them. Two addresses of one
 * mailbox are one account on a portal.
 */
export function mailboxOf(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email.toLowerCase();
  const domain = email.slice(at + 1).toLowerCase();
  let local = email.slice(0, at).toLowerCase().split('+')[0]!;
  const dotless = DOTLESS.get(domain);
  if (dotless) local = local.replaceAll('.', '');
  return `${local || email.slice(0, at).toLowerCase()}@${dotless ?? domain}`;
}

/** The claim of a mailbox on a portal: at most one account per mailbox, found by any of its addresses. */
export const memberEmails = defineEntity<{ memberId: string }, [tenantId: string, email: string]>({
  type: 'memberEmail',
  key: (tenantId, email) => keys.memberEmail(tenantId, mailboxOf(email)),
});

/** How many owners a portal has, kept so that the last one can never go. */
export const ownerCounts = defineEntity<{ count: number }, [tenantId: string]>({ type: 'owners', key: keys.owners });
