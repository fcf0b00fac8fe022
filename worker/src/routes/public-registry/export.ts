import { PublicRegistryExportQuery } from "@akrab/contracts";
import { publicRegistryReads } from "@akrab/db";
import { LKS_TYPE_LABELS, dataAsOf, jakartaDay, statusDayBounds, type LksType } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { csvStream } from "../../lib/export/csv-stream.ts";
import type { ExportCell, ExportColumn } from "../../lib/export/table.ts";
import { problems } from "../../lib/openapi.ts";
import { presentRegistryRow } from "./present.ts";

const PAGE = 500;

export const publicRegistryExportRoute = createRoute({
  method: "get",
  operationId: "publicRegistry.export",
  path: "/api/v1/public/lks.csv",
  tags: ["Certificates"],
  summary: "The public registry as open data (CSV, no sign-in)",
  description:
    "The same rows and filters as the search, every page, streamed as CSV (UTF-8 with BOM). The first lines say when the registry last changed, the day the statuses were computed for, and the filters. Text a spreadsheet would run as a formula is written as text.",
  request: { query: PublicRegistryExportQuery },
  responses: {
    200: { description: "The CSV file", content: { "text/csv": { schema: z.string() } } },
    ...problems(400),
  },
});

const COLUMNS: ExportColumn[] = [
  { header: "Nama LKS", kind: "text" },
  { header: "Kode provinsi", kind: "text" },
  { header: "Provinsi", kind: "text" },
  { header: "Kode kab/kota", kind: "text" },
  { header: "Kab/kota", kind: "text" },
  { header: "Jenis", kind: "text" },
  { header: "Nomor sertifikat", kind: "text" },
  { header: "Peringkat", kind: "text" },
  { header: "Berlaku dari", kind: "date" },
  { header: "Berlaku sampai", kind: "date" },
  { header: "Status", kind: "text" },
  { header: "Status (en)", kind: "text" },
  { header: "Sejak", kind: "text" },
  { header: "Alasan", kind: "text" },
  { header: "Jumlah sertifikat", kind: "number" },
  { header: "Id LKS", kind: "text" },
];

export const publicRegistryExport: RouteHandler<typeof publicRegistryExportRoute, AppEnv> = async (c) => {
  const filter = c.req.valid("query");
  const now = new Date();
  const today = jakartaDay(now);
  const reads = publicRegistryReads(c.get("db"));
  const state = await reads.state();
  async function* rows(): AsyncIterable<ExportCell[]> {
    let cursor: string | undefined;
    do {
      const page = await reads.search(filter, statusDayBounds(today), { cursor, limit: PAGE });
      if (!page) return;
      for (const row of page.items) {
        const l = presentRegistryRow(row, today);
        yield [
          l.name,
          l.province.code,
          l.province.name,
          l.kabKota.code,
          l.kabKota.name,
          l.types.map((t) => LKS_TYPE_LABELS[t as LksType] ?? t).join("; "),
          l.certificate.number,
          l.certificate.grade,
          l.certificate.validFrom,
          l.certificate.validUntil,
          l.certificate.statusLabel.id,
          l.certificate.statusLabel.en,
          l.certificate.statusSince ?? "",
          l.certificate.statusReason ?? "",
          l.certificates,
          l.id,
        ];
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const filters = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`);
  const preamble = [
    `${dataAsOf(state.changedAt)} / ${dataAsOf(state.changedAt, "en")}`,
    `Status per ${today} / Status as of ${today}`,
    ...(filters.length ? [`Filter: ${filters.join("; ")}`] : []),
  ];
  return new Response(csvStream({ columns: COLUMNS, rows: rows(), preamble }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(`registri-lks-${today}.csv`),
      // Streamed and rarely asked for: made fresh each time rather than cached beside the searches.
      "cache-control": "no-store",
    },
  }) as never;
};
