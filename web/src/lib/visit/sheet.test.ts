import { describe, expect, it } from "vitest";
import { takenAt, photoTarget } from "./photo.ts";
import { changedBase, docRef, findingRef, placeOf, SheetAnswers, sheetBatch } from "./sheet.ts";

describe("the score sheet's places as outbox changes", () => {
  it("tells an indicator's score, a document's check and a finding apart by the ref", () => {
    expect(placeOf("2.3.4")).toEqual({ kind: "entry", indicator: "2.3.4" });
    expect(placeOf(docRef("akta_notaris"))).toEqual({ kind: "check", code: "akta_notaris" });
    expect(placeOf(findingRef("f-1234567"))).toEqual({ kind: "finding", id: "f-1234567" });
  });

  it("a score is one entry of the batch PUT with the version and the base it started from", () => {
    expect(
      sheetBatch({ ref: "2.3.4", values: { level: 3, note: "ada" }, base: { level: 2 }, expectedVersion: 4 }),
    ).toEqual({
      entries: [{ indicator: "2.3.4", level: 3, note: "ada", baseVersion: 4, base: { level: 2 } }],
      findings: [],
      documentChecks: [],
    });
  });

  it("a document check is one of `documentChecks`, a finding one of `findings` (never a merge: it is new)", () => {
    expect(
      sheetBatch({
        ref: docRef("ad_art"),
        values: { present: false, note: "" },
        base: { present: null },
        expectedVersion: 0,
      }),
    ).toMatchObject({
      entries: [],
      findings: [],
      documentChecks: [{ code: "ad_art", present: false, note: "", baseVersion: 0, base: { present: null } }],
    });
    const finding = {
      indicator: "2.2.1",
      kind: "bullying",
      description: "Perundungan",
      reportedAt: "2026-03-10T03:00:00.000Z",
    };
    expect(sheetBatch({ ref: findingRef("f-12345678"), values: finding, base: {}, expectedVersion: 0 })).toEqual({
      entries: [],
      findings: [{ id: "f-12345678", ...finding }],
      documentChecks: [],
    });
  });

  it("the base holds, for each changed field only, the value the server had", () => {
    expect(changedBase({ level: 2, note: "a" }, { level: 3, note: "a" })).toEqual({ level: 2 });
    expect(changedBase({ present: null, note: "" }, { present: null, note: "" })).toEqual({});
  });
});

describe("a visit photo's place in the upload queue", () => {
  const now = Date.parse("2026-03-10T03:15:00.000Z");

  it("is stamped with the camera's time, or now when the file's time is missing or in the future", () => {
    expect(takenAt({ lastModified: now - 60_000 }, now)).toBe("2026-03-10T03:14:00.000Z");
    expect(takenAt({ lastModified: 0 }, now)).toBe("2026-03-10T03:15:00.000Z");
    expect(takenAt({ lastModified: now + 3_600_000 }, now)).toBe("2026-03-10T03:15:00.000Z");
  });

  it("carries the place only when the asesor allowed it", () => {
    const file = { lastModified: now };
    expect(photoTarget("asg-1", "1.1.1", file, null, "photo-123")).toEqual({
      assignmentId: "asg-1",
      indicator: "1.1.1",
      photoId: "photo-123",
      takenAt: "2026-03-10T03:15:00.000Z",
    });
    expect(
      photoTarget("asg-1", "1.1.1", file, { latitude: -6.1938123, longitude: 106.6141234 }, "photo-123"),
    ).toMatchObject({
      latitude: "-6.193812",
      longitude: "106.614123",
    });
  });
});

describe("which answer about the sheet the page shows (they arrive in any order)", () => {
  const open = { submittedAt: null };
  const submitted = { submittedAt: "2026-03-10T03:00:00.000Z" };

  it("a read asked before the answer shown, and answered after it, is older: left out", () => {
    const answers = new SheetAnswers();
    answers.reset(open);
    const first = answers.ask();
    const second = answers.ask();
    expect(answers.take(second, open)).toBe(true);
    expect(answers.take(first, open)).toBe(false);
    expect(answers.take(answers.ask(), open)).toBe(true);
  });

  it("the submit's answer stands: a read asked before it and answered after it does not take it back", () => {
    // The CI run: the outbox's last send read the sheet again, the asesor submitted meanwhile, and
    // that read (from before the submit) arrived last.
    const answers = new SheetAnswers();
    answers.reset(open);
    const readBefore = answers.ask();
    const submit = answers.ask();
    expect(answers.take(submit, submitted)).toBe(true);
    expect(answers.take(readBefore, open)).toBe(false);
  });

  it("a submission is final: a sheet not submitted never replaces a submitted one, a submitted one replaces any other", () => {
    const answers = new SheetAnswers();
    answers.reset(open);
    const submit = answers.ask();
    const readAfter = answers.ask();
    // Read on the server before the submit was stored, answered first.
    expect(answers.take(readAfter, open)).toBe(true);
    expect(answers.take(submit, submitted)).toBe(true);
    expect(answers.take(answers.ask(), open)).toBe(false);
    expect(answers.take(answers.ask(), submitted)).toBe(true);
  });

  it("a new load starts over: what was asked before it is older, submitted or not", () => {
    const answers = new SheetAnswers();
    answers.reset(submitted);
    const before = answers.ask();
    answers.reset(open);
    expect(answers.take(before, submitted)).toBe(false);
    expect(answers.take(answers.ask(), open)).toBe(true);
  });
});
