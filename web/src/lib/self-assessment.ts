/**
 * The self-assessment page's small rules (the instrument's rules themselves are the domain's:
 * progress, gaps, next unanswered and the score are `@akrab/domain`, the same as the API's).
 */
import { selfAssessmentPath, type InstrumentVersion } from "@akrab/domain";
import type { SelfAssessmentView } from "#lib/api-types.ts";

/** Where an application's self-assessment lives (`code`: scrolled to that indicator). */
export const selfAssessmentHref = (applicationId: string, tenant: string, code?: string): string =>
  selfAssessmentPath(tenant, applicationId, code ? indicatorAnchor(code) : undefined);

/** The element id of an indicator on the page (dots are fine in ids, but not in a CSS selector: keep them out). */
export const indicatorAnchor = (code: string) => `ind-${code.replaceAll(".", "-")}`;

/**
 * The API's instrument detail (the self-assessment's, or a visit pack's) as the domain's version
 * (scoring reads the same standards and rules).
 */
export function scoringInstrument(
  detail: Pick<
    SelfAssessmentView["instrument"],
    "id" | "name" | "regulation" | "lksTypes" | "status" | "standards" | "gradeRules" | "lineage"
  >,
): InstrumentVersion {
  return {
    id: detail.id,
    name: detail.name,
    regulation: detail.regulation.id,
    lksTypes: detail.lksTypes,
    status: detail.status,
    standards: detail.standards,
    gradeRules: detail.gradeRules,
    lineage: detail.lineage,
  };
}

export interface AnswerValues {
  level: number | null;
  note: string;
}

/**
 * The base of an answer change: for each field the person changed, the value the server had when
 * they started (so the server can merge a newer answer field by field). Empty: nothing changed.
 */
export function answerBase(known: AnswerValues, values: AnswerValues): Partial<AnswerValues> {
  const base: Partial<AnswerValues> = {};
  if (known.level !== values.level) base.level = known.level;
  if (known.note !== values.note) base.note = known.note;
  return base;
}

/** "2 dari 5 terisi" over the whole instrument, from the per-standard progress. */
export function totalProgress(progress: readonly { answered: number; total: number }[]): {
  answered: number;
  total: number;
} {
  return progress.reduce((sum, p) => ({ answered: sum.answered + p.answered, total: sum.total + p.total }), {
    answered: 0,
    total: 0,
  });
}
