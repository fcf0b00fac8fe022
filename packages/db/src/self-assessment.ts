import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow } from "./client.ts";
import { indicatorEvidence, selfAssessmentAnswers } from "./schema.ts";

export type AnswerRow = typeof selfAssessmentAnswers.$inferSelect;
export type EvidenceLinkRow = typeof indicatorEvidence.$inferSelect;

/**
 * The self-assessment (Formulir A answers, Formulir B evidence links) of applications. Callers
 * reach the application through the scope's application store first (tenant and LKS axes); every
 * statement here still carries the tenant, so a foreign application id finds nothing.
 */
export function selfAssessmentStore(db: Db, own: { id: string }, readable: readonly string[]) {
  return {
    answers(applicationId: string): Promise<AnswerRow[]> {
      return db
        .select()
        .from(selfAssessmentAnswers)
        .where(
          and(
            inArray(selfAssessmentAnswers.tenantId, [...readable]),
            eq(selfAssessmentAnswers.applicationId, applicationId),
          ),
        )
        .orderBy(asc(selfAssessmentAnswers.indicator));
    },

    links(applicationId: string): Promise<EvidenceLinkRow[]> {
      return db
        .select()
        .from(indicatorEvidence)
        .where(
          and(inArray(indicatorEvidence.tenantId, [...readable]), eq(indicatorEvidence.applicationId, applicationId)),
        )
        .orderBy(asc(indicatorEvidence.indicator), asc(indicatorEvidence.linkedAt));
    },

    /**
     * Writes an answer based on `baseVersion` (0: there was none): a first answer is inserted only
     * if nobody answered meanwhile, a later one updated only at that version. Either way a stale
     * write changes no row, so follow it with `abortIfNothingChanged` in the same batch.
     */
    saveAnswer(
      applicationId: string,
      answer: { indicator: string; level: number | null; note: string },
      baseVersion: number,
      by: string,
    ) {
      const now = isoNow();
      if (baseVersion === 0)
        return db
          .insert(selfAssessmentAnswers)
          .values({ tenantId: own.id, applicationId, ...answer, version: 1, updatedBy: by, updatedAt: now })
          .onConflictDoNothing();
      return db
        .update(selfAssessmentAnswers)
        .set({
          level: answer.level,
          note: answer.note,
          version: sql`${selfAssessmentAnswers.version} + 1`,
          updatedBy: by,
          updatedAt: now,
        })
        .where(
          and(
            eq(selfAssessmentAnswers.tenantId, own.id),
            eq(selfAssessmentAnswers.applicationId, applicationId),
            eq(selfAssessmentAnswers.indicator, answer.indicator),
            eq(selfAssessmentAnswers.version, baseVersion),
          ),
        );
    },

    /** Links a document to an indicator; linking it again changes nothing. */
    link(applicationId: string, indicator: string, documentId: string, by: string) {
      return db
        .insert(indicatorEvidence)
        .values({ tenantId: own.id, applicationId, indicator, documentId, linkedBy: by, linkedAt: isoNow() })
        .onConflictDoNothing();
    },

    unlink(applicationId: string, indicator: string, documentId: string) {
      return db
        .delete(indicatorEvidence)
        .where(
          and(
            eq(indicatorEvidence.tenantId, own.id),
            eq(indicatorEvidence.applicationId, applicationId),
            eq(indicatorEvidence.indicator, indicator),
            eq(indicatorEvidence.documentId, documentId),
          ),
        )
        .returning({ documentId: indicatorEvidence.documentId });
    },
  };
}
