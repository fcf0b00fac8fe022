import { ReportExportQuery, type ReportQuery } from "@akrab/contracts";
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
import { dinsosReaders, freshNationalReports, freshTenantReports } from "./access.ts";

const FILES = [
  "coverage.csv",
  "coverage.xlsx",
  "lks.csv",
  "lks.xlsx",
  "applications.csv",
  "applications.xlsx",
] as const;
type Table = "coverage" | "lks" | "applications";
type ExportQuery = ReturnType<typeof ReportExportQuery.parse>;
const FileParam = z.object({ file: z.enum(FILES).openapi({ description: "The table and the format" }) });
const PAGE = 500;

const description =
  "A report table as a file, streamed (never held whole in memory): `coverage` (one row per area and category counts), `lks` (the LKS behind a coverage figure, every page) or `applications` (the applications behind a pipeline or asesor figure, with that list's filters). The report's filters apply; the first lines say the time of the data and the filters; text that a spreadsheet would run as a formula is written as text.";

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

function preamble(filter: ExportQuery, computedAt: string | null): string[] {
  const lines = [dataAsOf(computedAt ?? new Date().toISOString())];
  const parts = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`);
  if (parts.length) lines.push(`Filter: ${parts.join("; ")}`);
  return lines;
}

function reportFilter(query: ExportQuery): ReportQuery {
  const { province, regency, lksType, from, to, grade, category } = query;
  return { province, regency, lksType, from, to, grade, category };
}

async function applicationsTable(reads: ReportReads, query: ExportQuery, computedAt: string | null) {
  const { grade: _g, category: _c, ...filter } = query;
  const now = new Date().toISOString();
  async function* rows(): AsyncIterable<ExportCell[]> {
    let cursor: string | undefined;
    do {
      const page = await reads.applications(filter, { cursor, limit: PAGE }, now);
      if (!page) return;
      for (const a of page.items)
        yield [a.lksName, a.regionCode, a.regionName, a.tenantSlug, a.step, a.at, a.dueAt, a.event, a.applicationId];
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return {
    columns: [
      { header: "Nama LKS", kind: "text", width: 40 },
      { header: "Kode kab/kota", kind: "text" },
      { header: "Kab/kota", kind: "text", width: 24 },
      { header: "Dinsos", kind: "text" },
      { header: "Tahap sekarang", kind: "text" },
      { header: "Waktu", kind: "datetime", width: 20 },
      { header: "Batas SLA", kind: "datetime", width: 20 },
      { header: "Kejadian", kind: "text" },
      { header: "ID permohonan", kind: "text", width: 28 },
    ],
    rows: rows(),
    preamble: preamble(query, computedAt),
    sheetName: "Permohonan",
  } satisfies ExportTable;
}

async function table(reads: ReportReads, kind: Table, query: ExportQuery): Promise<ExportTable> {
  const freshness = await reads.freshness();
  if (kind === "applications") return applicationsTable(reads, query, freshness.computedAt);
  const filter = reportFilter(query);
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
    return { columns, rows, preamble: preamble(query, freshness.computedAt), sheetName: "Cakupan" };
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
    preamble: preamble(query, freshness.computedAt),
    sheetName: "LKS",
  };
}

async function respond(reads: ReportReads, file: (typeof FILES)[number], filter: ExportQuery): Promise<Response> {
  const [kind, format] = file.split(".") as [Table, "csv" | "xlsx"];
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
  middleware: [national({ roles: NATIONAL_READERS }), freshNationalReports] as const,
  request: { params: FileParam, query: ReportExportQuery },
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
  middleware: [dinsosReaders, freshTenantReports] as const,
  request: { params: TenantParam.extend(FileParam.shape), query: ReportExportQuery },
  responses,
});

export const tenantReportExport: RouteHandler<typeof tenantReportExportRoute, TenantEnv> = async (c) =>
  respond(c.get("scope").reports, c.req.valid("param").file, c.req.valid("query"));
