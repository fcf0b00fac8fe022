import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { instrumentVersions, regulationVersions } from "./schema.ts";

export type InstrumentVersionRow = typeof instrumentVersions.$inferSelect;
export type RegulationVersionRow = typeof regulationVersions.$inferSelect;
/** A version without its (large) content and grade rules, with its name and indicator count: what lists show. */
export type InstrumentVersionSummary = Omit<InstrumentVersionRow, "content" | "gradeRules"> & {
  name: { id: string; en: string };
  indicatorCount: number;
};

const summaryColumns = {
  id: instrumentVersions.id,
  regulationId: instrumentVersions.regulationId,
  lksTypes: instrumentVersions.lksTypes,
  status: instrumentVersions.status,
  label: instrumentVersions.label,
  basedOn: instrumentVersions.basedOn,
  version: instrumentVersions.version,
  createdBy: instrumentVersions.createdBy,
  createdAt: instrumentVersions.createdAt,
  updatedBy: instrumentVersions.updatedBy,
  updatedAt: instrumentVersions.updatedAt,
  publishedBy: instrumentVersions.publishedBy,
  publishedAt: instrumentVersions.publishedAt,
  name: sql<{ id: string; en: string }>`json_extract(${instrumentVersions.content}, '$.name')`.mapWith((v: string) =>
    JSON.parse(v),
  ),
  indicatorCount:
    sql<number>`(SELECT count(*) FROM json_each(${instrumentVersions.content}, '$.standards') s, json_each(s.value, '$.aspects') a, json_each(a.value, '$.indicators'))`.mapWith(
      Number,
    ),
};

/** Rows whose LKS types include `lksType` (types are a JSON array). */
const coversType = (lksType: string) =>
  sql`EXISTS (SELECT 1 FROM json_each(${instrumentVersions.lksTypes}) WHERE json_each.value = ${lksType})`;

export interface InstrumentFilter {
  status?: InstrumentVersionRow["status"] | undefined;
  lksType?: string | undefined;
}

/**
 * Reads of instrument versions: national data every tenant reads once published. Newest first
 * (published by publication time, drafts by their last edit).
 */
export function instrumentReads(db: Db, only?: "published") {
  const statusIs = (status: InstrumentVersionRow["status"] | undefined) =>
    status ? eq(instrumentVersions.status, status) : undefined;
  return {
    list: (filter: InstrumentFilter = {}): Promise<InstrumentVersionSummary[]> =>
      db
        .select(summaryColumns)
        .from(instrumentVersions)
        .where(and(statusIs(only ?? filter.status), filter.lksType ? coversType(filter.lksType) : undefined))
        .orderBy(
          desc(sql`coalesce(${instrumentVersions.publishedAt}, ${instrumentVersions.updatedAt})`),
          asc(instrumentVersions.id),
        ),
    find: async (id: string): Promise<InstrumentVersionRow | null> =>
      (await db.query.instrumentVersions.findFirst({
        where: and(eq(instrumentVersions.id, id), statusIs(only)),
      })) ?? null,
    regulations: (): Promise<RegulationVersionRow[]> =>
      db.select().from(regulationVersions).orderBy(asc(regulationVersions.year)),
  };
}

export type NewInstrumentDraft = Pick<
  InstrumentVersionRow,
  "regulationId" | "lksTypes" | "label" | "content" | "gradeRules" | "basedOn"
>;

/**
 * BALKS's writes. Only drafts change: every UPDATE carries `status = 'draft'` and the version the
 * editor saw, so a stale edit or an edit of a published version changes no row (follow it with
 * `abortIfNothingChanged`); the table's trigger refuses the rest.
 */
export function instrumentWrites(db: Db) {
  return {
    /** A new draft, under `id` when it brings its own (an imported workbook names its version). */
    insertDraft(draft: NewInstrumentDraft, by: string, id = newId()) {
      const now = isoNow();
      const row: InstrumentVersionRow = {
        ...draft,
        id,
        status: "draft",
        version: 1,
        createdBy: by,
        createdAt: now,
        updatedBy: by,
        updatedAt: now,
        publishedBy: null,
        publishedAt: null,
      };
      return { row, insert: db.insert(instrumentVersions).values(row) };
    },
    updateDraft(
      id: string,
      expectedVersion: number,
      changes: Partial<Pick<InstrumentVersionRow, "label" | "lksTypes" | "regulationId" | "content" | "gradeRules">>,
      by: string,
    ) {
      return db
        .update(instrumentVersions)
        .set({ ...changes, version: sql`${instrumentVersions.version} + 1`, updatedBy: by, updatedAt: isoNow() })
        .where(draftAt(id, expectedVersion));
    },
    publish(id: string, expectedVersion: number, by: string) {
      const now = isoNow();
      return db
        .update(instrumentVersions)
        .set({
          status: "published",
          version: sql`${instrumentVersions.version} + 1`,
          publishedBy: by,
          publishedAt: now,
        })
        .where(draftAt(id, expectedVersion));
    },
  };
}

const draftAt = (id: string, expectedVersion: number) =>
  and(
    eq(instrumentVersions.id, id),
    eq(instrumentVersions.status, "draft"),
    eq(instrumentVersions.version, expectedVersion),
  );
