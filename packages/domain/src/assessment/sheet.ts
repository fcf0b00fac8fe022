/**
 * When an asesor's blind sheet is complete enough to submit (issue 13 "The visit, offline"): a
 * level on every indicator of the instrument, and Formulir C's document check answered (seen or
 * not seen) for every document on the application's checklist. A blank is not a judgement: a sheet
 * with blanks would reconcile as "scored by only some" and leave the team to guess what the blank
 * meant, so the asesor settles it before submitting, while still on site or with their notes.
 * Safeguarding findings and photos are never required: their absence is an answer.
 */
import type { Bilingual } from "../instruments/types.ts";
import { indicatorsOf, type InstrumentVersion } from "../instruments/types.ts";

export interface SheetGap {
  /** As the sheet's API names it: `entries[2.3.4].level`, `documentChecks[akta].present`. */
  field: string;
  message: Bilingual;
}

/** What keeps a sheet from being submitted, indicators in instrument order, then documents in checklist order. */
export function scoreSheetGaps(
  instrument: InstrumentVersion,
  levels: Readonly<Record<string, number | null>>,
  checklist: readonly { code: string; name: string }[],
  checks: Readonly<Record<string, boolean | null>>,
): SheetGap[] {
  const gaps: SheetGap[] = [];
  for (const { indicator } of indicatorsOf(instrument)) {
    const level = levels[indicator.code];
    if (level === null || level === undefined)
      gaps.push({
        field: `entries[${indicator.code}].level`,
        message: { id: `Indikator ${indicator.code} belum dinilai`, en: `Indicator ${indicator.code} is not scored` },
      });
  }
  for (const doc of checklist) {
    const present = checks[doc.code];
    if (present === null || present === undefined)
      gaps.push({
        field: `documentChecks[${doc.code}].present`,
        message: {
          id: `Dokumen ${doc.name} belum diperiksa (Formulir C)`,
          en: `Document ${doc.name} is not checked (Formulir C)`,
        },
      });
  }
  return gaps;
}
