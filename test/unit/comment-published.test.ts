import { describe, expect, it } from 'vitest';
import { firstPublished } from '../../functions/core/comment/index.js';

const at = '2026-12-05T10:00:00.000Z';
const later = '2026-12-06T09:00:00.000Z';

/** The stream's consumers count and announce a comment on the change that first shows it to everyone, and on no other. */
describe('when a comment is first published', () => {
  it('on posting when not held, on approval when held, never again after', () => {
    expect(firstPublished(undefined, { body: 'Hi', publishedAt: at })).toBe(true);
    expect(firstPublished(undefined, { body: 'Hi', moderation: 'pending' })).toBe(false);
    expect(firstPublished({ moderation: 'pending' }, { publishedAt: later })).toBe(true);
    expect(firstPublished({ moderation: 'pending' }, { moderation: 'rejected' })).toBe(false);
    // Edited, held again and approved again: it was published before.
    expect(firstPublished({ publishedAt: at }, { publishedAt: at, editedAt: later })).toBe(false);
    expect(firstPublished({ publishedAt: at, moderation: 'pending' }, { publishedAt: at })).toBe(false);
    expect(firstPublished({ publishedAt: at }, { publishedAt: at, deleted: true })).toBe(false);
  });

  it('a comment written before publishedAt existed counts when inserted, and an edit that holds it stamps it first', () => {
    expect(firstPublished(undefined, { body: 'Old' })).toBe(true);
    expect(firstPublished({ body: 'Old' }, { body: 'Edited' })).toBe(false);
    // The edit that holds it sets publishedAt to its creation time, so its approval is not a first publication.
    expect(firstPublished({ body: 'Old' }, { body: 'Casino', moderation: 'pending', publishedAt: at })).toBe(false);
    expect(firstPublished({ moderation: 'pending', publishedAt: at }, { publishedAt: at })).toBe(false);
  });
});
