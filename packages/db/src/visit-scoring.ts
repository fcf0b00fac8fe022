import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { documentChecks, documents, safeguardingFindings, scoreEntries, scoreSheets } from "./schema.ts";

export type ScoreSheetRow = typeof scoreSheets.$inferSelect;
export type ScoreEntryRow = typeof scoreEntries.$inferSelect;
export type FindingRow = typeof safeguardingFindings.$inferSelect;
export type DocumentCheckRow = typeof documentChecks.$inferSelect;

/**
 * The asesors' blind score sheets of a tenant's applications (issue 13). Callers reach the
 * assignment first (the asesor axis, or BALKS through the national scope); every statement still
 * carries the tenant, so a foreign id finds nothing. Writes are guarded by versions (entries,
 * checks) or by the device's id (findings) and by the sheet being unsubmitted: a stale or replayed
 * write changes no row, so follow each with `abortIfNothingChanged` where it must have changed one.
 */
export function scoreSheetStore(db: Db, own: { id: string }) {
  const unsubmitted = (sheetId: string) =>
    sql`EXISTS (SELECT 1 FROM score_sheets s WHERE s.id = ${sheetId} AND s.tenant_id = ${own.id} AND s.submitted_at IS NULL)`;
  return {
    async ofAssignment(assignmentId: string): Promise<ScoreSheetRow | null> {
      return (
        (await db.query.scoreSheets.findFirst({
          where: and(eq(scoreSheets.tenantId, own.id), eq(scoreSheets.assignmentId, assignmentId)),
        })) ?? null
      );
    },

    ofApplication(applicationId: string): Promise<ScoreSheetRow[]> {
      return db
        .select()
        .from(scoreSheets)
        .where(and(eq(scoreSheets.tenantId, own.id), eq(scoreSheets.applicationId, applicationId)));
    },

    /** The sheet of an accepted assignment, made on first use; a second call (or a racing one) keeps the first. */
    async open(input: Pick<ScoreSheetRow, "applicationId" | "assignmentId" | "asesorId" | "instrumentVersionId">) {
      await db
        .insert(scoreSheets)
        .values({ ...input, id: newId(), tenantId: own.id, submittedAt: null, createdAt: isoNow() })
        .onConflictDoNothing();
      const row = await this.ofAssignment(input.assignmentId);
      if (!row) throw new Error("Score sheet missing after insert");
      return row;
    },

    async contents(sheetIds: readonly string[]) {
      if (sheetIds.length === 0) return { entries: [], findings: [], checks: [] };
      const ids = [...sheetIds];
      const [entries, findings, checks] = await Promise.all([
        db
          .select()
          .from(scoreEntries)
          .where(and(eq(scoreEntries.tenantId, own.id), inArray(scoreEntries.sheetId, ids)))
          .orderBy(asc(scoreEntries.indicator)),
        db
          .select()
          .from(safeguardingFindings)
          .where(and(eq(safeguardingFindings.tenantId, own.id), inArray(safeguardingFindings.sheetId, ids)))
          .orderBy(asc(safeguardingFindings.reportedAt), asc(safeguardingFindings.id)),
        db
          .select()
          .from(documentChecks)
          .where(and(eq(documentChecks.tenantId, own.id), inArray(documentChecks.sheetId, ids)))
          .orderBy(asc(documentChecks.code)),
      ]);
      return { entries, findings, checks };
    },

    /** Findings with these device ids, whichever sheet holds them (an id is the device's, unique everywhere). */
    async findingsById(ids: readonly string[]): Promise<FindingRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(safeguardingFindings)
        .where(inArray(safeguardingFindings.id, [...ids]));
    },

    /** Photo documents of the given assignments (the documents table holds them; the capture says what). */
    photos(assignmentIds: readonly string[]) {
      if (assignmentIds.length === 0) return Promise.resolve([]);
      return db
        .select()
        .from(documents)
        .where(
          and(
            eq(documents.tenantId, own.id),
            inArray(documents.assignmentId, [...assignmentIds]),
            isNotNull(documents.capture),
          ),
        )
        .orderBy(asc(documents.createdAt), asc(documents.id));
    },

    /**
     * Writes an entry based on `baseVersion` (0: there was none), only while the sheet is not
     * submitted: inserted if nobody wrote it meanwhile, updated only at that version.
     */
    saveEntry(
      sheetId: string,
      entry: { indicator: string; level: number | null; note: string },
      baseVersion: number,
      by: string,
    ) {
      const now = isoNow();
      if (baseVersion === 0)
        return db
          .insert(scoreEntries)
          .select(
            db
              .select({
                tenantId: sql<string>`${own.id}`.as("tenant_id"),
                sheetId: sql<string>`${sheetId}`.as("sheet_id"),
                indicator: sql<string>`${entry.indicator}`.as("indicator"),
                level: sql<number | null>`${entry.level}`.as("level"),
                note: sql<string>`${entry.note}`.as("note"),
                version: sql<number>`1`.as("version"),
                updatedBy: sql<string>`${by}`.as("updated_by"),
                updatedAt: sql<string>`${now}`.as("updated_at"),
              })
              .from(scoreSheets)
              .where(
                and(eq(scoreSheets.id, sheetId), eq(scoreSheets.tenantId, own.id), isNull(scoreSheets.submittedAt)),
              ),
          )
          .onConflictDoNothing();
      return db
        .update(scoreEntries)
        .set({
          level: entry.level,
          note: entry.note,
          version: sql`${scoreEntries.version} + 1`,
          updatedBy: by,
          updatedAt: now,
        })
        .where(
          and(
            eq(scoreEntries.tenantId, own.id),
            eq(scoreEntries.sheetId, sheetId),
            eq(scoreEntries.indicator, entry.indicator),
            eq(scoreEntries.version, baseVersion),
            unsubmitted(sheetId),
          ),
        );
    },

    /** As `saveEntry`, for Formulir C's check of one checklist document. */
    saveCheck(
      sheetId: string,
      check: { code: string; present: boolean | null; note: string },
      baseVersion: number,
      by: string,
    ) {
      const now = isoNow();
      const present = check.present === null ? null : check.present ? 1 : 0;
      if (baseVersion === 0)
        return db
          .insert(documentChecks)
          .select(
            db
              .select({
                tenantId: sql<string>`${own.id}`.as("tenant_id"),
                sheetId: sql<string>`${sheetId}`.as("sheet_id"),
                code: sql<string>`${check.code}`.as("code"),
                present: sql<boolean | null>`${present}`.as("present"),
                note: sql<string>`${check.note}`.as("note"),
                version: sql<number>`1`.as("version"),
                updatedBy: sql<string>`${by}`.as("updated_by"),
                updatedAt: sql<string>`${now}`.as("updated_at"),
              })
              .from(scoreSheets)
              .where(
                and(eq(scoreSheets.id, sheetId), eq(scoreSheets.tenantId, own.id), isNull(scoreSheets.submittedAt)),
              ),
          )
          .onConflictDoNothing();
      return db
        .update(documentChecks)
        .set({
          present: check.present,
          note: check.note,
          version: sql`${documentChecks.version} + 1`,
          updatedBy: by,
          updatedAt: now,
        })
        .where(
          and(
            eq(documentChecks.tenantId, own.id),
            eq(documentChecks.sheetId, sheetId),
            eq(documentChecks.code, check.code),
            eq(documentChecks.version, baseVersion),
            unsubmitted(sheetId),
          ),
        );
    },

    /** A new finding on an unsubmitted sheet; its id already taken (a replay, a race) inserts nothing. */
    addFinding(
      sheet: Pick<ScoreSheetRow, "id" | "applicationId">,
      finding: Pick<FindingRow, "id" | "indicator" | "kind" | "description" | "reportedAt">,
      by: string,
    ) {
      return db
        .insert(safeguardingFindings)
        .select(
          db
            .select({
              id: sql<string>`${finding.id}`.as("id"),
              tenantId: sql<string>`${own.id}`.as("tenant_id"),
              sheetId: sql<string>`${sheet.id}`.as("sheet_id"),
              applicationId: sql<string>`${sheet.applicationId}`.as("application_id"),
              indicator: sql<string>`${finding.indicator}`.as("indicator"),
              kind: sql<FindingRow["kind"]>`${finding.kind}`.as("kind"),
              description: sql<string>`${finding.description}`.as("description"),
              reportedAt: sql<string>`${finding.reportedAt}`.as("reported_at"),
              receivedAt: sql<string>`${isoNow()}`.as("received_at"),
              reportedBy: sql<string>`${by}`.as("reported_by"),
            })
            .from(scoreSheets)
            .where(
              and(eq(scoreSheets.id, sheet.id), eq(scoreSheets.tenantId, own.id), isNull(scoreSheets.submittedAt)),
            ),
        )
        .onConflictDoNothing();
    },

    /** Submits the sheet once; a second submit changes nothing. */
    submit(sheetId: string) {
      return db
        .update(scoreSheets)
        .set({ submittedAt: isoNow() })
        .where(and(eq(scoreSheets.id, sheetId), eq(scoreSheets.tenantId, own.id), isNull(scoreSheets.submittedAt)));
    },
  };
}
