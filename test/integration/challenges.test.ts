import { describe, expect, it } from 'vitest';
import {
  acceptNda,
  advancePhases,
  challengeAttachmentLink,
  updateChallenge,
  challengeFunnel,
  commentOnEntry,
  countChallengeView,
  exportEntriesLink,
  exportRewardsLink,
  listChallenges,
  askAdjustment,
  decideChallenge,
  favourEntry,
  followChallenge,
  followsChallenge,
  getChallenge,
  getEntry,
  listEntries,
  listEntryComments,
  listRewards,
  reviseEntry,
  scoreEntry,
  shortlistEntry,
  submitEntry,
  withdrawEntry,
} from '../../functions/core/challenge/index.js';
import { system } from '../../functions/core/context.js';
import { challenges } from '../../functions/core/db/index.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import type { Member } from '../../functions/core/member/index.js';
import { listNotifications } from '../../functions/core/notify/index.js';
import { eventually } from '../support/wait.js';
import { finalizeUpload } from '../../functions/core/upload/index.js';
import { pngBytes, start as start_ } from '../support/uploads.js';
import { insertMembers } from '../support/members.js';
import { actingAs, asMember, asVisitor, makeMembers, makeTenant } from '../support/tenants.js';
import { at, inPhase, runningChallenge, teamMember } from '../support/challenges.js';

const entryText = (n: number) => ({
  title: `Entry ${n}`,
  body: `A mug design number ${n}, with a handle for two fingers.`,
  accept: true as const,
});

describe('a challenge on the clock', () => {
  it('runs through every phase, each refusing what it must, and ends with ranks and rewards due', async () => {
    const tenant = await makeTenant();
    const team = await teamMember(tenant);
    const [ann, bob, juror, reader] = await makeMembers(tenant, 4);
    const start = new Date(Date.now() + 24 * 3600_000);
    const when = inPhase(start);
    const challenge = await runningChallenge(tenant, team, start, { jurors: [juror!.id] });

    // Before it opens: no entry, the refusal says when it opens.
    await expect(submitEntry(asMember(tenant, ann!, when.scheduled), challenge.id, entryText(0))).rejects.toMatchObject(
      {
        status: 409,
        code: 'submission_not_open',
      },
    );
    expect((await getChallenge(asVisitor(tenant), challenge.id)).phase).toBe('scheduled');

    // Submission: entries and new versions; others see nothing yet (private creative phase).
    const a = await submitEntry(asMember(tenant, ann!, when.submission), challenge.id, entryText(1));
    const b = await submitEntry(asMember(tenant, bob!, when.submission), challenge.id, entryText(2));
    await reviseEntry(asMember(tenant, ann!, when.submission), challenge.id, a.id, {
      title: 'Entry 1, better',
      body: 'The same mug, with a wider base so it never tips.',
    });
    const spare = await submitEntry(asMember(tenant, bob!, when.submission), challenge.id, entryText(3));
    await withdrawEntry(asMember(tenant, bob!, when.submission), challenge.id, spare.id);
    expect((await listEntries(asMember(tenant, reader!, when.submission), challenge.id)).items).toEqual([]);
    expect((await listEntries(asMember(tenant, ann!, when.submission), challenge.id)).items.map((e) => e.id)).toEqual([
      a.id,
    ]);
    // Favourites wait for the public review.
    await expect(
      favourEntry(asMember(tenant, reader!, when.submission), challenge.id, a.id, { on: true }),
    ).rejects.toMatchObject({ status: 404 });

    // Review: a late entry is refused with the time it closed; the crowd gives favourites.
    await expect(submitEntry(asMember(tenant, reader!, when.review), challenge.id, entryText(4))).rejects.toMatchObject(
      {
        status: 409,
        code: 'submission_closed',
        message: expect.stringContaining(at(start, 1).toISOString().slice(0, 16).replace('T', ' ')),
      },
    );
    await expect(
      reviseEntry(asMember(tenant, ann!, when.review), challenge.id, a.id, {
        title: 'Too late',
        body: 'A version after the submission closed.',
      }),
    ).rejects.toMatchObject({ status: 409 });
    await favourEntry(asMember(tenant, reader!, when.review), challenge.id, a.id, { on: true });
    await favourEntry(asMember(tenant, bob!, when.review), challenge.id, a.id, { on: true });
    // The public review is for comments too, and only it.
    await commentOnEntry(asMember(tenant, reader!, when.review), challenge.id, a.id, { body: 'I would buy it.' });
    await expect(
      commentOnEntry(asMember(tenant, reader!, when.submission), challenge.id, a.id, { body: 'Too early.' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      commentOnEntry(asMember(tenant, reader!, when.jury), challenge.id, a.id, { body: 'Too late.' }),
    ).rejects.toMatchObject({ status: 409 });
    // Before the challenge opens (the clock now), the entry and so its comments are nobody's to read.
    await expect(listEntryComments(asVisitor(tenant), challenge.id, a.id)).rejects.toMatchObject({ status: 404 });
    expect(
      (await listEntryComments({ ...asVisitor(tenant), now: when.review }, challenge.id, a.id)).items,
    ).toMatchObject([{ body: 'I would buy it.', authorId: reader!.id }]);
    await expect(
      favourEntry(asMember(tenant, ann!, when.review), challenge.id, a.id, { on: true }),
    ).rejects.toMatchObject({ status: 400 });
    const ranked = await listEntries(asMember(tenant, reader!, when.review), challenge.id, { sort: 'favourites' });
    expect(ranked.items.map((e) => [e.id, e.favourites])).toEqual([
      [a.id, 2],
      [b.id, 0],
    ]);
    // Scores are the jury's, and only in the jury's phases.
    await expect(
      scoreEntry(asMember(tenant, juror!, when.review), challenge.id, a.id, { score: 8 }),
    ).rejects.toMatchObject({ status: 409 });

    // Jury: jurors score, nobody else; favourites are over.
    await expect(
      scoreEntry(asMember(tenant, reader!, when.jury), challenge.id, a.id, { score: 9 }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      favourEntry(asMember(tenant, bob!, when.jury), challenge.id, a.id, { on: false }),
    ).rejects.toMatchObject({ status: 409 });
    await scoreEntry(asMember(tenant, juror!, when.jury), challenge.id, a.id, { score: 6 });
    await scoreEntry(asMember(tenant, juror!, when.jury), challenge.id, a.id, { score: 8 });
    await scoreEntry(asMember(tenant, juror!, when.jury), challenge.id, b.id, { score: 5 });
    const scored = await listEntries(asMember(tenant, juror!, when.jury), challenge.id, { sort: 'score' });
    expect(scored.items.map((e) => [e.id, e.score])).toEqual([
      [a.id, { average: 8, spread: 0, count: 1 }],
      [b.id, { average: 5, spread: 0, count: 1 }],
    ]);
    expect(
      (await listEntries(asMember(tenant, reader!, when.jury), challenge.id, { sort: 'score' })).items[0],
    ).not.toHaveProperty('score');
    await shortlistEntry(asMember(tenant, juror!, when.jury), challenge.id, a.id, { shortlisted: true });
    await shortlistEntry(actingAs(tenant, team, when.jury), challenge.id, b.id, { shortlisted: true });

    // Shortlist: an adjustment asked, answered by a new version; every version kept in order.
    await askAdjustment(actingAs(tenant, team, when.shortlist), challenge.id, a.id, { text: 'Try it in our green.' });
    await expect(
      reviseEntry(asMember(tenant, bob!, when.shortlist), challenge.id, b.id, {
        title: 'Unasked',
        body: 'A version nobody asked for in this phase.',
      }),
    ).rejects.toMatchObject({ status: 409 });
    await reviseEntry(asMember(tenant, ann!, when.shortlist), challenge.id, a.id, {
      title: 'Entry 1, in green',
      body: 'The wide-based mug, in the brand’s green.',
    });
    const versions = (await getEntry(asMember(tenant, ann!, when.shortlist), challenge.id, a.id)).versions;
    expect(versions.map((v) => [v.n, v.title, v.answers])).toEqual([
      [1, 'Entry 1', undefined],
      [2, 'Entry 1, better', undefined],
      [3, 'Entry 1, in green', 'Try it in our green.'],
    ]);

    // A member who follows the challenge is told of its phases too.
    const fan = await createMember(
      { tenant, actor: system },
      { email: 'fan@example.test', displayName: 'Fan', lang: 'en' },
    );
    await followChallenge(asMember(tenant, fan, when.shortlist), challenge.id, true);
    expect(await followsChallenge(asMember(tenant, fan, when.shortlist), challenge.id)).toBe(true);

    // The clock announces each change once, however often it runs.
    await challenges.change([tenant.id, challenge.id], { UpdateExpression: 'REMOVE announcedPhase' });
    expect(await advancePhases(when.shortlist)).toBeGreaterThanOrEqual(1);
    expect(await advancePhases(when.shortlist)).toBe(0);
    expect((await challenges.get([tenant.id, challenge.id]))?.announcedPhase).toBe('shortlist');

    // Decision: ranks, rewards due to the laureates with the IP clause they accepted.
    await expect(
      decideChallenge(asMember(tenant, juror!, when.shortlist), challenge.id, { ranking: [a.id] }),
    ).rejects.toMatchObject({ status: 403 });
    const decided = await decideChallenge(actingAs(tenant, team, when.shortlist), challenge.id, {
      ranking: [a.id, b.id],
    });
    expect(decided.phase).toBe('decided');
    const annsRewards = await listRewards(asMember(tenant, ann!, when.shortlist), challenge.id);
    expect(annsRewards).toMatchObject([{ rank: 1, amount: 600, currency: 'EUR', status: 'due', memberId: ann!.id }]);
    expect(annsRewards[0]!.ipAccepted.text).toContain('rights to the brand');
    expect(await listRewards(asMember(tenant, reader!, when.shortlist), challenge.id)).toEqual([]);
    expect((await listRewards(actingAs(tenant, team, when.shortlist), challenge.id)).map((r) => r.rank)).toEqual([
      1, 2,
    ]);
    await expect(
      submitEntry(asMember(tenant, reader!, when.shortlist), challenge.id, entryText(5)),
    ).rejects.toMatchObject({ status: 409 });

    // Told by the stream: the phase to entrants and the team, the adjustment to its entrant, the result to each laureate.
    const told = async (member: Member, kind: string) =>
      eventually(async () =>
        (await listNotifications(actingAs(tenant, member), {})).items.find((n) => n.kind === kind),
      );
    expect(await told(bob!, 'challenge_phase')).toMatchObject({
      challengeId: challenge.id,
      phase: 'shortlist',
      challengeTitle: 'Design our next mug',
    });
    expect(await told(team, 'challenge_phase')).toMatchObject({ phase: 'shortlist' });
    expect(await told(fan, 'challenge_phase')).toMatchObject({ phase: 'shortlist' });
    expect(await told(ann!, 'challenge_adjustment')).toMatchObject({ challengeId: challenge.id });
    expect(await told(ann!, 'challenge_result')).toMatchObject({ rank: 1 });
    expect(await told(bob!, 'challenge_result')).toMatchObject({ rank: 2 });
    const readers = (await listNotifications(asMember(tenant, reader!), {})).items;
    expect(readers.filter((n) => n.kind.startsWith('challenge'))).toEqual([]);
  });
});

describe('favourites', () => {
  it('300 members at once: every favourite counted exactly, each member within the cap', async () => {
    const tenant = await makeTenant();
    const team = await teamMember(tenant);
    const [ann, bob, ...crowd] = await insertMembers(tenant, 302);
    const start = new Date(Date.now() + 24 * 3600_000);
    const when = inPhase(start);
    const challenge = await runningChallenge(tenant, team, start, { favouritesPerMember: 1 });
    const a = await submitEntry(asMember(tenant, ann!, when.submission), challenge.id, entryText(1));
    const b = await submitEntry(asMember(tenant, bob!, when.submission), challenge.id, entryText(2));
    // Each member tries both entries at once; the cap of one lets exactly one through per member.
    const results = await Promise.allSettled(
      crowd.flatMap((m) =>
        [a, b].map((e) => favourEntry(asMember(tenant, m, when.review), challenge.id, e.id, { on: true })),
      ),
    );
    const given = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.every((r) => (r as PromiseRejectedResult).reason.code === 'favourite_cap')).toBe(true);
    expect(given).toBe(300);
    const counts = (
      await listEntries(actingAs(tenant, team, when.review), challenge.id, { sort: 'favourites', limit: 10 })
    ).items;
    expect(counts.reduce((sum, e) => sum + (e.favourites ?? 0), 0)).toBe(300);
  }, 120_000);
});

describe('blind judging', () => {
  it('never names an entrant to a juror before the decision, in any answer; the team and, after, everyone see names', async () => {
    const tenant = await makeTenant();
    const team = await teamMember(tenant);
    const [ann] = await makeMembers(tenant, 1);
    // An outside expert, invited with the jury-only role.
    const juror = await createMember(
      { tenant, actor: system },
      { email: 'expert@lab.example.test', displayName: 'Dr Expert', lang: 'en', role: 'juror' },
    );
    const start = new Date(Date.now() + 24 * 3600_000);
    const when = inPhase(start);
    const challenge = await runningChallenge(tenant, team, start, { jurors: [juror.id], blindJudging: true });
    const entry = await submitEntry(asMember(tenant, ann!, when.submission), challenge.id, entryText(1));
    const asJuror = (now: Date) => actingAs(tenant, juror, now);
    // The expert judges; posting anything is not theirs to do.
    await expect(submitEntry(asJuror(when.submission), challenge.id, entryText(2))).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      submitIdea(asJuror(when.submission), {
        sectionId: 'product',
        title: 'An expert idea',
        body: 'Experts do not post ideas here.',
      }),
    ).rejects.toMatchObject({ status: 403 });
    // Scored on the portal's criteria: the overall is their mean; a criterion the challenge does not use is refused.
    await scoreEntry(asJuror(when.jury), challenge.id, entry.id, { scores: { impact: 8, feasibility: 6 } });
    await expect(
      scoreEntry(asJuror(when.jury), challenge.id, entry.id, { scores: { colour: 9 } }),
    ).rejects.toMatchObject({ status: 400, fields: { 'scores.colour': expect.any(String) } });
    expect((await getEntry(asJuror(when.jury), challenge.id, entry.id)).score).toEqual({
      average: 7,
      spread: 0,
      count: 1,
    });
    for (const now of [when.review, when.jury, when.shortlist]) {
      const answers = JSON.stringify([
        await listEntries(asJuror(now), challenge.id),
        await listEntries(asJuror(now), challenge.id, { sort: 'favourites' }),
        await listEntries(asJuror(now), challenge.id, { sort: 'score' }),
        await getEntry(asJuror(now), challenge.id, entry.id),
        // A juror reading the public list, signed out, learns no more.
        await listEntries({ ...asVisitor(tenant), now }, challenge.id),
        await getEntry({ ...asVisitor(tenant), now }, challenge.id, entry.id),
      ]);
      expect(answers.split(entry.id).length - 1).toBeGreaterThanOrEqual(6);
      expect(answers).not.toContain(ann!.id);
      expect(answers).not.toContain(ann!.displayName);
    }
    expect(JSON.stringify(await getEntry(actingAs(tenant, team, when.jury), challenge.id, entry.id))).toContain(
      ann!.displayName,
    );
    await decideChallenge(actingAs(tenant, team, when.shortlist), challenge.id, { ranking: [entry.id] });
    expect((await getEntry(asJuror(when.shortlist), challenge.id, entry.id)).author?.name).toBe(ann!.displayName);
  });
});

describe('a confidential brief, the funnel and the exports', () => {
  it('shows the confidential part only after the NDA; counts the funnel; exports entries and rewards as CSV', async () => {
    const tenant = await makeTenant();
    const team = await teamMember(tenant);
    const [ann, reader] = await makeMembers(tenant, 2);
    const start = new Date(Date.now() + 24 * 3600_000);
    const when = inPhase(start);
    const challenge = await runningChallenge(tenant, team, start, {
      confidentialBrief: { en: 'The wheel is 17 inches, 7.5 J, made by our supplier in Turin.' },
      nda: { en: 'I keep the confidential brief to myself.' },
    });
    const secret = 'made by our supplier in Turin';
    const readerCtx = asMember(tenant, reader!, when.submission);
    const before = await getChallenge(readerCtx, challenge.id);
    expect(before).toMatchObject({ confidential: true, ndaAccepted: false });
    expect(JSON.stringify(before)).not.toContain(secret);
    expect(JSON.stringify(await listChallenges(readerCtx))).not.toContain(secret);
    await acceptNda(readerCtx, challenge.id);
    expect(JSON.stringify(await getChallenge(readerCtx, challenge.id))).toContain(secret);
    expect(JSON.stringify(await getChallenge(actingAs(tenant, team, when.submission), challenge.id))).toContain(secret);
    await expect(acceptNda(asVisitor(tenant), challenge.id)).rejects.toMatchObject({ status: 401 });

    await countChallengeView(readerCtx, challenge.id);
    await countChallengeView(readerCtx, challenge.id);
    const a = await submitEntry(asMember(tenant, ann!, when.submission), challenge.id, entryText(1));
    await submitEntry(asMember(tenant, ann!, when.submission), challenge.id, entryText(2));
    await favourEntry(asMember(tenant, reader!, when.review), challenge.id, a.id, { on: true });
    const teamCtx = actingAs(tenant, team, when.review);
    expect(await challengeFunnel(teamCtx, challenge.id)).toEqual({
      views: 2,
      entrants: 1,
      entries: 2,
      favourites: 1,
      scores: 0,
      shortlisted: 0,
    });
    await expect(challengeFunnel(readerCtx, challenge.id)).rejects.toMatchObject({ status: 403 });

    const csv = await (await fetch(await exportEntriesLink(teamCtx, challenge.id))).text();
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe(
      'id,title,member_id,member_name,created_at,updated_at,version,favourites,score_average,score_count,shortlisted,rank,text',
    );
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.startsWith(a.id))).toContain(',1,,0,no,,');
    await decideChallenge(actingAs(tenant, team, when.shortlist), challenge.id, { ranking: [a.id] });
    const rewardsCsv = await (await fetch(await exportRewardsLink(teamCtx, challenge.id))).text();
    expect(rewardsCsv.replace(/^\uFEFF/, '').split('\r\n')[1]).toMatch(
      new RegExp(`^1,600,EUR,due,,${a.id},${ann!.id},`),
    );
  });
});

describe('the brief’s files', () => {
  it('attaches the team member’s own finished uploads, readable by whoever reads the challenge; others’ uploads are refused', async () => {
    const tenant = await makeTenant();
    const team = await teamMember(tenant);
    const [reader] = await makeMembers(tenant, 1);
    const start = new Date(Date.now() - 3600_000);
    const teamCtx = actingAs(tenant, team);
    const sheet = await finalizeUpload(teamCtx, (await start_(teamCtx, pngBytes(300), 'image/png')).id);
    const theirs = await finalizeUpload(
      asMember(tenant, reader!),
      (await start_(asMember(tenant, reader!), pngBytes(200), 'image/png')).id,
    );
    const challenge = await runningChallenge(tenant, team, start, { attachmentIds: [sheet.id] });
    expect(challenge.attachments.map((a) => a.id)).toEqual([sheet.id]);
    expect(await challengeAttachmentLink(asVisitor(tenant), challenge.id, sheet.id)).toContain(sheet.id);
    await expect(challengeAttachmentLink(asVisitor(tenant), challenge.id, theirs.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      updateChallenge(teamCtx, challenge.id, { attachmentIds: [sheet.id, theirs.id] }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await getChallenge(asVisitor(tenant), challenge.id)).attachments.map((a) => a.id)).toEqual([sheet.id]);
    // Editing one field leaves the others as they were (the schema's defaults do not creep in).
    const extended = await updateChallenge(teamCtx, challenge.id, {
      timeline: { ...challenge.timeline, juryEndsAt: new Date(start.getTime() + 9 * 3600_000).toISOString() },
    });
    expect(extended).toMatchObject({
      rewards: challenge.rewards,
      attachments: challenge.attachments,
      favouritesPerMember: 3,
    });
    expect(extended.timeline.juryEndsAt).not.toBe(challenge.timeline.juryEndsAt);
    const fewer = await updateChallenge(teamCtx, challenge.id, { favouritesPerMember: 1 });
    expect(fewer).toMatchObject({ rewards: challenge.rewards, timeline: extended.timeline, favouritesPerMember: 1 });
  });
});
