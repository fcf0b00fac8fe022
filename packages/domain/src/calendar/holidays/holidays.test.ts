import { describe, expect, it } from "vitest";
import { weekdayOf } from "../jakarta.ts";
import { HOLIDAY_YEARS, holidayOn, isWorkingDay } from "./index.ts";

describe("the holiday calendar", () => {
  it("covers 2025 to 2027, each year naming its source, only decreed years final", () => {
    expect(HOLIDAY_YEARS.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    for (const year of HOLIDAY_YEARS) expect(year.source).toMatch(/SKB|Keppres/);
    expect(HOLIDAY_YEARS.filter((y) => y.provisional).map((y) => y.year)).toEqual([2027]);
  });

  it("holds valid, unique, sorted dates inside their own year", () => {
    for (const year of HOLIDAY_YEARS) {
      const dates = year.days.map((d) => d.date);
      for (const date of dates) {
        expect(date.startsWith(`${year.year}-`)).toBe(true);
        expect(() => weekdayOf(date)).not.toThrow();
      }
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it("matches the SKBs' counts: 17 libur nasional (days) and 10 → 11 cuti bersama in 2025, 17 and 8 in 2026", () => {
    // The SKBs count days off: Idulfitri's two days count twice, a holiday on a Sunday still counts.
    const count = (year: number, kind: string) =>
      HOLIDAY_YEARS.find((y) => y.year === year)!.days.filter((d) => d.kind === kind).length;
    expect(count(2025, "libur")).toBe(17);
    expect(count(2025, "cuti_bersama")).toBe(11); // 10 + 18 August (SKB 933/2025)
    expect(count(2026, "libur")).toBe(17);
    expect(count(2026, "cuti_bersama")).toBe(8);
  });

  it("names the day, and keeps offices closed on holidays, cuti bersama and weekends", () => {
    expect(holidayOn("2025-08-17")?.name).toBe("Proklamasi Kemerdekaan");
    expect(holidayOn("2026-03-23")).toMatchObject({ kind: "cuti_bersama" });
    expect(holidayOn("2026-03-25")).toBeNull();
    expect(isWorkingDay("2026-03-20")).toBe(false); // Friday, cuti bersama Idulfitri
    expect(isWorkingDay("2026-03-25")).toBe(true); // Wednesday after the Lebaran break
    expect(isWorkingDay("2026-03-28")).toBe(false); // Saturday
    expect(isWorkingDay("2028-08-17")).toBe(true); // outside the data: weekdays only
  });
});
