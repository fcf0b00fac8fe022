import type { DecisionRow, NationalScope } from "@akrab/db";
import { DEFAULT_DECISION_RULES, GRADE_LABELS } from "@akrab/domain";
import { findingsOf, reconciledResult, reconciliationState, scoreSummary, type Place } from "./reconciliation.ts";
import { signedOff } from "@akrab/domain";

/**
 * The rules decisions are held to. BALKS's switches for them are not stored yet: until they are,
 * the default applies (a justification of 50 characters for a departure, a plenary of three).
 */
export const decisionRules = () => DEFAULT_DECISION_RULES;

/** The step where BALKS decides, and the two ways out of it the decision takes. */
export const DECISION_STEP = "decision";
export const DECISION_ACTIONS = { accredit: "accredit", not_accredited: "decline" } as const;

export function presentDecision(row: DecisionRow & { decidedByName: string }) {
  return {
    id: row.id,
    applicationId: row.applicationId,
    kind: row.kind,
    grade: row.grade,
    gradeLabel: row.grade ? GRADE_LABELS[row.grade] : GRADE_LABELS.none,
    reasons: row.reasons,
    toFix: row.toFix,
    justification: row.justification,
    departsFromComputed: row.departsFromComputed,
    computed: row.computed,
    plenary: row.plenary,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedByName,
  };
}

/** The decider's page: the record (or null) and everything it is made on. */
export async function nationalDecisionView(scope: Pick<NationalScope, "decisions" | "instruments">, place: Place) {
  const [state, decision] = await Promise.all([
    reconciliationState(scope.decisions, scope.instruments, place),
    scope.decisions.decision(place.application.id),
  ]);
  const verdict = signedOff(state.sheet);
  const rules = decisionRules();
  return {
    application: {
      id: place.application.id,
      step: place.application.step,
      version: place.application.version,
      tenant: { slug: place.tenant.slug, name: place.tenant.name },
      lks: { id: place.lks.id, name: place.lks.name },
    },
    decision: decision ? presentDecision(decision) : null,
    reconciliation: { signedOff: verdict.signedOff, reasons: verdict.reasons },
    computed: scoreSummary(reconciledResult(state)),
    findings: findingsOf(state.sheet),
    strengths: state.strengths,
    recommendations: state.recommendations,
    rules: { minJustification: rules.minJustification, quorum: rules.quorum },
  };
}
