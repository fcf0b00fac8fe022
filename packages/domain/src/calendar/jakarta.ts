/**
 * The Jakarta calendar. Asia/Jakarta (WIB) is UTC+7 all year: Indonesia has no daylight saving
 * time, so a fixed offset is exact and needs no time-zone database (the Worker and old phones'
 * browsers agree on it). Every "today" and every date rule in Akrab counts on this calendar:
 * permits expire, SLAs fall due and reminders are sent by Indonesian calendar days, not UTC ones.
 */
export const JAKARTA_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

/** An instant as epoch milliseconds, an ISO string or a Date. */
export type Instant = number | string | Date;

function epochOf(at: Instant): number {
  const ms = typeof at === "number" ? at : typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${String(at)}`);
  return ms;
}

/** The Jakarta calendar date (YYYY-MM-DD) of an instant; now when none is given. */
export function jakartaDay(at: Instant = Date.now()): string {
  return new Date(epochOf(at) + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first and last instants (ISO UTC) of a Jakarta calendar date: 00:00:00.000 and 23:59:59.999 WIB. */
export function jakartaDayBounds(date: string): { start: string; end: string } {
  const midnight = dateEpoch(date) - JAKARTA_OFFSET_MS;
  return { start: new Date(midnight).toISOString(), end: new Date(midnight + DAY_MS - 1).toISOString() };
}

/** A calendar date `days` after (or before, when negative) `date`. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(dateEpoch(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateEpoch(to) - dateEpoch(from)) / DAY_MS);
}

/** Day of the week of a calendar date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(dateEpoch(date)).getUTCDay();
}

function dateEpoch(date: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not a calendar date: ${date}`);
  return ms;
}
