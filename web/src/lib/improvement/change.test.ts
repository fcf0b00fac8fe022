import { describe, expect, it } from "vitest";
import { afterStaleAnswer, improvementChange } from "./change.ts";

const app = { tenant: "kab-pandeglang", applicationId: "app-1" };
const text = { label: "Jawaban rencana perbaikan", href: "/t/kab-pandeglang/permohonan/app-1" };

describe("improvement-plan answer as an outbox change", () => {
  it("is the item's slot, with the note it started from and the item's version", () => {
    const change = improvementChange(
      app,
      { id: "item-1", note: null, version: 3 },
      { note: "SOP sudah disusun" },
      text,
    );
    expect(change).toMatchObject({
      kind: "improvement",
      tenant: "kab-pandeglang",
      targetId: "app-1",
      ref: "item-1",
      values: { note: "SOP sudah disusun" },
      base: { note: null },
      expectedVersion: 3,
    });
  });

  const sent = improvementChange(
    app,
    { id: "item-1", note: "jawaban lama", version: 3 },
    { note: "jawaban baru dari perangkat" },
    text,
  );

  it("stale but nobody touched the note (the item was returned again): sent again on the new version", () => {
    expect(afterStaleAnswer(sent, { state: "returned", note: "jawaban lama", version: 5 })).toEqual({
      kind: "resend",
      expectedVersion: 5,
      values: { note: "jawaban baru dari perangkat" },
    });
  });

  it("a note left as it was answers with the server's newer note, never overwriting it in silence", () => {
    const same = improvementChange(app, { id: "item-1", note: "A", version: 3 }, { note: "A" }, text);
    expect(afterStaleAnswer(same, { state: "returned", note: "C dari operator lain", version: 6 })).toEqual({
      kind: "resend",
      expectedVersion: 6,
      values: { note: "C dari operator lain" },
    });
  });

  it("the item already holds this answer (sent twice): nothing to send", () => {
    expect(afterStaleAnswer(sent, { state: "answered", note: "jawaban baru dari perangkat", version: 4 })).toEqual({
      kind: "done",
    });
  });

  it("answered differently by someone else, or accepted, or gone: refused (shown with the server's reason)", () => {
    expect(afterStaleAnswer(sent, { state: "answered", note: "jawaban operator lain", version: 4 })).toEqual({
      kind: "refused",
    });
    expect(afterStaleAnswer(sent, { state: "accepted", note: "jawaban lama", version: 6 })).toEqual({
      kind: "refused",
    });
    expect(afterStaleAnswer(sent, undefined)).toEqual({ kind: "refused" });
  });

  it("both changed the note and the item is answerable again: a conflict with both notes", () => {
    expect(afterStaleAnswer(sent, { state: "returned", note: "jawaban operator lain", version: 7 })).toEqual({
      kind: "conflict",
      expectedVersion: 7,
      conflicts: [{ field: "note", server: "jawaban operator lain", client: "jawaban baru dari perangkat" }],
    });
  });
});
