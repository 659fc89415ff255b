import type { Ctx } from '$core/context';
import type { Lang } from '$core/tenant/schema';
import type { Tenant } from '$core/tenant/schema';

declare global {
  namespace App {
    interface Locals {
      site: { kind: 'platform' } | { kind: 'tenant'; tenant: Tenant; ctx: Ctx } | { kind: 'unknown'; host: string };
      lang: Lang;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
