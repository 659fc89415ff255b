import { partnerMemberships } from '../db/index.js';

/** Written when a partner invitation is accepted: the member joins the organisation (joining again is harmless). */
export function membershipWrite(
  tenantId: string,
  partnerId: string,
  member: { id: string; displayName: string },
  at: string,
) {
  return partnerMemberships.put([tenantId, partnerId, member.id], {
    partnerId,
    memberId: member.id,
    displayName: member.displayName,
    joinedAt: at,
  });
}
