import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import {
  accreditationDecisions,
  asesors,
  assessmentAssignments,
  reconciliations,
  safeguardingFindings,
  scoreEntries,
  scoreSheets,
  users,
} from "./schema.ts";

export type ReconciliationRow = typeof reconciliations.$inferSelect;
export type DecisionRow = typeof accreditationDecisions.$inferSelect;

/**
 * Reads of reconciled sheets and decisions. `tenantIds` narrows them to the tenants a tenant scope
 * reads (the LKS's and its Dinsos's view of their own decision); national callers read every one,
 * having reached the application through the national scope or the assignment axis first.
 */
export function decisionReads(db: Db, tenantIds?: readonly string[]) {
  const within = (
    column:
      | typeof reconciliations.tenantId
      | typeof accreditationDecisions.tenantId
      | typeof assessmentAssignments.tenantId,
  ) => (tenantIds ? inArray(column, [...tenantIds]) : undefined);
  return {
    /**
     * The accepted team of an application with each member's blind sheet as the domain lines it
     * up (levels by indicator, findings), and when it was submitted (null: not yet, or no sheet).
     */
    async teamSheets(applicationId: string) {
      const team = await db
        .select({
          assignmentId: assessmentAssignments.id,
          asesorId: assessmentAssignments.asesorId,
          role: assessmentAssignments.role,
          name: asesors.name,
          userId: asesors.userId,
          sheetId: scoreSheets.id,
          submittedAt: scoreSheets.submittedAt,
        })
        .from(assessmentAssignments)
        .innerJoin(asesors, eq(asesors.id, assessmentAssignments.asesorId))
        .leftJoin(scoreSheets, eq(scoreSheets.assignmentId, assessmentAssignments.id))
        .where(
          and(
            eq(assessmentAssignments.applicationId, applicationId),
            eq(assessmentAssignments.status, "accepted"),
            within(assessmentAssignments.tenantId),
          ),
        )
        // The lead first (A1 on the report), then members as invited: an order that never changes.
        .orderBy(
          sql`${assessmentAssignments.role} <> 'lead'`,
          assessmentAssignments.assignedAt,
          assessmentAssignments.id,
        );
      const sheetIds = team.flatMap((m) => (m.sheetId ? [m.sheetId] : []));
      const [entries, findings] =
        sheetIds.length === 0
          ? [[], []]
          : await Promise.all([
              db
                .select({ sheetId: scoreEntries.sheetId, indicator: scoreEntries.indicator, level: scoreEntries.level })
                .from(scoreEntries)
                .where(inArray(scoreEntries.sheetId, sheetIds)),
              db
                .select({
                  sheetId: safeguardingFindings.sheetId,
                  indicator: safeguardingFindings.indicator,
                  kind: safeguardingFindings.kind,
                })
                .from(safeguardingFindings)
                .where(inArray(safeguardingFindings.sheetId, sheetIds))
                .orderBy(safeguardingFindings.reportedAt, safeguardingFindings.id),
            ]);
      return team.map((m) => ({
        ...m,
        levels: Object.fromEntries(entries.filter((e) => e.sheetId === m.sheetId).map((e) => [e.indicator, e.level])),
        findings: findings
          .filter((f) => f.sheetId === m.sheetId)
          .map((f) => ({ indicator: f.indicator, kind: f.kind })),
      }));
    },

    async reconciliation(applicationId: string): Promise<ReconciliationRow | null> {
      const [row] = await db
        .select()
        .from(reconciliations)
        .where(and(eq(reconciliations.applicationId, applicationId), within(reconciliations.tenantId)));
      return row ?? null;
    },

    /** The decision with the decider's name. */
    async decision(applicationId: string): Promise<(DecisionRow & { decidedByName: string }) | null> {
      const [row] = await db
        .select({ decision: accreditationDecisions, name: users.name })
        .from(accreditationDecisions)
        .innerJoin(users, eq(users.id, accreditationDecisions.decidedBy))
        .where(and(eq(accreditationDecisions.applicationId, applicationId), within(accreditationDecisions.tenantId)));
      return row ? { ...row.decision, decidedByName: row.name } : null;
    },
  };
}

type SheetChange = Pick<ReconciliationRow, "sheet" | "strengths" | "recommendations">;

/** Writes, each a batch item; pair the conditional ones with `abortIfNothingChanged`. */
export function decisionWrites(db: Db) {
  return {
    /**
     * The team's first write starts the stored sheet (version 1). Two first writes at once: the
     * second inserts nothing (the application has its row), so its guard turns it into a 409.
     */
    startReconciliation(
      input: Pick<ReconciliationRow, "tenantId" | "applicationId" | "instrumentVersionId"> & SheetChange,
    ) {
      const now = isoNow();
      return db
        .insert(reconciliations)
        .values({ ...input, id: newId(), version: 1, createdAt: now, updatedAt: now })
        .onConflictDoNothing();
    },

    /** Replaces the sheet only at `expectedVersion`. */
    updateReconciliation(applicationId: string, expectedVersion: number, change: SheetChange) {
      return db
        .update(reconciliations)
        .set({ ...change, version: expectedVersion + 1, updatedAt: isoNow() })
        .where(and(eq(reconciliations.applicationId, applicationId), eq(reconciliations.version, expectedVersion)));
    },

    /** The decision, once per application (a second is refused by the unique index). */
    recordDecision(input: Omit<DecisionRow, "id" | "decidedAt">) {
      const row: DecisionRow = { ...input, id: newId(), decidedAt: isoNow() };
      return { row, insert: db.insert(accreditationDecisions).values(row) };
    },
  };
}
