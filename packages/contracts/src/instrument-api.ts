import { INDICATOR_CHANGES, INSTRUMENT_STATUSES, LKS_TYPES, REGULATION_IDS } from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { GradeRulesSchema, IndicatorSchema, InstrumentVersionSchema } from "./instruments.ts";

/**
 * Instrument versions over the API (issue 12): lists, details, draft edits and comparisons, built
 * on the stored shape of `instruments.ts`. Whether a version is sound is the domain's
 * `validateInstrument`, which every write runs and reports problem by problem.
 */
const { name: Bilingual, standards: Standards, lineage: Lineage } = InstrumentVersionSchema.shape;
const Code = IndicatorSchema.shape.code;

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
  standards: Standards,
  gradeRules: GradeRulesSchema,
  lineage: Lineage,
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
  indicator: IndicatorSchema,
});

export const InstrumentDraftEdit = z
  .object({
    expectedVersion: z.number().int().min(1),
    name: Bilingual.optional(),
    lksTypes: z.array(z.enum(LKS_TYPES)).max(LKS_TYPES.length).optional(),
    regulation: z.enum(REGULATION_IDS).optional(),
    gradeRules: GradeRulesSchema.optional(),
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
