import { BatchGetCommand, BatchWriteCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { system, type Ctx } from '../../functions/core/context.js';
import { db, tableName } from '../../functions/core/db/client.js';
import { keys } from '../../functions/core/db/keys.js';
import { newId } from '../../functions/core/ids.js';
import { createSession } from '../../functions/core/identity/sessions.js';
import { hashSecret } from '../../functions/core/identity/tokens.js';
import { writeAllOrNothing } from '../../functions/core/db/transact.js';
import { hitInTransaction } from '../../functions/core/ratelimit.js';
import { voteWrites } from '../../functions/core/vote/index.js';
import { getIdea, submitIdea, type Idea } from '../../functions/core/idea/index.js';
import { ideas, searchLogEntries } from '../../functions/core/db/index.js';
import { trendWeight } from '../../functions/core/idea/scores.js';
import { type Member } from '../../functions/core/member/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { dropSearchIndexes, searchIdeas, searchLogFields } from '../../functions/core/idea/search.js';
import { saveSearchSnapshot } from '../../functions/core/idea/search-snapshot.js';
import { resolveHost } from '../../functions/core/tenant/index.js';
import type { Tenant } from '../../functions/core/tenant/schema.js';
import { freePort } from '../../functions/local/ports.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { root } from '../../infra/bundle.js';
import { makeTenant } from '../support/tenants.js';
import { canSeparateCores, withEngineOnItsOwnCore } from './cores.js';
import { call } from './http.js';
import { fmt, runLoad, type LoadResult } from './load.js';

type Recorder = (what: string, value: string, target?: string) => void;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const CONCURRENCY = 16;
const ROUND = 250;
const ROUNDS = 5;
const WARM = 100;
const VOTES_PER_COMPARISON = 2 * (ROUNDS * ROUND + WARM);

/** Writes `count` published ideas (and their search log entries) straight into the table, 25 per batch. */
async function bulkIdeas(tenantId: string, count: number, withSearchLog: boolean) {
  const words = [
    'cup',
    'coffee',
    'charge',
    'battery',
    'seat',
    'app',
    'order',
    'music',
    'light',
    'recycle',
    'price',
    'delivery',
    'garden',
    'bike',
    'card',
  ];
  const items: Record<string, unknown>[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 60_000).toISOString();
    const idea: Idea = {
      id: newId(start + i * 60_000),
      sectionId: 'product',
      title: `Idea ${i} about ${words[i % 15]} and ${words[(i * 7) % 15]}`,
      body: `Body ${i}: more ${words[(i * 3) % 15]} for everyone.`,
      lang: 'en',
      authorId: 'bench',
      authorName: 'Bench',
      status: 'new',
      tags: [],
      attachments: [],
      upVotes: i % 50,
      downVotes: 0,
      commentCount: 0,
      followerCount: 0,
      createdAt: at,
      updatedAt: at,
    };
    items.push(
      ideas.item([tenantId, idea.id], { ...idea, topScore: idea.upVotes, trendScore: trendWeight(new Date(at)) }),
    );
    if (withSearchLog) items.push(searchLogEntries.item([tenantId, at, idea.id, String(i)], searchLogFields(idea)));
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await runLoad({
    concurrency: 8,
    total: batches.length,
    fn: async (b) => {
      let pending = batches[b]!.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length) {
        const res = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
        pending = (res.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
      }
    },
  });
}

/** The web server as its own process (the same code `npm start` serves with), so its memory is its own. */
async function serverProcess(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/serve.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('serving on') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return child;
}

/** The peak resident memory of a process, from the kernel (VmHWM). */
const peakRss = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

export async function apiLoad(record: Recorder, enginePid: number) {
  const port = await freePort();
  const server = await serverProcess(port);
  try {
    const site = await resolveHost('cafe.localhost');
    if (site.kind !== 'tenant') throw new Error('seed the demo portals first');
    const cafe = site.tenant;
    const host = `cafe.localhost:${port}`;

    // Listing a section: the API over HTTP against the same Query issued raw.
    const listPath = '/api/sections/product/ideas?sort=top&limit=20';
    await runLoad({ concurrency: 4, total: 100, fn: () => call(port, { host, path: listPath }) });
    const rawQuery = () =>
      db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'bySectionTop',
          KeyConditionExpression: 'sectionKey = :s',
          ExpressionAttributeValues: { ':s': keys.sectionKey(cafe.id, 'product') },
          ScanIndexForward: false,
          Limit: 20,
        }),
      );
    const rawList = await runLoad({ concurrency: CONCURRENCY, total: 2000, fn: rawQuery });
    const apiList = await runLoad({
      concurrency: CONCURRENCY,
      total: 2000,
      fn: () => call(port, { host, path: listPath }),
    });
    record(`raw Query (bySectionTop, 20 items), ${CONCURRENCY} concurrent`, fmt(rawList));
    record(`GET /api/sections/product/ideas over HTTP, ${CONCURRENCY} concurrent`, fmt(apiList));
    record(
      'list API vs raw: p50 ratio / throughput ratio',
      `${ratio(apiList.p50, rawList.p50)} / ${ratio(apiList.rps, rawList.rps)}`,
      'p50 ≤ 1.5×, throughput ≥ 0.67×',
    );

    // Voting: the API against the same DynamoDB calls issued raw, and against the bare transaction.
    const tenant = await makeTenant({ requireVerifiedEmail: false });
    const sys: Ctx = { tenant, actor: system };
    const author = await createMember(sys, { email: 'author@bench.test', displayName: 'Author', lang: 'en' });
    const ideas = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        submitIdea(
          { tenant, actor: { kind: 'member', memberId: author.id, role: 'member', verified: true } },
          { sectionId: 'product', title: `Vote target number ${i}`, body: 'An idea to vote for in the benchmark.' },
        ),
      ),
    );
    // Every vote is a new member's first (no session is cached in the server, as for raw calls).
    const members = await runMembers(sys, 2 * VOTES_PER_COMPARISON + 500);
    let nextMember = 0;
    const take = (n: number) => members.slice(nextMember, (nextMember += n));
    const votes = { port, tenant, ideas, take };
    const shared = await compareVotes(votes);
    record(
      `raw: the vote API's own DynamoDB calls (session BatchGet + 3-item transaction), ${CONCURRENCY} concurrent, median of ${ROUNDS} rounds, all on two shared cores`,
      fmt(shared.raw),
    );
    record(
      `PUT /api/ideas/:id/vote over HTTP, ${CONCURRENCY} concurrent, median of ${ROUNDS} rounds alternated with the raw ones, all on two shared cores`,
      fmt(shared.api),
    );
    record('vote API vs the same calls raw, on two shared cores', ratio(shared.api.rps, shared.raw.rps));
    const apart = canSeparateCores()
      ? await withEngineOnItsOwnCore(enginePid, [server.pid!, process.pid], () => compareVotes(votes))
      : undefined;
    if (apart) {
      record(`raw: the same calls, DynamoDB Local alone on one core, driver on the other`, fmt(apart.raw));
      record(
        `PUT /api/ideas/:id/vote, DynamoDB Local alone on one core, server and driver on the other`,
        fmt(apart.api),
      );
    }
    const bare = take(500);
    const rawVote: LoadResult = await runLoad({
      concurrency: CONCURRENCY,
      total: bare.length,
      fn: (i) => {
        const memberId = bare[i]!.id;
        const ideaId = ideas[i % 10]!.id;
        return db().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName(),
                  Item: { ...keys.vote(tenant.id, ideaId, memberId), ideaId, memberId, value: 1 },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: tableName(),
                  Key: keys.idea(tenant.id, ideaId),
                  UpdateExpression: 'ADD upVotes :one, topScore :one',
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
            ],
          }),
        );
      },
    });
    const counted = (await Promise.all(ideas.map((i) => getIdea(sys, i.id)))).reduce((sum, i) => sum + i.upVotes, 0);
    record(
      `raw TransactWriteItems (vote + counts, 2 items), ${CONCURRENCY} concurrent, two shared cores`,
      fmt(rawVote),
    );
    record(
      'vote API vs the same calls raw, DynamoDB Local on its own core / API on shared cores vs the bare 2-item transaction; votes counted',
      `${apart ? ratio(apart.api.rps, apart.raw.rps) : 'not measured (needs 2 cores and taskset)'} / ${ratio(shared.api.rps, rawVote.rps)}; ${counted}/${nextMember}`,
      '≥ 0.9× (same calls), exact',
    );

    // A portal of 100,000 ideas lists a page as fast as one of 100.
    const small = await makeTenant();
    const big = await makeTenant();
    const seedStart = performance.now();
    await bulkIdeas(small.id, 100, false);
    await bulkIdeas(big.id, 100_000, true);
    record(
      'bulk-load 100,000 ideas + search log into DynamoDB Local',
      `${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
    );
    const page = (t: typeof small) => () => call(port, { host: `${t.slug}.localhost:${port}`, path: listPath });
    await runLoad({ concurrency: 4, total: 50, fn: page(big) });
    const smallList = await runLoad({ concurrency: CONCURRENCY, total: 1000, fn: page(small) });
    const bigList = await runLoad({ concurrency: CONCURRENCY, total: 1000, fn: page(big) });
    record('list a page: portal of 100 ideas', fmt(smallList));
    record('list a page: portal of 100,000 ideas', fmt(bigList));
    record('100,000 vs 100 ideas: p50 ratio', ratio(bigList.p50, smallList.p50), '≤ 1.2×');
    record(
      'peak RSS of the server process through these loads',
      `${(peakRss(server.pid!) / 2 ** 20).toFixed(0)} MB`,
      '≤ 300 MB',
    );

    // The search index of a 100,000-idea portal: cold build from the log, and its memory.
    dropSearchIndexes();
    const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    await searchIdeas({ tenant: big, actor: system }, { q: 'coffee battery' });
    const buildMs = performance.now() - t0;
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    record(
      'search index of 100,000 ideas: cold build from the search log',
      `${(buildMs / 1000).toFixed(1)} s, heap +${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB`,
    );
    const t1 = performance.now();
    await searchIdeas({ tenant: big, actor: system }, { q: 'garden bike' });
    record('search on the warm index of 100,000 ideas', `${(performance.now() - t1).toFixed(1)} ms`);
    const t2 = performance.now();
    const snapshot = await saveSearchSnapshot(big.id);
    record(
      'search snapshot of 100,000 ideas: write to S3',
      `${((performance.now() - t2) / 1000).toFixed(1)} s, ${(snapshot.bytes / 2 ** 20).toFixed(1)} MB`,
    );
    dropSearchIndexes();
    gc();
    const t3 = performance.now();
    await searchIdeas({ tenant: big, actor: system }, { q: 'coffee battery' });
    record(
      'search index of 100,000 ideas: cold start from the snapshot',
      `${((performance.now() - t3) / 1000).toFixed(1)} s`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}

async function runMembers(ctx: Ctx, count: number): Promise<Member[]> {
  const members: Member[] = new Array(count);
  await runLoad({
    concurrency: 16,
    total: count,
    fn: async (i) =>
      (members[i] = await createMember(ctx, { email: `voter${i}@bench.test`, displayName: `Voter ${i}`, lang: 'en' })),
  });
  return members;
}

interface VoteTargets {
  port: number;
  tenant: Tenant;
  ideas: Idea[];
  take: (n: number) => Member[];
}

/**
 * The vote API over HTTP against the same DynamoDB calls issued raw: the session with its member
 * (one BatchGetItem), then one transaction of the vote, the idea's counters and the rate-limit
 * window, built by the same code. Both are warmed up, then alternated round by round so that
 * neither gains from running later (DynamoDB Local's JIT, the table's growth); each side's
 * median round is returned.
 */
async function compareVotes({ port, tenant, ideas, take }: VoteTargets): Promise<{ api: LoadResult; raw: LoadResult }> {
  const vhost = `${tenant.slug}.localhost:${port}`;
  const apiRun = async (voters: Member[]) => {
    const cookies = await Promise.all(voters.map(async (m) => `sid=${await createSession(tenant.id, m.id)}`));
    return runLoad({
      concurrency: CONCURRENCY,
      total: voters.length,
      fn: (i) =>
        call(port, {
          host: vhost,
          method: 'PUT',
          path: `/api/ideas/${ideas[i % 10]!.id}/vote`,
          body: { value: 1 },
          cookie: cookies[i],
        }),
    });
  };
  const rawRun = async (voters: Member[]) => {
    const secrets = (await Promise.all(voters.map((m) => createSession(tenant.id, m.id)))).map((token) =>
      token.slice(token.indexOf('.') + 1),
    );
    return runLoad({
      concurrency: CONCURRENCY,
      total: voters.length,
      fn: async (i) => {
        const member = voters[i]!;
        await db().send(
          new BatchGetCommand({
            RequestItems: {
              [tableName()]: {
                Keys: [keys.session(tenant.id, hashSecret(secrets[i]!)), keys.member(tenant.id, member.id)],
                ConsistentRead: true,
              },
            },
          }),
        );
        const ctx: Ctx = { tenant, actor: { kind: 'member', memberId: member.id, role: 'member', verified: true } };
        const written = await writeAllOrNothing([
          ...voteWrites(ctx, ideas[i % 10]!.id, member.id, { value: 0, weight: 0 }, 1),
          hitInTransaction(ctx, 'write:account', member.id).item,
        ]);
        if (!written.ok) throw new Error('raw vote refused');
      },
    });
  };
  await apiRun(take(WARM));
  await rawRun(take(WARM));
  const apiRounds: LoadResult[] = [];
  const rawRounds: LoadResult[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    apiRounds.push(await apiRun(take(ROUND)));
    rawRounds.push(await rawRun(take(ROUND)));
  }
  const medianRound = (rounds: LoadResult[]) =>
    [...rounds].sort((a, b) => a.rps - b.rps)[Math.floor(rounds.length / 2)]!;
  return { api: medianRound(apiRounds), raw: medianRound(rawRounds) };
}
