import { expect } from 'vitest';
import { system, type Role } from '../../functions/core/context.js';
import { createMemberWithPassword } from './members.js';
import { client } from './http.js';
import { hostOf, makeTenant, type Settings } from './tenants.js';

export const PASSWORD = 'a long enough secret phrase';
export const ROLES: Role[] = ['owner', 'admin', 'team', 'partner', 'member', 'juror'];

/** A fresh portal with one account per role (`<role>@example.test`), and a signed-in API client for any of them. */
export async function portalWithRoles(overrides: Settings = {}) {
  const tenant = await makeTenant(overrides);
  const members = Object.fromEntries(
    await Promise.all(
      ROLES.map(
        async (role) =>
          [
            role,
            await createMemberWithPassword(
              { tenant, actor: system },
              { email: `${role}@example.test`, displayName: role, lang: 'en', role, password: PASSWORD },
            ),
          ] as const,
      ),
    ),
  ) as unknown as Record<Role, { id: string }>;
  const as = async (role: Role) => {
    const web = client(hostOf(tenant));
    expect((await web.post('/api/auth/signin', { email: `${role}@example.test`, password: PASSWORD })).status).toBe(
      200,
    );
    return web;
  };
  return { tenant, members, as };
}
