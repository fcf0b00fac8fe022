import {
  BLANK_SCORING,
  EVIDENCE_KINDS,
  GRADES,
  INDICATOR_CHANGES,
  INSTRUMENT_STATUSES,
  LKS_TYPES,
  REGULATION_IDS,
} from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { MultilineText, Text } from "./common.ts";

/**
 * Accreditation instruments over the API (issue 12). Only the shape is checked here; whether a
 * version is sound (codes unique, rubrics complete, weights adding up, bands covering the pass mark
 * to 100) is the domain's `validateInstrument`, which every write runs and reports field by field.
 */
const Bilingual = z
  .object({ id: MultilineText().max(2000), en: MultilineText().max(2000) })
  .openapi("Bilingual", { description: "Bahasa Indonesia first (`id`), English second (`en`)" });
const Code = z.string().trim().min(1).max(12).openapi({ example: "2.3.4" });

const RubricLevel = z.object({ score: z.number().int().min(0).max(100), descriptor: Bilingual });
const EvidenceItem = z.object({ kind: z.enum(EVIDENCE_KINDS), key: Text().min(1).max(64), label: Bilingual });

export const InstrumentIndicator = z
  .object({
    code: Code,
    text: Bilingual,
    guidance: Bilingual,
    levels: z.array(RubricLevel).max(10),
    weight: z.number().int(),
    evidence: z.array(EvidenceItem).max(20),
    onSite: z.boolean(),
    safeguarding: z.boolean().openapi({ description: "A finding here blocks any grade whatever the score" }),
  })
  .openapi("InstrumentIndicator");

const Aspect = z.object({ code: Code, name: Bilingual, indicators: z.array(InstrumentIndicator).max(200) });
const Standard = z.object({ code: Code, name: Bilingual, aspects: z.array(Aspect).max(50) });

export const GradeRules = z
  .object({
    componentWeights: z.record(z.string().max(12), z.number()),
    passMark: z.number(),
    componentFloor: z.number(),
    maxComponentsBelowPass: z.number().int(),
    bands: z
      .array(
        z.object({
          grade: z.enum(GRADES),
          min: z.number(),
          max: z.number(),
          validityYears: z.number().int(),
          label: Bilingual,
        }),
      )
      .max(10),
    blanks: z.object({ scoring: z.enum(BLANK_SCORING), maxForGrade: z.number().int().nullable() }),
  })
  .openapi("GradeRules", {
    description: "A configurable default, not the official BALKS weights (which are not published)",
  });

export const InstrumentSummary = z
  .object({
    id: z.string(),
    name: Bilingual,
    regulation: z.object({ id: z.enum(REGULATION_IDS), name: z.string() }),
    lksTypes: z.array(z.enum(LKS_TYPES)),
    status: z.enum(INSTRUMENT_STATUSES),
    basedOn: z.string().nullable(),
    version: z.number().int().openapi({ description: "Bumped by every edit of a draft; send it back to edit" }),
    indicatorCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi("InstrumentSummary");

export const InstrumentList = z.object({ items: z.array(InstrumentSummary) }).openapi("InstrumentList");

export const InstrumentDetail = InstrumentSummary.extend({
  standards: z.array(Standard),
  gradeRules: GradeRules,
  lineage: z.object({ from: z.string(), codes: z.record(z.string(), z.string()) }).nullable(),
  configurableDefault: Bilingual.openapi({
    description:
      "Shown with any weight, cut-off or band: these are a configurable default, not BALKS's official weights",
  }),
}).openapi("InstrumentDetail");
export type InstrumentDetail = z.output<typeof InstrumentDetail>;

export const InstrumentListQuery = z.object({
  status: z.enum(INSTRUMENT_STATUSES).optional(),
  lksType: z.enum(LKS_TYPES).optional(),
});

export const InstrumentDraftCreate = z
  .object({ from: z.string().min(1).max(64).openapi({ description: "A published version to start from" }) })
  .openapi("InstrumentDraftCreate");

/** Where an added or changed indicator goes: its aspect (made when new, then with its name) and standard. */
const IndicatorPlacement = z.object({
  standard: z.object({ code: Code, name: Bilingual.optional() }),
  aspect: z.object({ code: Code, name: Bilingual.optional() }),
  indicator: InstrumentIndicator,
});

export const InstrumentDraftEdit = z
  .object({
    expectedVersion: z.number().int().min(1),
    name: Bilingual.optional(),
    lksTypes: z.array(z.enum(LKS_TYPES)).max(LKS_TYPES.length).optional(),
    regulation: z.enum(REGULATION_IDS).optional(),
    gradeRules: GradeRules.optional(),
    put: z
      .array(IndicatorPlacement)
      .max(300)
      .optional()
      .openapi({ description: "Indicators added, or replaced by code (moved when placed elsewhere)" }),
    remove: z.array(Code).max(300).optional().openapi({ description: "Codes of indicators to remove" }),
  })
  .openapi("InstrumentDraftEdit");
export type InstrumentDraftEdit = z.output<typeof InstrumentDraftEdit>;

export const InstrumentPublish = z.object({ expectedVersion: z.number().int().min(1) }).openapi("InstrumentPublish");

export const InstrumentCompareQuery = z.object({
  from: z.string().min(1).max(64).openapi({ description: "The older version" }),
  to: z.string().min(1).max(64).openapi({ description: "The newer version" }),
});

export const InstrumentComparison = z
  .object({
    from: z.string(),
    to: z.string(),
    added: z.array(z.string()).openapi({ description: "Indicator codes only in `to`" }),
    removed: z.array(z.string()).openapi({ description: "Indicator codes only in `from`" }),
    changed: z.array(z.object({ from: z.string(), to: z.string(), changes: z.array(z.enum(INDICATOR_CHANGES)) })),
    unchanged: z.number().int(),
    codeMap: z.array(z.object({ from: z.string().nullable(), to: z.string().nullable() })),
    componentWeights: z.array(
      z.object({ standard: z.string(), from: z.number().nullable(), to: z.number().nullable() }),
    ),
    rules: z.array(z.enum(["passMark", "componentFloor", "maxComponentsBelowPass", "bands", "blanks"])),
  })
  .openapi("InstrumentComparison");
