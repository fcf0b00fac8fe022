import { SEED_INSTRUMENTS } from "@akrab/domain";
import { describe, expect, it } from "vitest";
import { AnswersSchema, InstrumentVersionSchema } from "./instruments.ts";

describe("InstrumentVersionSchema", () => {
  it("accepts every seeded instrument unchanged", () => {
    for (const instrument of SEED_INSTRUMENTS) expect(InstrumentVersionSchema.parse(instrument)).toEqual(instrument);
  });

  it("refuses an unknown regulation and a control character in a descriptor, naming where", () => {
    const bad = structuredClone(SEED_INSTRUMENTS[0]!);
    (bad as { regulation: string }).regulation = "permensos-1-1999";
    bad.standards[0]!.aspects[0]!.indicators[0]!.levels[0]!.descriptor.id = "Tidak\u0000ada";
    const result = InstrumentVersionSchema.safeParse(bad);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([
      "regulation",
      "standards.0.aspects.0.indicators.0.levels.0.descriptor.id",
    ]);
  });
});

describe("AnswersSchema", () => {
  it("takes levels or blanks by code and findings of a known kind", () => {
    const answers = { levels: { "1.1.1": 3, "1.1.2": null }, findings: [{ indicator: "2.4.1", kind: "bullying" }] };
    expect(AnswersSchema.parse(answers)).toEqual(answers);
    expect(AnswersSchema.safeParse({ levels: {}, findings: [{ indicator: "2.4.1", kind: "gossip" }] }).success).toBe(
      false,
    );
  });
});
