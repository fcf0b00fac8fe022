import {
  BLANK_SCORING,
  EVIDENCE_KINDS,
  GRADES,
  INSTRUMENT_PROBLEM_CODES,
  INSTRUMENT_STATUSES,
  LKS_TYPES,
  REGULATION_IDS,
  SAFEGUARDING_KINDS,
  type Answers,
  type InstrumentProblem,
  type InstrumentVersion,
  type SheetProblem,
} from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { MultilineText, Text } from "./common.ts";

const msg = (id: string, en: string) => `${id} / ${en}`;

/**
 * The shape of an instrument version as it is stored (a JSON column) and sent. Only shape and size
 * are checked here; whether codes, weights, rubrics and bands make a sound instrument is the
 * domain's `validateInstrument`, which reports every problem with where it is.
 */
const bilingual = (max: number, multiline = false) => {
  const text = () =>
    (multiline ? MultilineText() : Text()).max(max, msg(`Paling banyak ${max} karakter`, `At most ${max} characters`));
  return z.object({
    id: text().openapi({ description: "Bahasa Indonesia" }),
    en: text().openapi({ description: "English" }),
  });
};
const Code = z
  .string()
  .max(12)
  .regex(/^[0-9.]+$/, msg("Kode berupa angka bertitik, mis. 2.3.4", "A dotted number code, e.g. 2.3.4"));
const Score = z.number().finite();

export const RubricLevelSchema = z.object({ score: Score, descriptor: bilingual(500, true) }).openapi("RubricLevel");

export const IndicatorSchema = z
  .object({
    code: Code.openapi({ example: "2.3.4" }),
    text: bilingual(1000, true),
    guidance: bilingual(2000, true),
    levels: z.array(RubricLevelSchema).max(101),
    weight: Score,
    evidence: z
      .array(z.object({ kind: z.enum(EVIDENCE_KINDS), key: z.string().max(40), label: bilingual(200) }))
      .max(20),
    onSite: z.boolean(),
    safeguarding: z.boolean(),
  })
  .openapi("Indicator");

export const GradeRulesSchema = z
  .object({
    componentWeights: z.record(Code, Score),
    passMark: Score,
    componentFloor: Score,
    maxComponentsBelowPass: Score,
    bands: z
      .array(
        z.object({
          grade: z.enum(GRADES),
          min: Score,
          max: Score,
          validityYears: Score,
          label: bilingual(80),
        }),
      )
      .max(GRADES.length),
    blanks: z.object({ scoring: z.enum(BLANK_SCORING), maxForGrade: Score.nullable() }),
  })
  .openapi("GradeRules", {
    description: "A configurable default, not the official BALKS weights (which are not published)",
  });

export const InstrumentVersionSchema = z
  .object({
    id: z.string().max(64),
    name: bilingual(200),
    regulation: z.enum(REGULATION_IDS),
    lksTypes: z.array(z.enum(LKS_TYPES)).max(LKS_TYPES.length),
    status: z.enum(INSTRUMENT_STATUSES),
    standards: z
      .array(
        z.object({
          code: Code,
          name: bilingual(200),
          aspects: z
            .array(z.object({ code: Code, name: bilingual(200), indicators: z.array(IndicatorSchema).max(100) }))
            .max(30),
        }),
      )
      .max(12),
    gradeRules: GradeRulesSchema,
    lineage: z.object({ from: z.string().max(64), codes: z.record(Code, Code) }).nullable(),
  })
  .openapi("InstrumentVersion");

/** Answers of a self-assessment or an asesor's scores, by indicator code. */
export const AnswersSchema = z
  .object({
    levels: z.record(Code, Score.nullable()),
    findings: z
      .array(z.object({ indicator: Code, kind: z.enum(SAFEGUARDING_KINDS) }))
      .max(50)
      .openapi({ description: "Safeguarding findings: any one blocks every grade" }),
  })
  .openapi("Answers");

export const InstrumentProblemSchema = z
  .object({
    code: z.enum(INSTRUMENT_PROBLEM_CODES),
    message: bilingual(500),
    where: z.object({
      standard: z.string().optional(),
      aspect: z.string().optional(),
      indicator: z.string().optional(),
      level: z.number().optional(),
      levelIndex: z.number().int().optional(),
      evidence: z.string().optional(),
      band: z.string().optional(),
      field: z.string().optional(),
    }),
  })
  .openapi("InstrumentProblem");

export const SheetProblemSchema = z
  .object({
    sheet: z.string(),
    row: z.number().int().nullable(),
    column: z.string().nullable().openapi({ example: "D" }),
    header: z.string().nullable().openapi({ example: "bobot" }),
    message: bilingual(500),
  })
  .openapi("SheetProblem", { description: "A spreadsheet import problem, by sheet, row (the header is 1) and column" });

// What zod accepts must be what the domain takes, and what the domain returns must fit the schema.
true satisfies z.output<typeof InstrumentVersionSchema> extends InstrumentVersion ? true : false;
true satisfies InstrumentVersion extends z.input<typeof InstrumentVersionSchema> ? true : false;
true satisfies z.output<typeof AnswersSchema> extends Answers ? true : false;
true satisfies InstrumentProblem extends z.input<typeof InstrumentProblemSchema> ? true : false;
true satisfies SheetProblem extends z.input<typeof SheetProblemSchema> ? true : false;
