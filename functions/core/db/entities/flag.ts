import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/** One member's flag on an idea or comment (`idea:<id>`, `comment:<id>`): at most one each. */
export const flags = defineEntity<
  { target: string; reason: string; memberId: string; flaggedAt: string },
  [tenantId: string, target: string, memberId: string]
>({ type: 'flag', key: keys.flag });

/** What was flagged, with its count and last reason, in the team's flag queue until a decision. */
export const flagTargets = defineEntity<
  { target: string; flags: number; lastReason: string },
  [tenantId: string, target: string]
>({ type: 'flagTarget', key: keys.flagTarget });
