import { describe, expect, it } from 'vitest';
import {
  actorFromSession,
  createSession,
  SESSION_IDLE_SECONDS,
  sessionCookie,
} from '../../functions/core/identity/index.js';
import { forgetMemberSessions } from '../../functions/core/identity/sessions.js';
import { makeMembers, makeTenant } from '../support/tenants.js';

const day = 24 * 3600 * 1000;

describe('sessions', () => {
  it('end after a week without use, and live on while used, up to their 30 days', async () => {
    const tenant = await makeTenant();
    const [m] = await makeMembers(tenant, 1);
    const start = new Date('2026-12-01T10:00:00Z');
    // Days apart, a request never finds the session in the instance's few-second cache.
    const at = (days: number) => {
      forgetMemberSessions(tenant.id, m!.id);
      return new Date(start.getTime() + days * day);
    };

    const idle = await createSession(tenant.id, m!.id, start);
    expect((await actorFromSession(tenant.id, idle, at(6))).kind).toBe('member');
    // Its use on day 6 counts: a week after that, not a week after the start.
    expect((await actorFromSession(tenant.id, idle, at(12))).kind).toBe('member');
    expect((await actorFromSession(tenant.id, idle, at(12 + SESSION_IDLE_SECONDS / 86400 + 1))).kind).toBe('visitor');

    const used = await createSession(tenant.id, m!.id, start);
    for (let d = 5; d < 30; d += 5)
      expect((await actorFromSession(tenant.id, used, at(d))).kind, `day ${d}`).toBe('member');
    // Used every few days, it still ends 30 days after it began.
    expect((await actorFromSession(tenant.id, used, at(31))).kind).toBe('visitor');
  });

  it('are kept in a __Host- cookie over HTTPS, and a plain one on http://localhost', () => {
    expect(sessionCookie('https://cafe.ideas.example.com')).toEqual({ name: '__Host-sid', secure: true });
    expect(sessionCookie('http://cafe.localhost:3000')).toEqual({ name: 'sid', secure: false });
  });
});
