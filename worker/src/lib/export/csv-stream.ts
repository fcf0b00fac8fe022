import { writeCsv } from "@akrab/domain";
import { iteratorOf, jakartaParts, nextBatch, type ExportCell, type ExportColumn, type ExportTable } from "./table.ts";

/**
 * A table as a CSV stream: UTF-8 with a byte-order mark (spreadsheets then read it as UTF-8), the
 * preamble lines, the header, then the rows, written in batches as the reader asks for them
 * (a pull stream: a slow download slows the D1 reads, nothing piles up in memory). Cells go
 * through `writeCsv`, the one CSV writer, so quoting and the formula guard are the registry's own.
 * Dates as YYYY-MM-DD and instants as "YYYY-MM-DD HH:mm" in Jakarta time: text every spreadsheet
 * recognises as a date, whatever its language.
 */
export function csvStream(table: ExportTable): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = iteratorOf(table.rows);
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          const head = [...table.preamble.map((line) => [line]), table.columns.map((c) => c.header)];
          controller.enqueue(encoder.encode(`\uFEFF${writeCsv(head)}`));
          return;
        }
        const batch = await nextBatch(rows);
        if (batch.length === 0) {
          controller.close();
          return;
        }
        controller.enqueue(
          encoder.encode(writeCsv(batch.map((row) => table.columns.map((c, i) => csvCell(c, row[i]))))),
        );
      },
      async cancel() {
        await rows.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

function csvCell(column: ExportColumn, value: ExportCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (column.kind === "date" || column.kind === "datetime") {
    const local = jakartaParts(value, column.kind);
    if (!local) return typeof value === "string" ? value : "";
    const day = local.toISOString().slice(0, 10);
    return column.kind === "date" ? day : `${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  }
  return value instanceof Date ? value.toISOString() : value;
}
