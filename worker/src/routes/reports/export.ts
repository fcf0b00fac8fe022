import { ReportQuery } from "@akrab/contracts";
import type { ReportReads } from "@akrab/db";
import { COVERAGE_CATEGORIES, COVERAGE_LABELS, NATIONAL_READERS, dataAsOf, jakartaDay } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, TenantEnv } from "../../env.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { csvStream } from "../../lib/export/csv-stream.ts";
import type { ExportCell, ExportColumn, ExportTable } from "../../lib/export/table.ts";
import { XLSX_CONTENT_TYPE, xlsxStream } from "../../lib/export/xlsx-stream.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { national } from "../../middleware/national/index.ts";
import { coverageReport } from "../../services/reports.ts";
import { dinsosReaders } from "./access.ts";

const FILES = ["coverage.csv", "coverage.xlsx", "lks.csv", "lks.xlsx"] as const;
const FileParam = z.object({ file: z.enum(FILES).openapi({ description: "The table and the format" }) });
const PAGE = 500;

const description =
  "A report table as a file, streamed (never held whole in memory): `coverage` (one row per area and category counts) or `lks` (the LKS behind the figures, every page). The report's filters apply; the first lines say the time of the data and the filters; text that a spreadsheet would run as a formula is written as text.";

const responses = {
  200: {
    description: "The file",
    content: {
      "text/csv": { schema: z.string() },
      [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
    },
  },
  ...problems(400, 401, 404),
};

function preamble(filter: ReportQuery, computedAt: string | null): string[] {
  const lines = [dataAsOf(computedAt ?? new Date().toISOString())];
  const parts = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`);
  if (parts.length) lines.push(`Filter: ${parts.join("; ")}`);
  return lines;
}

async function table(reads: ReportReads, kind: "coverage" | "lks", filter: ReportQuery): Promise<ExportTable> {
  const freshness = await reads.freshness();
  if (kind === "coverage") {
    const report = await coverageReport(reads, filter, Date.now(), true);
    const columns: ExportColumn[] = [
      { header: "Tingkat", kind: "text" },
      { header: "Kode", kind: "text" },
      { header: "Wilayah / jenis", kind: "text", width: 30 },
      { header: "Status Dinsos", kind: "text" },
      { header: "Jumlah LKS", kind: "number" },
      ...COVERAGE_CATEGORIES.map((c) => ({ header: COVERAGE_LABELS[c].id, kind: "number" as const })),
    ];
    const areas = [report.country, ...report.provinces, ...report.regencies, ...report.types];
    const rows = areas.map((a): ExportCell[] => [
      a.level,
      a.code,
      a.name,
      a.tenant ?? "",
      a.total,
      ...COVERAGE_CATEGORIES.map((c) => a.counts?.[c] ?? null),
    ]);
    return { columns, rows, preamble: preamble(filter, freshness.computedAt), sheetName: "Cakupan" };
  }
  async function* rows(): AsyncIterable<ExportCell[]> {
    let cursor: string | undefined;
    do {
      const page = await reads.lks(filter, { cursor, limit: PAGE });
      if (!page) return;
      for (const l of page.items)
        yield [l.name, l.lksType, l.regionCode, l.regionName, l.tenantSlug, COVERAGE_LABELS[l.category].id];
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return {
    columns: [
      { header: "Nama LKS", kind: "text", width: 40 },
      { header: "Jenis", kind: "text" },
      { header: "Kode kab/kota", kind: "text" },
      { header: "Kab/kota", kind: "text", width: 24 },
      { header: "Dinsos", kind: "text" },
      { header: "Status akreditasi", kind: "text", width: 28 },
    ],
    rows: rows(),
    preamble: preamble(filter, freshness.computedAt),
    sheetName: "LKS",
  };
}

async function respond(reads: ReportReads, file: (typeof FILES)[number], filter: ReportQuery): Promise<Response> {
  const [kind, format] = file.split(".") as ["coverage" | "lks", "csv" | "xlsx"];
  const t = await table(reads, kind, filter);
  const name = `laporan-${kind}-${jakartaDay()}.${format}`;
  return new Response(format === "csv" ? csvStream(t) : xlsxStream(t), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : XLSX_CONTENT_TYPE,
      "content-disposition": contentDisposition(name),
      "cache-control": "no-store",
    },
  });
}

export const nationalReportExportRoute = createRoute({
  method: "get",
  operationId: "reports.nationalExport",
  path: "/api/v1/national/reports/{file}",
  tags: ["Reports"],
  summary: "National: a report table as CSV or XLSX, streamed",
  description,
  security: bearerSecurity,
  middleware: [national({ roles: NATIONAL_READERS })] as const,
  request: { params: FileParam, query: ReportQuery },
  responses,
});

export const nationalReportExport: RouteHandler<typeof nationalReportExportRoute, NationalEnv> = async (c) =>
  respond(c.get("national").reports, c.req.valid("param").file, c.req.valid("query"));

export const tenantReportExportRoute = createRoute({
  method: "get",
  operationId: "reports.tenantExport",
  path: "/api/v1/t/{tenant}/reports/{file}",
  tags: ["Reports"],
  summary: "A tenant: a report table as CSV or XLSX, streamed",
  description,
  security: bearerSecurity,
  middleware: [dinsosReaders] as const,
  request: { params: TenantParam.extend(FileParam.shape), query: ReportQuery },
  responses,
});

export const tenantReportExport: RouteHandler<typeof tenantReportExportRoute, TenantEnv> = async (c) =>
  respond(c.get("scope").reports, c.req.valid("param").file, c.req.valid("query"));
