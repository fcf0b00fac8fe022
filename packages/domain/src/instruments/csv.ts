/**
 * RFC 4180 CSV, small and strict: quoted fields (with `""` for a quote, and line breaks inside),
 * CRLF or LF line ends, a UTF-8 byte order mark ignored. Excel set to Indonesian writes `;`
 * between fields (the comma is the decimal separator there), so the separator is whichever of
 * `,` and `;` the first line uses more of, outside quotes. Malformed input is a located problem,
 * not a guess. Linear in the input, so 10 MB of junk costs one pass.
 */

export interface CsvProblem {
  /** 1-based line of the record the problem is in (a quoted line break does not start a new one). */
  row: number;
  /** 1-based field number. */
  column: number;
  message: { id: string; en: string };
}

/** Reading stops after this many problems: a junk upload gets a short list, not a megabyte of them. */
const MAX_CSV_PROBLEMS = 200;

export type CsvResult = { ok: true; rows: string[][] } | { ok: false; problems: CsvProblem[] };

function separatorOf(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

export function parseCsv(input: string, separator: "," | ";" = separatorOf(input.replace(/^\uFEFF/, ""))): CsvResult {
  const text = input.replace(/^\uFEFF/, "");
  const n = text.length;
  const SEP = separator.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const rows: string[][] = [];
  const problems: CsvProblem[] = [];
  let row: string[] = [];
  let line = 1;
  let i = 0;
  // Each pass reads one field, by slices rather than character by character (10 MB stays well under a second).
  while (i < n) {
    const recordLine = line;
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      let parts = "";
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          problems.push({
            row: recordLine,
            column: row.length + 1,
            message: {
              id: "Tanda kutip dibuka tetapi tidak pernah ditutup",
              en: "A quotation mark is opened but never closed",
            },
          });
          return { ok: false, problems };
        }
        parts += text.slice(j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      value = parts;
      for (let k = value.indexOf("\n"); k !== -1; k = value.indexOf("\n", k + 1)) line++;
      const c = text.charCodeAt(i);
      if (i < n && c !== SEP && c !== CR && c !== LF) {
        problems.push({
          row: line,
          column: row.length + 1,
          message: {
            id: 'Ada teks setelah tanda kutip penutup; kutip ganda di dalam isian ditulis dua kali ("")',
            en: 'Text follows the closing quotation mark; a quote inside a field is written twice ("")',
          },
        });
        while (i < n && ![SEP, CR, LF].includes(text.charCodeAt(i))) i++;
      }
    } else {
      let j = i;
      let stray = false;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === SEP || c === CR || c === LF) break;
        if (c === QUOTE) stray = true;
      }
      if (stray)
        problems.push({
          row: line,
          column: row.length + 1,
          message: {
            id: "Tanda kutip di tengah isian yang tidak diapit kutip",
            en: "A quotation mark inside a field that is not quoted",
          },
        });
      value = text.slice(i, j);
      i = j;
    }
    if (problems.length >= MAX_CSV_PROBLEMS) {
      problems.push({
        row: line,
        column: row.length + 1,
        message: {
          id: `Pemeriksaan berhenti setelah ${MAX_CSV_PROBLEMS} masalah`,
          en: `Checking stopped after ${MAX_CSV_PROBLEMS} problems`,
        },
      });
      return { ok: false, problems };
    }
    row.push(unneutralised(value));
    // After a field: a separator (another field follows, perhaps empty at the end), a line end, or the end.
    const c = text.charCodeAt(i);
    if (c === SEP) {
      i++;
      if (i >= n) row.push("");
      continue;
    }
    rows.push(row);
    row = [];
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i++;
    line++;
  }
  if (row.length > 0) rows.push(row);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or carriage return first),
 * possibly behind apostrophes already: written with one more leading apostrophe (the spreadsheets'
 * "this is text" mark), so opening an export never runs what someone typed; read back without it.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** Whether a spreadsheet would run this text as a formula (the CSV and XLSX exports both guard on it). */
export const isFormulaLike = (value: string): boolean => FORMULA_LIKE.test(value);

/** One CSV text, CRLF line ends; a field is quoted when it holds the separator, a quote or a line break, or starts/ends with a space. */
export function writeCsv(rows: string[][], separator: "," | ";" = ","): string {
  const cell = (raw: string) => {
    const value = isFormulaLike(raw) ? `'${raw}` : raw;
    return value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim()
      ? `"${value.replaceAll('"', '""')}"`
      : value;
  };
  return `${rows.map((row) => row.map(cell).join(separator)).join("\r\n")}\r\n`;
}

/** A cell as `writeCsv` meant it: the apostrophe it put before a formula-like value taken off. */
const unneutralised = (value: string) =>
  value.startsWith("'") && FORMULA_LIKE.test(value.slice(1)) ? value.slice(1) : value;
