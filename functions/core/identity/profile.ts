import { exportLink } from '../upload/index.js';
import { countWrite } from '../ratelimit.js';
import type { z } from 'zod';
import { nowIso, requireMember, type Ctx } from '../context.js';
import {
  batchGet,
  comments,
  ideas,
  itemExists,
  keys,
  memberEmails,
  members,
  ownerCounts,
  type OwnedKind,
} from '../db/index.js';
import { DomainError, invalidFields, notFound, parseInput, say } from '../errors/index.js';
import { Idea } from '../idea/index.js';
import {
  getMember,
  leaveEveryPartner,
  ownedItems,
  ownerCountChange,
  profileOf,
  type Profile,
} from '../member/index.js';
import { withdrawEveryVote } from '../vote/index.js';
import { UpdateProfile } from './schema.js';
import { endAllSessions, forgetMemberSessions } from './sessions.js';

/** The signed-in member's account, read afresh; 401 when the session's account is gone. */
export async function currentMember(ctx: Ctx) {
  const actor = requireMember(ctx);
  const member = await getMember(ctx, actor.memberId);
  if (!member) throw new DomainError('sign_in_required', 401, say('access.signIn'));
  return member;
}

export async function getMe(ctx: Ctx): Promise<Profile> {
  return profileOf(await currentMember(ctx));
}

/** Name, language and which e-mails to receive (instant, weekly digest, none). */
export async function updateMe(ctx: Ctx, input: z.input<typeof UpdateProfile>): Promise<Profile> {
  const member = await currentMember(ctx);
  await countWrite(ctx);
  const changes = parseInput(UpdateProfile, input);
  if (changes.lang && !ctx.tenant.languages.includes(changes.lang)) {
    throw invalidFields({
      lang: say('account.langNotOffered'),
    });
  }
  const names = Object.keys(changes);
  const changed = await members.change([ctx.tenant.id, member.id], {
    UpdateExpression: `SET ${names.map((n) => `#${n} = :${n}`).join(', ')}`,
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: Object.fromEntries(names.map((n) => [`#${n}`, n])),
    ExpressionAttributeValues: Object.fromEntries(Object.entries(changes).map(([n, v]) => [`:${n}`, v])),
  });
  if (!changed) throw notFound('member');
  forgetMemberSessions(ctx.tenant.id, member.id); // the header shows the new name at once
  return profileOf({ ...member, ...changes });
}

const strip = ({
  pk: _,
  sk: __,
  ownerKey: ___,
  ownerSort: ____,
  listKey: _____,
  listSort: ______,
  sectionKey: _______,
  ...rest
}: Record<string, unknown>) => rest;

/** The member's data as a download link (core/upload/exports.ts). */
export async function exportMeLink(ctx: Ctx): Promise<string> {
  const data = await exportMe(ctx);
  return exportLink(ctx.tenant.id, {
    filename: `${data.portal}-my-data.json`,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(data, null, 2),
  });
}

/** Everything the portal holds about the signed-in member, as one JSON document. */
export async function exportMe(ctx: Ctx) {
  const member = await currentMember(ctx);
  const collect = async (kind: OwnedKind) => {
    const items = [];
    for await (const item of ownedItems(ctx, member.id, kind)) items.push(strip(item));
    return items;
  };
  const [ideas, comments, votes] = await Promise.all([collect('IDEA'), collect('COMMENT'), collect('VOTE')]);
  return {
    exportedAt: nowIso(ctx),
    portal: ctx.tenant.slug,
    profile: profileOf(member),
    // What a member may see of an idea (the schema drops the team's fields: scores, assignment, moderation notes).
    ideas: ideas.map((item) => Idea.parse(item)),
    // Their own words, as written; not the team's moderation reasons.
    comments: comments.map(({ id, ideaId, parentId, body, createdAt, editedAt, deleted, hidden }) => ({
      id,
      ideaId,
      parentId,
      body,
      createdAt,
      editedAt,
      deleted,
      hidden,
    })),
    votes: votes.map(({ ideaId, value, votedAt }) => ({ ideaId, value, votedAt })),
  };
}

/**
 * Deletes the signed-in member's account. What they wrote stays, shown as from a deleted
 * member; their votes are withdrawn (a deleted account counts for nothing, so deleting and
 * signing up again adds no vote); the account, its e-mail claim and its partner memberships go
 * in the transaction that withdraws the last votes (vote/withdraw.ts says why in that order).
 * Every step can be repeated, so a failure half-way leaves an account that can simply be
 * deleted again.
 */
export async function deleteMe(ctx: Ctx): Promise<void> {
  const member = await currentMember(ctx);
  const tenantId = ctx.tenant.id;
  // The last owner cannot leave: refused before anything is touched (the transaction below checks again).
  if (member.role === 'owner' && ((await ownerCounts.get([tenantId], { consistent: true }))?.count ?? 0) <= 1)
    throw new DomainError('last_owner', 409, say('account.lastOwnerLeaving'));
  // From here on the account casts no vote, so the votes withdrawn below are all it has.
  await members.change([tenantId, member.id], leaving(true));
  // Each item is found by its owner entry; `itemExists` keeps a stale entry from writing a new item.
  const unsigned = {
    UpdateExpression: 'SET authorName = :n, authorDeleted = :t, authorId = :d REMOVE ownerKey, ownerSort, authorPhoto',
    ...itemExists,
    ExpressionAttributeValues: { ':n': '', ':t': true, ':d': 'deleted' },
  };
  for await (const idea of ownedItems(ctx, member.id, 'IDEA'))
    await ideas.change([tenantId, String(idea.id)], unsigned);
  for await (const comment of ownedItems(ctx, member.id, 'COMMENT')) {
    await comments.change([tenantId, String(comment.ideaId), String(comment.createdAt), String(comment.id)], unsigned);
  }
  await endAllSessions(ctx.tenant.id, member.id);
  // With the account go its partner memberships: no organisation keeps its name or its access.
  const written = await withdrawEveryVote(tenantId, member.id, [
    members.remove([ctx.tenant.id, member.id], itemExists),
    memberEmails.remove([ctx.tenant.id, member.email]),
    ...(member.role === 'owner' ? [ownerCountChange(ctx.tenant.id, -1)] : []),
    ...(await leaveEveryPartner(tenantId, member.id)),
  ]);
  if (!written.ok) {
    // Another owner left at the same moment: this account stays, and may vote again.
    await members.change([tenantId, member.id], leaving(false));
    throw new DomainError('last_owner', 409, say('account.lastOwnerLeaving'));
  }
}

const leaving = (on: boolean) =>
  on
    ? { UpdateExpression: 'SET leaving = :t', ...itemExists, ExpressionAttributeValues: { ':t': true } }
    : { UpdateExpression: 'REMOVE leaving', ...itemExists };

interface ActivityItem {
  key: string;
  ideaId: string;
  label: string;
  at: string;
}

/** The signed-in member's ideas, comments, votes and follows, newest first, for their profile (50 of each). */
export async function myActivity(
  ctx: Ctx,
): Promise<Record<'ideas' | 'comments' | 'votes' | 'follows', ActivityItem[]>> {
  const member = await currentMember(ctx);
  const collect = async (kind: OwnedKind, toItem: (item: Record<string, unknown>) => ActivityItem) => {
    const items: ActivityItem[] = [];
    for await (const item of ownedItems(ctx, member.id, kind)) items.push(toItem(item));
    return items.reverse().slice(0, 50);
  };
  const [ideas, comments, votes, follows] = await Promise.all([
    collect('IDEA', (i) => ({
      key: String(i.id),
      ideaId: String(i.id),
      label: String(i.title),
      at: String(i.createdAt),
    })),
    collect('COMMENT', (i) => ({
      key: String(i.id),
      ideaId: String(i.ideaId),
      label: String(i.body).slice(0, 120),
      at: String(i.createdAt),
    })),
    collect('VOTE', (i) => ({
      key: String(i.ideaId),
      ideaId: String(i.ideaId),
      label: Number(i.value) > 0 ? '+1' : '−1',
      at: String(i.votedAt),
    })),
    collect('FOLLOW', (i) => ({
      key: String(i.ideaId),
      ideaId: String(i.ideaId),
      label: '',
      at: String(i.followedAt),
    })),
  ]);
  // Votes and follows name their ideas: one BatchGet of the titles (at most 100 keys).
  const ids = [...new Set([...votes, ...follows].map((i) => i.ideaId))];
  const titles = new Map<string, string>();
  if (ids.length) {
    const found = await batchGet(
      ids.map((id) => keys.idea(ctx.tenant.id, id)),
      ['id', 'title'],
    );
    for (const item of found) titles.set(String(item.id), String(item.title));
  }
  const named = (i: ActivityItem) => ({
    ...i,
    label: [titles.get(i.ideaId) ?? '…', i.label].filter(Boolean).join(' · '),
  });
  return { ideas, comments, votes: votes.map(named), follows: follows.map(named) };
}
