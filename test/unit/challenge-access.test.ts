import { describe, expect, it } from 'vitest';
import { entryAccess, PHASES, type Challenge, type Viewer } from '../../functions/core/challenge/index.js';

/*
 * What each viewer sees of an entry, in every phase, for three kinds of challenge: each answer
 * written out here, so a change to the rule (core/challenge/access.ts) shows as a changed line.
 * s = sees the entry, a = its author, f = its favourites, c = its scores; '-' = nothing.
 */

const base: Challenge = {
  id: 'c',
  title: { en: 'A challenge' },
  brief: {},
  rewards: [],
  attachments: [],
  entrants: 'members',
  invited: [],
  entriesPublic: true,
  privateSubmission: true,
  crowdRankingPublic: true,
  blindJudging: false,
  favouritesPerMember: 3,
  jurors: ['juror'],
  timeline: { opensAt: '2026-01-01T00:00:00.000Z', submissionEndsAt: '2026-01-02T00:00:00.000Z' },
  state: 'scheduled',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'team',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const VIEWERS: Record<string, Viewer> = {
  visitor: { team: false, juror: false },
  member: { memberId: 'reader', team: false, juror: false },
  author: { memberId: 'author', team: false, juror: false },
  juror: { memberId: 'juror', team: false, juror: true },
  team: { memberId: 'team', team: true, juror: false },
};

const code = (access: ReturnType<typeof entryAccess>) =>
  access.see ? ['s', access.author ? 'a' : '', access.favourites ? 'f' : '', access.scores ? 'c' : ''].join('') : '-';

function table(challenge: Challenge) {
  return Object.fromEntries(
    PHASES.map((phase) => [
      phase,
      Object.entries(VIEWERS)
        .map(([role, viewer]) => `${role}:${code(entryAccess(challenge, phase, viewer, { authorId: 'author' }))}`)
        .join(' '),
    ]),
  );
}

describe('what each viewer sees of an entry, phase by phase', () => {
  it('an open contest (Eyeka, Threadless): private creation, then public with the crowd’s ranking', () => {
    expect(table(base)).toEqual({
      draft: 'visitor:- member:- author:- juror:- team:safc',
      scheduled: 'visitor:- member:- author:- juror:- team:safc',
      submission: 'visitor:- member:- author:saf juror:- team:safc',
      review: 'visitor:saf member:saf author:saf juror:safc team:safc',
      jury: 'visitor:saf member:saf author:saf juror:safc team:safc',
      shortlist: 'visitor:saf member:saf author:saf juror:safc team:safc',
      decided: 'visitor:saf member:saf author:saf juror:safc team:safc',
      closed: 'visitor:saf member:saf author:saf juror:safc team:safc',
    });
  });

  it('a private expert challenge (Innocentive): entries between their author, the jury and the team only', () => {
    expect(table({ ...base, entriesPublic: false, crowdRankingPublic: false })).toEqual({
      draft: 'visitor:- member:- author:- juror:- team:safc',
      scheduled: 'visitor:- member:- author:- juror:- team:safc',
      submission: 'visitor:- member:- author:sa juror:- team:safc',
      review: 'visitor:- member:- author:sa juror:safc team:safc',
      jury: 'visitor:- member:- author:sa juror:safc team:safc',
      shortlist: 'visitor:- member:- author:sa juror:safc team:safc',
      decided: 'visitor:- member:- author:sa juror:safc team:safc',
      closed: 'visitor:- member:- author:sa juror:safc team:safc',
    });
  });

  it('a blind jury and an open submission: no reader (so no juror) learns a name until the decision', () => {
    expect(table({ ...base, blindJudging: true, privateSubmission: false })).toEqual({
      draft: 'visitor:- member:- author:- juror:- team:safc',
      scheduled: 'visitor:- member:- author:- juror:- team:safc',
      submission: 'visitor:sf member:sf author:saf juror:sfc team:safc',
      review: 'visitor:sf member:sf author:saf juror:sfc team:safc',
      jury: 'visitor:sf member:sf author:saf juror:sfc team:safc',
      shortlist: 'visitor:sf member:sf author:saf juror:sfc team:safc',
      decided: 'visitor:saf member:saf author:saf juror:safc team:safc',
      closed: 'visitor:saf member:saf author:saf juror:safc team:safc',
    });
  });
});
