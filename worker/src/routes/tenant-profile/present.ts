import { findTenantById, type Tenant } from "@akrab/db";
import type { Db } from "@akrab/db";
import type { TenantProfile } from "@akrab/contracts";

export async function presentTenantProfile(db: Db, tenant: Tenant): Promise<TenantProfile> {
  const parent = tenant.parentId ? await findTenantById(db, tenant.parentId) : null;
  return {
    slug: tenant.slug,
    name: tenant.name,
    level: tenant.level,
    regionCode: tenant.regionCode,
    address: tenant.address,
    phone: tenant.phone,
    email: tenant.email,
    contactName: tenant.contactName,
    hasLogo: tenant.logoKey !== null,
    parent: parent ? { slug: parent.slug, name: parent.name } : null,
  };
}
