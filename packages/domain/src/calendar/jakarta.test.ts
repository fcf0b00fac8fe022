import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, daysBetween, jakartaDay, jakartaDayBounds, weekdayOf } from "./jakarta.ts";

describe("jakartaDay", () => {
  it("turns over at midnight WIB, which is 17:00 UTC the day before", () => {
    expect(jakartaDay("2025-12-31T16:59:59.999Z")).toBe("2025-12-31");
    expect(jakartaDay("2025-12-31T17:00:00.000Z")).toBe("2026-01-01");
    expect(jakartaDay(Date.UTC(2026, 0, 1, 0, 0))).toBe("2026-01-01");
    expect(jakartaDay(new Date("2026-03-01T20:00:00Z"))).toBe("2026-03-02");
  });

  it("agrees with the time-zone database for any instant (Indonesia keeps no daylight saving)", () => {
    const zone = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(jakartaDay(ms)).toBe(zone.format(new Date(ms)));
      }),
    );
  });

  it("refuses what is not a date", () => {
    expect(() => jakartaDay("soon")).toThrow(RangeError);
    expect(() => addCalendarDays("2026-13-45", 1)).toThrow(RangeError);
  });
});

describe("calendar arithmetic", () => {
  it("bounds a Jakarta day in UTC", () => {
    expect(jakartaDayBounds("2026-01-01")).toEqual({
      start: "2025-12-31T17:00:00.000Z",
      end: "2026-01-01T16:59:59.999Z",
    });
  });

  it("adds days across months and leap years, and counts them back", () => {
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-01-01", "2026-03-31")).toBe(89);
    expect(daysBetween("2026-01-01", "2025-12-31")).toBe(-1);
    expect(weekdayOf("2026-08-17")).toBe(1); // a Monday
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -5000, max: 5000 }), (offset, n) => {
        const date = addCalendarDays("1990-01-01", offset);
        expect(daysBetween(date, addCalendarDays(date, n))).toBe(n);
      }),
    );
  });
});
