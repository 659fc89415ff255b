import { z } from 'zod';
import { requireReader } from '../authz.js';
import { nextUpdatedAt, type Ctx } from '../context.js';
import { decodeCursor, encodeCursor, ideas, itemAbsent, statusChanges, type StatusChange } from '../db/index.js';
import { DomainError, parseInput, say } from '../errors/index.js';
import { getIdea, summarise, type Idea, type IdeaSummary } from '../idea/index.js';
import { requireTeam, reviseIdea, type TeamIdea } from './revise.js';

/** The workflow statuses a team sets by hand (merged comes only from a merge). */
export const WORKFLOW = ['new', 'under_review', 'reviewed', 'in_progress', 'launched', 'declined', 'archived'] as const;
export const ChangeStatus = z
  .object({
    status: z.enum(WORKFLOW),
    response: z.string().trim().max(5000).optional(),
  })
  .strict();

export type { StatusChange };

/**
 * Moves an idea along the workflow with an official public response. The history entry, the
 * idea and its audit entry are one transaction; the fan-out (author, voters, followers) follows
 * from the table's stream. Sending the same status and response again changes nothing.
 */
export async function changeStatus(ctx: Ctx, ideaId: string, input: z.input<typeof ChangeStatus>): Promise<TeamIdea> {
  const actor = requireTeam(ctx);
  const { status, response } = parseInput(ChangeStatus, input);
  return reviseIdea(ctx, ideaId, (idea) => {
    if (idea.status === 'merged') throw new DomainError('idea_merged', 409, say('idea.mergedKeepsStatus'));
    if (idea.moderation) throw new DomainError('idea_unpublished', 409, say('idea.publishFirst'));
    const current = idea.response?.status === status ? idea.response.text : undefined;
    if (idea.status === status && (!response || response === current)) return undefined;
    const at = nextUpdatedAt(ctx, idea);
    const byName = actor.displayName ?? '';
    const change: StatusChange = { from: idea.status, to: status, byName, at, ...(response ? { response } : {}) };
    return {
      next: {
        ...idea,
        status,
        updatedAt: at,
        ...(response
          ? {
              response: {
                text: response,
                at,
                byName,
                ...('photo' in actor && actor.photo ? { byPhoto: actor.photo } : {}),
                status,
              },
            }
          : {}),
      },
      // The fan-out tells everyone concerned but the one who made the change.
      extra: { statusChangedBy: actor.memberId },
      alongside: [statusChanges.put([ctx.tenant.id, idea.id, at], change, itemAbsent)],
      audit: { action: 'idea.status', detail: { from: idea.status, to: status, ...(response ? { response } : {}) } },
    };
  });
}

/** The public history of an idea's statuses and responses, oldest first. */
export async function statusHistory(ctx: Ctx, ideaId: string): Promise<StatusChange[]> {
  return statusHistoryOf(ctx, await getIdea(ctx, ideaId));
}

/** The history of an idea the caller has already read through getIdea (or readTeamIdea): no second read of the idea. */
export async function statusHistoryOf(ctx: Ctx, idea: Pick<Idea, 'id'>): Promise<StatusChange[]> {
  const { items } = await statusChanges.ofIdea(ctx.tenant.id, idea.id);
  return items.map(({ from, to, response, byName, at }) => ({ from, to, response, byName, at }) as StatusChange);
}

const IdeasInAction = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The public "ideas in action" page: launched ideas, most recent first, with the team's response. */
export async function ideasInAction(
  ctx: Ctx,
  input: z.input<typeof IdeasInAction> = {},
): Promise<{ items: (IdeaSummary & { response?: Idea['response'] })[]; cursor: string | null }> {
  requireReader(ctx);
  const { cursor, limit } = parseInput(IdeasInAction, input);
  const { items: launched, last } = await ideas.withStatus(ctx.tenant.id, 'launched', {
    limit,
    start: decodeCursor(ctx.tenant.id, 'in-action', cursor),
  });
  return {
    // A response written for an earlier status is not shown as the launch's.
    items: launched.map((item) => ({
      ...summarise(item),
      response: item.response?.status === 'launched' ? item.response : undefined,
    })),
    cursor: encodeCursor(ctx.tenant.id, 'in-action', last),
  };
}
