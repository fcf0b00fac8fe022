import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_REGIONAL_PART, composeDefinition } from "../workflow/definition.ts";
import {
  addNote,
  checklistComplete,
  checklistGaps,
  documentChangesSince,
  returnDraft,
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

  it("takes indicators of the application's instrument, refusing others by index, and leaves the checklist alone", () => {
    const instrument = new Set(["1.1.1", "2.3.4"]);
    const items = [
      { kind: "indicator" as const, ref: "2.3.4", message: "Foto kamar belum ada" },
      { kind: "indicator" as const, ref: "9.9.9", message: "Tidak ada" },
    ];
    expect(returnForRevision(checklist, items, "2026-05-01T03:00:00.000Z", instrument)).toEqual({
      ok: false,
      reason: "unknown_indicators",
      indexes: [1],
    });
    // Without an instrument no indicator can be named.
    expect(returnForRevision(checklist, items.slice(0, 1))).toMatchObject({ ok: false, indexes: [0] });
    expect(returnForRevision(checklist, items.slice(0, 1), "2026-05-01T03:00:00.000Z", instrument)).toEqual({
      ok: true,
      checklist,
    });
  });

  it("returns the named documents with the verifier's messages as a thread and leaves the rest, and their other fields, alone", () => {
    const at = "2026-05-01T03:00:00.000Z";
    const result = returnForRevision(
      checklist,
      [
        { kind: "document", ref: "npwp", message: "Scan terpotong" },
        { kind: "document", ref: "npwp", message: "Kedua" },
        { kind: "profile_field", ref: "npwp", message: "Profil" },
        { kind: "letter", ref: "number", message: "Nomor salah" },
      ],
      at,
    );
    expect(result).toEqual({
      ok: true,
      checklist: [
        entry("akta", "accepted"),
        {
          ...entry("npwp", "returned"),
          comment: "Kedua",
          notes: [
            { message: "Scan terpotong", at },
            { message: "Kedua", at },
          ],
        },
        entry("sdm", "uploaded", false),
      ],
    });
  });

  it("keeps the note left one by one: the return's own note is added after it, a repeat of it is not", () => {
    const first = { message: "Belum ditandatangani", at: "2026-05-01T01:00:00.000Z" };
    const returnedOne = [
      { ...entry("akta", "returned"), comment: first.message, notes: [first] },
      entry("npwp", "uploaded"),
    ];
    // The dialog starts from what was returned one by one…
    const draft = returnDraft(returnedOne);
    expect(draft).toEqual([{ kind: "document", ref: "akta", message: "Belum ditandatangani" }]);
    // …so sending it as it is adds nothing; a second note joins the thread instead of replacing the first.
    const same = returnForRevision(returnedOne, draft, "2026-05-02T00:00:00.000Z");
    expect(same.ok && same.checklist[0]!.notes).toEqual([first]);
    const more = returnForRevision(
      returnedOne,
      [{ kind: "document", ref: "akta", message: "Stempel juga belum ada" }],
      "2026-05-02T00:00:00.000Z",
    );
    expect(more.ok && more.checklist[0]).toMatchObject({
      status: "returned",
      comment: "Stempel juga belum ada",
      notes: [first, { message: "Stempel juga belum ada", at: "2026-05-02T00:00:00.000Z" }],
    });
  });

  it("starts the thread from a comment stored before threads existed", () => {
    const old = [{ ...entry("akta", "returned"), comment: "Kabur" }];
    const result = returnForRevision(old, [{ kind: "document", ref: "akta", message: "Ulangi pindai" }], "t");
    expect(result.ok && result.checklist[0]!.notes?.map((n) => n.message)).toEqual(["Kabur", "Ulangi pindai"]);
    expect(returnDraft(old)).toEqual([{ kind: "document", ref: "akta", message: "Kabur" }]);
  });

  it("addNote appends, skipping only an exact repeat of the latest note", () => {
    expect(addNote(undefined, " Kabur ", "t1")).toEqual([{ message: "Kabur", at: "t1" }]);
    expect(addNote([{ message: "Kabur", at: "t1" }], "Kabur", "t2")).toEqual([{ message: "Kabur", at: "t1" }]);
    expect(
      addNote(
        [
          { message: "Kabur", at: "t1" },
          { message: "Lain", at: "t2" },
        ],
        "Kabur",
        "t3",
      ),
    ).toHaveLength(3);
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

describe("documentChangesSince", () => {
  const v = (documentId: string, version: number, uploadedAt: string) => ({
    documentId,
    version,
    filename: `${documentId}-v${version}.pdf`,
    size: 1000 * version,
    uploadedAt,
  });
  const checklist = [
    { key: "akta", name: "Akta", documentId: "d1" },
    { key: "npwp", name: "NPWP", documentId: "d2" },
    { key: "foto", name: "Foto", documentId: "d3" },
    { key: "sdm", name: "SDM" },
  ];
  it("pairs the file seen at the return with the newest one, lists first uploads with no old file, skips untouched ones", () => {
    const versions = [
      v("d1", 1, "2026-05-01"),
      v("d1", 2, "2026-05-03"),
      v("d1", 3, "2026-05-04"),
      v("d2", 1, "2026-05-01"),
      v("d3", 1, "2026-05-05"),
    ];
    expect(documentChangesSince(checklist, versions, "2026-05-02")).toEqual([
      { key: "akta", name: "Akta", old: v("d1", 1, "2026-05-01"), new: v("d1", 3, "2026-05-04") },
      { key: "foto", name: "Foto", old: null, new: v("d3", 1, "2026-05-05") },
    ]);
    expect(documentChangesSince(checklist, versions, "2026-05-06")).toEqual([]);
  });
});
