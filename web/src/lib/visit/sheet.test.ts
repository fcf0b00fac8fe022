import { describe, expect, it } from "vitest";
import { takenAt, photoTarget } from "./photo.ts";
import { changedBase, docRef, findingRef, placeOf, sheetBatch } from "./sheet.ts";

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
