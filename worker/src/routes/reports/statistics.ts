import { PublicStatistics } from "@akrab/contracts";
import { refreshStaleReports, reportReads } from "@akrab/db";
import { DEFAULT_SUPPRESSION_THRESHOLD, LKS_TYPES, dataAsOf, suppressSmallCells } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { jsonResponse, problems } from "../../lib/openapi.ts";

/** Shared caches keep the answer this long; the figures change with the minute cron at most. */
const EDGE_SECONDS = 300;

export const publicStatisticsRoute = createRoute({
  method: "get",
  operationId: "reports.publicStatistics",
  path: "/api/v1/public/statistics",
  tags: ["Public"],
  summary: "Public statistics: LKS and accreditation by province, grade and type (aggregates only)",
  description: `No names, no lists: counts by province and grade, and by LKS type. A count from 1 to ${DEFAULT_SUPPRESSION_THRESHOLD - 1}, and any cell it could be worked out from, is published as null. Cached at the edge for ${EDGE_SECONDS} s.`,
  request: {},
  responses: { 200: jsonResponse(PublicStatistics, "The statistics"), ...problems(400) },
});

const GRADES = ["accredited_a", "accredited_b", "accredited_c"] as const;

export const publicStatistics: RouteHandler<typeof publicStatisticsRoute, AppEnv> = async (c) => {
  // As every report: a roll-up never computed or left stale (no cron under `wrangler dev`) first.
  await refreshStaleReports(c.get("db"), null);
  const reads = reportReads(c.get("db"), null);
  const [groups, areas, freshness] = await Promise.all([reads.coverage({}), reads.areas(), reads.freshness()]);
  const provinces = areas.filter((a) => a.kind === "province");
  const provinceOf = new Map(areas.map((a) => [a.code, a.provinceCode ?? a.code]));
  const onAkrab = new Set(areas.filter((a) => a.tenantStatus === "active").map((a) => a.provinceCode ?? a.code));
  // Province × [A, B, C, not accredited (every other category)], and type × [accredited, not].
  const byProvince = new Map(provinces.map((p) => [p.code, [0, 0, 0, 0]]));
  const byType = new Map(LKS_TYPES.map((t) => [t as string, [0, 0]]));
  const bump = (row: number[] | undefined, column: number, n: number) => {
    if (row) row[column] = (row[column] ?? 0) + n;
  };
  for (const g of groups) {
    const grade = GRADES.indexOf(g.category as (typeof GRADES)[number]);
    bump(byProvince.get(provinceOf.get(g.regionCode) ?? ""), grade === -1 ? 3 : grade, g.n);
    bump(byType.get(g.lksType) ?? byType.get("LKS-LAIN"), grade === -1 ? 1 : 0, g.n);
  }
  const p = suppressSmallCells([...byProvince.values()]);
  const t = suppressSmallCells([...byType.values()]);
  // The accredited total is published only where A, B and C all are: it would otherwise be one
  // more equation to work a hidden grade out from.
  const accredited = (cells: readonly (number | null)[]) =>
    cells.slice(0, 3).every((v) => v !== null) ? (cells[0] ?? 0) + (cells[1] ?? 0) + (cells[2] ?? 0) : null;
  const at = freshness.computedAt ?? new Date().toISOString();
  c.header("cache-control", `public, max-age=0, s-maxage=${EDGE_SECONDS}`);
  return c.json(
    {
      dataAsOf: at,
      dataAsOfText: dataAsOf(at),
      suppressionThreshold: DEFAULT_SUPPRESSION_THRESHOLD,
      country: {
        lks: p.total,
        accredited: accredited(p.columnTotals),
        A: p.columnTotals[0] ?? null,
        B: p.columnTotals[1] ?? null,
        C: p.columnTotals[2] ?? null,
      },
      provinces: provinces.map((prov, i) => {
        const cells = p.cells[i] ?? [];
        return {
          code: prov.code,
          name: prov.name,
          onAkrab: onAkrab.has(prov.code),
          lks: p.rowTotals[i] ?? null,
          accredited: accredited(cells),
          A: cells[0] ?? null,
          B: cells[1] ?? null,
          C: cells[2] ?? null,
        };
      }),
      types: LKS_TYPES.map((type, i) => ({
        type,
        lks: t.rowTotals[i] ?? null,
        accredited: t.cells[i]?.[0] ?? null,
      })),
    },
    200,
  );
};
