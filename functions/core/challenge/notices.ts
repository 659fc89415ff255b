import { challenges, entityTypeOf, entries, followersOfChallenge, keyParts, members } from '../db/index.js';
import { PHASE_NAMES } from '../mail/index.js';
import { deliver, type NotificationKind } from '../notify/index.js';
import type { Change } from '../stream/index.js';
import { getTenantById, localized, type Tenant } from '../tenant/index.js';
import type { Challenge, Entry } from './schema.js';

/*
 * What a challenge tells, from the table's stream (each event once: deliver dedupes by event
 * and recipient): a phase change the clock announced goes to the entrants, the followers and the team; an
 * adjustment asked goes to its entrant; the decision goes to each laureate with their rank.
 */

const TEAM_ROLES = new Set(['owner', 'admin', 'team']);

export async function challengeChanges(changes: Change[]): Promise<void> {
  for (const change of changes) {
    const now = change.newImage;
    const before = change.oldImage;
    if (change.kind !== 'MODIFY' || !now || !before) continue;
    const tenantId = keyParts.tenantOf(String(now.pk));
    if (!tenantId) continue;
    const entity = entityTypeOf(now);
    if (entity === 'challenge' && now.announcedPhase && now.announcedPhase !== before.announcedPhase)
      await onPhase(change.id, tenantId, now as unknown as Challenge & { announcedPhase: string });
    if (
      entity === 'entry' &&
      now.adjustment &&
      (now.adjustment as Entry['adjustment'])?.at !== (before.adjustment as Entry['adjustment'])?.at
    )
      await toEntrant(
        change.id,
        tenantId,
        now as unknown as Entry,
        'challenge_adjustment',
        (now.adjustment as { at: string }).at,
      );
    if (entity === 'entry' && typeof now.rank === 'number' && now.rank !== before.rank)
      await toEntrant(change.id, tenantId, now as unknown as Entry, 'challenge_result', String(now.updatedAt));
  }
}

const titleOf = (tenant: Tenant, challenge: Pick<Challenge, 'title'>, lang = tenant.defaultLang) =>
  localized(challenge.title, lang, tenant.defaultLang);

async function onPhase(eventId: string, tenantId: string, challenge: Challenge & { announcedPhase: string }) {
  const tenant = await getTenantById(tenantId);
  if (!tenant) return;
  const recipients = new Map<string, NotificationKind>();
  for await (const entry of entries.allOf(tenantId, challenge.id)) recipients.set(entry.authorId, 'challenge_phase');
  for await (const follow of followersOfChallenge(tenantId, challenge.id))
    recipients.set(follow.memberId, 'challenge_phase');
  for await (const member of members.ofPortal(tenantId))
    if (TEAM_ROLES.has(member.role) && member.status === 'active') recipients.set(member.id, 'challenge_phase');
  const phase = challenge.announcedPhase;
  await deliver(
    eventId,
    tenantId,
    recipients,
    { challengeId: challenge.id, challengeTitle: titleOf(tenant, challenge), phase, createdAt: challenge.updatedAt },
    {
      path: `/challenges/${challenge.id}`,
      params: (lang) => ({ challenge: titleOf(tenant, challenge, lang), phase: PHASE_NAMES[lang][phase] ?? phase }),
    },
  );
}

async function challengeOf(tenantId: string, entry: Entry) {
  const [tenant, challenge] = await Promise.all([
    getTenantById(tenantId),
    challenges.get([tenantId, entry.challengeId]),
  ]);
  return tenant && challenge ? { tenant, challenge } : undefined;
}

/** One notice to an entry's entrant about its challenge (an adjustment asked, a rank decided). */
async function toEntrant(
  eventId: string,
  tenantId: string,
  entry: Entry,
  kind: 'challenge_adjustment' | 'challenge_result',
  at: string,
) {
  const found = await challengeOf(tenantId, entry);
  if (!found) return;
  const { tenant, challenge } = found;
  const path =
    kind === 'challenge_result' ? `/challenges/${challenge.id}` : `/challenges/${challenge.id}/entries/${entry.id}`;
  const rank = kind === 'challenge_result' ? entry.rank : undefined;
  await deliver(
    eventId,
    tenantId,
    new Map([[entry.authorId, kind]]),
    { challengeId: challenge.id, challengeTitle: titleOf(tenant, challenge), ...(rank ? { rank } : {}), createdAt: at },
    {
      path,
      params: (lang) => ({ challenge: titleOf(tenant, challenge, lang), ...(rank ? { rank: String(rank) } : {}) }),
    },
  );
}
