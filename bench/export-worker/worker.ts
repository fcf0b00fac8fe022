import { csvStream } from "../../worker/src/lib/export/csv-stream.ts";
import { XLSX_CONTENT_TYPE, xlsxStream } from "../../worker/src/lib/export/xlsx-stream.ts";
import { BENCH_EXPORT_COLUMNS, benchExportRows } from "../export-rows.ts";

// `npm run bench` (AKRAB_BENCH_ONLY=export): the export writers alone in workerd, behind wrangler dev.
export default {
  fetch(request: Request): Response {
    const url = new URL(request.url);
    const rows = Number(url.searchParams.get("rows") ?? 25_000);
    const table = { columns: BENCH_EXPORT_COLUMNS, rows: benchExportRows(rows), preamble: ["Data per (bench)"] };
    return url.pathname === "/csv"
      ? new Response(csvStream(table), { headers: { "content-type": "text/csv; charset=utf-8" } })
      : new Response(xlsxStream(table), { headers: { "content-type": XLSX_CONTENT_TYPE } });
  },
};
