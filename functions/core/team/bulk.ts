import { z } from 'zod';
import { DomainError, says } from '../errors/index.js';
import { IdeaId } from '../idea/index.js';
import { addTag, setAssignee } from './organise.js';
import { requireTeam } from './revise.js';
import { changeStatus, WORKFLOW } from './status.js';
import { fn } from '../fn.js';

/** One batch: the page sends hundreds of ideas as batches of at most 25 and shows the progress. */
export const BULK_BATCH = 25;

export const BulkAction = z
  .object({
    ideaIds: z.array(IdeaId).min(1).max(BULK_BATCH, says('idea.maxBatch')),
    action: z.discriminatedUnion('type', [
      z.object({
        type: z.literal('status'),
        status: z.enum(WORKFLOW),
        response: z.string().trim().max(5000).optional(),
      }),
      z.object({ type: z.literal('tag'), tag: z.string().trim().toLowerCase().min(1).max(40) }),
      z.object({ type: z.literal('assign'), memberId: z.string().nullable() }),
      z.object({ type: z.literal('archive') }),
    ]),
  })
  .strict();

export interface BulkResult {
  ideaId: string;
  ok: boolean;
  error?: string;
}

/**
 * Applies one action to a batch of ideas, each through the same function as the single action
 * (with its own transaction and audit entry), so a repeated batch changes nothing twice and a
 * failing idea does not stop the others: each result says how it went.
 */
export const bulkAction = /* @__PURE__ */ fn(
  requireTeam,
  BulkAction,
  async (ctx, { ideaIds, action }): Promise<{ results: BulkResult[] }> => {
    const results: BulkResult[] = [];
    for (const ideaId of [...new Set(ideaIds)]) {
      try {
        if (action.type === 'status')
          await changeStatus(ctx, ideaId, { status: action.status, response: action.response });
        else if (action.type === 'archive') await changeStatus(ctx, ideaId, { status: 'archived' });
        else if (action.type === 'assign') await setAssignee(ctx, ideaId, { memberId: action.memberId });
        else await addTag(ctx, ideaId, action.tag);
        results.push({ ideaId, ok: true });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ ideaId, ok: false, error: error.code });
      }
    }
    return { results };
  },
);
