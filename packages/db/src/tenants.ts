import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "./client.ts";
import { keyset, toPage } from "./pagination.ts";
import { regions, tenants } from "./schema.ts";

export type Tenant = typeof tenants.$inferSelect;

/** Tenants are looked up by slug from the URL; only active ones are reachable. */
export async function findActiveTenantBySlug(db: Db, slug: string): Promise<Tenant | null> {
  const tenant = await findTenantBySlug(db, slug);
  return tenant && tenant.status === "active" ? tenant : null;
}

export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant | null> {
  return (await db.query.tenants.findFirst({ where: eq(tenants.slug, slug) })) ?? null;
}

export async function findTenantById(db: Db, id: string): Promise<Tenant | null> {
  return (await db.query.tenants.findFirst({ where: eq(tenants.id, id) })) ?? null;
}

/** The kab/kota tenants a province tenant oversees. */
export async function childTenantIds(db: Db, provinceTenantId: string): Promise<string[]> {
  const rows = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.parentId, provinceTenantId));
  return rows.map((r) => r.id);
}

/**
 * Which Dinsos serves an address in this kab/kota: its own tenant if active, otherwise its
 * province's (an LKS may register with the province, DOMAIN.md), otherwise none.
 */
export async function servingTenant(db: Db, regencyCode: string): Promise<Tenant | null> {
  const [provinceCode = regencyCode] = regencyCode.split(".");
  const rows = await db
    .select()
    .from(tenants)
    .where(and(inArray(tenants.regionCode, [regencyCode, provinceCode]), eq(tenants.status, "active")));
  return rows.find((t) => t.regionCode === regencyCode) ?? rows.find((t) => t.regionCode === provinceCode) ?? null;
}

export async function findTenantByRegion(db: Db, regionCode: string): Promise<Tenant | null> {
  return (await db.query.tenants.findFirst({ where: eq(tenants.regionCode, regionCode) })) ?? null;
}

export async function findRegion(db: Db, code: string) {
  return (await db.query.regions.findFirst({ where: eq(regions.code, code) })) ?? null;
}

export async function listTenants(db: Db, page: { cursor?: string | undefined; limit: number }) {
  const after = keyset(page.cursor, "asc", [tenants.regionCode]);
  if (!after) return null;
  const rows = await db
    .select()
    .from(tenants)
    .where(after.where)
    .orderBy(...after.orderBy)
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (t) => [t.regionCode]);
}

export function setTenantStatus(db: Db, tenantId: string, status: Tenant["status"]) {
  return db.update(tenants).set({ status }).where(eq(tenants.id, tenantId)).returning();
}

/** Slug of each tenant id given, for responses that name parents. */
export async function tenantSlugs(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: tenants.id, slug: tenants.slug })
    .from(tenants)
    .where(or(...ids.map((id) => eq(tenants.id, id))));
  return new Map(rows.map((r) => [r.id, r.slug]));
}
