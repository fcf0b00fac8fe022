import { JAKARTA_OFFSET_MS } from "@akrab/domain";

/**
 * What every export (CSV or XLSX) is written from: typed columns, rows that arrive one by one
 * (from D1 pages, never the whole table at once), and the lines that say when the data is from and
 * which filters made it ("Data per 1 Des 2026 08:00 WIB", "Provinsi: Banten; Jenis: LKSA").
 */

/** `date`: a Jakarta calendar day (YYYY-MM-DD); `datetime`: an instant (ISO string or Date), shown in Jakarta time. */
type ExportColumnKind = "text" | "number" | "date" | "datetime";

export interface ExportColumn {
  header: string;
  kind: ExportColumnKind;
  /** Column width in characters (XLSX only). */
  width?: number;
}

export type ExportCell = string | number | Date | null | undefined;

export interface ExportTable {
  columns: readonly ExportColumn[];
  rows: AsyncIterable<readonly ExportCell[]> | Iterable<readonly ExportCell[]>;
  /** Lines above the header: the time of the data first, then the filters applied. */
  preamble: readonly string[];
  /** The XLSX sheet's name (at most 31 characters, no `[]:*?/\`). */
  sheetName?: string;
}

/** Rows are read and written this many at a time: large enough for few chunks, small enough to stay light. */
export const EXPORT_BATCH_ROWS = 250;

/** Up to `size` rows from the iterator, or none when it is done. */
export async function nextBatch(
  rows: AsyncIterator<readonly ExportCell[]> | Iterator<readonly ExportCell[]>,
  size = EXPORT_BATCH_ROWS,
): Promise<(readonly ExportCell[])[]> {
  const batch: (readonly ExportCell[])[] = [];
  while (batch.length < size) {
    const next = await rows.next();
    if (next.done) break;
    batch.push(next.value);
  }
  return batch;
}

export function iteratorOf(
  rows: ExportTable["rows"],
): AsyncIterator<readonly ExportCell[]> | Iterator<readonly ExportCell[]> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}

const epochOf = (value: string | Date) => (value instanceof Date ? value.getTime() : Date.parse(value));

/**
 * A date or instant as Jakarta wall-clock parts: a calendar day stays the day it names, an
 * instant moves to WIB. Null when the value is not a date at all.
 */
export function jakartaParts(value: string | Date, kind: "date" | "datetime"): Date | null {
  if (kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const ms = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  const ms = epochOf(value);
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms + JAKARTA_OFFSET_MS);
  // A date column given an instant shows the Jakarta day it falls on.
  return kind === "date" ? new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())) : local;
}
