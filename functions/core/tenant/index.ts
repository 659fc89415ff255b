import { createHash } from 'node:crypto';
import { z } from 'zod';
import { requireSystem, type Actor, type Ctx } from '../context.js';
import { keys } from '../db/index.js';
import { DomainError, parseInput, say, says } from '../errors/index.js';
import { newId } from '../ids.js';
import { assertReadableTheme } from './contrast.js';
import { FONT_STACKS } from './fonts.js';
import { config } from '../config.js';
import { BRAND_IMAGES, Slug, TenantSettings, type BrandImageKind, type Tenant } from './schema.js';
import { forgetTenant, normaliseHost } from './host.js';
import { brandFilePath, putBrandFile } from './brand-files.js';
import { insertTenant, putDomain, queryPublicTenants, updateTenantImage } from './store.js';
import { fn } from '../fn.js';

export { hostFromHeaders, resolveHost, type Site } from './host.js';
export { getTenantById } from './store.js';
export { BRAND_PATH_PATTERN, copyToBrandFile, deleteBrandFile, isBrandFilePath } from './brand-files.js';
export * from './schema.js';

export const CreateTenant = TenantSettings.extend({ slug: Slug });

/** A new portal: its slug is claimed atomically with its record; colours must pass WCAG AA. */
export async function createTenant(
  ctx: { actor: Actor; now?: Date },
  input: z.input<typeof CreateTenant>,
): Promise<Tenant> {
  requireSystem(ctx);
  const settings = parseInput(CreateTenant, input);
  assertReadableTheme(settings.theme, settings.darkTheme);
  if (!settings.languages.includes(settings.defaultLang)) {
    throw new DomainError('invalid_input', 400, say('portal.defaultLang'), {
      defaultLang: say('portal.defaultLang'),
    });
  }
  const tenant: Tenant = { ...settings, id: newId(), createdAt: (ctx.now ?? new Date()).toISOString(), version: 1 };
  if (!(await insertTenant(tenant))) {
    throw new DomainError('slug_taken', 409, say('portal.slugTaken'), { slug: say('portal.slugTaken') });
  }
  return tenant;
}

/** Platform page: the public portals, newest first. */
export async function listPublicPortals(limit = 50): Promise<Tenant[]> {
  return queryPublicTenants(Math.min(Math.max(limit, 1), 100));
}

const SystemImage = z.object({
  kind: z.enum(BRAND_IMAGES).default('logo'),
  contentType: z.enum(['image/svg+xml', 'image/png']),
  body: z
    .custom<Uint8Array>((b) => b instanceof Uint8Array, say('input.invalidValue'))
    .refine((b) => b.byteLength > 0 && b.byteLength <= 512 * 1024, says('portal.imageBytes')),
});

/**
 * Stores a brand image the platform itself supplies (the demo seed's logos and hero images) under
 * the tenant's S3 prefix; its content hash versions the URL for caching.
 */
export const setSystemBrandImage = /* @__PURE__ */ fn(
  requireSystem,
  SystemImage,
  async (ctx, { kind, contentType, body }): Promise<Tenant> => {
    const version = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const key = keys.brandAsset(ctx.tenant.id, `${kind}-${version}`);
    await putBrandFile(key, body, contentType);
    const image = { key, contentType, version };
    if (!(await updateTenantImage(ctx.tenant.id, kind, image, ctx.tenant.version)))
      throw new DomainError('version_conflict', 409, say('portal.changed'));
    forgetTenant(ctx.tenant.id);
    return { ...ctx.tenant, [kind]: image, version: ctx.tenant.version + 1 };
  },
);

/**
 * Marks a custom domain as verified for this tenant. The DNS TXT check that precedes it in
 * AWS comes with the branding work; locally and in tests this is the override.
 */
export async function addVerifiedDomain(ctx: Ctx, hostInput: string): Promise<string> {
  requireSystem(ctx);
  const host = parseInput(z.string().regex(/^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/), normaliseHost(hostInput));
  if (!(await putDomain(ctx.tenant.id, host, (ctx.now ?? new Date()).toISOString()))) {
    throw new DomainError('domain_taken', 409, say('portal.domainTaken'), { domain: say('portal.domainTaken') });
  }
  return host;
}

/** A brand image's path on the portal's own host, versioned so it can be cached for good. */
export const brandImagePath = (tenant: Tenant, kind: BrandImageKind) => brandFilePath(tenant, tenant[kind]);
export const logoPath = (tenant: Tenant) => brandImagePath(tenant, 'logo');

/** A portal's own origin, seen from a URL of the platform (same scheme and port: `http://cafe.localhost:3000`). */
export function portalOrigin(slug: string, platformUrl: URL): string {
  const port = platformUrl.port ? `:${platformUrl.port}` : '';
  return `${platformUrl.protocol}//${slug}.${config().PLATFORM_DOMAIN}${port}`;
}

/** A portal's address in what is sent off the request path (e-mails, digests): PORTAL_URL with its {slug}. */
export const portalAddress = (slug: string) => config().PORTAL_URL.replace('{slug}', slug);

/** What a visitor of a closed portal may know: enough to draw its sign-in page in its colours. */
export function brandingOf(tenant: Tenant): PublicConfig {
  return {
    ...publicConfig(tenant),
    sections: [],
    welcome: undefined,
    charter: undefined,
    statusLabels: {},
    offerSectors: [],
  };
}

/** What a visitor (or member) may see of the portal: everything public, or only the branding when it is closed to them. */
export function configFor(ctx: Ctx) {
  return ctx.tenant.visibility !== 'public' && ctx.actor.kind === 'visitor'
    ? brandingOf(ctx.tenant)
    : publicConfig(ctx.tenant);
}

/** What any visitor may know of a portal: its name, theme, languages and open sections. */
export function publicConfig(tenant: Tenant) {
  return {
    slug: tenant.slug,
    name: tenant.name,
    tagline: tenant.tagline,
    welcome: tenant.welcome,
    defaultLang: tenant.defaultLang,
    languages: tenant.languages,
    theme: { ...tenant.theme, fontStack: FONT_STACKS[tenant.theme.font] },
    // Served from S3 by the edge (core/tenant/brand-files.ts), never through a function.
    logoUrl: logoPath(tenant),
    faviconUrl: brandImagePath(tenant, 'favicon'),
    heroUrl: brandImagePath(tenant, 'hero'),
    charter: tenant.charter,
    footerLinks: tenant.footerLinks,
    statusLabels: tenant.statusLabels,
    visibility: tenant.visibility,
    votingMode: tenant.votingMode,
    sections: tenant.sections
      .filter((s) => !s.archived)
      .map(({ id, name, description, categories }) => ({ id, name, description, categories })),
    offerSectors: tenant.offerSectors,
  };
}
export type PublicConfig = ReturnType<typeof publicConfig>;
export * from './browser.js';
/** The zod enum (schema.ts) and the type (lang.ts) share the name. */
export { Lang } from './schema.js';

export { assertReadableTheme } from './contrast.js';
export { cnameTargets, txtRecords } from './dns.js';
export { FONT_STACKS, themeCss } from './fonts.js';
export { forgetHost, forgetTenant, forwardedClientAddress, normaliseHost, visitorOrigin } from './host.js';
export { domainClaim, getTenantIdBySlug, newTenantWrites, replaceTenant } from './store.js';
