import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stopChanges } from "./visit-plan.ts";

const route = (entries: [string, string][]) => new Map(entries);

describe("stopChanges", () => {
  it("names each added, moved and removed stop once, and leaves an unchanged one out", () => {
    const before = route([
      ["a", "2026-06-01"],
      ["b", "2026-06-02"],
      ["c", "2026-06-03"],
    ]);
    const after = route([
      ["a", "2026-06-01"],
      ["b", "2026-06-04"],
      ["d", "2026-06-05"],
    ]);
    expect([...stopChanges(before, after)]).toEqual([
      ["b", { kind: "moved", date: "2026-06-04", previous: "2026-06-02" }],
      ["d", { kind: "planned", date: "2026-06-05" }],
      ["c", { kind: "cancelled", previous: "2026-06-03" }],
    ]);
  });

  it("a new plan plans every stop; cancelling one cancels every stop", () => {
    const stops = route([["a", "2026-06-01"]]);
    expect(stopChanges(new Map(), stops).get("a")).toEqual({ kind: "planned", date: "2026-06-01" });
    expect(stopChanges(stops, new Map()).get("a")).toEqual({ kind: "cancelled", previous: "2026-06-01" });
  });

  it("saving the same route again tells nobody anything (property)", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-06-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), day), (stops) => {
        const same = new Map(Object.entries(stops));
        expect(stopChanges(same, new Map(same)).size).toBe(0);
      }),
    );
  });
});
