import { z } from 'zod';
import { nowIso, requireSystem } from '../context.js';
import { newId } from '../ids.js';
import { DisplayName, Email, insertMember, RoleSchema, type Member } from '../member/index.js';
import { Lang } from '../tenant/index.js';
import { hashPassword } from './password.js';
import { fn } from '../fn.js';

export const CreateMember = z.object({
  email: Email,
  displayName: DisplayName,
  lang: Lang,
  role: RoleSchema.default('member'),
  password: z.string().min(12).max(128).optional(),
  verified: z.boolean().default(true),
});

/** An account made by the platform itself (demo seed, first owner of a new portal). */
export const createMember = /* @__PURE__ */ fn(
  requireSystem,
  CreateMember,
  async (ctx, { password, verified, ...data }): Promise<Member> => {
    const at = nowIso(ctx);
    return insertMember(ctx, {
      id: newId(),
      ...data,
      status: 'active',
      emailPrefs: 'instant',
      createdAt: at,
      ...(verified ? { verifiedAt: at } : {}),
      ...(password ? { passwordHash: await hashPassword(password) } : {}),
    });
  },
);
