import { describe, expect, it } from "vitest";
import { ApiError } from "#lib/api.ts";
import {
  answerConflicts,
  changesNothing,
  fileUnsent,
  fold,
  outcomeOf,
  rebase,
  unsent,
  waitsForEvidence,
  waitsForUploads,
  type NewChange,
} from "./outbox.ts";

const change = (values: Record<string, unknown>, base: Record<string, unknown>): NewChange => ({
  kind: "lks",
  tenant: "kota-tangerang",
  targetId: "lks-1",
  label: "Profil LKS",
  href: "/lks/lks-1",
  values,
  base,
  expectedVersion: 3,
});
let n = 0;
const make = () => ({ id: `id-${++n}`, key: `key-${n}` });

describe("outbox fold", () => {
  it("a first change is a pending item with no attempts", () => {
    const item = fold(undefined, change({ phone: "2" }, { phone: "1" }), make, 1000, "u1");
    expect(item).toMatchObject({ userId: "u1", state: "pending", attempts: 0, createdAt: 1000, base: { phone: "1" } });
  });

  it("a second edit of the same form replaces the values, keeps each field's first base and takes a new key", () => {
    const first = fold(undefined, change({ phone: "2", email: "a" }, { phone: "1" }), make, 1000, "u1");
    const refused = { ...first, state: "refused" as const, lastError: "NPWP salah" };
    // The form showed the waiting values: the phone's base there is "2", the server's is still "1".
    const second = fold(refused, change({ phone: "3", email: "b" }, { phone: "2", email: "a" }), make, 2000, "u1");
    expect(second.id).toBe(first.id);
    expect(second.key).not.toBe(first.key);
    expect(second).toMatchObject({
      values: { phone: "3", email: "b" },
      base: { phone: "1", email: "a" },
      state: "pending",
      lastError: null,
      createdAt: 1000,
    });
  });
});

describe("what a failed send means", () => {
  const reason = (e: unknown) => (e instanceof Error ? e.message : "?");
  it("no link: wait; server trouble or 429: try again; other refusals: shown with the reason", () => {
    expect(outcomeOf(new ApiError(0, {}), reason).kind).toBe("offline");
    expect(outcomeOf(new ApiError(503, { detail: "sibuk" }), reason)).toEqual({ kind: "retry", reason: "sibuk" });
    expect(outcomeOf(new ApiError(429, { detail: "tunggu" }), reason).kind).toBe("retry");
    const refused = outcomeOf(new ApiError(403, { detail: "Tidak boleh" }), reason);
    expect(refused).toMatchObject({ kind: "refused", reason: "Tidak boleh" });
  });

  it("a 409 listing conflicts becomes a conflict to settle; a plain 409 is a refusal", () => {
    const conflicts = [{ field: "phone", server: "1", client: "2" }];
    expect(outcomeOf(new ApiError(409, { detail: "x", conflicts }), reason)).toEqual({
      kind: "conflict",
      conflicts,
      reason: "x",
    });
    expect(outcomeOf(new ApiError(409, { detail: "x" }), reason).kind).toBe("refused");
  });
});

describe("one list for changes and files", () => {
  const item = (over: Partial<ReturnType<typeof fold>>) => ({
    ...fold(
      undefined,
      { ...change({ a: 1 }, {}), kind: "checklist", targetId: "app-1", ref: "akta" },
      make,
      1000,
      "u1",
    ),
    ...over,
  });

  it("the same review clicked twice while it waits is one item with one key; a different one replaces it", () => {
    const first = item({});
    const again = fold(
      first,
      { ...change({ a: 1 }, {}), kind: "checklist", targetId: "app-1", ref: "akta" },
      make,
      2000,
      "u1",
    );
    expect(again).toBe(first);
    const other = fold(
      first,
      { ...change({ a: 2 }, {}), kind: "checklist", targetId: "app-1", ref: "akta" },
      make,
      2000,
      "u1",
    );
    expect(other.id).toBe(first.id);
    expect(other.key).not.toBe(first.key);
  });

  it("after one change to an application was accepted, the others based on the same version follow it", () => {
    const sent = item({ id: "s", expectedVersion: 4 });
    const review = item({ id: "r", ref: "npwp", expectedVersion: 4 });
    const action = item({ id: "a", kind: "action", ref: undefined, expectedVersion: 4 });
    const older = item({ id: "o", ref: "foto", expectedVersion: 3 });
    const otherApp = item({ id: "x", targetId: "app-2", expectedVersion: 4 });
    const profile = item({ id: "p", kind: "lks", targetId: "app-1", expectedVersion: 4 });
    const refused = item({ id: "f", ref: "sk", expectedVersion: 4, state: "refused" });
    const after = rebase([sent, review, action, older, otherApp, profile, refused], sent, 5);
    expect(after.map((i) => [i.id, i.expectedVersion])).toEqual([
      ["s", 4],
      ["r", 5],
      ["a", 5],
      ["o", 3],
      ["x", 4],
      ["p", 4],
      ["f", 4],
    ]);
  });

  it("a self-assessment answer has its own version: an accepted application change moves no answer, nor one answer another", () => {
    const sent = item({ id: "s", expectedVersion: 4 });
    const answer = item({ id: "n", kind: "answer", ref: "1.1.1", expectedVersion: 4 });
    const sentAnswer = item({ id: "m", kind: "answer", ref: "1.1.2", expectedVersion: 4 });
    expect(rebase([sent, answer], sent, 5).map((i) => i.expectedVersion)).toEqual([4, 4]);
    expect(rebase([sentAnswer, answer], sentAnswer, 5).map((i) => i.expectedVersion)).toEqual([4, 4]);
  });

  it("an answer's conflicts from the batch PUT are named by the answer's own fields", () => {
    expect(
      answerConflicts([
        { field: "answers[2.3.4].level", server: 1, client: 3 },
        { field: "answers[2.3.4].note", server: "a", client: "b" },
      ]),
    ).toEqual([
      { field: "level", server: 1, client: 3 },
      { field: "note", server: "a", client: "b" },
    ]);
  });

  it("a score sheet's conflicts (an indicator's score, a document's check) are named by the place's own fields", () => {
    expect(
      answerConflicts([
        { field: "entries[2.3.4].level", server: 1, client: 3 },
        { field: "documentChecks[akta_notaris].present", server: true, client: false },
      ]),
    ).toEqual([
      { field: "level", server: 1, client: 3 },
      { field: "present", server: true, client: false },
    ]);
  });

  it("an asesor's score has its own version: one accepted score moves no other score of the sheet", () => {
    const sent = item({ id: "s", kind: "score", targetId: "asg-1", ref: "1.1.1", expectedVersion: 2 });
    const other = item({ id: "o", kind: "score", targetId: "asg-1", ref: "1.1.2", expectedVersion: 2 });
    const answer = item({ id: "a", kind: "answer", targetId: "asg-1", ref: "1.1.1", expectedVersion: 2 });
    expect(rebase([sent, other, answer], sent, 3).map((i) => i.expectedVersion)).toEqual([2, 2, 2]);
  });

  it("an action waits while files of its application are on their way; reviews do not", () => {
    expect(waitsForUploads(item({ kind: "action" }), ["app-1"])).toBe(true);
    expect(waitsForUploads(item({ kind: "action" }), ["app-2", null])).toBe(false);
    expect(waitsForUploads(item({}), ["app-1"])).toBe(false);
  });

  it("an improvement-plan answer waits for its own item's evidence only", () => {
    const answer = item({ kind: "improvement", ref: "item-1" });
    expect(waitsForEvidence(answer, ["improvement:item-1:ab12"])).toBe(true);
    expect(waitsForEvidence(answer, ["improvement:item-10:ab12", "akta", null])).toBe(false);
    expect(waitsForEvidence(item({ kind: "action" }), ["improvement:item-1:ab12"])).toBe(false);
  });

  it("counts changes and files still to send, since the oldest", () => {
    expect(unsent([], [])).toEqual({ count: 0, since: null });
    const files = [
      { createdAt: 500, state: "offline" },
      { createdAt: 100, state: "done" },
      { createdAt: 200, state: "failed" },
      { createdAt: 50, state: "preparing" },
    ];
    expect(unsent([{ createdAt: 900 }, { createdAt: 300 }], files)).toEqual({ count: 4, since: 200 });
    expect(files.filter(fileUnsent).length).toBe(2);
  });
});

describe("a settled change that changes nothing", () => {
  it("is one whose every claimed field holds the value it was based on", () => {
    // The report's strengths kept as the server had it (its base dropped); the recommendations,
    // untouched by the device, based on the server's text: nothing to send.
    expect(
      changesNothing({ values: { strengths: "server", recommendations: "r" }, base: { recommendations: "r" } }),
    ).toBe(true);
    expect(changesNothing({ values: { note: "server" }, base: {} })).toBe(true);
    // The device's own recommendation, not in conflict, still goes (keeping the server's strengths).
    expect(
      changesNothing({ values: { strengths: "server", recommendations: "mine" }, base: { recommendations: "r" } }),
    ).toBe(false);
  });
});
