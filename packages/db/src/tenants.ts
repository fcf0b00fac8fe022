import { eq } from "drizzle-orm";
import type { Db } from "./client.ts";
import { tenants } from "./schema.ts";

export type Tenant = typeof tenants.$inferSelect;

/** Tenants are looked up by slug from the URL; only active ones are reachable. */
export async function findActiveTenantBySlug(db: Db, slug: string): Promise<Tenant | null> {
  const tenant = await db.query.tenants.findFirst({ where: eq(tenants.slug, slug) });
  return tenant && tenant.status === "active" ? tenant : null;
}
