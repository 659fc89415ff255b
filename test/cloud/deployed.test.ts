import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_HEADER } from '../../functions/handlers/edge-only.js';
import { eventually } from '../support/wait.js';
import { ENDPOINT_VARIABLES, LAMBDA_RUNTIME_VARIABLES, deploy, type Deployment } from './deployment.js';
import type { Browser } from './edge.js';
import { PAYLOAD_LIMIT_BYTES } from './lambda.js';

/**
 * The cloud tier: the Lambda bundles exactly as `cdk synth` stages them, each run in its own
 * execution environment with the environment the synthesized template gives its function, behind
 * the template's CloudFront behaviours and function URLs, fed by the template's DynamoDB stream
 * mapping and EventBridge rules, against DynamoDB Local, the S3 emulator and a fake SES. Tokens of
 * the template resolve to this tier's own table, bucket and generated secrets (test/cloud/resources.ts).
 * A function's environment is its template's variables, plus the variables Lambda itself defines
 * (LAMBDA_RUNTIME_VARIABLES: region, names, the role's credentials) and where the local stand-ins
 * answer (ENDPOINT_VARIABLES): nothing else. A difference between this and AWS that a journey finds
 * is a bug in the code, not in the test.
 */
const PLATFORM = 'ideas.cloud.test';
/** SES in its sandbox refuses a recipient that is not verified: a send that fails every time. */
const REFUSED = 'unverified@refused.test';

let d: Deployment;
const slug = `cloud-${randomBytes(3).toString('hex')}`;
const portal = (path: string) => `https://${slug}.${PLATFORM}${path}`;
let ip = 10;
const browser = () => d.browser({ ip: `203.0.113.${ip++}`, port: 40_000 + ip });
let owner: Browser;
/** A member who reads the weekly digest (see the scheduled jobs). */
let reader: { browser: Browser; email: string };
let sectionId: string;

/** The next e-mail SES accepted for a recipient, with the link it carries. */
async function mailTo(to: string, subject?: RegExp) {
  const mail = await eventually(
    async () => d.mails().find((m) => m.to === to && (!subject || subject.test(m.subject))),
    20_000,
  );
  return { ...mail, link: mail.text.match(/https:\/\/\S+/)?.[0] ?? '' };
}

async function json<T = Record<string, unknown>>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.status} ${text.slice(0, 300)} ${JSON.stringify(d.edge.errors)}`).toBe(status);
  return JSON.parse(text) as T;
}

/** A new member: signs up on the portal, and makes the account from the e-mailed link by the API. */
async function member(name: string): Promise<{ browser: Browser; email: string }> {
  const b = browser();
  const email = `${name.toLowerCase()}-${randomBytes(3).toString('hex')}@example.test`;
  await json(
    await b.fetch(portal('/api/auth/signup'), {
      json: { email, password: 'correct horse battery staple', displayName: name },
    }),
    202,
  );
  const token = new URL((await mailTo(email, /confirm/i)).link).searchParams.get('token');
  await json(await b.fetch(portal('/api/auth/signup/confirm'), { json: { token } }), 201);
  return { browser: b, email };
}

beforeAll(async () => {
  d = await deploy({
    platformDomain: PLATFORM,
    ses: (call) =>
      (call.body as { Destination: { ToAddresses: string[] } }).Destination.ToAddresses.includes(REFUSED)
        ? {
            status: 400,
            type: 'MessageRejected',
            message: `Email address is not verified. The following identities failed the check in region EU-WEST-3: ${REFUSED}`,
          }
        : 'accept',
  });
  // A company opens its portal from the platform's apex, and lands signed in on its own host.
  owner = browser();
  const opened = await json<{ welcome: string }>(
    await owner.fetch(`https://${PLATFORM}/api/portals`, {
      json: {
        name: 'Cloud Café',
        slug,
        lang: 'en',
        owner: { displayName: 'Olive Owner', email: 'owner@cloud.test', password: 'correct horse battery staple' },
      },
    }),
    201,
  );
  const welcomed = await owner.fetch(opened.welcome);
  expect(welcomed.status).toBe(200);
  expect(owner.cookie(`${slug}.${PLATFORM}`, '__Host-sid')).toBeTruthy();
  const token = new URL((await mailTo('owner@cloud.test', /confirm/i)).link).searchParams.get('token');
  await json(await owner.fetch(portal('/api/auth/verify'), { json: { token } }), 200);
  reader = await member('Rita');
  await json(await reader.browser.fetch(portal('/api/me'), { method: 'PATCH', json: { emailPrefs: 'digest' } }), 200);
  sectionId = (await json<{ sections: { id: string }[] }>(await owner.fetch(portal('/api/portal')), 200)).sections[0]!
    .id;
}, 120_000);

afterAll(() => d?.close());

describe('the deployed shape, on this machine', () => {
  it('gives each function its template environment, with only endpoints and what Lambda itself sets added', () => {
    const origins = ['api', 'uploads', 'offers', 'challenges', 'web', 'stream', 'schedule'].map((b) => d.functionOf(b));
    for (const spec of origins) {
      const env = d.environment(spec.logicalId);
      const added = Object.keys(env).filter((name) => !(name in spec.environment));
      expect(added.sort()).toEqual([...LAMBDA_RUNTIME_VARIABLES, ...ENDPOINT_VARIABLES].sort());
      expect(env.PORTAL_URL).toBe(`https://{slug}.${PLATFORM}`);
      expect(env.TABLE_NAME).toBe(d.local.tableName);
      expect(env.CURSOR_SECRET).toMatch(/^[A-Za-z0-9]{48}$/);
      for (const [name, value] of Object.entries(env)) expect(value, name).not.toMatch(/\{\{resolve:|\[object/);
    }
  });

  it('refuses a function URL called without the edge secret (403), and serves what came through CloudFront', async () => {
    const secret = d.environment(d.functionOf('api').logicalId).ORIGIN_SECRETS!;
    const paths: Record<string, string> = { web: '/', uploads: '/api/uploads', challenges: '/api/challenges' };
    for (const bundle of ['api', 'uploads', 'offers', 'challenges', 'web']) {
      const id = d.functionOf(bundle).logicalId;
      const path = paths[bundle] ?? '/api/portal';
      const headers = { 'x-forwarded-host': `${slug}.${PLATFORM}` };
      expect((await d.edge.direct(id, { path, headers })).status, bundle).toBe(403);
      const forged = { ...headers, [ORIGIN_HEADER]: 'x'.repeat(secret.length) };
      expect((await d.edge.direct(id, { path, headers: forged })).status, bundle).toBe(403);
    }
    // Through CloudFront, what a viewer writes in the edge's own headers is replaced: the secret by the
    // origin's custom header, x-forwarded-host by the viewer-request function (the host it asked for).
    const visitor = browser();
    const page = await visitor.fetch(portal('/'), {
      headers: { [ORIGIN_HEADER]: 'guess', 'x-forwarded-host': `elsewhere.${PLATFORM}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Cloud Café');
    const config = await json<{ name: Record<string, string> }>(await visitor.fetch(portal('/api/portal')), 200);
    expect(config.name.en).toBe('Cloud Café');
    // The challenges' paths reach their own function, through the edge like the rest.
    expect(await json(await visitor.fetch(portal('/api/challenges')), 200)).toEqual({ items: [], cursor: null });
  });

  it('counts a visitor by the address CloudFront saw, whatever X-Forwarded-For the client writes', async () => {
    // 'mail:address' allows 20 link requests an hour per address and portal (core/ratelimit.ts).
    const visitor = browser();
    const ask = (b: Browser, forged: string) =>
      b.fetch(portal('/api/auth/reset-request'), {
        json: { email: `nobody-${randomBytes(4).toString('hex')}@example.test` },
        headers: { 'x-forwarded-for': forged },
      });
    for (let i = 0; i < 20; i++) expect((await ask(visitor, `192.0.2.${i}`)).status).toBe(202);
    expect((await ask(visitor, '192.0.2.99')).status).toBe(429);
    // Another viewer claiming the first one's address in the header is counted as itself.
    expect((await ask(browser(), visitor.viewer.ip)).status).toBe(202);
  });
});

describe('a member', () => {
  let m: { browser: Browser; email: string };
  const pdf = new Uint8Array(9 * 1024 * 1024);
  let idea: { id: string; attachments: { id: string }[] };

  it('signs up, and makes the account from the e-mailed link, which names the platform domain the stack was made for', async () => {
    const b = browser();
    const email = `member-${randomBytes(3).toString('hex')}@example.test`;
    await json(
      await b.fetch(portal('/api/auth/signup'), {
        json: { email, password: 'correct horse battery staple', displayName: 'Mia Member' },
      }),
      202,
    );
    const mail = await mailTo(email, /confirm/i);
    const portalUrl = d.environment(d.functionOf('stream').logicalId).PORTAL_URL!.replace('{slug}', slug);
    expect(mail.link.startsWith(`${portalUrl}/signup/confirm?token=`), mail.link).toBe(true);
    // The link opens a page; its button posts the form (no JavaScript needed).
    const page = await b.fetch(mail.link);
    expect(page.status).toBe(200);
    const token = (await page.text()).match(/name="token" value="([^"]+)"/)?.[1];
    expect(token).toBe(new URL(mail.link).searchParams.get('token'));
    const confirmed = await b.fetch(portal('/signup/confirm'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ token: token! }).toString(),
    });
    expect(confirmed.status).toBe(200);
    expect(await json(await b.fetch(portal('/api/me')), 200)).toMatchObject({ verified: true });
    m = { browser: b, email };
  });

  it('posts an idea with a 9 MB PDF sent straight to S3, and downloads it', async () => {
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    for (let i = 9; i < pdf.length; i++) pdf[i] = (i * 31 + 7) % 251;
    const upload = await json<{ id: string; url: string; fields: Record<string, string> }>(
      await m.browser.fetch(portal('/api/uploads'), {
        json: { filename: 'plan.pdf', contentType: 'application/pdf', size: pdf.length },
      }),
      201,
    );
    // What the browser does with the presigned form: every field, then the file, to the bucket itself.
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'plan.pdf');
    const stored = await fetch(upload.url, { method: 'POST', body: form });
    expect(stored.status, await stored.text()).toBeLessThan(300);
    await json(await m.browser.fetch(portal(`/api/uploads/${upload.id}/finalize`), { method: 'POST' }), 200);

    const { sections } = await json<{ sections: { id: string }[] }>(await m.browser.fetch(portal('/api/portal')), 200);
    idea = await json(
      await m.browser.fetch(portal('/api/ideas'), {
        json: {
          sectionId: sections[0]!.id,
          title: 'Plans for a quieter terrace',
          body: 'The full plan is attached: layout, planters and the acoustic panels we would need.',
          attachmentIds: [upload.id],
        },
      }),
      201,
    );
    expect(idea.attachments.map((a) => a.id)).toEqual([upload.id]);

    // The page's link: the bytes come back through the edge, or through a redirect to the bucket.
    const download = await m.browser.fetch(portal(`/ideas/${idea.id}/files/${upload.id}`));
    expect(download.status, JSON.stringify(d.edge.errors.slice(-1))).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.length).toBe(pdf.length);
    expect(Buffer.compare(bytes, pdf)).toBe(0);
  });

  it('chooses a photo: the stream bundle (sharp beside it) makes the face, which the edge serves from the bucket', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    const upload = await json<{ id: string; url: string; fields: Record<string, string> }>(
      await m.browser.fetch(portal('/api/uploads'), {
        json: { filename: 'me.png', contentType: 'image/png', size: png.length },
      }),
      201,
    );
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'me.png');
    expect((await fetch(upload.url, { method: 'POST', body: form })).status).toBeLessThan(300);
    await json(await m.browser.fetch(portal(`/api/uploads/${upload.id}/finalize`), { method: 'POST' }), 200);
    await json(await m.browser.fetch(portal('/api/me/photo'), { method: 'PUT', json: { uploadId: upload.id } }), 202);

    const { photo } = await eventually(async () => {
      const me = await json<{ photo?: string }>(await m.browser.fetch(portal('/api/me')), 200);
      return me.photo ? me : undefined;
    }, 30_000);
    const face = await m.browser.fetch(portal(`/${photo}`));
    expect(face.status).toBe(200);
    expect(face.headers.get('cache-control')).toContain('immutable');
    expect(await sharp(new Uint8Array(await face.arrayBuffer())).metadata()).toMatchObject({
      format: 'webp',
      width: 160,
      height: 160,
    });
  });
});

describe('the innovation team', () => {
  let team: Browser;

  it('joins from an invitation e-mail, and exports the CSV of a busy portal', async () => {
    const teamEmail = `team-${randomBytes(3).toString('hex')}@example.test`;
    await json(await owner.fetch(portal('/api/invitations'), { json: { email: teamEmail, role: 'team' } }), 201);
    const invitation = await mailTo(teamEmail);
    expect(invitation.link.startsWith(portal('/invitations/accept?token='))).toBe(true);
    team = browser();
    await json(
      await team.fetch(portal('/api/invitations/accept'), {
        json: {
          token: new URL(invitation.link).searchParams.get('token'),
          displayName: 'Tess Team',
          password: 'correct horse battery staple',
        },
      }),
      200,
    );

    // A busy portal: six people post 216 long ideas (Japanese, 30 kB each in UTF-8), vote and comment.
    const people = [
      owner,
      team,
      ...(await Promise.all(['Aiko', 'Ben', 'Chloe', 'Dev'].map(member))).map((p) => p.browser),
    ];
    const { sections } = await json<{ sections: { id: string }[] }>(await team.fetch(portal('/api/portal')), 200);
    const body = '静かなテラスのための提案です。植栽と吸音パネルで騒音を抑えます。'.repeat(400).slice(0, 10_000);
    const ideas: string[] = [];
    await Promise.all(
      people.map(async (b, who) => {
        for (let n = 0; n < 36; n++) {
          const posted = await json<{ id: string }>(
            await b.fetch(portal('/api/ideas'), {
              json: { sectionId: sections[n % sections.length]!.id, title: `テラスの改善案 第${who}-${n}号`, body },
            }),
            201,
          );
          ideas.push(posted.id);
        }
      }),
    );
    await Promise.all(
      people.map(async (b, who) => {
        for (const id of ideas.slice(who * 8, who * 8 + 8)) {
          await json(await b.fetch(portal(`/api/ideas/${id}/vote`), { method: 'PUT', json: { value: 1 } }), 200);
        }
        await json(await b.fetch(portal(`/api/ideas/${ideas[who]}/comments`), { json: { body: 'いいですね！' } }), 201);
      }),
    );

    // The team's button on the dashboard: the file comes through the edge, or through a redirect to the bucket.
    const exported = await team.fetch(portal('/team/dashboard/export.csv'));
    expect(exported.status, JSON.stringify(d.edge.errors.slice(-1))).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = Buffer.from(await exported.arrayBuffer());
    expect(csv.length).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    const rows = csv.toString('utf8').trimEnd().split('\r\n');
    const types = rows.slice(1).map((row) => row.split(',')[0]);
    expect(types.filter((t) => t === 'idea').length).toBeGreaterThanOrEqual(ideas.length);
    expect(types.filter((t) => t === 'vote')).toHaveLength(people.length * 8);
    expect(types.filter((t) => t === 'comment')).toHaveLength(people.length);
    for (const id of ideas) expect(csv.includes(`idea,${id},`)).toBe(true);
  }, 120_000);
});

describe("the table's stream", () => {
  it('sends a poison record to the failure destination, and lets the rest of its batch through', async () => {
    expect(d.stream.settings).toMatchObject({ bisect: true, maximumRetryAttempts: 3 });
    expect(d.stream.settings.destination).toMatch(/^arn:aws:sqs:/);
    await d.stream.caughtUp(); // the busy portal's records first, on a loaded machine
    const [invoked, discarded] = [d.stream.invocations.length, d.stream.destination.length];
    const idea = await json<{ id: string }>(
      await owner.fetch(portal('/api/ideas'), {
        json: {
          sectionId,
          title: 'A loyalty card that works offline',
          body: 'Stamps kept on the phone, synced later.',
        },
      }),
      201,
    );
    await d.stream.caughtUp();
    // While the mapping is behind: two invitations, SES refusing the first address every time, and a comment.
    d.stream.pause();
    const colleague = `colleague-${randomBytes(3).toString('hex')}@example.test`;
    for (const email of [REFUSED, colleague])
      await json(await owner.fetch(portal('/api/invitations'), { json: { email, role: 'team' } }), 201);
    await json(
      await reader.browser.fetch(portal(`/api/ideas/${idea.id}/comments`), { json: { body: 'Yes please!' } }),
      201,
    );
    d.stream.resume();
    await mailTo(colleague);
    await d.stream.caughtUp();

    const failures = d.stream.destination.slice(discarded);
    expect(failures).toHaveLength(1);
    const [failure] = failures;
    const info = failure!.DDBStreamBatchInfo;
    expect(info.batchSize).toBe(1);
    const poison = d.stream.record(info.startSequenceNumber)!;
    expect(JSON.stringify(poison.dynamodb.NewImage)).toContain(REFUSED);
    // Tried once, then three retries, then described to the destination.
    expect(failure!.requestContext).toMatchObject({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 4 });

    // The batch it arrived in held other records, and every one of them was handled.
    const invocations = d.stream.invocations.slice(invoked);
    const arrived = invocations.find((i) => i.sequenceNumbers.includes(info.startSequenceNumber))!;
    expect(arrived.sequenceNumbers.length).toBeGreaterThan(1);
    const handled = new Set(
      invocations.flatMap((i) =>
        i.outcome === 'success'
          ? i.sequenceNumbers
          : i.outcome === 'partial'
            ? i.sequenceNumbers.slice(0, i.firstFailed)
            : [],
      ),
    );
    for (const sequenceNumber of arrived.sequenceNumbers)
      if (sequenceNumber !== info.startSequenceNumber) expect(handled.has(sequenceNumber), sequenceNumber).toBe(true);
    // Handled once, though records ahead of the poison went through failed invocations too: one notification.
    const { items } = await json<{ items: { ideaId?: string }[] }>(
      await owner.fetch(portal('/api/notifications')),
      200,
    );
    expect(items.filter((n) => n.ideaId === idea.id)).toHaveLength(1);
  }, 120_000);
});

describe('scheduled jobs', () => {
  it('run from the exact event each rule sends: the weekly digest, search snapshots and every other job', async () => {
    const rule = (job: string) => d.rules.find((r) => (JSON.parse(r.input) as { job: string }).job === job)!;
    expect(rule('digest').schedule).toBe('cron(0 7 ? * MON *)');
    expect(rule('search-snapshots').schedule).toBe('rate(1 hour)');

    // The reader chose the weekly digest; a comment on their idea is an unread notification.
    const idea = await json<{ id: string }>(
      await reader.browser.fetch(portal('/api/ideas'), {
        json: { sectionId, title: 'Oat milk at every counter', body: 'Many of us ask for it every morning.' },
      }),
      201,
    );
    await json(await owner.fetch(portal(`/api/ideas/${idea.id}/comments`), { json: { body: 'We are on it.' } }), 201);
    await eventually(async () => {
      const list = await json<{ items: unknown[] }>(await reader.browser.fetch(portal('/api/notifications')), 200);
      return list.items.length > 0;
    });

    const results = new Map<string, Record<string, number>>();
    for (const r of d.rules) {
      // EventBridge invokes asynchronously: a failure would be retried twice, so one attempt means success.
      const attempts = await d.fire(r);
      expect(
        attempts.map((a) => a.error?.errorMessage ?? 'ok'),
        r.logicalId,
      ).toEqual(['ok']);
      results.set((JSON.parse(r.input) as { job: string }).job, JSON.parse(attempts[0]!.payload!));
    }
    expect(results.get('digest')).toEqual({ sent: 1 });
    const mail = await mailTo(reader.email, /your week/i);
    const portalUrl = d.environment(rule('digest').functionId).PORTAL_URL!.replace('{slug}', slug);
    expect(mail.link).toBe(`${portalUrl}/notifications`);
    expect(results.get('search-snapshots')!.saved).toBeGreaterThanOrEqual(1);
  });
});
