import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_REGIONAL_PART, composeDefinition } from "../workflow/definition.ts";
import {
  checklistComplete,
  checklistGaps,
  returnForRevision,
  type ChecklistState,
  type ChecklistStatus,
} from "./rules.ts";

const entry = (key: string, status: ChecklistStatus, required = true): ChecklistState & { name: string } => ({
  key,
  status,
  required,
  name: key,
});

describe("checklistComplete", () => {
  const checklist = [entry("a", "uploaded"), entry("b", "accepted"), entry("c", "missing", false)];
  it("lets the LKS hand over once each required document is uploaded or accepted", () => {
    expect(checklistComplete(checklist, "lks")).toBe(true);
    expect(checklistComplete([...checklist, entry("d", "returned")], "lks")).toBe(false);
    expect(checklistComplete([...checklist, entry("d", "missing")], "lks")).toBe(false);
  });
  it("moves a Dinsos or BALKS step on only once each required document is accepted", () => {
    expect(checklistComplete(checklist, "kabkota")).toBe(false);
    expect(checklistComplete([entry("a", "accepted"), entry("c", "returned", false)], "province")).toBe(true);
    expect(checklistComplete([], "national")).toBe(true);
  });
});

describe("checklistGaps", () => {
  it("names exactly the required documents still missing or returned, in checklist order", () => {
    const checklist = [
      entry("a", "missing"),
      entry("b", "uploaded"),
      entry("c", "missing", false),
      entry("d", "returned"),
      entry("e", "accepted"),
    ];
    expect(checklistGaps(checklist, "lks").map((e) => e.key)).toEqual(["a", "d"]);
    expect(checklistGaps(checklist, "kabkota").map((e) => e.key)).toEqual(["a", "b", "d"]);
    expect(checklistGaps([entry("x", "uploaded")], "lks")).toEqual([]);
  });
});

describe("the national default workflow", () => {
  it("lets the LKS submit and resubmit only with its required documents", () => {
    const def = composeDefinition(DEFAULT_REGIONAL_PART);
    const lksMoves = def.transitions.filter((t) => t.action === "submit" || t.action === "resubmit");
    expect(lksMoves.map((t) => [t.action, t.checklistRequired])).toEqual([
      ["submit", true],
      ["resubmit", true],
    ]);
  });
});

describe("returnForRevision", () => {
  const checklist = [entry("akta", "accepted"), entry("npwp", "uploaded"), entry("sdm", "uploaded", false)];

  it("needs at least one item", () => {
    expect(returnForRevision(checklist, [])).toEqual({ ok: false, reason: "no_items" });
  });

  it("refuses documents not on the checklist, naming each by its index", () => {
    const items = [
      { kind: "document" as const, ref: "akta", message: "Kabur" },
      { kind: "document" as const, ref: "nope", message: "Tidak ada" },
      { kind: "letter" as const, ref: "nope", message: "Bukan dokumen" },
      { kind: "document" as const, ref: "also-nope", message: "Tidak ada" },
    ];
    expect(returnForRevision(checklist, items)).toEqual({ ok: false, reason: "unknown_documents", indexes: [1, 3] });
  });

  it("returns the named documents with the verifier's message and leaves the rest, and their other fields, alone", () => {
    const result = returnForRevision(checklist, [
      { kind: "document", ref: "npwp", message: "Scan terpotong" },
      { kind: "document", ref: "npwp", message: "Kedua" },
      { kind: "profile_field", ref: "npwp", message: "Profil" },
      { kind: "letter", ref: "number", message: "Nomor salah" },
    ]);
    expect(result).toEqual({
      ok: true,
      checklist: [
        entry("akta", "accepted"),
        { ...entry("npwp", "returned"), comment: "Scan terpotong" },
        entry("sdm", "uploaded", false),
      ],
    });
  });

  it("makes the checklist incomplete for the LKS whenever a required document is returned", () => {
    const status = fc.constantFrom<ChecklistStatus>("missing", "uploaded", "returned", "accepted");
    const list = fc.uniqueArray(
      fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), required: fc.boolean(), status }),
      { selector: (e) => e.key, minLength: 1 },
    );
    fc.assert(
      fc.property(list, fc.nat(), (items, pick) => {
        const target = items[pick % items.length]!;
        const result = returnForRevision(items, [{ kind: "document", ref: target.key, message: "Perbaiki" }]);
        if (!result.ok) throw new Error("refused");
        expect(result.checklist).toHaveLength(items.length);
        expect(result.checklist.filter((e) => e.status === "returned").map((e) => e.key)).toContain(target.key);
        if (target.required) expect(checklistComplete(result.checklist, "lks")).toBe(false);
      }),
    );
  });
});
