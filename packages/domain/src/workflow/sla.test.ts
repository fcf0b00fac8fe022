import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWorkingDay } from "../calendar/holidays/index.ts";
import { jakartaDay } from "../calendar/jakarta.ts";
import { isEscalated, isOverdue, slaDueAt } from "./sla.ts";

const JAKARTA_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

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

  it("skips national holidays and cuti bersama", () => {
    // Tuesday 17 March 2026 + 1: Wed 18 cuti bersama Nyepi, Thu 19 Nyepi, Fri 20 cuti bersama,
    // Sat–Sun 21–22 Idulfitri, Mon 23 and Tue 24 cuti bersama: due on Wednesday 25 March.
    expect(slaDueAt("2026-03-17T03:00:00Z", 1)).toBe("2026-03-25T16:59:59.999Z");
    expect(slaDueAt("2026-03-17T03:00:00Z", 2)).toBe("2026-03-26T16:59:59.999Z");
    // Friday 15 August 2025 + 1: Monday 18 August was cuti bersama (SKB 933/2025), so Tuesday.
    expect(slaDueAt("2025-08-15T03:00:00Z", 1)).toBe("2025-08-19T16:59:59.999Z");
    // Christmas 2025: Thursday 25 libur, Friday 26 cuti bersama.
    expect(slaDueAt("2025-12-24T03:00:00Z", 1)).toBe("2025-12-29T16:59:59.999Z");
  });

  it("has no due date without an SLA, and refuses nonsense", () => {
    expect(slaDueAt("2025-01-03T02:00:00Z", null)).toBeNull();
    expect(() => slaDueAt("not a date", 3)).toThrow(RangeError);
    expect(() => slaDueAt("2025-01-03T02:00:00Z", -1)).toThrow(RangeError);
  });

  const instant = fc
    .integer({ min: Date.UTC(2024, 6, 1), max: Date.UTC(2028, 6, 1) })
    .map((ms) => new Date(ms).toISOString());

  it("lands at a working day's last millisecond (never a weekend or holiday), later than the entry", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (enteredAt, days) => {
        const due = slaDueAt(enteredAt, days)!;
        expect(new Date(Date.parse(due) + JAKARTA_MS).toISOString().slice(11)).toBe("23:59:59.999Z");
        expect(isWorkingDay(jakartaDay(due))).toBe(true);
        expect(Date.parse(due)).toBeGreaterThan(Date.parse(enteredAt));
      }),
    );
  });

  it("is strictly monotonic in days, with exactly one working day per extra day and only days off between", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (enteredAt, days) => {
        const due = Date.parse(slaDueAt(enteredAt, days)!);
        const later = Date.parse(slaDueAt(enteredAt, days + 1)!);
        expect(later).toBeGreaterThan(due);
        for (let t = due + DAY_MS; t < later; t += DAY_MS) expect(isWorkingDay(jakartaDay(t))).toBe(false);
      }),
    );
  });

  it("is monotonic in the entry time", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 30 * DAY_MS }),
        fc.integer({ min: 0, max: 30 }),
        (enteredAt, gap, days) => {
          const later = new Date(Date.parse(enteredAt) + gap).toISOString();
          expect(Date.parse(slaDueAt(later, days)!)).toBeGreaterThanOrEqual(Date.parse(slaDueAt(enteredAt, days)!));
        },
      ),
    );
  });
});

describe("isOverdue / isEscalated", () => {
  const due = "2026-01-07T16:59:59.999Z";
  it("is late only after the due instant, never without an SLA", () => {
    expect(isOverdue(due, "2026-01-07T16:59:59.999Z")).toBe(false);
    expect(isOverdue(due, "2026-01-07T17:00:00.000Z")).toBe(true);
    expect(isOverdue(due, Date.parse(due) + 1)).toBe(true);
    expect(isOverdue(null, Date.UTC(2099, 0, 1))).toBe(false);
  });
  it("escalates once overdue for the given whole days", () => {
    const at = Date.parse(due);
    expect(isEscalated(due, at + 3 * DAY_MS - 1, 3)).toBe(false);
    expect(isEscalated(due, at + 3 * DAY_MS, 3)).toBe(true);
    expect(isEscalated(due, at + 1, 0)).toBe(true);
    expect(isEscalated(due, at, 0)).toBe(false);
    expect(isEscalated(null, at, 0)).toBe(false);
  });
});
