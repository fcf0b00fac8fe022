const DAY_MS = 86_400_000;
/** Asia/Jakarta (WIB) is UTC+7 all year: Indonesia has no daylight saving time. */
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/**
 * Due date of a step: `slaDays` working days (Mon–Fri, Asia/Jakarta calendar) after `enteredAt` (ISO UTC). Null when the step has no SLA.
 *
 * Counting starts the day after entry, so the day of entry never counts, however early; the step
 * is due at the end of the last working day (23:59:59.999 WIB), returned in UTC. National holidays
 * and cuti bersama are not skipped yet: they change every year by decree and belong in data.
 */
export function slaDueAt(enteredAt: string, slaDays: number | null): string | null {
  if (slaDays === null) return null;
  if (!Number.isInteger(slaDays) || slaDays < 0) throw new RangeError(`slaDays must be a whole number of days, got ${slaDays}`);
  const entered = Date.parse(enteredAt);
  if (Number.isNaN(entered)) throw new RangeError(`Not a date: ${enteredAt}`);

  // Shifting by the offset makes the UTC fields read as Jakarta wall-clock time.
  const jakarta = new Date(entered + JAKARTA_OFFSET_MS);
  let day = Date.UTC(jakarta.getUTCFullYear(), jakarta.getUTCMonth(), jakarta.getUTCDate());
  for (let remaining = slaDays; remaining > 0; ) {
    day += DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) remaining -= 1;
  }
  return new Date(day + DAY_MS - 1 - JAKARTA_OFFSET_MS).toISOString();
}
