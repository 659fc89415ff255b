import { describe, expect, it } from 'vitest';
import { activityOf } from '../../functions/core/insights/activity.js';

const pk = 'T#tenant0000000000000#I#idea00000000000000000';
const idea = {
  pk,
  sk: 'IDEA',
  id: 'idea00000000000000000',
  sectionId: 'product',
  categoryId: 'drinks',
  status: 'new',
  title: 'Oat milk',
  body: 'Please offer oat milk',
  authorId: 'ann',
  createdAt: '2026-03-02T10:00:00.000Z',
};

describe('stream changes read as dashboard activity', () => {
  it('counts a published idea once on the day it was posted, with its totals', () => {
    expect(activityOf({ id: 'e1', kind: 'INSERT', newImage: idea })).toMatchObject({
      tenantId: 'tenant0000000000000',
      day: '2026-03-02',
      ideas: 1,
      memberId: 'ann',
      publishedIdeaId: idea.id,
      totals: { published: 1, s_new: 1, sec_product: 1, 'cat_product/drinks': 1 },
    });
    expect(activityOf({ id: 'e2', kind: 'INSERT', newImage: { ...idea, moderation: 'pending' } })).toBeUndefined();
  });

  it('moves the totals on status changes, merges, hiding and deletion, and on approval publishes', () => {
    const moved = (oldImage: Record<string, unknown>, newImage: Record<string, unknown>) =>
      activityOf({ id: 'e', kind: 'MODIFY', oldImage, newImage })?.totals;
    expect(moved(idea, { ...idea, status: 'under_review' })).toEqual({ s_new: -1, s_under_review: 1 });
    expect(moved(idea, { ...idea, status: 'merged' })).toEqual({
      s_new: -1,
      s_merged: 1,
      sec_product: -1,
      'cat_product/drinks': -1,
    });
    expect(moved(idea, { ...idea, moderation: 'hidden' })).toEqual({
      published: -1,
      s_new: -1,
      sec_product: -1,
      'cat_product/drinks': -1,
    });
    expect(moved(idea, { ...idea, deleted: true })).toEqual({
      published: -1,
      s_new: -1,
      sec_product: -1,
      'cat_product/drinks': -1,
    });
    expect(moved(idea, { ...idea, categoryId: undefined })).toEqual({ 'cat_product/drinks': -1 });
    expect(activityOf({ id: 'e', kind: 'MODIFY', oldImage: idea, newImage: { ...idea, upVotes: 3 } })).toBeUndefined();
    expect(
      activityOf({ id: 'e', kind: 'MODIFY', oldImage: { ...idea, moderation: 'pending' }, newImage: idea }),
    ).toMatchObject({ ideas: 1, day: '2026-03-02' });
  });

  it('counts inserted votes and comments only: not withdrawals, changes, or votes carried by a merge', () => {
    const vote = { pk, sk: 'V#bob', memberId: 'bob', value: 1, votedAt: '2026-03-03T09:00:00.000Z' };
    expect(activityOf({ id: 'v', kind: 'INSERT', newImage: vote })).toMatchObject({
      day: '2026-03-03',
      votes: 1,
      memberId: 'bob',
      votedIdeaId: idea.id,
    });
    expect(activityOf({ id: 'v', kind: 'INSERT', newImage: { ...vote, carriedFrom: 'other' } })).toBeUndefined();
    expect(activityOf({ id: 'v', kind: 'REMOVE', oldImage: vote })).toBeUndefined();
    expect(activityOf({ id: 'v', kind: 'MODIFY', oldImage: vote, newImage: { ...vote, value: -1 } })).toBeUndefined();
    const comment = {
      pk,
      sk: 'C#2026-03-04T08:00:00.000Z#c1',
      authorId: 'cy',
      body: 'Yes!',
      createdAt: '2026-03-04T08:00:00.000Z',
    };
    expect(activityOf({ id: 'c', kind: 'INSERT', newImage: comment })).toMatchObject({
      day: '2026-03-04',
      comments: 1,
      memberId: 'cy',
      text: 'Yes!',
    });
    expect(activityOf({ id: 'x', kind: 'INSERT', newImage: { pk: 'T#t#DAYS', sk: '2026-03-04' } })).toBeUndefined();
  });
});
