import type { LksStatus, LksType, Ownership } from "@akrab/domain";
import { and, eq, exists, inArray, isNotNull, lte, ne, or, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { keyset, toPage, type Page } from "./pagination.ts";
import { withinLks } from "./reach.ts";
import { containsText } from "./text-match.ts";
import { lks, lksHistory, memberships, tenants, users } from "./schema.ts";

export type LksRow = typeof lks.$inferSelect;
export type LksWithTenant = LksRow & { tenantSlug: string; tenantName: string };

export interface LksFilter {
  q?: string | undefined;
  type?: LksType | undefined;
  /** One ownership, or every government one. */
  ownership?: Ownership | "government" | undefined;
  status?: LksStatus | undefined;
  district?: string | undefined;
  /** Tanda daftar or izin operasional expiring within this many days from `today`. */
  expiring?: number | undefined;
}

/** Profile columns kept beside the JSON profile for filtering and sorting. */
export interface LksColumns {
  name: string;
  types: string[];
  ownership: LksRow["ownership"];
  institutionKind: LksRow["institutionKind"];
  serviceMode: LksRow["serviceMode"];
  regionCode: string;
  districtCode: string;
  tandaDaftarExpiresOn: string | null;
  izinExpiresOn: string | null;
  profile: Record<string, unknown>;
}

/**
 * LKS rows of a set of tenants: `own` is the tenant in the URL (writes), `readable` adds the
 * kab/kota of a province tenant (reads only), `lksIds` (when set) narrows both to an operator's LKS.
 */
export function lksRegistry(db: Db, own: { id: string }, readable: readonly string[], lksIds?: readonly string[]) {
  const visible = () => and(inArray(lks.tenantId, [...readable]), withinLks(lks.id, lksIds));

  function filtered(filter: LksFilter, today: string) {
    const horizon = filter.expiring
      ? new Date(Date.parse(`${today}T00:00:00Z`) + filter.expiring * 86_400_000).toISOString().slice(0, 10)
      : null;
    return and(
      visible(),
      filter.q ? containsText(lks.name, filter.q) : undefined,
      filter.type
        ? exists(db.select({ one: sql`1` }).from(sql`json_each(${lks.types})`).where(sql`value = ${filter.type}`))
        : undefined,
      ownershipCondition(filter.ownership),
      filter.status ? eq(lks.status, filter.status) : undefined,
      filter.district ? eq(lks.districtCode, filter.district) : undefined,
      horizon
        ? or(
            and(isNotNull(lks.tandaDaftarExpiresOn), lte(lks.tandaDaftarExpiresOn, horizon)),
            and(isNotNull(lks.izinExpiresOn), lte(lks.izinExpiresOn, horizon)),
          )
        : undefined,
    );
  }

  const withTenant = { lks, tenantSlug: tenants.slug, tenantName: tenants.name };
  const flatten = (r: { lks: LksRow; tenantSlug: string; tenantName: string }): LksWithTenant => ({
    ...r.lks,
    tenantSlug: r.tenantSlug,
    tenantName: r.tenantName,
  });

  return {
    /** Null when the cursor is not one this API issued. Sorted by name. */
    async list(
      filter: LksFilter,
      page: { cursor?: string | undefined; limit: number },
      today: string,
    ): Promise<Page<LksWithTenant> | null> {
      const after = keyset(page.cursor, "asc", [lks.name, lks.id]);
      if (!after) return null;
      const rows = await db
        .select(withTenant)
        .from(lks)
        .innerJoin(tenants, eq(tenants.id, lks.tenantId))
        .where(and(filtered(filter, today), after.where))
        .orderBy(...after.orderBy)
        .limit(page.limit + 1);
      return toPage(rows.map(flatten), page.limit, (row) => [row.name, row.id]);
    },

    /** How many LKS match (a home's "waiting for you" count). */
    async count(filter: LksFilter, today: string): Promise<number> {
      const [row] = await db.select({ total: sql<number>`count(*)` }).from(lks).where(filtered(filter, today));
      return row?.total ?? 0;
    },

    async find(id: string): Promise<LksWithTenant | null> {
      const [row] = await db
        .select(withTenant)
        .from(lks)
        .innerJoin(tenants, eq(tenants.id, lks.tenantId))
        .where(and(visible(), eq(lks.id, id)));
      return row ? flatten(row) : null;
    },

    /** Only LKS of the tenant itself: what may be changed through this tenant. */
    async findOwn(id: string): Promise<LksRow | null> {
      return (
        (await db.query.lks.findFirst({
          where: and(eq(lks.tenantId, own.id), eq(lks.id, id), withinLks(lks.id, lksIds)),
        })) ?? null
      );
    },

    insert(input: LksColumns & { status: LksStatus }) {
      const now = isoNow();
      const row: LksRow = {
        id: newId(),
        tenantId: own.id,
        ...input,
        returnComments: [],
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      return { row, insert: db.insert(lks).values(row) };
    },

    /**
     * Applies a change only if the row still has `expectedVersion` and belongs to this tenant;
     * the returned row list is empty when someone else changed it first.
     */
    update(
      id: string,
      expectedVersion: number,
      changes: Partial<LksColumns> & {
        status?: LksStatus;
        returnComments?: LksRow["returnComments"];
        tenantId?: string;
      },
    ) {
      return db
        .update(lks)
        .set({ ...changes, version: sql`${lks.version} + 1`, updatedAt: isoNow() })
        .where(
          and(eq(lks.tenantId, own.id), eq(lks.id, id), withinLks(lks.id, lksIds), eq(lks.version, expectedVersion)),
        )
        .returning({ id: lks.id, version: lks.version });
    },

    /** Moves the LKS's history and its operators' memberships along with it to another tenant. */
    moveRelated(id: string, toTenantId: string) {
      return [
        db.update(lksHistory).set({ tenantId: toTenantId }).where(eq(lksHistory.lksId, id)),
        db
          .update(memberships)
          .set({ tenantId: toTenantId })
          .where(and(eq(memberships.lksId, id), eq(memberships.role, "lks_operator"))),
      ] as const;
    },

    history(
      lksId: string,
      entries: { field: string; oldValue: unknown; newValue: unknown; note?: string }[],
      changedBy: string | null,
    ) {
      const at = isoNow();
      return entries.map((e) =>
        db.insert(lksHistory).values({
          id: newId(),
          tenantId: own.id,
          lksId,
          field: e.field,
          oldValue: e.oldValue ?? null,
          newValue: e.newValue ?? null,
          changedBy,
          note: e.note ?? null,
          changedAt: at,
        }),
      );
    },

    async listHistory(lksId: string, page: { cursor?: string | undefined; limit: number }) {
      const after = keyset(page.cursor, "desc", [lksHistory.changedAt, lksHistory.id]);
      if (!after) return null;
      const rows = await db
        .select({ entry: lksHistory, userName: users.name })
        .from(lksHistory)
        .leftJoin(users, eq(users.id, lksHistory.changedBy))
        .where(
          and(
            eq(lksHistory.lksId, lksId),
            inArray(lksHistory.tenantId, [...readable]),
            withinLks(lksHistory.lksId, lksIds),
            after.where,
          ),
        )
        .orderBy(...after.orderBy)
        .limit(page.limit + 1);
      return toPage(rows, page.limit, (r) => [r.entry.changedAt, r.entry.id]);
    },

    /** The LKS's active operators, to tell them what happened to their registration or application. */
    async operators(lksId: string): Promise<{ userId: string; email: string }[]> {
      return db
        .selectDistinct({ userId: users.id, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.lksId, lksId), eq(memberships.role, "lks_operator"), eq(users.status, "active")));
    },
  };
}

export type LksRegistry = ReturnType<typeof lksRegistry>;

/**
 * A Kemensos unit by id, in whichever tenant holds it: BALKS registers and edits these for the
 * province they sit in (issue 17). Other LKS are never reached this way.
 */
export async function findCentralUnit(db: Db, id: string): Promise<LksWithTenant | null> {
  const [row] = await db
    .select({ lks, tenantSlug: tenants.slug, tenantName: tenants.name })
    .from(lks)
    .innerJoin(tenants, eq(tenants.id, lks.tenantId))
    .where(and(eq(lks.id, id), eq(lks.ownership, "central_government")));
  return row ? { ...row.lks, tenantSlug: row.tenantSlug, tenantName: row.tenantName } : null;
}

/** A national reader's LKS list: where the LKS is (province or kab/kota code) and what it is. */
export interface NationalLksFilter {
  q?: string | undefined;
  type?: LksType | undefined;
  status?: LksStatus | undefined;
  /** One ownership, or every government one (BALKS's list of the Kemensos units it keeps). */
  ownership?: Ownership | "government" | undefined;
  /** A province's Kemendagri code ("36"). */
  province?: string | undefined;
  /** A kab/kota's Kemendagri code ("36.71"). */
  regency?: string | undefined;
}

/**
 * Every LKS of active tenants (BALKS and national viewers read the whole registry), sorted by
 * name; null when the cursor is not one this API issued. Only reached through the national scope.
 */
export async function listNationalLks(
  db: Db,
  filter: NationalLksFilter,
  page: { cursor?: string | undefined; limit: number },
): Promise<Page<LksWithTenant> | null> {
  const after = keyset(page.cursor, "asc", [lks.name, lks.id]);
  if (!after) return null;
  const rows = await db
    .select({ lks, tenantSlug: tenants.slug, tenantName: tenants.name })
    .from(lks)
    .innerJoin(tenants, eq(tenants.id, lks.tenantId))
    .where(
      and(
        eq(tenants.status, "active"),
        filter.q ? containsText(lks.name, filter.q) : undefined,
        filter.type
          ? exists(db.select({ one: sql`1` }).from(sql`json_each(${lks.types})`).where(sql`value = ${filter.type}`))
          : undefined,
        filter.status ? eq(lks.status, filter.status) : undefined,
        ownershipCondition(filter.ownership),
        filter.province ? sql`${lks.regionCode} LIKE ${`${filter.province}.%`}` : undefined,
        filter.regency ? eq(lks.regionCode, filter.regency) : undefined,
        after.where,
      ),
    )
    .orderBy(...after.orderBy)
    .limit(page.limit + 1);
  return toPage(
    rows.map((r) => ({ ...r.lks, tenantSlug: r.tenantSlug, tenantName: r.tenantName })),
    page.limit,
    (row) => [row.name, row.id],
  );
}

/** One ownership, every government one (`government`), or any. */
function ownershipCondition(ownership: Ownership | "government" | undefined) {
  if (ownership === "government") return ne(lks.ownership, "community");
  return ownership ? eq(lks.ownership, ownership) : undefined;
}
