import { errorFields, log } from '../log/index.js';
import { z } from 'zod';
import { system, type Ctx } from '../context.js';
import { writeAllOrNothing } from '../db/index.js';
import { DomainError, parseInput, say } from '../errors/index.js';
import { newId } from '../ids.js';
import { hashPassword, NewPassword, issueToken } from '../identity/index.js';
import { sendTemplate } from '../mail/index.js';
import { DisplayName, Email, newMemberWrites, type Member } from '../member/index.js';
import { hit } from '../ratelimit.js';
import { Lang, Slug, type Tenant, getTenantIdBySlug, newTenantWrites, portalOrigin } from '../tenant/index.js';
import { auditWrite } from './audit.js';
import { defaultSettings } from './defaults.js';

/** Host names the platform keeps for itself (and words that would mislead visitors). */
export const RESERVED_SLUGS = new Set([
  'www',
  'api',
  'app',
  'admin',
  'administrator',
  'platform',
  'portal',
  'portals',
  'mail',
  'email',
  'smtp',
  'imap',
  'ftp',
  'static',
  'assets',
  'cdn',
  'img',
  'images',
  'media',
  'files',
  'uploads',
  'auth',
  'login',
  'signin',
  'signup',
  'account',
  'accounts',
  'help',
  'support',
  'status',
  'blog',
  'docs',
  'dev',
  'staging',
  'test',
  'demo',
  'root',
  'security',
  'billing',
  'dashboard',
  'console',
  'localhost',
  'ns1',
  'ns2',
  'mx',
  'webmail',
  'autodiscover',
  'official',
  'abuse',
  'postmaster',
]);

export const OpenPortal = z
  .object({
    name: z.string().trim().min(2).max(80),
    // "  Cafe " is the address "cafe": what people type is forgiven before the rule applies.
    slug: z.string().trim().toLowerCase().pipe(Slug),
    lang: Lang,
    owner: z.object({ displayName: DisplayName, email: Email, password: NewPassword }).strict(),
  })
  .strict();

/** Whether an address is free: well-formed, not reserved, not taken. */
export async function slugAvailability(
  slugInput: string,
): Promise<{ slug: string; available: boolean; reason?: 'invalid' | 'reserved' | 'taken' }> {
  const parsed = Slug.safeParse(slugInput.trim().toLowerCase());
  if (!parsed.success) return { slug: slugInput, available: false, reason: 'invalid' };
  const slug = parsed.data;
  if (RESERVED_SLUGS.has(slug)) return { slug, available: false, reason: 'reserved' };
  if (await getTenantIdBySlug(slug)) return { slug, available: false, reason: 'taken' };
  return { slug, available: true };
}

export interface OpenedPortal {
  tenant: Tenant;
  /** The portal's own origin, e.g. `http://cafe.localhost:3000`. */
  origin: string;
  ownerId: string;
  /** Single-use, two minutes: signs the owner in on the portal's own host (see signInWithHandoff). */
  handoff: string;
}

/**
 * Any company opens a portal from the platform's page: the portal (slug claimed if free), its
 * owner's account and the first audit entry are written in one transaction, so a failure leaves
 * neither a portal without owner nor an owner without portal.
 */
export async function openPortal(
  request: { address: string; platformUrl: URL },
  input: z.input<typeof OpenPortal>,
  now = new Date(),
): Promise<OpenedPortal> {
  const data = parseInput(OpenPortal, input);
  if (RESERVED_SLUGS.has(data.slug))
    throw new DomainError('slug_reserved', 409, say('portal.slugReserved'), { slug: say('portal.slugReserved') });
  await hit({ tenant: { id: 'platform' }, now }, 'portal:address', request.address);
  await hit({ tenant: { id: 'platform' }, now }, 'portal:email', data.owner.email);
  const at = now.toISOString();
  const tenant: Tenant = {
    ...defaultSettings(data.name, data.lang),
    slug: data.slug,
    id: newId(),
    createdAt: at,
    version: 1,
  };
  const owner: Member = {
    id: newId(),
    email: data.owner.email,
    displayName: data.owner.displayName,
    lang: data.lang,
    role: 'owner',
    status: 'active',
    emailPrefs: 'instant',
    passwordHash: await hashPassword(data.owner.password),
    createdAt: at,
  };
  const ctx: Ctx = {
    tenant,
    actor: { kind: 'member', memberId: owner.id, role: 'owner', displayName: owner.displayName },
    now,
  };
  const written = await writeAllOrNothing([
    ...newTenantWrites(tenant),
    ...newMemberWrites(tenant.id, owner),
    auditWrite(ctx, 'portal.open', { slug: tenant.slug, name: data.name }),
  ]);
  if (!written.ok) throw new DomainError('slug_taken', 409, say('portal.slugTaken'), { slug: say('portal.slugTaken') });
  const origin = portalOrigin(tenant.slug, request.platformUrl);
  const systemCtx: Ctx = { tenant, actor: system, now, request: { origin, address: request.address } };
  const handoff = await issueToken(systemCtx, 'handoff', { memberId: owner.id });
  // The portal is open: a verification e-mail that fails to leave must not make it look as if it were not (the owner can ask again).
  try {
    const verify = await issueToken(systemCtx, 'verify', { memberId: owner.id });
    await sendTemplate(systemCtx, {
      to: owner.email,
      lang: owner.lang,
      template: 'verify',
      link: `${origin}/verify?token=${encodeURIComponent(verify)}`,
      params: { name: owner.displayName },
    });
  } catch (error) {
    log('error', 'portal opened, verification e-mail not queued', errorFields(error));
  }
  return { tenant, origin, ownerId: owner.id, handoff };
}
