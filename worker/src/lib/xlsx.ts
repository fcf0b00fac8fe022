import { strFromU8, strToU8, unzipSync, zipSync, type UnzipFileInfo } from "fflate";

/**
 * The little of XLSX (Office Open XML spreadsheets) that instrument templates need: sheets of plain
 * string cells, written and read back. fflate does the ZIP (a few KB, no dependencies, runs in
 * workerd as it does in Node); the sheet XML is small and regular enough to write and read here,
 * which keeps a full spreadsheet library (hundreds of KB) out of the Worker bundle. Formulas,
 * styles and dates are not read: a formula cell gives its cached value, every value a string.
 */

export const XLSX_SHEET_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
export const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(rows: string[][]): string {
  const body = rows
    .map((cells, r) => {
      const xml = cells
        .map((value, c) =>
          value === ""
            ? ""
            : `<c r="${columnLetter(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value.replace(NOT_XML, ""))}</t></is></c>`,
        )
        .join("");
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** A workbook with one sheet per entry, in order; every cell an inline string. */
export function writeXlsx(sheets: Record<string, string[][]>): Uint8Array<ArrayBuffer> {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${XLSX_SHEET_MIME}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${XLSX_SHEET_MIME}.styles+xml"/>${names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${XLSX_SHEET_MIME}.worksheet+xml"/>`,
        )
        .join("")}</Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
        .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          "",
        )}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    // Excel wants a stylesheet; this is the smallest it accepts.
    "xl/styles.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>`,
    ),
  };
  names.forEach((name, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheets[name] ?? []));
  });
  return zipSync(files, { level: 6 });
}

/** The most a workbook may expand to: a zip bomb stops here, before anything is inflated. */
const MAX_EXPANDED_BYTES = 32 * 1024 * 1024;
const MAX_ROWS = 5000;
const MAX_COLUMNS = 64;

export type XlsxRead = { ok: true; sheets: Record<string, string[][]> } | { ok: false; reason: string };

const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The text of a shared or inline string: every `<t>` run, phonetic hints (`<rPh>`) left out. */
const textOf = (xml: string) =>
  [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
    .map((m) => unescapeXml(m[1] ?? ""))
    .join("");

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/[0-9]/g, "")) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Relative targets in workbook.xml.rels are relative to xl/; some writers give absolute ones. */
const partPath = (target: string) => (target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);

/**
 * The sheets of a workbook by name, each a list of rows of string cells (gaps filled with ""),
 * or why it could not be read. Only the workbook, its relationships, the shared strings and the
 * worksheets are inflated, and only when their declared sizes stay within the limit.
 */
export function readXlsx(bytes: Uint8Array): XlsxRead {
  let expanded = 0;
  let files: Record<string, Uint8Array>;
  try {
    const wanted = (file: UnzipFileInfo) => {
      const keep =
        file.name === "xl/workbook.xml" ||
        file.name === "xl/_rels/workbook.xml.rels" ||
        file.name === "xl/sharedStrings.xml" ||
        file.name.startsWith("xl/worksheets/");
      if (keep) expanded += file.originalSize;
      if (expanded > MAX_EXPANDED_BYTES) throw new RangeError("too large");
      return keep;
    };
    files = unzipSync(bytes, { filter: wanted });
  } catch (error) {
    return {
      ok: false,
      reason:
        error instanceof RangeError
          ? "Isi buku kerja terlalu besar / The workbook expands too large"
          : "Bukan berkas XLSX yang dapat dibaca / Not a readable XLSX file",
    };
  }
  const workbook = files["xl/workbook.xml"];
  const rels = files["xl/_rels/workbook.xml.rels"];
  if (!workbook || !rels)
    return { ok: false, reason: "Bukan berkas XLSX yang dapat dibaca / Not a readable XLSX file" };

  const targets = new Map(
    [...strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id"), attr(m[0], "Target")]),
  );
  const shared = files["xl/sharedStrings.xml"]
    ? [...strFromU8(files["xl/sharedStrings.xml"]).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
        textOf(m[1] ?? ""),
      )
    : [];

  const sheets: Record<string, string[][]> = {};
  for (const m of strFromU8(workbook).matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(attr(m[0], "name") ?? "");
    const target = targets.get(attr(m[0], "r:id"));
    const part = target ? files[partPath(target)] : undefined;
    if (!part) continue;
    const rows: string[][] = [];
    for (const row of strFromU8(part).matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(attr(row[1] ?? "", "r") ?? rows.length + 1) - 1;
      if (r >= MAX_ROWS) break;
      const cells: string[] = [];
      for (const cell of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = attr(cell[1] ?? "", "r");
        const c = ref ? columnIndex(ref) : cells.length;
        if (c >= MAX_COLUMNS) continue;
        const type = attr(cell[1] ?? "", "t");
        const inner = cell[2] ?? "";
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        const value =
          type === "s"
            ? (shared[Number(v)] ?? "")
            : type === "inlineStr"
              ? textOf(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "")
              : type === "b"
                ? v === "1"
                  ? "TRUE"
                  : "FALSE"
                : unescapeXml(v ?? "");
        while (cells.length < c) cells.push("");
        cells[c] = value;
      }
      while (rows.length < r) rows.push([]);
      rows[r] = cells;
    }
    sheets[name] = rows;
  }
  return { ok: true, sheets };
}
