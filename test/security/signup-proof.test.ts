import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUp } from '../../functions/core/identity/index.js';
import { getTenantById } from '../../functions/core/tenant/index.js';
import { readOutbox } from '../../functions/local/outbox.js';
import { mailSent } from '../support/outbox.js';
import { client } from '../support/http.js';
import { solve } from '../support/proof.js';
import { portalWithRoles } from '../support/roles.js';
import { hostOf, makeTenant } from '../support/tenants.js';

const PASSWORD = 'a long enough secret phrase';
// Addresses of this file only: other files run beside it and share the local outbox.
const RUN = randomBytes(3).toString('hex');
const person = (n: number | string) => ({
  email: `proof-${RUN}-${n}@example.test`,
  password: PASSWORD,
  displayName: `P${n}`,
});
const mailsTo = async (email: string) => {
  await mailSent();
  return (await readOutbox()).filter((m) => m.to === email).length;
};

/** Past the owner's rate of sign-ups an hour, the form asks a proof of work; below it, nothing. */
describe('sign-up proof of work', () => {
  it('asks one network for a proof past its rate; a proof works once, for this portal only', async () => {
    const tenant = await makeTenant({ signupProof: { perPortal: 100, perAddress: 2 } });
    const web = client(hostOf(tenant));
    for (const n of [1, 2]) expect((await web.post('/api/auth/signup', person(n))).status).toBe(202);

    const refused = await web.post('/api/auth/signup', person(3));
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('proof_required');
    expect(refused.json.error.fields.proof).toBeTruthy();
    expect(await mailsTo(person(3).email)).toBe(0);

    const challenge = (await web.post('/api/auth/signup/challenge')).json;
    expect(challenge).toMatchObject({ bits: 16, challenge: expect.stringMatching(/^[\w-]{43}$/) });
    const proof = await solve(challenge);
    // A nonce that does not reach the bits, and a challenge never handed out, are refused.
    const [, nonce] = proof.split('.');
    const wrong = `${challenge.challenge}.${nonce === '0' ? '1' : '0'}`;
    expect((await web.post('/api/auth/signup', { ...person(3), proof: wrong })).status).toBe(403);
    const made = await solve({ challenge: 'x'.repeat(43), bits: 16 });
    expect((await web.post('/api/auth/signup', { ...person(3), proof: made })).status).toBe(403);
    // Another portal's challenge is not this one's.
    const elsewhere = await makeTenant();
    const foreign = await solve((await client(hostOf(elsewhere)).post('/api/auth/signup/challenge')).json);
    expect((await web.post('/api/auth/signup', { ...person(3), proof: foreign })).status).toBe(403);

    expect((await web.post('/api/auth/signup', { ...person(3), proof })).status).toBe(202);
    expect(await mailsTo(person(3).email)).toBe(1);
    expect((await web.post('/api/auth/signup', { ...person(4), proof })).json.error.code).toBe('proof_required');
  }, 60_000);

  it('asks every network once the whole portal passes its rate, which the owner sees and sets', async () => {
    const { tenant, as } = await portalWithRoles({ signupProof: { perPortal: 3, perAddress: 5 } });
    let settings = tenant;
    const from = (n: number) => ({
      tenant: settings,
      actor: { kind: 'visitor' as const },
      request: { origin: `http://${hostOf(tenant)}`, address: `198.51.100.${n}` },
    });
    for (const n of [1, 2, 3]) await signUp(from(n), person(n));
    await expect(signUp(from(4), person(4))).rejects.toMatchObject({ code: 'proof_required', status: 403 });

    const owner = await as('owner');
    const seen = (await owner.get('/api/admin/signups')).json;
    expect(seen).toEqual({ thisHour: 4, perPortal: 3, perAddress: 5 });
    const version = (await owner.get('/api/admin/portal')).json.version;
    const set = await owner.patch('/api/admin/portal', { version, signupProof: { perPortal: 50, perAddress: 5 } });
    expect(set.status).toBe(200);
    settings = (await getTenantById(tenant.id))!;
    await expect(signUp(from(5), person(5))).resolves.toBeUndefined();
    expect((await owner.get('/api/admin/signups')).json).toEqual({ thisHour: 5, perPortal: 50, perAddress: 5 });
    // Members do not see it.
    expect((await (await as('member')).get('/api/admin/signups')).status).toBe(403);
  }, 60_000);
});
