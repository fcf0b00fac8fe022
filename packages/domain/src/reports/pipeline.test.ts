import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthsFrom, percentile, reaccreditationForecast, throughputByMonth, waitingByStep } from "./pipeline.ts";

const NOW = "2026-12-05T01:00:00.000Z";
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();

describe("percentile (nearest rank)", () => {
  it("gives a value that occurred", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });

  it("leaves at least p % of the values at or below it, and fewer than p % strictly below (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const q = percentile(sorted, p) as number;
          expect(sorted).toContain(q);
          expect(sorted.filter((v) => v <= q).length).toBeGreaterThanOrEqual((p / 100) * sorted.length);
          expect(sorted.filter((v) => v < q).length).toBeLessThan((p / 100) * sorted.length);
        },
      ),
    );
  });
});

describe("waiting time per step", () => {
  it("gives median, 90th percentile, longest and overdue per step, in the workflow's order", () => {
    const apps = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 30].map((d) => ({
        step: "kabkota_verification",
        enteredAt: daysAgo(d),
        dueAt: daysAgo(d - 14),
      })),
      { step: "visit", enteredAt: daysAgo(40), dueAt: null },
      { step: "balks_intake", enteredAt: daysAgo(0.5) },
    ];
    expect(waitingByStep(apps, NOW, ["kabkota_verification", "balks_intake", "visit"])).toEqual([
      { step: "kabkota_verification", count: 10, medianDays: 5, p90Days: 9, longestDays: 30, overdue: 1 },
      { step: "balks_intake", count: 1, medianDays: 0.5, p90Days: 0.5, longestDays: 0.5, overdue: 0 },
      { step: "visit", count: 1, medianDays: 40, p90Days: 40, longestDays: 40, overdue: 0 },
    ]);
  });
});

describe("throughput against the national target", () => {
  it("counts decisions per month, accreditations against 3,000 a year", () => {
    const rows = throughputByMonth(
      [
        { day: "2026-01-15", outcome: "accredited" },
        { day: "2026-01-31", outcome: "accredited" },
        { day: "2026-02-01", outcome: "not_accredited" },
        { day: "2025-12-31", outcome: "accredited" },
      ],
      "2026-01",
      3,
    );
    expect(rows).toEqual([
      { month: "2026-01", accredited: 2, notAccredited: 0, target: 250, cumulative: 2, cumulativeTarget: 250 },
      { month: "2026-02", accredited: 0, notAccredited: 1, target: 250, cumulative: 2, cumulativeTarget: 500 },
      { month: "2026-03", accredited: 0, notAccredited: 0, target: 250, cumulative: 2, cumulativeTarget: 750 },
    ]);
  });

  it("walks months across years", () => {
    expect(monthsFrom("2026-11", 4)).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
  });
});

describe("re-accreditation forecast", () => {
  it("counts certificates in force by the month their validity ends, for the next 24 months", () => {
    const forecast = reaccreditationForecast(
      [
        { validUntil: "2026-12-05" },
        { validUntil: "2026-12-31" },
        { validUntil: "2026-12-04" }, // already expired
        { validUntil: "2027-06-30", ended: true }, // revoked
        { validUntil: "2028-11-30" }, // the 24th month
        { validUntil: "2028-12-01" }, // beyond the window
      ],
      "2026-12-05",
    );
    expect(forecast).toHaveLength(24);
    expect(forecast[0]).toEqual({ month: "2026-12", due: 2 });
    expect(forecast[23]).toEqual({ month: "2028-11", due: 1 });
    expect(forecast.reduce((n, m) => n + m.due, 0)).toBe(3);
  });

  it("forecasts every certificate in force that ends within the window exactly once (property)", () => {
    const day = fc
      .integer({ min: 0, max: 3 * 365 })
      .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.record({ validUntil: day, ended: fc.boolean() })), day, (certs, today) => {
        const forecast = reaccreditationForecast(certs, today);
        const last = forecast.at(-1)?.month as string;
        const expected = certs.filter((c) => !c.ended && c.validUntil >= today && c.validUntil.slice(0, 7) <= last);
        expect(forecast.reduce((n, m) => n + m.due, 0)).toBe(expected.length);
      }),
    );
  });
});
