import { authorize } from '../authz.js';
import type { Ctx } from '../context.js';
import {
  IDEA_STATE_INDEXES,
  ideas,
  ideaStateIndexes,
  placeholders,
  setAndRemove,
  writeAllOrNothing,
  type Write,
} from '../db/index.js';
import { DomainError, notFound, parseInput, say } from '../errors/index.js';
import { Idea, IdeaId, searchLogWrite } from '../idea/index.js';
import { auditWrite } from '../admin/index.js';

/** An idea as the team sees it: any state but deleted, with the fields members never get. */
export interface TeamIdea extends Idea {
  assigneeId?: string;
  scoreSummary?: Record<string, { average: number; spread: number; count: number }>;
}

/** The team member acting, checked once for every triage function. */
export function requireTeam(ctx: Ctx) {
  authorize(ctx, 'ideas.moderate');
  return ctx.actor.kind === 'member'
    ? ctx.actor
    : { memberId: 'system', displayName: 'system', role: 'owner' as const };
}

export async function readTeamIdea(ctx: Ctx, ideaIdInput: string): Promise<TeamIdea> {
  requireTeam(ctx);
  const ideaId = parseInput(IdeaId, ideaIdInput);
  const item = await ideas.get([ctx.tenant.id, ideaId], { consistent: true });
  if (!item || item.deleted) throw notFound('idea');
  return {
    ...Idea.parse(item),
    assigneeId: item.assigneeId,
    scoreSummary: item.scoreSummary as TeamIdea['scoreSummary'],
  };
}

export interface Revision {
  /** The idea after the change; its index keys and search entry follow from it. */
  next: TeamIdea;
  /** Attributes to write (besides status, moderation, tags, updatedAt and the index keys). */
  extra?: Record<string, unknown>;
  alongside?: Write[];
  audit: { action: string; detail: Record<string, unknown> };
}

const RETRIES = 5;

/**
 * A team change to an idea, in one transaction with its index keys, its search log entry and
 * its audit entry, conditioned on the idea not having changed since it was read (votes do not
 * count: they never touch `updatedAt`). A concurrent edit makes it read again and re-apply;
 * `change` returns undefined when there is nothing to do (the change is already there), which
 * is what makes repeated requests harmless.
 */
export async function reviseIdea(
  ctx: Ctx,
  ideaId: string,
  change: (idea: TeamIdea) => Revision | undefined | Promise<Revision | undefined>,
): Promise<TeamIdea> {
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const idea = await readTeamIdea(ctx, ideaId);
    const revision = await change(idea);
    if (!revision) return idea;
    const { next } = revision;
    const set: Record<string, unknown> = {
      status: next.status,
      tags: next.tags,
      updatedAt: next.updatedAt,
      ...(next.moderation ? { moderation: next.moderation } : {}),
      ...(next.mergedInto ? { mergedInto: next.mergedInto } : {}),
      ...(next.response ? { response: next.response } : {}),
      ...ideaStateIndexes(ctx.tenant.id, next),
      ...revision.extra,
    };
    const remove = [...IDEA_STATE_INDEXES, 'moderation'].filter((name) => !(name in set));
    const x = placeholders();
    const written = await writeAllOrNothing([
      ideas.update([ctx.tenant.id, idea.id], {
        UpdateExpression: setAndRemove(x, set, remove),
        ConditionExpression: `updatedAt = ${x.value(idea.updatedAt)} AND attribute_not_exists(deleted)`,
        ...x.expression,
      }),
      searchLogWrite(ctx.tenant.id, next),
      auditWrite(ctx, revision.audit.action, { idea: idea.id, title: idea.title, ...revision.audit.detail }),
      ...(revision.alongside ?? []),
    ]);
    if (written.ok) return next;
    if (!written.failed[0]) throw new DomainError('conflict', 409, say('idea.changed'));
  }
  throw new DomainError('conflict', 409, say('idea.changed'));
}
