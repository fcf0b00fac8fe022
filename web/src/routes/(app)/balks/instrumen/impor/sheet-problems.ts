import type { FieldError } from "#lib/api.ts";
import { localizeApiText } from "#lib/errors.ts";

/** One problem of an imported workbook, located as the API names it (`Indikator!B7`, `Rubrik`, `file`). */
export interface SheetProblemRow {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * Splits the API's cell paths into sheet, row and column for the problem table. The message says
 * where too ("lembar Indikator, baris 7, kolom B (teks_id): …"); the table shows only what follows.
 */
export function sheetProblems(errors: FieldError[]): SheetProblemRow[] {
  return errors.map((error) => {
    const [sheetPart, cell] = error.path.includes("!") ? error.path.split("!", 2) : [error.path, ""];
    const sheet = sheetPart && sheetPart !== "file" && !/^[A-Z]+\d*$/.test(sheetPart) ? sheetPart : null;
    const located = cell || (sheet ? "" : sheetPart === "file" ? "" : (sheetPart ?? ""));
    const match = /^([A-Z]*)(\d*)$/.exec(located);
    const text = localizeApiText(error.message);
    const colon = text.indexOf(": ");
    return {
      sheet,
      column: match?.[1] || null,
      row: match?.[2] ? Number(match[2]) : null,
      message: colon >= 0 ? text.slice(colon + 2) : text,
    };
  });
}
