import { describe, expect, it } from 'vitest';
import { updateMe } from '../../functions/core/identity/index.js';
import { createRequest } from '../../functions/core/offer/index.js';
import { LIMITS } from '../../functions/core/ratelimit.js';
import { asMember, makeMembers, makeTenant } from '../support/tenants.js';

const budget = LIMITS['write:account'].max;

/** Every write has a per-account budget, the offers' and the profile's too (not only ideas and votes). */
describe('per-account write limits', () => {
  it('holds a member to their writes per minute, across kinds of writes, and lets the next minute through', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const now = new Date();
    const ctx = asMember(tenant, m!, now);
    for (let n = 0; n < budget; n++) await updateMe(ctx, { displayName: `Name ${n}` });
    await expect(updateMe(ctx, { displayName: 'One too many' })).rejects.toMatchObject({ status: 429 });
    const nextMinute = asMember(tenant, m!, new Date(now.getTime() + 61_000));
    await expect(updateMe(nextMinute, { displayName: 'Later' })).resolves.toMatchObject({ displayName: 'Later' });
  });

  it('counts the offers’ writes too, after the rights are checked', async () => {
    const tenant = await makeTenant();
    const [t] = await makeMembers(tenant, 1);
    const now = new Date();
    const team = { ...asMember(tenant, t!, now), actor: { ...asMember(tenant, t!, now).actor, role: 'team' as const } };
    const request = { title: 'Looking for a recyclable cup lid', need: 'A lid that recycles with the cup it closes.' };
    for (let n = 0; n < budget; n++) await updateMe(team, { displayName: `Team ${n}` });
    await expect(createRequest(team, request)).rejects.toMatchObject({ status: 429 });
    // A member without the right is refused for that, not told to wait.
    const member = asMember(tenant, t!, now);
    await expect(createRequest(member, request)).rejects.toMatchObject({ status: 403 });
  });
});
