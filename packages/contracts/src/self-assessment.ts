import { ANSWER_LEFT_REASONS, GRADES, LEVEL_CHANGES, SCORE_OUTCOMES, SCORE_REASON_CODES } from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { MultilineText } from "./common.ts";
import { InstrumentDetail } from "./instrument-api.ts";

/**
 * The LKS's self-assessment over the API (issue 12): Formulir A answers per indicator of the
 * application's instrument, Formulir B evidence, progress per standard and the score estimate.
 * Which levels an indicator takes and what completes it are the domain's rules.
 */
const msg = (id: string, en: string) => `${id} / ${en}`;
const Bilingual = z.object({ id: z.string(), en: z.string() });
const IndicatorCode = z
  .string()
  .max(12)
  .regex(/^[0-9.]+$/, msg("Kode indikator berupa angka bertitik, mis. 2.3.4", "An indicator code, e.g. 2.3.4"));

const Level = z
  .number()
  .finite()
  .nullable()
  .openapi({ description: "The rubric level's score the LKS believes it meets; null leaves it blank" });
const Note = MultilineText().max(
  2000,
  msg("Catatan paling banyak 2000 karakter", "A note has at most 2000 characters"),
);

export const SelfAssessmentAnswer = z
  .object({
    indicator: z.string(),
    level: z.number().nullable(),
    note: z.string(),
    version: z.number().int().openapi({ description: "Bumped by every save; send it back as `baseVersion`" }),
    updatedAt: z.string(),
  })
  .openapi("SelfAssessmentAnswer");

/** One answer as a device sends it: its values, the version it started from and, per field it changed, the value it started from. */
const AnswerWrite = z.object({
  level: Level,
  note: Note,
  baseVersion: z
    .number()
    .int()
    .min(0)
    .openapi({ description: "The answer's version the device started from; 0 when it had none" }),
  base: z
    .object({ level: Level.optional(), note: z.string().max(2000).optional() })
    .optional()
    .openapi({
      description:
        "For each field the device changed, its value when it started. Sent, a newer answer on the server merges field by field (409 with `conflicts` only where both changed the same field differently)",
    }),
});

export const SelfAssessmentAnswerWrite = AnswerWrite.openapi("SelfAssessmentAnswerWrite");

export const SelfAssessmentBatch = z
  .object({
    answers: z
      .array(AnswerWrite.extend({ indicator: IndicatorCode }))
      .min(1, msg("Minimal satu jawaban", "At least one answer"))
      .max(250, msg("Paling banyak 250 jawaban sekali kirim", "At most 250 answers at once")),
  })
  .openapi("SelfAssessmentBatch");

export const EvidenceLink = z.object({ documentId: z.string().min(1).max(64) }).openapi("EvidenceLink", {
  description: "A document of the same application or LKS, linked without sending it again",
});

export const SelfAssessmentEvidence = z
  .object({
    indicator: z.string(),
    documentId: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    uploadedAt: z.string(),
    linked: z
      .boolean()
      .openapi({ description: "True when linked from elsewhere; false when uploaded to this indicator" }),
  })
  .openapi("SelfAssessmentEvidence");

export const SelfAssessmentView = z
  .object({
    instrument: InstrumentDetail.extend({ pinned: z.boolean() }),
    answers: z.array(SelfAssessmentAnswer),
    evidence: z.array(SelfAssessmentEvidence),
    progress: z.array(
      z.object({
        code: z.string(),
        name: Bilingual,
        answered: z.number().int(),
        total: z.number().int(),
        label: Bilingual.openapi({ example: { id: "23 dari 41 terisi", en: "23 of 41 answered" } }),
        unanswered: z.array(z.string()),
      }),
    ),
    missing: z
      .array(z.object({ indicator: z.string(), missing: z.enum(["answer", "evidence"]), message: Bilingual }))
      .openapi({ description: "What keeps the self-assessment from being complete, in instrument order" }),
    estimate: z
      .object({
        label: Bilingual.openapi({ example: { id: "Perkiraan", en: "Estimate" } }),
        configurableDefault: Bilingual,
        total: z.number().nullable(),
        outcome: z.enum(SCORE_OUTCOMES),
        grade: z.enum(GRADES).nullable(),
        gradeLabel: Bilingual,
        standards: z.array(z.object({ code: z.string(), name: Bilingual, score: z.number().nullable() })),
        reasons: z.array(z.object({ code: z.enum(SCORE_REASON_CODES), blocking: z.boolean(), text: Bilingual })),
      })
      .openapi({ description: "The domain's scoring of the LKS's own levels: an estimate, not a result" }),
    mayEdit: z
      .boolean()
      .openapi({ description: "The caller is the LKS's operator and the application is with the LKS" }),
  })
  .openapi("SelfAssessmentView");
export type SelfAssessmentView = z.output<typeof SelfAssessmentView>;

const Row = z.object({ indicator: z.string(), text: Bilingual, weight: z.number(), level: z.number().nullable() });
export const FormulirCView = z
  .object({
    title: Bilingual,
    application: z.object({ id: z.string(), lksName: z.string(), tenantName: z.string() }),
    instrument: z.object({ id: z.string(), name: Bilingual }),
    configurableDefault: Bilingual,
    standards: z.array(
      z.object({
        code: z.string(),
        name: Bilingual,
        rows: z.array(
          Row.extend({
            levels: z.array(z.object({ score: z.number(), descriptor: Bilingual })),
            evidence: z.array(z.object({ filename: z.string(), documentId: z.string() })),
            expectedEvidence: z.array(Bilingual),
            onSite: z.boolean(),
          }),
        ),
      }),
    ),
    generatedAt: z.string(),
  })
  .openapi("FormulirC", {
    description:
      "Formulir C, the document scoring sheet: per standard and indicator the LKS's level and evidence, with empty columns for the asesor",
  });
export type FormulirCView = z.output<typeof FormulirCView>;

const CycleScore = z
  .object({ level: z.number().nullable(), score: z.number().nullable() })
  .openapi({ description: "An indicator's level and its 0–100 score (null when blank)" });

export const PreviousCycleView = z
  .object({
    previous: z
      .object({
        applicationId: z.string(),
        step: z.string(),
        submittedAt: z.string().nullable(),
        instrument: z.object({ id: z.string(), name: Bilingual }),
      })
      .nullable()
      .openapi({ description: "Null when the LKS has no earlier completed cycle (then `rows` is empty)" }),
    current: z.object({ instrument: z.object({ id: z.string(), name: Bilingual }) }),
    totals: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
    rows: z.array(
      z.object({
        from: z.string().nullable().openapi({ description: "The indicator's code in the previous cycle's instrument" }),
        to: z.string().nullable().openapi({ description: "Its code in this application's instrument" }),
        before: CycleScore.nullable(),
        after: CycleScore.nullable(),
        delta: z.number().nullable().openapi({ description: "After minus before, in points of 0–100" }),
        reconciled: z
          .object({
            before: z.number().nullable(),
            after: z.number().nullable(),
            change: z.enum(LEVEL_CHANGES).nullable().openapi({ description: "Null unless both levels are there" }),
          })
          .nullable()
          .openapi({
            description:
              "The asesor team's reconciled levels in each cycle (what BALKS decides on). Null for callers who may not see them: the LKS's operators, and the Dinsos before BALKS has decided this cycle",
          }),
      }),
    ),
    configurableDefault: Bilingual,
  })
  .openapi("PreviousCycle", {
    description:
      "A re-accreditation beside the LKS's previous completed cycle, indicator by indicator, even across instrument versions (followed through the code map)",
  });
export type PreviousCycleView = z.output<typeof PreviousCycleView>;

/** What starting from the last cycle's answers did. */
export const SelfAssessmentStart = z
  .object({
    previous: z.object({ applicationId: z.string(), instrument: z.object({ id: z.string(), name: Bilingual }) }),
    answers: z
      .array(SelfAssessmentAnswer)
      .openapi({ description: "The answers copied, as stored (each at version 1: its history starts here)" }),
    left: z.array(z.object({ indicator: z.string(), from: z.string(), reason: z.enum(ANSWER_LEFT_REASONS) })).openapi({
      description:
        "Answers of the last cycle not copied: `changed` (wording or rubric changed; `indicator` is this cycle's code), `removed` (not in this instrument; `indicator` is the old code), `invalid_level`",
    }),
  })
  .openapi("SelfAssessmentStart");
