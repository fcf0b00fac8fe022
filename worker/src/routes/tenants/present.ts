import type { Tenant } from "@akrab/db";
import type { TenantOverview } from "@akrab/contracts";

export function presentTenant(tenant: Tenant, parentSlug: string | null): TenantOverview {
  return {
    slug: tenant.slug,
    name: tenant.name,
    level: tenant.level,
    regionCode: tenant.regionCode,
    status: tenant.status,
    parentSlug,
    createdAt: tenant.createdAt,
  };
}
