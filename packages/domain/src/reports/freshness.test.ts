import { describe, expect, it } from "vitest";
import { dataAsOf } from "./freshness.ts";

describe("the time of the data", () => {
  it("is written in Jakarta time, Bahasa Indonesia first", () => {
    expect(dataAsOf("2026-12-01T01:00:00.000Z")).toBe("Data per 1 Des 2026 08:00 WIB");
    expect(dataAsOf("2026-12-01T01:00:00.000Z", "en")).toBe("Data as of 1 Dec 2026 08:00 WIB");
    // 23:30 UTC is already the next day in Jakarta.
    expect(dataAsOf(Date.parse("2026-08-16T23:30:00Z"))).toBe("Data per 17 Agu 2026 06:30 WIB");
    expect(() => dataAsOf("not a date")).toThrow(RangeError);
  });
});
