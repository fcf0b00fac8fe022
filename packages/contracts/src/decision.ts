import {
  FLAG_CODES,
  GRADES,
  SAFEGUARDING_KINDS,
  SCORE_OUTCOMES,
  SCORE_REASON_CODES,
  SIGN_OFF_CODES,
  TEAM_ROLES,
} from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { MultilineText, Text } from "./common.ts";

/**
 * Reconciliation of the team's blind sheets, the visit report and BALKS's plenary decision over the
 * API (issue 13 "Reconciliation", "The decision"). What is flagged, what may be signed, what the
 * rules compute and whether a decision may be recorded are the domain's rules
 * (`packages/domain/src/assessment/reconcile.ts`, `decision.ts`); these are only the shapes.
 */
const msg = (id: string, en: string) => `${id} / ${en}`;
const Bilingual = z.object({ id: z.string(), en: z.string() });
const Reason = (codes: readonly [string, ...string[]]) => z.object({ code: z.enum(codes), text: Bilingual });
const ExpectedVersion = z
  .number()
  .int()
  .min(0)
  .openapi({ description: "The version the caller last read; a stale one is a 409 and changes nothing" });

/** What the rules compute from a set of levels: total, outcome, grade, and every reason. */
export const ScoreSummary = z
  .object({
    total: z.number().nullable(),
    outcome: z.enum(SCORE_OUTCOMES),
    grade: z.enum(GRADES).nullable(),
    gradeLabel: Bilingual,
    validityYears: z.number().int().nullable(),
    standards: z.array(z.object({ code: z.string(), name: Bilingual, score: z.number().nullable() })),
    reasons: z.array(
      z.object({
        code: z.enum(SCORE_REASON_CODES),
        blocking: z.boolean(),
        text: Bilingual,
        indicators: z.array(z.string()).optional(),
        standard: z.string().optional(),
      }),
    ),
    configurableDefault: Bilingual,
  })
  .openapi("ScoreSummary");

const Finding = z.object({ indicator: z.string(), kind: z.enum(SAFEGUARDING_KINDS), label: Bilingual });

export const ReconciliationView = z
  .object({
    applicationId: z.string(),
    tenant: z.object({ slug: z.string(), name: z.string() }),
    lks: z.object({ id: z.string(), name: z.string() }),
    instrumentVersionId: z.string(),
    version: z
      .number()
      .int()
      .openapi({ description: "0 until the team's first write; send it back as `expectedVersion`" }),
    lead: z.string().openapi({ description: "The lead's asesor id" }),
    team: z.array(
      z.object({
        asesorId: z.string(),
        name: z.string(),
        role: z.enum(TEAM_ROLES),
        signedAt: z.string().nullable(),
      }),
    ),
    indicators: z.array(
      z.object({
        code: z.string(),
        standard: z.string(),
        text: Bilingual,
        safeguarding: z.boolean(),
        levels: z
          .array(z.object({ asesorId: z.string(), level: z.number().nullable() }))
          .openapi({ description: "Each asesor's blind level, in team order; the blind sheets are never changed" }),
        spread: z.number().int().nullable(),
        flags: z.array(Reason(FLAG_CODES)).openapi({ description: "Empty when the rule (the lower level) settles it" }),
        automatic: z.number().nullable(),
        proposal: z.object({ level: z.number(), reason: z.string() }).nullable(),
        responses: z.array(z.object({ asesorId: z.string(), agree: z.boolean(), note: z.string() })),
        reconciled: z
          .number()
          .nullable()
          .openapi({ description: "The level that counts: the rule's, or the agreed proposal; null until agreed" }),
      }),
    ),
    findings: z.array(Finding),
    strengths: z.string(),
    recommendations: z.string(),
    signedOff: z.boolean(),
    reasons: z.array(Reason(SIGN_OFF_CODES)).openapi({ description: "What still stands before sign-off" }),
    result: ScoreSummary.openapi({ description: "The rules on the reconciled levels (the grade the decider sees)" }),
    you: z
      .object({
        asesorId: z.string().nullable(),
        mayPropose: z.boolean(),
        mayRespond: z.boolean(),
        maySign: z.boolean(),
      })
      .openapi({ description: "What the caller may do now" }),
  })
  .openapi("ReconciliationView");
export type ReconciliationView = z.output<typeof ReconciliationView>;

export const ReconciliationProposalWrite = z
  .object({
    level: z.number().finite().openapi({ description: "A level (score) of the indicator's rubric" }),
    reason: MultilineText().max(2000, msg("Alasan paling banyak 2000 karakter", "At most 2000 characters")),
    expectedVersion: ExpectedVersion,
  })
  .openapi("ReconciliationProposalWrite");

export const ReconciliationResponseWrite = z
  .object({
    agree: z.boolean(),
    note: MultilineText()
      .max(2000, msg("Catatan paling banyak 2000 karakter", "At most 2000 characters"))
      .default("")
      .openapi({ description: "Why not, when disagreeing (required then)" }),
    expectedVersion: ExpectedVersion,
  })
  .openapi("ReconciliationResponseWrite");

export const ReconciliationReportWrite = z
  .object({
    strengths: MultilineText().max(5000, msg("Paling banyak 5000 karakter", "At most 5000 characters")),
    recommendations: MultilineText().max(5000, msg("Paling banyak 5000 karakter", "At most 5000 characters")),
    expectedVersion: ExpectedVersion,
  })
  .openapi("ReconciliationReportWrite");

export const ReconciliationSign = z.object({ expectedVersion: ExpectedVersion }).openapi("ReconciliationSign");

const PlenaryOutcome = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("consensus") }),
    z.object({
      kind: z.literal("vote"),
      for: z.number().int().min(0),
      against: z.number().int().min(0),
      abstain: z.number().int().min(0),
    }),
  ])
  .openapi("PlenaryOutcome");

const Plenary = z.object({
  date: z.string().max(10).openapi({ example: "2026-12-05", description: "YYYY-MM-DD (Jakarta), not in the future" }),
  members: z
    .array(Text().max(120))
    .max(50)
    .openapi({ description: "Names of the members present (the quorum is the rules')" }),
  outcome: PlenaryOutcome,
});

export const DecisionCreate = z
  .object({
    kind: z.enum(["accredit", "not_accredited"]),
    grade: z.enum(GRADES).nullable().default(null).openapi({ description: "Required when accrediting" }),
    reasons: MultilineText().max(4000, msg("Paling banyak 4000 karakter", "At most 4000 characters")),
    toFix: z
      .array(MultilineText().max(500, msg("Paling banyak 500 karakter", "At most 500 characters")))
      .max(50)
      .default([])
      .openapi({ description: "What to fix before applying again (at least one when not accredited)" }),
    justification: MultilineText()
      .max(4000, msg("Paling banyak 4000 karakter", "At most 4000 characters"))
      .nullable()
      .default(null)
      .openapi({ description: "Required when the decision departs from the computed outcome" }),
    plenary: Plenary,
    expectedVersion: z.number().int().min(1).openapi({ description: "The application's version" }),
  })
  .openapi("DecisionCreate");

export const DecisionRecord = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    kind: z.enum(["accredit", "not_accredited"]),
    grade: z.enum(GRADES).nullable(),
    gradeLabel: Bilingual,
    reasons: z.string(),
    toFix: z.array(z.string()),
    justification: z.string().nullable(),
    departsFromComputed: z.boolean(),
    computed: z
      .object({ total: z.number().nullable(), outcome: z.enum(SCORE_OUTCOMES), grade: z.enum(GRADES).nullable() })
      .openapi({ description: "What the rules gave when the decision was made" }),
    plenary: Plenary,
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable().openapi({ description: "From the instrument's grade rules" }),
    decidedAt: z.string(),
    decidedBy: z.string().openapi({ description: "The decider's name" }),
  })
  .openapi("DecisionRecord");

/** The decider's page: the record once made, and before it everything it is made on. */
export const NationalDecisionView = z
  .object({
    application: z.object({
      id: z.string(),
      step: z.string(),
      version: z.number().int(),
      tenant: z.object({ slug: z.string(), name: z.string() }),
      lks: z.object({ id: z.string(), name: z.string() }),
    }),
    decision: DecisionRecord.nullable(),
    reconciliation: z.object({ signedOff: z.boolean(), reasons: z.array(Reason(SIGN_OFF_CODES)) }),
    computed: ScoreSummary,
    findings: z.array(Finding),
    strengths: z.string(),
    recommendations: z.string(),
    rules: z.object({ minJustification: z.number().int(), quorum: z.number().int() }),
  })
  .openapi("NationalDecisionView");

/** What the LKS and its Dinsos read of BALKS's decision: nothing but `decision: null` until it is made. */
export const TenantDecisionView = z
  .object({
    decision: DecisionRecord.nullable(),
    strengths: z.string(),
    recommendations: z.string(),
    findings: z.array(Finding),
  })
  .openapi("TenantDecisionView");
