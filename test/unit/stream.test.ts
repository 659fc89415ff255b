import { describe, expect, it } from 'vitest';
import { entityTypeOf, keys, type EntityType } from '../../functions/core/db/index.js';
import { onTableChanges, type Change, type Consumer } from '../../functions/core/stream/index.js';

const t = 'tenant0000000000000a';
const [i, m, x] = ['idea00000000000000001', 'member000000000000001', 'other0000000000000001'];
const at = '2026-12-05T10:00:00.000Z';

/** One item of each kind, keyed by the builders of keys.ts, with the type its builder's name says. */
const samples: [EntityType, { pk: string; sk: string }][] = [
  ['tenant', keys.tenant(t)],
  ['slug', keys.slug('cafe')],
  ['domain', keys.domain('ideas.brand.test')],
  ['tenantDomain', keys.tenantDomain(t, 'ideas.brand.test')],
  ['audit', keys.audit(t, at, x)],
  ['owners', keys.owners(t)],
  ['totals', keys.totals(t)],
  ['dashboardView', keys.dashboardView(t)],
  ['member', keys.member(t, m)],
  ['memberEmail', keys.memberEmail(t, 'a@b.test')],
  ['session', keys.session(t, 'abc')],
  ['token', keys.token(t, 'abc')],
  ['rateWindow', keys.rateWindow(t, 'write:account', m, 1)],
  ['digestMarker', keys.digestMarker(t, m, '2026-W49')],
  ['notification', keys.notification(t, m, at, x)],
  ['unreadCounter', keys.unreadCounter(t, m)],
  ['savedSearch', keys.savedSearch(t, m, x)],
  ['idea', keys.idea(t, i)],
  ['vote', keys.vote(t, i, m)],
  ['comment', keys.comment(t, i, at, x)],
  ['follow', keys.follow(t, i, m)],
  ['statusChange', keys.statusChange(t, i, at)],
  ['note', keys.note(t, i, at, x)],
  ['scorecard', keys.scorecard(t, i, m)],
  ['assignment', keys.assignment(t, i)],
  ['commentRef', keys.commentRef(t, x)],
  ['flag', keys.flag(t, x, m)],
  ['flagTarget', keys.flagTarget(t, x)],
  ['dayStats', keys.dayStats(t, '2026-12-05')],
  ['dayWords', keys.dayWords(t, '2026-12-05')],
  ['streamMarker', keys.streamMarker(t, 'ev1')],
  ['searchLogEntry', keys.searchLogEntry(t, at, i, x)],
  ['offerLogEntry', keys.offerLogEntry(t, at, x, i)],
  ['partner', keys.partner(t, x)],
  ['partnerMembership', keys.partnerMembership(t, x, m)],
  ['offer', keys.offer(t, x)],
  ['request', keys.request(t, x)],
  ['thread', keys.thread(t, x)],
  ['threadMessage', keys.threadMessage(t, x, at, i)],
  ['upload', keys.upload(t, x)],
];

describe('the table stream', () => {
  it('tells every kind of item from its keys when it carries no type, and trusts its type when it does', () => {
    expect(samples.map(([, key]) => entityTypeOf(key))).toEqual(samples.map(([type]) => type));
    expect(entityTypeOf({ ...keys.idea(t, i), type: 'vote' })).toBe('vote');
    expect(entityTypeOf({ pk: 'SOMETHING#else', sk: 'X' })).toBeUndefined();
  });

  it('hands each consumer only the changes of the entities it reads, in the batch order', async () => {
    const seen: Record<string, string[]> = { votes: [], ideas: [] };
    const consumer = (name: 'votes' | 'ideas', entities: EntityType[]): Consumer => ({
      name,
      entities,
      run: async (changes) => void seen[name]!.push(...changes.map((c) => c.id)),
    });
    const change = (id: string, key: { pk: string; sk: string }, kind: Change['kind'] = 'INSERT'): Change =>
      kind === 'REMOVE' ? { id, kind, oldImage: key } : { id, kind, newImage: key };
    await onTableChanges(
      [
        change('1', keys.vote(t, i, m)),
        change('2', keys.idea(t, i), 'MODIFY'),
        change('3', keys.session(t, 'abc')),
        change('4', keys.vote(t, i, x), 'REMOVE'),
      ],
      [consumer('votes', ['vote']), consumer('ideas', ['idea'])],
    );
    expect(seen).toEqual({ votes: ['1', '4'], ideas: ['2'] });
  });
});
