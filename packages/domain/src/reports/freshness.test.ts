import { describe, expect, it } from "vitest";
import { dataAsOf, READ_REFRESH_AFTER_MS, refreshOnRead } from "./freshness.ts";

describe("the time of the data", () => {
  it("is written in Jakarta time, Bahasa Indonesia first", () => {
    expect(dataAsOf("2026-12-01T01:00:00.000Z")).toBe("Data per 1 Des 2026 08:00 WIB");
    expect(dataAsOf("2026-12-01T01:00:00.000Z", "en")).toBe("Data as of 1 Dec 2026 08:00 WIB");
    // 23:30 UTC is already the next day in Jakarta.
    expect(dataAsOf(Date.parse("2026-08-16T23:30:00Z"))).toBe("Data per 17 Agu 2026 06:30 WIB");
    expect(() => dataAsOf("not a date")).toThrow(RangeError);
  });
});

describe("a report read recomputing a roll-up itself", () => {
  const now = Date.parse("2026-12-01T01:00:00.000Z");
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it("does when the tenant was never computed, or its changes waited longer than the cron lets them", () => {
    expect(refreshOnRead({ computedAt: null, dirtySince: ago(1000) }, now)).toBe(true);
    expect(refreshOnRead({ computedAt: ago(3_600_000), dirtySince: ago(READ_REFRESH_AFTER_MS + 1) }, now)).toBe(true);
  });

  it("does not when nothing changed, or the cron will count the change within its minute", () => {
    expect(refreshOnRead({ computedAt: ago(3_600_000), dirtySince: null }, now)).toBe(false);
    expect(refreshOnRead({ computedAt: null, dirtySince: null }, now)).toBe(false);
    expect(refreshOnRead({ computedAt: ago(3_600_000), dirtySince: ago(READ_REFRESH_AFTER_MS - 1) }, now)).toBe(false);
  });
});
