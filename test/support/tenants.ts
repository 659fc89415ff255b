import { randomBytes } from 'node:crypto';
import { system, type Ctx } from '../../functions/core/context.js';
import { type Member } from '../../functions/core/member/index.js';
import { createMember } from '../../functions/core/identity/system-accounts.js';
import { createTenant, type Tenant } from '../../functions/core/tenant/index.js';
import type { z } from 'zod';
import type { CreateTenant } from '../../functions/core/tenant/index.js';

export type Settings = Partial<z.input<typeof CreateTenant>>;

/** A fresh portal for one test, with a random slug, so tests run in parallel without cleanup. */
export async function makeTenant(overrides: Settings = {}): Promise<Tenant> {
  return createTenant(
    { actor: system },
    {
      slug: `t-${randomBytes(5).toString('hex')}`,
      name: { en: 'Test portal', fr: 'Portail de test' },
      defaultLang: 'en',
      languages: ['en', 'fr'],
      theme: { primary: '#1d4ed8', accent: '#b45309', surface: '#ffffff', text: '#111111', font: 'system' },
      sections: [
        { id: 'product', name: { en: 'Product' }, categories: [{ id: 'drinks', name: { en: 'Drinks' } }] },
        { id: 'experience', name: { en: 'Experience' } },
      ],
      ...overrides,
    },
  );
}

export async function makeMembers(tenant: Tenant, count: number): Promise<Member[]> {
  const ctx: Ctx = { tenant, actor: system };
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      createMember(ctx, { email: `m${i}@example.test`, displayName: `Member ${i}`, lang: 'en' }),
    ),
  );
}

export const asMember = (tenant: Tenant, member: Member, now?: Date): Ctx => ({
  tenant,
  actor: { kind: 'member', memberId: member.id, role: 'member', verified: true },
  now,
});

export const asVisitor = (tenant: Tenant): Ctx => ({ tenant, actor: { kind: 'visitor' } });

export const hostOf = (tenant: Tenant) => `${tenant.slug}.localhost`;

/** A member acting with their own role (team, partner...), as a signed-in request would. */
export const actingAs = (tenant: Tenant, member: Member, now?: Date): Ctx => ({
  tenant,
  actor: { kind: 'member', memberId: member.id, role: member.role, verified: true, displayName: member.displayName },
  now,
});
