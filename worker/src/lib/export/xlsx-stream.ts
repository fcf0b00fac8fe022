import { isFormulaLike } from "@akrab/domain";
import { Zip, ZipDeflate, strToU8 } from "fflate";
import { NOT_XML, XLSX_SHEET_MIME, columnLetter, escapeXml } from "../xlsx.ts";
import { iteratorOf, jakartaParts, nextBatch, type ExportCell, type ExportColumn, type ExportTable } from "./table.ts";

/**
 * A table as a streamed XLSX workbook (one sheet) that never holds the whole file: the sheet XML
 * is written a batch of rows at a time, deflated and zipped as it goes (fflate's `Zip` with
 * `ZipDeflate`: streaming ZIP with data descriptors, so no size is needed up front), and each
 * compressed piece is handed to the reader as soon as it exists. A pull stream: rows are read from
 * their source only when the reader wants more, so a slow download never fills the Worker's memory.
 *
 * Why fflate and not a spreadsheet library: exceljs's streaming writer needs Node streams and
 * temporary files (archiver, tmp), which workerd does not have; SheetJS builds the whole workbook
 * in memory; client-zip stores without compressing (an XLSX sheet compresses about 10:1). fflate is
 * already the Worker's ZIP library (instrument templates), a few KB, pure JavaScript, and its
 * streaming `Zip` runs unchanged in workerd. The sheet XML itself is small and regular.
 *
 * Cells keep their types: numbers are numbers, dates are Excel serial dates with a date format,
 * text is inline text. A text cell is never a formula in XLSX; one that starts like a formula
 * (`=`, `+`, `-`, `@`) also carries Excel's quote prefix, so editing the cell keeps it text.
 */

export const XLSX_CONTENT_TYPE = `${XLSX_SHEET_MIME}.sheet`;

/** Cell styles (indexes into cellXfs below). */
const STYLE = { text: 0, date: 1, datetime: 2, quoted: 3, header: 4 } as const;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts of the workbook around the sheet: small and fixed. */
function frameParts(sheetName: string): Record<string, string> {
  return {
    "[Content_Types].xml": `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${XLSX_SHEET_MIME}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${XLSX_SHEET_MIME}.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${XLSX_SHEET_MIME}.worksheet+xml"/></Types>`,
    "_rels/.rels": `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    // numFmt 14 is the reader's own short date; 164 a date and time. xf 3 marks formula-like text, xf 4 the bold header.
    "xl/styles.xml": `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="5"><xf xfId="0"/><xf numFmtId="14" applyNumberFormat="1" xfId="0"/><xf numFmtId="164" applyNumberFormat="1" xfId="0"/><xf quotePrefix="1" xfId="0"/><xf fontId="1" applyFont="1" xfId="0"/></cellXfs></styleSheet>`,
  };
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`. */
function safeSheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 31)
      .trim() || "Data"
  );
}

/** Excel counts days from 1899-12-30; the time of day is the fraction. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Excel's largest cell text. */
const MAX_TEXT = 32_767;

function textCell(ref: string, value: string, style: number): string {
  const text = value.replace(NOT_XML, "").slice(0, MAX_TEXT);
  const s = isFormulaLike(text) ? STYLE.quoted : style;
  return `<c r="${ref}" t="inlineStr"${s ? ` s="${s}"` : ""}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

function cellXml(ref: string, column: ExportColumn, value: ExportCell): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : "";
  if (column.kind === "date" || column.kind === "datetime") {
    const local = jakartaParts(value, column.kind);
    if (local) {
      const serial = (local.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
      return `<c r="${ref}" s="${STYLE[column.kind]}"><v>${serial}</v></c>`;
    }
  }
  if (column.kind === "number" && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return `<c r="${ref}"><v>${Number(value)}</v></c>`;
  return textCell(ref, value instanceof Date ? value.toISOString() : value, STYLE.text);
}

export function xlsxStream(table: ExportTable): ReadableStream<Uint8Array> {
  const rows = iteratorOf(table.rows);
  const letters = table.columns.map((_, i) => columnLetter(i));
  let rowNumber = 0;
  const rowXml = (cells: string) => `<row r="${++rowNumber}">${cells}</row>`;

  let controller: ReadableStreamDefaultController<Uint8Array>;
  let failed: Error | null = null;
  let handedOver = 0;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failed = error;
      return;
    }
    if (chunk.length > 0) {
      controller.enqueue(chunk);
      handedOver++;
    }
    if (final) {
      finished = true;
      controller.close();
    }
  });
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  let started = false;

  const start = () => {
    for (const [name, xml] of Object.entries(frameParts(safeSheetName(table.sheetName ?? "Data")))) {
      const part = new ZipDeflate(name, { level: 6 });
      zip.add(part);
      part.push(strToU8(xml), true);
    }
    zip.add(sheet);
    const widths = table.columns.some((c) => c.width)
      ? `<cols>${table.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 12}" customWidth="1"/>`).join("")}</cols>`
      : "";
    const preamble = table.preamble.map((line) => rowXml(textCell(`A${rowNumber + 1}`, line, STYLE.text))).join("");
    const header = rowXml(
      table.columns.map((c, i) => textCell(`${letters[i]}${rowNumber + 1}`, c.header, STYLE.header)).join(""),
    );
    // The header stays in view while scrolling: the pane is frozen below it.
    const frozen = `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${rowNumber}" topLeftCell="A${rowNumber + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`;
    sheet.push(
      strToU8(
        `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${frozen}${widths}<sheetData>${preamble}${header}`,
      ),
    );
  };

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      async pull() {
        // Deflate may hold small input back; keep feeding it until a piece comes out (or the end),
        // rather than count on the stream pulling again after a pull that enqueued nothing.
        const before = handedOver;
        while (handedOver === before && !finished) {
          if (!started) {
            started = true;
            start();
            continue;
          }
          const batch = await nextBatch(rows);
          if (batch.length === 0) {
            sheet.push(strToU8("</sheetData></worksheet>"), true);
            zip.end();
          } else {
            const xml = batch
              .map((row) => {
                const r = rowNumber + 1;
                return rowXml(table.columns.map((c, i) => cellXml(`${letters[i]}${r}`, c, row[i])).join(""));
              })
              .join("");
            sheet.push(strToU8(xml));
          }
          if (failed) throw failed;
        }
      },
      async cancel() {
        zip.terminate();
        await rows.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
