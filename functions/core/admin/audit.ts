import { z } from 'zod';
import { authorize } from '../authz.js';
import { nowIso, type Ctx } from '../context.js';
import { auditEntries, decodeCursor, encodeCursor } from '../db/index.js';
import { parseInput } from '../errors/index.js';
import { newId } from '../ids.js';

export interface AuditEntry {
  at: string;
  actor: { id: string; name: string };
  action: string;
  /** What changed: field names with their new values, or the object acted on. */
  detail: Record<string, unknown>;
}

/**
 * The audit entry of one change, as a transaction item: it is written with the change itself,
 * so the log can neither miss a change nor record one that did not happen.
 */
export function auditWrite(ctx: Ctx, action: string, detail: Record<string, unknown>) {
  const at = nowIso(ctx);
  const actor =
    ctx.actor.kind === 'member'
      ? { id: ctx.actor.memberId, name: ctx.actor.displayName ?? '' }
      : { id: ctx.actor.kind, name: ctx.actor.kind };
  const entry: AuditEntry = { at, actor, action, detail };
  return auditEntries.put([ctx.tenant.id, at, newId()], entry);
}

const ListAudit = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** The portal's audit log, newest first, for its owners and admins. */
export async function listAudit(
  ctx: Ctx,
  input: z.input<typeof ListAudit> = {},
): Promise<{ items: AuditEntry[]; cursor: string | null }> {
  authorize(ctx, 'portal.configure');
  const { cursor, limit } = parseInput(ListAudit, input);
  const { items, last } = await auditEntries.pageOf(ctx.tenant.id, {
    limit,
    start: decodeCursor(ctx.tenant.id, 'audit', cursor),
  });
  return {
    items: items.map(({ at, actor, action, detail }) => ({ at, actor, action, detail }) as AuditEntry),
    cursor: encodeCursor(ctx.tenant.id, 'audit', last),
  };
}
