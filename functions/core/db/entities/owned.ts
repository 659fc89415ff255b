import { keys, type OwnedKind } from '../keys.js';
import { ownedBy } from '../query.js';

/*
 * The owner index, across item types: what one member or one partner organisation owns of one
 * kind, oldest first (a member's export, deletion and blocking; an organisation's offers and threads).
 */

export const ownedByMember = (tenantId: string, memberId: string, kind: OwnedKind, projection?: string) =>
  ownedBy(keys.ownerKey(tenantId, memberId), kind, projection);

export const ownedByPartner = (tenantId: string, partnerId: string, kind: OwnedKind) =>
  ownedBy(keys.partnerOwner(tenantId, partnerId), kind);
