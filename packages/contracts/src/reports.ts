import { COVERAGE_CATEGORIES, LKS_TYPES } from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { CursorQuery } from "./common.ts";

/**
 * The reports of issue 15 over the API: coverage, pipeline and asesor work, national
 * (`/api/v1/national/reports/…`) and for one tenant (`/api/v1/t/{tenant}/reports/…`, a province
 * Dinsos over its kab/kota, a kab/kota Dinsos over itself), and the public statistics.
 *
 * Every figure carries `drill`: the list behind it as a route and its query, so the page links a
 * number to exactly the rows it counts (`GET {list route}?{query}` returns them). A row's `drill`
 * names the area; a count per coverage category adds `category=<key>` to it (the per-category
 * drills are not repeated per cell, they would multiply the payload by eleven).
 *
 * Figures come from roll-up tables refreshed per tenant (see worker/src/lib/reports): every
 * response says when its data was computed (`dataAsOf`, the oldest of the areas it covers) and each
 * area row says its own (`computedAt`).
 */
const msg = (id: string, en: string) => `${id} / ${en}`;

const ProvinceCode = z
  .string()
  .regex(/^\d{2}$/, msg("Kode provinsi dua angka", "Province code is two digits"))
  .openapi({ description: "Province code (Kemendagri), e.g. 36" });
const RegencyCode = z
  .string()
  .regex(/^\d{2}\.\d{2}$/, msg("Kode kab/kota seperti 36.71", "Kab/kota code like 36.71"))
  .openapi({ description: "Kab/kota code (Kemendagri), e.g. 36.71" });
const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg("Bulan seperti 2026-01", "Month like 2026-01"))
  .openapi({ description: "A month, YYYY-MM (Jakarta)" });

export const REPORT_VIEWS = ["coverage", "pipeline", "asesors"] as const;
export const ReportView = z.enum(REPORT_VIEWS);
export const CoverageCategoryKey = z.enum(COVERAGE_CATEGORIES);

/** The filters every report takes; the same names are the drill-down list's. */
export const ReportQuery = z.object({
  province: ProvinceCode.optional(),
  regency: RegencyCode.optional(),
  lksType: z.enum(LKS_TYPES, { message: msg("Jenis LKS tidak dikenal", "Unknown LKS type") }).optional(),
  from: Month.optional().openapi({ description: "First month of the period (throughput, visits, decisions)" }),
  to: Month.optional().openapi({ description: "Last month of the period" }),
  grade: z.enum(["A", "B", "C"], { message: msg("Peringkat A, B atau C", "Grade A, B or C") }).optional(),
  category: CoverageCategoryKey.optional().openapi({
    description: "Coverage category (status on the way to accreditation)",
  }),
});
export type ReportQuery = z.output<typeof ReportQuery>;

/** The list behind a figure: which list route, with which query. */
export const ReportDrill = z
  .object({
    list: z.enum(["lks", "applications", "asesors"]),
    query: z.record(z.string(), z.string()),
  })
  .openapi("ReportDrill");

const Freshness = {
  dataAsOf: z.string().openapi({ description: "ISO instant of the oldest data in this response" }),
  dataAsOfText: z.string().openapi({ example: "Data per 1 Des 2026 08:00 WIB" }),
};

const CoverageCounts = z
  .object(
    Object.fromEntries(COVERAGE_CATEGORIES.map((c) => [c, z.number().int()])) as Record<
      (typeof COVERAGE_CATEGORIES)[number],
      z.ZodNumber
    >,
  )
  .openapi("CoverageCounts");

export const CoverageArea = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(["country", "province", "regency", "type"]),
    tenant: z.enum(["on_akrab", "deactivated", "not_onboarded"]).nullable(),
    /** Null when nothing is known: the Dinsos is not on Akrab and no LKS of the area is recorded. */
    counts: CoverageCounts.nullable(),
    total: z.number().int().nullable(),
    kabKotaOnAkrab: z.number().int().optional(),
    kabKotaCount: z.number().int().optional(),
    computedAt: z.string().nullable(),
    drill: ReportDrill,
  })
  .openapi("CoverageArea");

export const CoverageReport = z
  .object({
    ...Freshness,
    categories: z.array(z.object({ key: CoverageCategoryKey, label: z.object({ id: z.string(), en: z.string() }) })),
    country: CoverageArea,
    provinces: z.array(CoverageArea),
    regencies: z.array(CoverageArea),
    types: z.array(CoverageArea),
  })
  .openapi("CoverageReport");
export type CoverageReport = z.output<typeof CoverageReport>;

export const PipelineReport = z
  .object({
    ...Freshness,
    steps: z.array(
      z.object({
        step: z.string(),
        label: z.object({ id: z.string(), en: z.string() }),
        count: z.number().int(),
        medianDays: z.number(),
        p90Days: z.number(),
        longestDays: z.number(),
        overdue: z.number().int(),
        drill: ReportDrill,
      }),
    ),
    slaBreaches: z.array(
      z.object({
        tenant: z.object({ slug: z.string(), name: z.string(), regionCode: z.string() }),
        step: z.string(),
        overdue: z.number().int(),
        drill: ReportDrill,
      }),
    ),
    returns: z.object({
      count: z.number().int(),
      drill: ReportDrill,
      reasons: z.array(z.object({ reason: z.string(), count: z.number().int(), drill: ReportDrill })),
    }),
    throughput: z.array(
      z.object({
        month: z.string(),
        accredited: z.number().int(),
        notAccredited: z.number().int(),
        target: z.number().int(),
        cumulative: z.number().int(),
        cumulativeTarget: z.number().int(),
        drill: ReportDrill,
      }),
    ),
    /** Re-accreditations due per month for 24 months; empty while no certificates are recorded. */
    forecast: z.array(z.object({ month: z.string(), due: z.number().int(), drill: ReportDrill })),
  })
  .openapi("PipelineReport");
export type PipelineReport = z.output<typeof PipelineReport>;

/**
 * Asesor work. Visits and decisions have no tables of their own yet: the time from assignment to
 * visit to decision is read from the application's step events (entering `visit`, `decision`,
 * and a cycle-end step) and may gain fields when the visit and decision records land.
 */
export const AsesorReport = z
  .object({
    ...Freshness,
    asesors: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        provinceCode: z.string(),
        assignments: z.number().int(),
        openAssignments: z.number().int(),
        drill: ReportDrill,
      }),
    ),
    visitsPerMonth: z.array(z.object({ month: z.string(), visits: z.number().int(), drill: ReportDrill })),
    /**
     * Reconciliation flags per asesor pair over the period: the reconciliations two asesors were
     * both on, the indicators both scored, those flagged between them (the sheet flagged it and
     * their levels differ) and the share; the highest share first.
     */
    pairs: z.array(
      z.object({
        asesors: z.array(z.object({ id: z.string(), name: z.string() })).length(2),
        visits: z.number().int(),
        indicators: z.number().int(),
        flagged: z.number().int(),
        share: z.number(),
        drill: ReportDrill,
      }),
    ),
    durations: z.object({
      assignmentToVisitMedianDays: z.number().nullable(),
      visitToDecisionMedianDays: z.number().nullable(),
      assignmentToDecisionMedianDays: z.number().nullable(),
    }),
  })
  .openapi("AsesorReport");
export type AsesorReport = z.output<typeof AsesorReport>;

/** The LKS behind a coverage figure, cursor-paginated. */
export const ReportLksQuery = CursorQuery.extend(ReportQuery.shape);
export const ReportLksItem = z
  .object({
    id: z.string(),
    name: z.string(),
    lksType: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    tenantSlug: z.string(),
    category: CoverageCategoryKey,
  })
  .openapi("ReportLksItem");
export const ReportLksPage = z
  .object({ items: z.array(ReportLksItem), nextCursor: z.string().nullable(), ...Freshness })
  .openapi("ReportLksPage");

/**
 * The applications behind a pipeline or asesor figure, cursor-paginated, under the filters the
 * figure's `drill.query` names. What a row is follows the figure: an open application waiting in a
 * step (`step`, `overdue`, `tenant`), a decision, visit or return in a month (`decidedMonth`,
 * `visitedMonth`, `returned` with `from`/`to`, `reason`), or an asesor's assignment (`asesor`), so
 * the number of rows is the number the figure shows.
 */
export const ReportApplicationFilter = z.object({
  province: ProvinceCode.optional(),
  regency: RegencyCode.optional(),
  lksType: ReportQuery.shape.lksType,
  from: ReportQuery.shape.from,
  to: ReportQuery.shape.to,
  tenant: z
    .string()
    .regex(/^[a-z0-9-]{2,64}$/, msg("Tenant seperti kota-tangerang", "Tenant like kota-tangerang"))
    .optional()
    .openapi({ description: "The tenant (slug) whose applications wait (an SLA breach's list)" }),
  step: z
    .string()
    .regex(/^[a-z_]{2,40}$/, msg("Tahap alur tidak dikenal", "Unknown workflow step"))
    .optional()
    .openapi({ description: "Open applications waiting in this step" }),
  overdue: z
    .enum(["true"], { message: msg("overdue hanya true", "overdue is only true") })
    .optional()
    .openapi({ description: "Only those past their step's SLA" }),
  decidedMonth: Month.optional().openapi({ description: "Decisions of this month (Jakarta)" }),
  outcome: z
    .enum(["accredited", "not_accredited"], { message: msg("Hasil tidak dikenal", "Unknown outcome") })
    .optional()
    .openapi({ description: "With `decidedMonth`: only this outcome" }),
  visitedMonth: Month.optional().openapi({ description: "Visits recorded in this month (Jakarta)" }),
  returned: z
    .enum(["true"], { message: msg("returned hanya true", "returned is only true") })
    .optional()
    .openapi({ description: "Returns for revision over the period (`from`, `to`)" }),
  reason: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "With `returned`: only returns naming this reason (`kind:ref`)" }),
  asesor: z.string().max(64).optional().openapi({ description: "The assignments of this asesor (id)" }),
  pair: z
    .string()
    .regex(/^[\w-]{1,64}~[\w-]{1,64}$/, msg("Pasangan seperti idA~idB", "Pair like idA~idB"))
    .optional()
    .openapi({ description: "Two asesor ids joined by `~`: the reconciliations both were on, over the period" }),
});
export type ReportApplicationFilter = z.output<typeof ReportApplicationFilter>;
export const ReportApplicationsQuery = CursorQuery.extend(ReportApplicationFilter.shape);
export const ReportApplicationItem = z
  .object({
    applicationId: z.string(),
    lksId: z.string(),
    lksName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    tenantSlug: z.string(),
    step: z.string().openapi({ description: "The application's current step" }),
    at: z.string().openapi({
      description:
        "The instant the row is about: entering the step (waiting), the decision, visit or return, or the assignment",
    }),
    dueAt: z.string().nullable().openapi({ description: "The current step's SLA deadline, if any" }),
    event: z.string().nullable().openapi({
      description: "What happened at `at`: the decision's outcome, `visit`, `returned`, or the assignment's status",
    }),
  })
  .openapi("ReportApplicationItem");
export const ReportApplicationsPage = z
  .object({ items: z.array(ReportApplicationItem), nextCursor: z.string().nullable(), ...Freshness })
  .openapi("ReportApplicationsPage");

/** The query of a report export: the report's filters and, for the application list, its own. */
export const ReportExportQuery = ReportQuery.extend(ReportApplicationFilter.shape);

/**
 * The public statistics (`/statistik`): aggregates only, by province, grade and LKS type, with any
 * count below the threshold (and the cells that would give it away) published as `null`.
 */
export const PublicStatistics = z
  .object({
    ...Freshness,
    suppressionThreshold: z.number().int(),
    country: z.object({
      lks: z.number().int().nullable(),
      accredited: z.number().int().nullable(),
      A: z.number().int().nullable(),
      B: z.number().int().nullable(),
      C: z.number().int().nullable(),
    }),
    provinces: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        onAkrab: z.boolean(),
        lks: z.number().int().nullable(),
        accredited: z.number().int().nullable(),
        A: z.number().int().nullable(),
        B: z.number().int().nullable(),
        C: z.number().int().nullable(),
      }),
    ),
    types: z.array(
      z.object({
        type: z.string(),
        lks: z.number().int().nullable(),
        accredited: z.number().int().nullable(),
      }),
    ),
  })
  .openapi("PublicStatistics");
export type PublicStatistics = z.output<typeof PublicStatistics>;
