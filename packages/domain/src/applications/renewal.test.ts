import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indicatorsOf } from "../instruments/types.ts";
import { SMALL, instrumentArb, instrumentOf } from "../instruments/test-support.ts";
import { DEFAULT_CHECKLISTS } from "./checklist.ts";
import {
  PER_CYCLE_REQUIREMENTS,
  levelChange,
  planAnswerCarry,
  planCarryOver,
  renewalLetter,
  type CarryContext,
  type CycleDocument,
} from "./renewal.ts";

const PDF = "application/pdf";
const doc = (key: string, extra: Partial<CycleDocument> = {}): CycleDocument => ({
  key,
  status: "accepted",
  documentId: `doc-${key}`,
  contentType: PDF,
  size: 100_000,
  uploadedAt: "2024-03-01T03:00:00.000Z",
  ...extra,
});
const context: CarryContext = {
  today: "2026-12-05",
  permitsExpireOn: { tanda_daftar: "2028-01-01", izin_operasional: null },
};
const renewal = DEFAULT_CHECKLISTS.renewal;

describe("renewalLetter", () => {
  const previous = {
    number: "12/LKS/2023",
    date: "2023-02-01",
    signatoryName: "Siti Aminah",
    signatoryPosition: "Ketua",
    summary: "Akreditasi pertama",
  };

  it("takes who signs and the summary from the last cycle, never its number or date", () => {
    expect(renewalLetter(previous, { number: "7/LKS/2026", date: "2026-12-01" })).toEqual({
      number: "7/LKS/2026",
      date: "2026-12-01",
      signatoryName: "Siti Aminah",
      signatoryPosition: "Ketua",
      summary: "Akreditasi pertama",
    });
  });

  it("lets every field the caller sends win", () => {
    const sent = { number: "7", date: "2026-12-01", signatoryName: "Budi", signatoryPosition: "Sekretaris" };
    expect(renewalLetter(previous, sent)).toMatchObject(sent);
    expect(renewalLetter(null, sent)).toEqual(sent);
  });

  it("never lets an empty or missing sent field erase the carried one (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(undefined, ""), (empty) => {
        expect(renewalLetter(previous, { signatoryName: empty }).signatoryName).toBe("Siti Aminah");
      }),
    );
  });
});

describe("planCarryOver", () => {
  it("links standing documents and leaves per-cycle, returned, expired and outdated ones", () => {
    const plan = planCarryOver(
      [
        doc("akta_pendirian"),
        doc("npwp", { status: "uploaded", contentType: "image/jpeg" }),
        doc("surat_permohonan"),
        doc("formulir_a"),
        doc("struktur_pengurus", { status: "returned" }),
        doc("tanda_daftar"),
        doc("izin_operasional"),
        doc("program_kerja"),
        doc("daftar_klien", { uploadedAt: "2026-06-01T00:00:00.000Z" }),
        doc("profil_lks", { size: 3 * 1024 * 1024 }),
        doc("dokumen_lama_dinsos"),
      ],
      renewal,
      context,
    );
    expect(plan.carried.map((d) => d.key)).toEqual([
      "akta_pendirian",
      "npwp",
      "tanda_daftar",
      "izin_operasional",
      "daftar_klien",
    ]);
    expect(plan.left).toEqual([
      { key: "surat_permohonan", reason: "per_cycle" },
      { key: "formulir_a", reason: "per_cycle" },
      { key: "struktur_pengurus", reason: "returned" },
      { key: "program_kerja", reason: "outdated" },
      { key: "profil_lks", reason: "too_large" },
      { key: "dokumen_lama_dinsos", reason: "not_in_checklist" },
    ]);
  });

  it("leaves a permit the registry says has ended, and a type the requirement no longer takes", () => {
    const plan = planCarryOver([doc("tanda_daftar"), doc("akta_pendirian", { contentType: "image/png" })], renewal, {
      ...context,
      permitsExpireOn: { tanda_daftar: "2026-12-04", izin_operasional: null },
    });
    expect(plan.carried).toEqual([]);
    expect(plan.left).toEqual([
      { key: "tanda_daftar", reason: "permit_expired" },
      { key: "akta_pendirian", reason: "type_not_accepted" },
    ]);
  });

  it("a permit ending today is still valid today", () => {
    const plan = planCarryOver([doc("tanda_daftar")], renewal, {
      ...context,
      permitsExpireOn: { tanda_daftar: "2026-12-05", izin_operasional: null },
    });
    expect(plan.carried).toHaveLength(1);
  });

  const statusArb = fc.constantFrom("missing", "uploaded", "returned", "accepted" as const);
  const docArb = fc.record({
    key: fc.constantFrom(...renewal.map((r) => r.key), "lain_lain"),
    status: statusArb,
    documentId: fc.uuid(),
    contentType: fc.constantFrom(PDF, "image/jpeg", "image/png", "text/plain"),
    size: fc.integer({ min: 1, max: 30 * 1024 * 1024 }),
    uploadedAt: fc
      .integer({ min: Date.parse("2020-01-01"), max: Date.parse("2026-12-05") })
      .map((ms) => new Date(ms).toISOString()),
  });

  it("accounts for each key once, and carries only what the new checklist accepts as it stands (property)", () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 30 }), (docs) => {
        const plan = planCarryOver(docs, renewal, context);
        const keys = [...plan.carried.map((d) => d.key), ...plan.left.map((l) => l.key)];
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(new Set(docs.map((d) => d.key)));
        for (const carried of plan.carried) {
          const requirement = renewal.find((r) => r.key === carried.key);
          expect(requirement).toBeDefined();
          expect(carried.size).toBeLessThanOrEqual(requirement?.maxBytes ?? 0);
          expect(["uploaded", "accepted"]).toContain(carried.status);
          expect(PER_CYCLE_REQUIREMENTS).not.toContain(carried.key);
        }
      }),
    );
  });
});

describe("planAnswerCarry", () => {
  const answersOf = (levels: Record<string, number | null>) =>
    Object.entries(levels).map(([indicator, level]) => ({ indicator, level, note: "" }));

  it("copies answers of unchanged indicators and lists the changed and removed ones", () => {
    const before = SMALL;
    const after = structuredClone(SMALL);
    after.id = "uji-2";
    const [first, second] = after.standards[0]?.aspects[0]?.indicators ?? [];
    if (!first || !second) throw new Error("shape");
    first.weight = 4; // a new weight keeps the answer's meaning
    second.levels = [{ score: 1, descriptor: { id: "baru", en: "new" } }];
    after.standards[5]?.aspects[0]?.indicators.pop();
    const plan = planAnswerCarry(before, after, answersOf({ "1.1.1": 3, "1.1.2": 2, "6.1.2": 4, "2.1.1": null }));
    expect(plan.copied).toEqual([{ indicator: "1.1.1", level: 3, note: "" }]);
    expect(plan.left).toEqual([
      { indicator: "1.1.2", from: "1.1.2", reason: "changed" },
      { indicator: "6.1.2", from: "6.1.2", reason: "removed" },
    ]);
  });

  it("follows a renumbered indicator through the newer version's lineage", () => {
    const before = instrumentOf([[[1]], [[1]], [[1]], [[1]], [[1]], [[1]]], { id: "v1" });
    const after = instrumentOf([[[1, 1]], [[1]], [[1]], [[1]], [[1]], [[1]]], {
      id: "v2",
      lineage: { from: "v1", codes: { "1.1.2": "1.1.1" } },
    });
    // The lineage says the new 1.1.2 is the old 1.1.1 renumbered (same wording); the new 1.1.1 is another indicator.
    const moved = after.standards[0]?.aspects[0]?.indicators[1];
    if (!moved) throw new Error("shape");
    moved.text = { id: "Indikator 1.1.1", en: "Indikator 1.1.1 (en)" };
    const plan = planAnswerCarry(before, after, answersOf({ "1.1.1": 2 }));
    expect(plan.copied).toEqual([{ indicator: "1.1.2", level: 2, note: "" }]);
    expect(plan.left).toEqual([]);
  });

  it("copies every answer when the version is the same, and only valid ones otherwise (property)", () => {
    fc.assert(
      fc.property(instrumentArb, instrumentArb, fc.integer({ min: 0, max: 4 }), (a, b, level) => {
        const codes = indicatorsOf(a).map((x) => x.indicator.code);
        const answers = answersOf(Object.fromEntries(codes.map((code) => [code, level])));
        const same = planAnswerCarry(a, a, answers);
        expect(same.copied.length + same.left.length).toBe(answers.length);
        expect(same.left.every((l) => l.reason === "invalid_level")).toBe(true);
        const other = planAnswerCarry(a, { ...b, id: "other" }, answers);
        const bCodes = new Set(indicatorsOf(b).map((x) => x.indicator.code));
        for (const copied of other.copied) expect(bCodes.has(copied.indicator)).toBe(true);
        expect(other.copied.length + other.left.length).toBe(answers.length);
      }),
    );
  });
});

describe("levelChange", () => {
  it("says up, down or same, and nothing when a cycle has no level", () => {
    expect(levelChange(1, 3)).toBe("up");
    expect(levelChange(3, 1)).toBe("down");
    expect(levelChange(2, 2)).toBe("same");
    expect(levelChange(null, 2)).toBeNull();
    expect(levelChange(2, undefined)).toBeNull();
  });

  it("is antisymmetric (property)", () => {
    const flip = { up: "down", down: "up", same: "same" } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (a, b) => {
        const forward = levelChange(a, b);
        expect(forward && flip[forward]).toBe(levelChange(b, a));
      }),
    );
  });
});
