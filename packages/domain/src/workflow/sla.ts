import { isWorkingDay } from "../calendar/holidays/index.ts";
import { DAY_MS, addCalendarDays, jakartaDay, jakartaDayBounds, type Instant } from "../calendar/jakarta.ts";

/**
 * Due date of a step: `slaDays` working days after `enteredAt` (ISO UTC), on the Jakarta calendar,
 * skipping weekends, national holidays and cuti bersama (see calendar/holidays). Null when the
 * step has no SLA.
 *
 * Counting starts the day after entry, so the day of entry never counts, however early; the step
 * is due at the end of the last working day (23:59:59.999 WIB), returned in UTC.
 */
export function slaDueAt(enteredAt: string, slaDays: number | null): string | null {
  if (slaDays === null) return null;
  if (!Number.isInteger(slaDays) || slaDays < 0)
    throw new RangeError(`slaDays must be a whole number of days, got ${slaDays}`);
  if (Number.isNaN(Date.parse(enteredAt))) throw new RangeError(`Not a date: ${enteredAt}`);
  let day = jakartaDay(enteredAt);
  for (let remaining = slaDays; remaining > 0; ) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day)) remaining -= 1;
  }
  return jakartaDayBounds(day).end;
}

/**
 * True when a step due at `dueAt` is late at `at` (now by default). A step without an SLA is never
 * late; the due instant itself is still on time.
 */
export function isOverdue(dueAt: string | null, at: Instant = Date.now()): boolean {
  if (dueAt === null) return false;
  const when = typeof at === "number" ? at : typeof at === "string" ? Date.parse(at) : at.getTime();
  return Date.parse(dueAt) < when;
}

/** True once a step has been overdue for `days` whole days (24 h each) at `now`: its reminder also goes to the Dinsos head. */
export function isEscalated(dueAt: string | null, now: number, days: number): boolean {
  return dueAt !== null && isOverdue(dueAt, now) && now - Date.parse(dueAt) >= days * DAY_MS;
}
