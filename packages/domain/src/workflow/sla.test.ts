import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slaDueAt } from "./sla.ts";

const JAKARTA_MS = 7 * 3_600_000;
const jakartaWeekday = (iso: string) => new Date(Date.parse(iso) + JAKARTA_MS).getUTCDay();

describe("slaDueAt", () => {
  it("is due at the end of the Tuesday for a Friday entry with 2 working days", () => {
    // Friday 3 January 2025, 09:00 WIB.
    expect(slaDueAt("2025-01-03T02:00:00.000Z", 2)).toBe("2025-01-07T16:59:59.999Z"); // Tuesday 23:59:59.999 WIB
  });

  it("counts on the Jakarta calendar, not the UTC one", () => {
    // Thursday 18:00 UTC is already Friday 01:00 in Jakarta: one working day later is Monday, not Friday.
    expect(slaDueAt("2025-01-02T18:00:00Z", 1)).toBe("2025-01-06T16:59:59.999Z");
    // Friday 16:59 UTC is still Friday 23:59 WIB.
    expect(slaDueAt("2025-01-03T16:59:00Z", 1)).toBe("2025-01-06T16:59:59.999Z");
  });

  it("skips weekends whatever the day of entry", () => {
    expect(slaDueAt("2025-01-04T03:00:00Z", 1)).toBe("2025-01-06T16:59:59.999Z"); // Saturday → Monday
    expect(slaDueAt("2025-01-06T03:00:00Z", 5)).toBe("2025-01-13T16:59:59.999Z"); // Monday → next Monday
    expect(slaDueAt("2025-01-03T03:00:00Z", 10)).toBe("2025-01-17T16:59:59.999Z"); // Friday → Friday two weeks on
  });

  it("has no due date without an SLA, and refuses nonsense", () => {
    expect(slaDueAt("2025-01-03T02:00:00Z", null)).toBeNull();
    expect(() => slaDueAt("not a date", 3)).toThrow(RangeError);
    expect(() => slaDueAt("2025-01-03T02:00:00Z", -1)).toThrow(RangeError);
  });

  it("adds one more working day per extra SLA day, landing on a Jakarta weekday's last millisecond", () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (enteredAt, days) => {
        const due = slaDueAt(enteredAt, days)!;
        const later = slaDueAt(enteredAt, days + 1)!;
        expect(new Date(Date.parse(later) + JAKARTA_MS).toISOString().slice(11)).toBe("23:59:59.999Z");
        expect([1, 2, 3, 4, 5]).toContain(jakartaWeekday(later));
        expect(Date.parse(later) - Date.parse(due)).toBe((jakartaWeekday(due) === 5 ? 3 : jakartaWeekday(due) === 6 ? 2 : 1) * 86_400_000);
        expect(Date.parse(due)).toBeGreaterThan(Date.parse(enteredAt));
      }),
    );
  });
});
