import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseOf, type Fields, mergeFields, sameValue } from "./merge.ts";
import { savedDifferences, savedFrom, savedMeanwhile } from "./stale-save.ts";

const KEYS = ["signerName", "signerPosition", "numberTemplate", "planDays"] as const;
// Few values, so that the sides often agree with each other or with what was read.
const value = fc.constantFrom("a", "b", "c", 1, 2);
const settings = fc.record(
  Object.fromEntries(KEYS.map((k) => [k, value])) as Record<string, typeof value>,
) as fc.Arbitrary<Fields>;

describe("savedDifferences", () => {
  it("names each field whose saved value differs from the one sent, both values, in the order sent", () => {
    const saved = { numberTemplate: "{seq}/{year}", signerName: "Dr. Sari", signerPosition: "Ketua" };
    const sent = { numberTemplate: "SK-{year}-{seq}", signerName: "Drs. Budi", signerPosition: "Ketua" };
    expect(savedDifferences(saved, sent)).toEqual([
      { field: "numberTemplate", server: "{seq}/{year}", client: "SK-{year}-{seq}" },
      { field: "signerName", server: "Dr. Sari", client: "Drs. Budi" },
    ]);
  });

  it("finds none when the settings already hold what was sent (a retry), whatever else they carry", () => {
    expect(savedDifferences({ planDays: 45, version: 3 }, { planDays: 45 })).toEqual([]);
  });
});

describe("savedMeanwhile", () => {
  const read = { correctionDays: 60, remindBeforeDays: 7, escalateBalksAfterDays: 30 };

  it("marks the field someone else changed, not the one this form changed", () => {
    const held = { ...read, escalateBalksAfterDays: 31 };
    const saved = { ...read, remindBeforeDays: 8 };
    expect(savedMeanwhile(read, held, saved)).toEqual({ remindBeforeDays: 8 });
  });

  it("marks a field both changed differently, and not one both changed alike", () => {
    const held = { ...read, remindBeforeDays: 9, correctionDays: 30 };
    const saved = { ...read, remindBeforeDays: 8, correctionDays: 30 };
    expect(savedMeanwhile(read, held, saved)).toEqual({ remindBeforeDays: 8 });
  });

  it("marks nothing when the other save left every field as read", () => {
    expect(savedMeanwhile(read, { ...read, correctionDays: 1 }, read)).toEqual({});
  });
});

describe("stale-save properties", () => {
  it("marks exactly the fields where the per-field merge would not keep what the form holds", () => {
    fc.assert(
      fc.property(settings, settings, settings, (read, held, saved) => {
        const { merged } = mergeFields(baseOf(read, held), held, saved);
        const marked = savedMeanwhile(read, held, saved);
        for (const field of KEYS) {
          expect(Object.hasOwn(marked, field)).toBe(!sameValue(merged[field], held[field]));
          if (Object.hasOwn(marked, field)) expect(marked[field]).toEqual(saved[field]);
        }
      }),
    );
  });

  it("never marks a change made on one side only by this form, and never drops one made by the other", () => {
    fc.assert(
      fc.property(settings, settings, settings, (read, held, saved) => {
        const marked = savedMeanwhile(read, held, saved);
        for (const field of KEYS) {
          if (sameValue(saved[field], read[field])) expect(Object.hasOwn(marked, field)).toBe(false);
          else if (!sameValue(saved[field], held[field])) expect(marked[field]).toEqual(saved[field]);
        }
      }),
    );
  });

  it("rebuilds the saved settings from what was sent and the differences, which are none only for equal settings", () => {
    fc.assert(
      fc.property(settings, settings, (saved, sent) => {
        const differences = savedDifferences(saved, sent);
        expect(savedFrom(sent, differences)).toEqual(saved);
        expect(differences.length === 0).toBe(KEYS.every((k) => sameValue(saved[k], sent[k])));
      }),
    );
  });
});
