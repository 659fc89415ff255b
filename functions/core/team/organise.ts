import { z } from 'zod';
import { can } from '../authz.js';
import { nowIso, nextUpdatedAt, type Ctx } from '../context.js';
import { assignments, itemAbsent, keys, members, notes, writeAllOrNothing } from '../db/index.js';
import { invalidFields, parseInput, say, says } from '../errors/index.js';
import { IdPattern, newId } from '../ids.js';
import { auditWrite } from '../admin/index.js';
import { readTeamIdea, requireTeam, reviseIdea, type TeamIdea } from './revise.js';

export const SetTags = z
  .object({ tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(10, says('idea.maxTags')) })
  .strict();
export const SetAssignee = z.object({ memberId: z.string().regex(IdPattern).nullable() }).strict();
export const AddNote = z.object({ body: z.string().trim().min(1, says('idea.writeNote')).max(5000) }).strict();

/** Tags are the team's: members can filter by them but never set them. */
export async function setTags(ctx: Ctx, ideaId: string, input: z.input<typeof SetTags>): Promise<TeamIdea> {
  requireTeam(ctx);
  const tags = [...new Set(parseInput(SetTags, input).tags)].sort();
  return reviseIdea(ctx, ideaId, (idea) => {
    if (JSON.stringify([...idea.tags].sort()) === JSON.stringify(tags)) return undefined;
    return {
      next: { ...idea, tags, updatedAt: nextUpdatedAt(ctx, idea) },
      audit: { action: 'idea.tags', detail: { tags } },
    };
  });
}

/** Adds one tag to what the idea has at the moment of writing (bulk actions: a tag set meanwhile by someone else stays). */
export async function addTag(ctx: Ctx, ideaId: string, tagInput: string): Promise<TeamIdea> {
  requireTeam(ctx);
  const [tag] = parseInput(SetTags, { tags: [tagInput] }).tags;
  return reviseIdea(ctx, ideaId, (idea) => {
    if (idea.tags.includes(tag!) || idea.tags.length >= 10) return undefined;
    const tags = [...idea.tags, tag!].sort();
    return {
      next: { ...idea, tags, updatedAt: nextUpdatedAt(ctx, idea) },
      audit: { action: 'idea.tags', detail: { tags } },
    };
  });
}

/**
 * Assigns the idea to a team member (or nobody): the assignment item puts it in that member's
 * "assigned to me" queue, written with the idea in one transaction.
 */
export async function setAssignee(ctx: Ctx, ideaId: string, input: z.input<typeof SetAssignee>): Promise<TeamIdea> {
  requireTeam(ctx);
  const { memberId } = parseInput(SetAssignee, input);
  let assigneeName = '';
  if (memberId) {
    const assignee = await members.get([ctx.tenant.id, memberId]);
    if (
      !assignee ||
      assignee.status !== 'active' ||
      !can({ kind: 'member', memberId, role: assignee.role }, 'ideas.moderate')
    ) {
      throw invalidFields({
        memberId: say('idea.assignToTeam'),
      });
    }
    assigneeName = assignee.displayName;
  }
  const updated = await reviseIdea(ctx, ideaId, (idea) => {
    if ((idea.assigneeId || null) === memberId) return undefined; // '' is how an unassigned idea is stored
    const at = nextUpdatedAt(ctx, idea);
    return {
      next: { ...idea, assigneeId: memberId ?? undefined, updatedAt: at },
      extra: { assigneeId: memberId ?? '' },
      alongside: [
        memberId
          ? assignments.put([ctx.tenant.id, idea.id], { ideaId: idea.id, title: idea.title, memberId, assignedAt: at })
          : assignments.remove([ctx.tenant.id, idea.id]),
      ],
      audit: { action: 'idea.assign', detail: { assignee: memberId, name: assigneeName } },
    };
  });
  return updated;
}

export interface Note {
  id: string;
  body: string;
  byName: string;
  at: string;
}

/** Internal notes: kept in the idea's partition under their own prefix, read only by the team. */
export async function addNote(ctx: Ctx, ideaId: string, input: z.input<typeof AddNote>): Promise<Note> {
  const actor = requireTeam(ctx);
  const { body } = parseInput(AddNote, input);
  const idea = await readTeamIdea(ctx, ideaId);
  const note: Note = { id: newId(), body, byName: actor.displayName ?? '', at: nowIso(ctx) };
  await writeAllOrNothing([
    notes.put([ctx.tenant.id, idea.id, note.at, note.id], note, itemAbsent),
    auditWrite(ctx, 'idea.note', { idea: idea.id, title: idea.title }),
  ]);
  return note;
}

export async function listNotes(ctx: Ctx, ideaId: string): Promise<Note[]> {
  return notesOf(ctx, await readTeamIdea(ctx, ideaId));
}

/** The notes of an idea the team has already read (readTeamIdea checked the caller). */
export async function notesOf(ctx: Ctx, idea: Pick<TeamIdea, 'id'>): Promise<Note[]> {
  const { items } = await notes.ofIdea(ctx.tenant.id, idea.id);
  return items.map(({ id, body, byName, at }) => ({ id, body, byName, at }));
}

/** The team members, for the assignment menu. */
export async function teamMembers(ctx: Ctx): Promise<{ id: string; displayName: string }[]> {
  requireTeam(ctx);
  const { items } = await members.query(
    { index: 'byList', key: keys.membersList(ctx.tenant.id) },
    {
      filter: {
        ConditionExpression: '#role IN (:o, :a, :t) AND #status = :active',
        ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
        ExpressionAttributeValues: {
          ':o': 'owner',
          ':a': 'admin',
          ':t': 'team',
          ':active': 'active',
        },
      },
    },
  );
  return items.map((m) => ({ id: String(m.id), displayName: String(m.displayName) }));
}
