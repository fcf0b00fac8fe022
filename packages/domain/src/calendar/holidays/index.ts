import { weekdayOf } from "../jakarta.ts";
import { HOLIDAYS_2025 } from "./2025.ts";
import { HOLIDAYS_2026 } from "./2026.ts";
import { HOLIDAYS_2027 } from "./2027.ts";
import type { Holiday, HolidayYear } from "./types.ts";

export type { Holiday, HolidayKind, HolidayYear } from "./types.ts";

/** Every year with holiday data, oldest first. A year outside them has weekends only. */
export const HOLIDAY_YEARS: readonly HolidayYear[] = [HOLIDAYS_2025, HOLIDAYS_2026, HOLIDAYS_2027];

const BY_DATE = new Map<string, Holiday>(HOLIDAY_YEARS.flatMap((y) => y.days.map((d) => [d.date, d] as const)));

/** The national holiday or cuti bersama on a Jakarta calendar date, if any. */
export function holidayOn(date: string): Holiday | null {
  return BY_DATE.get(date) ?? null;
}

/** A day Dinsos and BALKS offices work: Monday to Friday, not a national holiday or cuti bersama. */
export function isWorkingDay(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !BY_DATE.has(date);
}
