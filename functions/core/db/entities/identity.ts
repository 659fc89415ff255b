import type { TokenData, TokenKind } from '../../identity/index.js';
import type { Member } from '../../member/index.js';
import { batchDelete, batchGet } from '../batch-get.js';
import { defineEntity, type Stored } from '../entity.js';
import { keys } from '../keys.js';
import { ownedBy } from '../query.js';

/** A signed-in session, stored under the SHA-256 of its secret, listed by member on the owner index. */
export const sessions = defineEntity<
  { memberId: string; createdAt: string; expiresAt: number },
  [tenantId: string, tokenHash: string]
>({
  type: 'session',
  key: keys.session,
  indexes: (session, tenantId, tokenHash) => ({
    ownerKey: keys.ownerKey(tenantId, session.memberId),
    ownerSort: keys.ownerSort('SESSION', session.createdAt, tokenHash),
  }),
});

/**
 * A one-time token of an e-mail link (verification, sign-in, reset, invitation, hand-off), stored
 * hashed; an invitation is also listed for the portal's owners and admins until used or revoked.
 */
const token = defineEntity<TokenData & { kind: TokenKind; expiresAt: number }, [tenantId: string, tokenHash: string]>({
  type: 'token',
  key: keys.token,
  indexes: (item, tenantId): Record<string, string> =>
    item.kind === 'invite' && item.issuedAt && !item.revokedAt
      ? { listKey: keys.invitationsList(tenantId), listSort: item.issuedAt }
      : {},
});
export const tokens = {
  ...token,
  /** A portal's invitations not yet used nor revoked, oldest first (expired ones until TTL removes them). */
  invitationsOf: (tenantId: string) => token.queryAll({ index: 'byList', key: keys.invitationsList(tenantId) }),
};

/** A session and its member in one strongly consistent read (every signed-in request asks it). */
export async function sessionWithMember(tenantId: string, tokenHash: string, memberId: string) {
  const [sessionKey, memberKey] = [keys.session(tenantId, tokenHash), keys.member(tenantId, memberId)];
  const items = await batchGet([sessionKey, memberKey], undefined, { consistent: true });
  return {
    session: items.find((i) => i.pk === sessionKey.pk) as
      Stored<{ memberId: string; createdAt: string; expiresAt: number }> | undefined,
    member: items.find((i) => i.pk === memberKey.pk && i.sk === memberKey.sk) as Stored<Member> | undefined,
  };
}

/** Deletes a member's sessions, found on the owner index (which lags: sessionsNotBefore is what makes it exact). */
export async function deleteSessionsOf(tenantId: string, memberId: string): Promise<number> {
  const found: { pk: string; sk: string }[] = [];
  for await (const item of ownedBy(keys.ownerKey(tenantId, memberId), 'SESSION', 'pk, sk'))
    found.push(item as { pk: string; sk: string });
  await batchDelete(found);
  return found.length;
}
