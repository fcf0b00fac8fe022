import { and, asc, desc, eq, gt, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client.ts";
import { keyset, toPage, type Page } from "./pagination.ts";
import { certificateEvents, certificates, publicRegistry, publicRegistryState, regions } from "./schema.ts";
import { containsText } from "./text-match.ts";
import type { CertificateEventRow, CertificateRow } from "./certificates.ts";

export type PublicRegistryRow = typeof publicRegistry.$inferSelect;

export interface PublicRegistryFilter {
  q?: string | undefined;
  province?: string | undefined;
  kabKota?: string | undefined;
  type?: string | undefined;
  grade?: string | undefined;
  status?: "active" | "expiring" | "expired" | "suspended" | "revoked" | undefined;
}

/** `today` and `expiringThrough` from the domain's `statusDayBounds`: the status by date as SQL. */
export interface StatusBounds {
  today: string;
  expiringThrough: string;
}

function statusWhere(status: PublicRegistryFilter["status"], bounds: StatusBounds): SQL | undefined {
  const r = publicRegistry;
  switch (status) {
    case undefined:
      return undefined;
    case "revoked":
    case "suspended":
      return eq(r.hold, status);
    case "expired":
      return and(eq(r.hold, "none"), lt(r.validUntil, bounds.today));
    case "expiring":
      return and(
        eq(r.hold, "none"),
        sql`${r.validUntil} >= ${bounds.today}`,
        lte(r.validUntil, bounds.expiringThrough),
      );
    case "active":
      return and(eq(r.hold, "none"), gt(r.validUntil, bounds.expiringThrough));
  }
}

function filterWhere(filter: PublicRegistryFilter, bounds: StatusBounds): SQL | undefined {
  const r = publicRegistry;
  return and(
    filter.q ? containsText(r.nameKey, filter.q) : undefined,
    filter.province ? eq(r.provinceCode, filter.province) : undefined,
    filter.kabKota ? eq(r.kabKotaCode, filter.kabKota) : undefined,
    filter.type
      ? sql`EXISTS (SELECT 1 FROM json_each(${r.lksTypes}) WHERE json_each.value = ${filter.type})`
      : undefined,
    filter.grade ? eq(r.grade, filter.grade) : undefined,
    statusWhere(filter.status, bounds),
  );
}

/** What anyone may read of the registry (no tenant, no sign-in): rows the migration 0022 triggers keep. */
export function publicRegistryReads(db: Db) {
  return {
    /** The registry's generation (bumped by every certificate change) and when it last changed. */
    async state(): Promise<{ version: number; changedAt: string }> {
      const row = await db.query.publicRegistryState.findFirst({ where: eq(publicRegistryState.id, 1) });
      return row ?? { version: 0, changedAt: new Date(0).toISOString() };
    },
    /** A page in name order; null when the cursor is not one this API issued. */
    async search(
      filter: PublicRegistryFilter,
      bounds: StatusBounds,
      page: { cursor?: string | undefined; limit: number },
    ): Promise<Page<PublicRegistryRow> | null> {
      const k = keyset(page.cursor, "asc", [publicRegistry.nameKey, publicRegistry.lksId]);
      if (!k) return null;
      const rows = await db
        .select()
        .from(publicRegistry)
        .where(and(filterWhere(filter, bounds), k.where))
        .orderBy(...k.orderBy)
        .limit(page.limit + 1);
      return toPage(rows, page.limit, (row) => [row.nameKey, row.lksId]);
    },
    /** The provinces, and the kab/kota of `province` when given: the registry page's pickers. */
    async areas(province: string | undefined) {
      const rows = await db
        .select({ code: regions.code, name: regions.name, kind: regions.kind })
        .from(regions)
        .where(
          province
            ? sql`${regions.kind} = 'province' OR ${regions.provinceCode} = ${province}`
            : eq(regions.kind, "province"),
        )
        .orderBy(asc(regions.code));
      return {
        provinces: rows.filter((r) => r.kind === "province").map(({ code, name }) => ({ code, name })),
        kabKota: rows.filter((r) => r.kind !== "province").map(({ code, name }) => ({ code, name })),
      };
    },
    /** One LKS's registry row with all its certificates (and their events), or null. */
    async lks(id: string): Promise<{
      row: PublicRegistryRow;
      certificates: (CertificateRow & { events: CertificateEventRow[] })[];
    } | null> {
      const row = await db.query.publicRegistry.findFirst({ where: eq(publicRegistry.lksId, id) });
      if (!row) return null;
      const certs = await db
        .select()
        .from(certificates)
        .where(eq(certificates.lksId, id))
        .orderBy(desc(certificates.issuedAt), desc(certificates.id));
      const events = certs.length
        ? await db
            .select()
            .from(certificateEvents)
            .where(
              inArray(
                certificateEvents.certificateId,
                certs.map((c) => c.id),
              ),
            )
            .orderBy(asc(certificateEvents.at), asc(certificateEvents.id))
        : [];
      return {
        row,
        certificates: certs.map((c) => ({ ...c, events: events.filter((e) => e.certificateId === c.id) })),
      };
    },
  };
}
