import { dataAsOf, parseCsv } from "@akrab/domain";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvStream } from "../../worker/src/lib/export/csv-stream.ts";
import {
  EXPORT_BATCH_ROWS,
  type ExportCell,
  type ExportColumn,
  type ExportTable,
} from "../../worker/src/lib/export/table.ts";
import { xlsxStream } from "../../worker/src/lib/export/xlsx-stream.ts";

// The export writers run here inside workerd, as they do behind a route.

const COLUMNS: ExportColumn[] = [
  { header: "Nama LKS", kind: "text", width: 40 },
  { header: "Kapasitas", kind: "number" },
  { header: "Berlaku sampai", kind: "date" },
  { header: "Diputuskan", kind: "datetime" },
  { header: "Catatan", kind: "text" },
];
const AS_OF = "2026-12-01T01:00:00.000Z";
const PREAMBLE = [dataAsOf(AS_OF), "Provinsi: Banten; Jenis: LKSA"];

const ROWS: ExportCell[][] = [
  ["Panti Asuhan Kasih Bunda", 40, "2029-12-31", "2026-11-30T17:30:00.000Z", '=HYPERLINK("http://evil")'],
  ['LKS "Harapan" & <Anak>', 0, null, null, "+62 21 5551234"],
  ["Tab\tand bell\u0007 removed", 12.5, "2027-01-01", new Date("2026-01-01T00:00:00Z"), "-"],
];

/** Rows made on demand, counting how many the writer has taken so far. */
function countedRows(total: number) {
  const counter = { taken: 0 };
  async function* rows(): AsyncGenerator<ExportCell[]> {
    for (let i = 1; i <= total; i++) {
      counter.taken = i;
      yield [`LKS Nomor ${i}`, i % 120, "2028-06-30", "2026-11-30T01:00:00.000Z", i % 7 === 0 ? "@SUM(A1)" : "catatan"];
    }
  }
  return { rows: rows(), counter };
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, chunks };
}

interface SheetCell {
  type: string | undefined;
  style: string | undefined;
  value: string;
}

/** The first sheet's cells by reference ("B5"), read straight from the XML (types and styles kept). */
function sheetCells(bytes: Uint8Array): Map<string, SheetCell> {
  const files = unzipSync(bytes);
  const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
  const cells = new Map<string, SheetCell>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>([\s\S]*?)<\/c>/g)) {
    const attrs = m[2] ?? "";
    const inner = m[3] ?? "";
    const type = /t="([^"]*)"/.exec(attrs)?.[1];
    const value =
      type === "inlineStr"
        ? (/<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1] ?? "")
            .replaceAll("&lt;", "<")
            .replaceAll("&gt;", ">")
            .replaceAll("&quot;", '"')
            .replaceAll("&amp;", "&")
        : (/<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? "");
    cells.set(m[1]!, { type, style: /s="(\d+)"/.exec(attrs)?.[1], value });
  }
  return cells;
}

const table = (rows: ExportTable["rows"]): ExportTable => ({
  columns: COLUMNS,
  rows,
  preamble: PREAMBLE,
  sheetName: "LKS: Banten/2026",
});

describe("XLSX export stream", () => {
  it("writes a workbook whose cells read back typed: the time of the data, the filters, the header, numbers, dates, text", async () => {
    const { bytes } = await readAll(xlsxStream(table(ROWS)));
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    // The sheet name loses the characters Excel refuses.
    expect(strFromU8(files["xl/workbook.xml"]!)).toContain('<sheet name="LKS  Banten 2026"');

    const cells = sheetCells(bytes);
    expect(cells.get("A1")?.value).toBe("Data per 1 Des 2026 08:00 WIB");
    expect(cells.get("A2")?.value).toBe("Provinsi: Banten; Jenis: LKSA");
    expect(["A3", "B3", "C3", "D3", "E3"].map((r) => cells.get(r)?.value)).toEqual(COLUMNS.map((c) => c.header));
    expect(cells.get("A3")?.style).toBe("4"); // bold header

    expect(cells.get("A4")).toEqual({ type: "inlineStr", style: undefined, value: "Panti Asuhan Kasih Bunda" });
    expect(cells.get("B4")).toEqual({ type: undefined, style: undefined, value: "40" });
    // 2029-12-31 is Excel day 47483; a date style makes it a date.
    expect(cells.get("C4")).toEqual({ type: undefined, style: "1", value: "47483" });
    // 2026-11-30 17:30 UTC is 1 Dec 00:30 in Jakarta: day 46357 and 0.5 h.
    expect(Number(cells.get("D4")?.value)).toBeCloseTo(46357 + 0.5 / 24, 9);
    expect(cells.get("D4")?.style).toBe("2");
    // Formula-looking text stays text, with the quote prefix style; the value is unchanged.
    expect(cells.get("E4")).toEqual({ type: "inlineStr", style: "3", value: '=HYPERLINK("http://evil")' });

    expect(cells.get("A5")?.value).toBe('LKS "Harapan" & <Anak>');
    expect(cells.get("B5")?.value).toBe("0");
    expect(cells.has("C5")).toBe(false); // empty cells are left out
    expect(cells.get("E5")?.style).toBe("3");
    expect(cells.get("A6")?.value).toBe("Tab\tand bell removed");
    expect(cells.get("B6")?.value).toBe("12.5");
    expect(cells.get("D6")?.value).toBe(String(46023 + 7 / 24));
  });

  it("streams 25,000 rows in pieces, reading rows only as the reader asks for them", async () => {
    const { rows, counter } = countedRows(25_000);
    const reader = xlsxStream(table(rows)).getReader();
    const started = performance.now();
    // Nothing is read before the first pull, and the first pieces come long before the last row is read.
    const first = await reader.read();
    expect(first.done).toBe(false);
    let chunks = 1;
    let bytes = first.value?.length ?? 0;
    let largest = bytes;
    let aheadMax = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      bytes += value.length;
      largest = Math.max(largest, value.length);
      // The writer takes at most one batch beyond what it has handed over (plus what the deflater holds).
      if (chunks === 5) aheadMax = counter.taken;
    }
    const ms = performance.now() - started;
    console.log(
      `XLSX, 25,000 rows in workerd: ${ms.toFixed(0)} ms, ${bytes} bytes in ${chunks} chunks, largest ${largest} bytes`,
    );
    expect(counter.taken).toBe(25_000);
    expect(aheadMax).toBeLessThan(5_000);
    expect(chunks).toBeGreaterThan(20);
    expect(largest).toBeLessThan(bytes / 10);
  });

  it("parses back all 25,000 rows", async () => {
    const { rows } = countedRows(25_000);
    const { bytes } = await readAll(xlsxStream(table(rows)));
    const cells = sheetCells(bytes);
    expect(cells.get("A3")?.value).toBe("Nama LKS");
    expect(cells.get("A25003")?.value).toBe("LKS Nomor 25000");
    expect(cells.get("B25003")?.value).toBe(String(25_000 % 120));
    expect(cells.get("E10")?.style).toBe("3"); // row 7 of the data: "@SUM(A1)"
    expect(cells.has("A25004")).toBe(false);
  });

  it("stops reading rows when the download is cancelled", async () => {
    const { rows, counter } = countedRows(25_000);
    const reader = xlsxStream(table(rows)).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(counter.taken).toBeLessThan(1_000);
  });
});

describe("CSV export stream", () => {
  it("writes the time of the data, the filters, the header and the rows, formula-safe, through the one CSV writer", async () => {
    const { bytes } = await readAll(csvStream(table(ROWS)));
    // The byte-order mark first (TextDecoder would drop it silently, so the bytes are checked).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("Data per 1 Des 2026 08:00 WIB\r\n")).toBe(true);
    expect(text).toContain("'=HYPERLINK"); // the spreadsheet's "this is text" mark
    const parsed = parseCsv(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.slice(0, 3)).toEqual([
      ["Data per 1 Des 2026 08:00 WIB"],
      ["Provinsi: Banten; Jenis: LKSA"],
      COLUMNS.map((c) => c.header),
    ]);
    expect(parsed.rows[3]).toEqual([
      "Panti Asuhan Kasih Bunda",
      "40",
      "2029-12-31",
      "2026-12-01 00:30",
      '=HYPERLINK("http://evil")',
    ]);
    expect(parsed.rows[4]).toEqual(['LKS "Harapan" & <Anak>', "0", "", "", "+62 21 5551234"]);
    expect(parsed.rows[5]?.slice(1, 4)).toEqual(["12.5", "2027-01-01", "2026-01-01 07:00"]);
  });

  it("streams 25,000 rows in batches as the reader asks", async () => {
    const { rows, counter } = countedRows(25_000);
    const reader = csvStream(table(rows)).getReader();
    await reader.read();
    await reader.read();
    expect(counter.taken).toBeLessThan(1_000);
    let chunks = 2;
    while (!(await reader.read()).done) chunks++;
    expect(counter.taken).toBe(25_000);
    // The preamble and header, then one chunk per batch of rows.
    expect(chunks).toBe(1 + 25_000 / EXPORT_BATCH_ROWS);
  });
});
