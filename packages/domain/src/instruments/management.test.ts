import { describe, expect, it } from "vitest";
import { applicableInstrument, applyDraftEdit } from "./management.ts";
import { SMALL, indicator } from "./test-support.ts";

const v = (id: string, regulation: string, lksTypes: string[], publishedAt: string | null = "2026-01-01") => ({
  id,
  regulation,
  lksTypes,
  publishedAt,
});

describe("applicableInstrument", () => {
  const versions = [
    v("lksa-2012", "permensos-17-2012", ["LKSA"], "2026-06-01"),
    v("lksa-2025", "permensos-8-2025", ["LKSA"], "2026-01-01"),
    v("lksa-2025-b", "permensos-8-2025", ["LKSA"], "2026-03-01"),
    v("lu-2025", "permensos-8-2025", ["LKS-LU", "LKSPD"]),
    v("draft", "permensos-8-2025", ["LKS-NAPZA"], null),
  ];

  it("takes the newest regulation, then the latest published, for the LKS's first covered type", () => {
    expect(applicableInstrument(versions, ["LKSA"])?.id).toBe("lksa-2025-b");
    expect(applicableInstrument(versions, ["LKSPD", "LKSA"])?.id).toBe("lu-2025");
    expect(applicableInstrument(versions, ["LKS-ODHA", "LKSA"])?.id).toBe("lksa-2025-b");
  });

  it("finds nothing for a type only a draft covers, or for no type", () => {
    expect(applicableInstrument(versions, ["LKS-NAPZA"])).toBeNull();
    expect(applicableInstrument(versions, [])).toBeNull();
  });
});

describe("applyDraftEdit", () => {
  it("replaces in place, moves, adds into new groups and removes, dropping emptied aspects", () => {
    const changed = { ...indicator("1.1.1", 4), text: { id: "Baru", en: "New" } };
    const result = applyDraftEdit(SMALL, {
      put: [
        { standard: { code: "1" }, aspect: { code: "1.1" }, indicator: changed },
        {
          standard: { code: "2" },
          aspect: { code: "2.2", name: { id: "Aspek baru", en: "New aspect" } },
          indicator: indicator("1.1.2"),
        },
      ],
      remove: ["3.1.1", "3.1.2"],
    });
    if (!result.ok) throw new Error(result.reason);
    const s = result.instrument.standards;
    expect(s[0]!.aspects[0]!.indicators.map((i) => i.code)).toEqual(["1.1.1"]);
    expect(s[0]!.aspects[0]!.indicators[0]).toEqual(changed);
    expect(s[1]!.aspects.map((a) => a.code)).toEqual(["2.1", "2.2"]);
    expect(s[1]!.aspects[1]!.indicators.map((i) => i.code)).toEqual(["1.1.2"]);
    expect(s[2]!.aspects).toEqual([]);
    expect(SMALL.standards[0]!.aspects[0]!.indicators).toHaveLength(2); // the draft given is left as it was
  });

  it("refuses an unknown code to remove and a new group without a name", () => {
    expect(applyDraftEdit(SMALL, { remove: ["9.9.9"] })).toEqual({
      ok: false,
      reason: "unknown_indicator",
      codes: ["9.9.9"],
    });
    expect(
      applyDraftEdit(SMALL, {
        put: [{ standard: { code: "1" }, aspect: { code: "1.5" }, indicator: indicator("1.5.1") }],
      }),
    ).toEqual({ ok: false, reason: "unnamed_group", codes: ["1.5"] });
  });
});
