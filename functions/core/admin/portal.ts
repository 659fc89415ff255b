import { z } from 'zod';
import { authorize } from '../authz.js';
import type { Ctx } from '../context.js';
import type { Write } from '../db/index.js';
import { DomainError, notFound, parseInput, say } from '../errors/index.js';
import {
  assertReadableTheme,
  forgetTenant,
  TenantSettings,
  type Tenant,
  getTenantById,
  replaceTenant,
} from '../tenant/index.js';
import { auditWrite } from './audit.js';

/** What PATCH /api/admin/portal may change: every setting but the sections (they have their own routes), from a known version. */
export const UpdateSettings = z
  .object({
    ...Object.fromEntries(
      // Defaults are dropped: a field left out of a PATCH keeps its value instead of being reset.
      Object.entries(TenantSettings.omit({ sections: true }).shape).map(([name, field]) => [
        name,
        (field instanceof z.ZodDefault ? field.unwrap() : field).optional(),
      ]),
    ),
    version: z.number().int().min(1),
  })
  .strict() as unknown as z.ZodType<
  Partial<Omit<z.output<typeof TenantSettings>, 'sections'>> & { version: number },
  Partial<Omit<z.input<typeof TenantSettings>, 'sections'>> & { version: number }
>;

/** The rules a whole configuration must keep, whatever changed: readable colours, an enabled default language. */
export function assertConsistent(tenant: Tenant) {
  assertReadableTheme(tenant.theme, tenant.darkTheme);
  if (!tenant.languages.includes(tenant.defaultLang)) {
    throw new DomainError('invalid_input', 400, say('portal.defaultLang'), {
      defaultLang: say('portal.defaultLang'),
    });
  }
  if (!tenant.sections.some((s) => !s.archived)) {
    throw new DomainError('invalid_input', 400, say('portal.lastOpenSection'), {
      sections: say('portal.lastOpenSection'),
    });
  }
}

const versionMoved = () => new DomainError('version_conflict', 409, say('portal.settingsChanged'));

/** The portal's full configuration for its owners and admins, read from the table (not the few-second host cache). */
export async function getSettings(ctx: Ctx): Promise<Tenant> {
  authorize(ctx, 'portal.configure');
  const tenant = await getTenantById(ctx.tenant.id);
  if (!tenant) throw notFound('portal');
  return tenant;
}

/** Writes a new configuration made from `expectedVersion`, with its audit entry, and drops this process's cached copy. */
async function save(
  ctx: Ctx,
  next: Tenant,
  expectedVersion: number,
  action: string,
  detail: Record<string, unknown>,
  alongside: Write[] = [],
) {
  const parsed = parseInput(TenantSettings, next);
  const tenant: Tenant = { ...next, ...parsed, version: expectedVersion + 1 };
  assertConsistent(tenant);
  const saved = await replaceTenant(tenant, expectedVersion, [auditWrite(ctx, action, detail), ...alongside]);
  forgetTenant(ctx.tenant.id);
  return saved ? tenant : undefined;
}

/** Changes settings from the version the admin saw; a version that moved is a 409, never a silent overwrite. */
export async function updateSettings(ctx: Ctx, input: z.input<typeof UpdateSettings>): Promise<Tenant> {
  const current = await getSettings(ctx);
  const { version, ...changes } = parseInput(UpdateSettings, input);
  if (Object.keys(changes).length === 0) throw new DomainError('invalid_input', 400, say('input.nothingToChange'));
  if (version !== current.version) throw versionMoved();
  const saved = await save(ctx, { ...current, ...changes }, version, 'settings.update', changes);
  if (!saved) throw versionMoved();
  return saved;
}

const RETRIES = 5;

/**
 * A change that does not depend on what the admin saw (add a section, set the logo): applied
 * to the latest configuration, read again and re-applied if another save came first.
 */
export async function changeTenant(
  ctx: Ctx,
  action: string,
  change: (current: Tenant) => { next: Tenant; detail: Record<string, unknown>; alongside?: Write[] },
): Promise<Tenant> {
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const current = await getSettings(ctx);
    const { next, detail, alongside } = change(current);
    const saved = await save(ctx, next, current.version, action, detail, alongside);
    if (saved) return saved;
  }
  throw versionMoved();
}
