// A table of its own, so that "nothing was written" can be read by scanning it (set before any
// module reads the configuration).
process.env.TABLE_NAME = `portal-fuzz-${process.pid}`;

import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../functions/api/full.js';
import { addComment } from '../../functions/core/comment/index.js';
import { system } from '../../functions/core/context.js';
import { createTableInput } from '../../functions/core/db/table.js';
import { createSession } from '../../functions/core/identity/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import type { Member } from '../../functions/core/member/index.js';
import { asMember, hostOf, makeTenant } from '../support/tenants.js';

/** Field names the core's schemas read, so that generated bodies reach past "unknown object". */
const FIELDS = [
  'title',
  'body',
  'sectionId',
  'categoryId',
  'attachments',
  'value',
  'email',
  'password',
  'displayName',
  'lang',
  'token',
  'name',
  'slug',
  'owner',
  'tagline',
  'version',
  'theme',
  'status',
  'response',
  'into',
  'tags',
  'assigneeId',
  'scores',
  'role',
  'reason',
  'target',
  'domain',
  'kind',
  'uploadId',
  'ideaIds',
  'action',
  'ids',
  'current',
  'parentId',
  'description',
  'sectors',
  'trl',
  'query',
  'state',
  'message',
  'filename',
  'contentType',
  'size',
  'emailPrefs',
  'visibility',
  'moderation',
  'blockedWords',
  'languages',
  'defaultLang',
  'charter',
  'footerLinks',
  'statusLabels',
  'decision',
  'note',
  'text',
  'partnerId',
  'offerId',
  'q',
  'filters',
];

const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ minLength: 5_000, maxLength: 20_000 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('any'), { maxKeys: 4 }),
  ),
})).any;

/** A request body: an object of known field names, any JSON value at all, or text that is not JSON. */
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  value.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

const RUNS_PER_ROUTE = 160;
const AT_ONCE = 6;
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every write route of the API, from its own route table. */
const writeRoutes = [
  ...new Map(app.routes.filter((r) => WRITE.has(r.method)).map((r) => [`${r.method} ${r.path}`, r])).values(),
];

/** The table's items but the rate windows (a refused attempt is counted on purpose). */
async function items(): Promise<string[]> {
  const client = new DynamoDBClient({
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const found: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: process.env.TABLE_NAME, ExclusiveStartKey: start as never }),
    );
    for (const item of page.Items ?? []) if (item.type?.S !== 'rateWindow') found.push(JSON.stringify(item));
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return found.sort();
}

let host = '';
let tenantId = '';
let owner: Member;
let params: Record<string, string> = {};

beforeAll(async () => {
  const client = new DynamoDBClient({
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await client.send(new CreateTableCommand(createTableInput(process.env.TABLE_NAME!)));
  client.destroy();
  const tenant = await makeTenant();
  host = hostOf(tenant);
  tenantId = tenant.id;
  owner = await createMember(
    { tenant, actor: system },
    { email: 'owner@fuzz.test', displayName: 'Owner', lang: 'en', role: 'owner' },
  );
  const member = await createMember(
    { tenant, actor: system },
    { email: 'member@fuzz.test', displayName: 'Member', lang: 'en' },
  );
  const idea = await submitIdea(asMember(tenant, member), {
    sectionId: 'product',
    title: 'An idea to fuzz',
    body: 'The body of an idea that the fuzzer aims at.',
  });
  const comment = await addComment(asMember(tenant, member), { ideaId: idea.id, body: 'A comment to fuzz.' });
  // Real ids where a route looks its target up before reading the body; made-up ones elsewhere.
  params = {
    id: idea.id,
    comment: comment.id,
    member: member.id,
    section: 'product',
    domain: 'ideas.fuzz.example',
    kind: 'logo',
    targetId: `idea:${idea.id}`,
  };
}, 120_000);

function pathOf(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (path.startsWith('/api/comments')) return params.comment!;
    if (path.startsWith('/api/members') || path.startsWith('/api/team/members')) return params.member!;
    if (path.startsWith('/api/admin/sections')) return params.section!;
    return params[name] ?? 'abcdefghij0123456789';
  });
}

/** Property-based fuzzing of every write route's body: never a 5xx, and a refused request writes nothing. */
describe('fuzzing every write route', () => {
  it(`answers ${RUNS_PER_ROUTE} generated bodies per route without a 5xx, and refused ones write nothing`, async () => {
    let sent = 0;
    const checked: string[] = [];
    for (const [index, route] of writeRoutes.entries()) {
      const platform = route.path.startsWith('/api/portals');
      const target = platform ? 'localhost' : host;
      // A fresh owner session per route: a route that signs out or deletes must not blind the next ones.
      const cookie = `sid=${await createSession(tenantId, owner.id)}`;
      const before = await items();
      let refusedOnly = true;
      const bodies = fc.sample(body, { numRuns: RUNS_PER_ROUTE, seed: 4242 + index });
      // A few bodies at a time: each is a request of its own, and the table is compared only once all answered.
      for (let i = 0; i < bodies.length; i += AT_ONCE) {
        await Promise.all(
          bodies.slice(i, i + AT_ONCE).map(async (text) => {
            const res = await app.request(`http://${target}${pathOf(route.path)}`, {
              method: route.method,
              headers: { host: target, origin: `http://${target}`, 'content-type': 'application/json', cookie },
              body: text,
            });
            sent++;
            expect(res.status, `${route.method} ${route.path} with ${text.slice(0, 300)}`).toBeLessThan(500);
            if (res.status < 400) refusedOnly = false;
          }),
        );
      }
      if (!refusedOnly) continue;
      expect(await items(), `${route.method} ${route.path} wrote while refusing`).toEqual(before);
      checked.push(`${route.method} ${route.path}`);
    }
    expect(sent).toBeGreaterThanOrEqual(10_000);
    // Most routes refuse every generated body; their tables are compared whole.
    expect(checked.length).toBeGreaterThan(writeRoutes.length / 2);
  }, 600_000);
});
