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

/** The claim of an e-mail on a portal: at most one account per e-mail, found by it. */
export const memberEmails = defineEntity<{ memberId: string }, [tenantId: string, email: string]>({
  type: 'memberEmail',
  key: keys.memberEmail,
});

/** How many owners a portal has, kept so that the last one can never go. */
export const ownerCounts = defineEntity<{ count: number }, [tenantId: string]>({ type: 'owners', key: keys.owners });
