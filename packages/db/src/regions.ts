import { and, asc, eq, or } from "drizzle-orm";
import { containsText } from "./text-match.ts";
import type { Db } from "./client.ts";
import { regions, tenants } from "./schema.ts";

/** Public region list with each region's onboarding status, for sign-up pickers and the registry. */
export async function listRegions(db: Db, filter: { q?: string | undefined; province?: string | undefined }) {
  const rows = await db
    .select({ region: regions, tenantStatus: tenants.status })
    .from(regions)
    .leftJoin(tenants, eq(tenants.regionCode, regions.code))
    .where(
      and(
        filter.q ? containsText(regions.name, filter.q) : undefined,
        filter.province ? or(eq(regions.code, filter.province), eq(regions.provinceCode, filter.province)) : undefined,
      ),
    )
    .orderBy(asc(regions.code));
  return rows.map((r) => ({ ...r.region, tenantStatus: r.tenantStatus ?? ("not_onboarded" as const) }));
}
