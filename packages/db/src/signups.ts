import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { keyset, toPage } from "./pagination.ts";
import { regions, tenantSignups, tenants } from "./schema.ts";

export type TenantSignupRow = typeof tenantSignups.$inferSelect;
export type SignupWithRegion = TenantSignupRow & { region: typeof regions.$inferSelect };

export function newSignup(
  db: Db,
  input: Pick<
    TenantSignupRow,
    "regionCode" | "officeName" | "officialEmail" | "contactName" | "contactPhone" | "attachTokenHash"
  >,
) {
  const row: TenantSignupRow = {
    id: newId(),
    ...input,
    status: "pending",
    letterKey: null,
    letterFilename: null,
    letterSize: null,
    rejectReason: null,
    reviewedBy: null,
    reviewedAt: null,
    tenantId: null,
    createdAt: isoNow(),
  };
  return { row, insert: db.insert(tenantSignups).values(row) };
}

export async function findSignup(db: Db, id: string): Promise<SignupWithRegion | null> {
  const [row] = await db
    .select({ signup: tenantSignups, region: regions })
    .from(tenantSignups)
    .innerJoin(regions, eq(regions.code, tenantSignups.regionCode))
    .where(eq(tenantSignups.id, id));
  return row ? { ...row.signup, region: row.region } : null;
}

/** Oldest first: sign-ups are a queue to work through. */
export async function listSignups(
  db: Db,
  status: TenantSignupRow["status"],
  page: { cursor?: string | undefined; limit: number },
) {
  const after = keyset(page.cursor, "asc", [tenantSignups.createdAt, tenantSignups.id]);
  if (!after) return null;
  const rows = await db
    .select({ signup: tenantSignups, region: regions })
    .from(tenantSignups)
    .innerJoin(regions, eq(regions.code, tenantSignups.regionCode))
    .where(and(eq(tenantSignups.status, status), after.where))
    .orderBy(...after.orderBy)
    .limit(page.limit + 1);
  return toPage(
    rows.map((r) => ({ ...r.signup, region: r.region })),
    page.limit,
    (s) => [s.createdAt, s.id],
  );
}

export function attachLetter(db: Db, id: string, letter: { key: string; filename: string; size: number }) {
  return db
    .update(tenantSignups)
    .set({ letterKey: letter.key, letterFilename: letter.filename, letterSize: letter.size })
    .where(and(eq(tenantSignups.id, id), eq(tenantSignups.status, "pending")));
}

/** Closes a pending sign-up; returns no row when it was already decided (a second click, a race). */
export function decideSignup(
  db: Db,
  id: string,
  decision: { status: "approved" | "rejected"; reviewedBy: string; tenantId?: string; rejectReason?: string },
) {
  return db
    .update(tenantSignups)
    .set({
      status: decision.status,
      reviewedBy: decision.reviewedBy,
      reviewedAt: isoNow(),
      tenantId: decision.tenantId ?? null,
      rejectReason: decision.rejectReason ?? null,
    })
    .where(and(eq(tenantSignups.id, id), eq(tenantSignups.status, "pending")))
    .returning({ id: tenantSignups.id });
}

/**
 * The new tenant, and the links between provinces and their kab/kota: a kab/kota tenant gets its
 * province tenant as parent if that exists; a new province tenant adopts its existing kab/kota.
 */
export async function tenantCreation(
  db: Db,
  input: {
    region: typeof regions.$inferSelect;
    name: string;
    slug: string;
    contact: { email: string; phone: string; name: string };
  },
) {
  const level = input.region.kind === "province" ? "province" : "kabkota";
  const parent = input.region.provinceCode
    ? await db.query.tenants.findFirst({ where: eq(tenants.regionCode, input.region.provinceCode) })
    : undefined;
  const tenant: typeof tenants.$inferSelect = {
    id: newId(),
    regionCode: input.region.code,
    slug: input.slug,
    name: input.name,
    level,
    parentId: parent?.id ?? null,
    status: "active",
    shard: 0,
    address: null,
    phone: input.contact.phone,
    email: input.contact.email,
    contactName: input.contact.name,
    logoKey: null,
    workflowReviewedAt: null,
    setupDismissedAt: null,
    createdAt: isoNow(),
  };
  const kabKotaOfProvince = inArray(
    tenants.regionCode,
    db.select({ code: regions.code }).from(regions).where(eq(regions.provinceCode, input.region.code)),
  );
  return {
    tenant,
    parentSlug: parent?.slug ?? null,
    insert: db.insert(tenants).values(tenant),
    adoptions:
      level === "province"
        ? [
            db
              .update(tenants)
              .set({ parentId: tenant.id })
              .where(and(eq(tenants.level, "kabkota"), kabKotaOfProvince)),
          ]
        : [],
  };
}
