import { challenges, keyParts } from '../db/index.js';
import { nextChangeAt, phaseAt } from './phase.js';
import type { Challenge } from './schema.js';

/**
 * The phase clock: every challenge whose next phase change is due is on one index entry, by
 * that time (db/entities/challenge.ts). A run (each minute: EventBridge in AWS, a timer locally)
 * reads the due ones in one Query and records each change by a conditional update of
 * `announcedPhase`: a retried or overlapping run finds the condition false and writes nothing,
 * so the change is announced exactly once (the stream tells entrants, followers and the team).
 * The rules themselves never wait for it: they compute the phase from the clock (phase.ts).
 */
export async function advancePhases(now = new Date()): Promise<number> {
  let announced = 0;
  for await (const item of challenges.due(now.toISOString())) {
    const ids = keyParts.challenge(item.pk);
    if (!ids) continue;
    const challenge = item as unknown as Challenge;
    const phase = phaseAt(challenge, now);
    const next = nextChangeAt(challenge, now);
    const changed = await challenges.change([ids.tenantId, ids.challengeId], {
      UpdateExpression: next
        ? 'SET announcedPhase = :phase, nextChangeAt = :next, queueSort = :sort'
        : 'SET announcedPhase = :phase REMOVE nextChangeAt, queueKey, queueSort',
      ConditionExpression: 'updatedAt = :seen AND (attribute_not_exists(announcedPhase) OR announcedPhase <> :phase)',
      ExpressionAttributeValues: {
        ':phase': phase,
        ':seen': challenge.updatedAt,
        ...(next ? { ':next': next, ':sort': `${next}#${ids.tenantId}#${ids.challengeId}` } : {}),
      },
    });
    if (changed) announced++;
  }
  return announced;
}
