/**
 * What the assessment rules say to a person (BALKS choosing a team, an asesor at reconciliation,
 * the decider): a stable code for the API and the tests, and the sentence in Bahasa Indonesia
 * first, English second, so every screen shows the same reason the rule gave.
 */
import type { Bilingual } from "../instruments/types.ts";

export interface Reason<Code extends string = string> {
  code: Code;
  text: Bilingual;
}

/** A reason with its code and both sentences. */
export const reason = <Code extends string>(code: Code, id: string, en: string): Reason<Code> => ({
  code,
  text: { id, en },
});

/**
 * `years` calendar years after (or before, when negative) a YYYY-MM-DD date; 29 February falls on
 * 28 February in a common year, so a validity or a look-back never runs into March.
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Something wrong with input, tied to the field it is in: the API turns a list of these into one problem+json. */
export interface FieldProblem {
  field: string;
  text: Bilingual;
}

/** Whether a string is a real YYYY-MM-DD calendar date (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}
