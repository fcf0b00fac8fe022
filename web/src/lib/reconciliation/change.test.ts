import { describe, expect, it } from "vitest";
import type { ReconciliationView } from "#lib/components/assessment/types.ts";
import { afterStale, placeOfRef, reconciliationChange, reconciliationRef, serverValues } from "./change.ts";

type Row = ReconciliationView["indicators"][number];
const row = (code: string, proposal: Row["proposal"], responses: Row["responses"] = []): Row =>
  ({ code, proposal, responses }) as unknown as Row;
const sheet = (
  version: number,
  indicators: Row[],
  you = "lead-1",
  report = { strengths: "", recommendations: "" },
): ReconciliationView =>
  ({
    version,
    ...report,
    tenant: { slug: "kota-a", name: "Kota A" },
    lks: { id: "l", name: "LKS" },
    indicators,
    you: { asesorId: you },
  }) as unknown as ReconciliationView;
const text = { label: "Usulan", href: "/penugasan/a1" };

describe("reconciliation change", () => {
  it("names each place of the sheet and reads it back", () => {
    for (const place of [
      { kind: "proposal", indicator: "2.3.4" },
      { kind: "response", indicator: "1.1" },
      { kind: "report" },
      { kind: "sign" },
    ] as const)
      expect(placeOfRef(reconciliationRef(place))).toEqual(place);
  });

  it("a proposal carries the sheet's version and the proposal it replaced as its base", () => {
    const view = sheet(7, [row("1.1", { level: 2, reason: "dokumen lengkap" })]);
    const change = reconciliationChange(
      view,
      "a1",
      { kind: "proposal", indicator: "1.1" },
      { level: 3, reason: "wawancara pengasuh" },
      text,
    );
    expect(change).toMatchObject({
      kind: "reconciliation",
      tenant: "kota-a",
      targetId: "a1",
      ref: "proposal:1.1",
      expectedVersion: 7,
      values: { level: 3, reason: "wawancara pengasuh" },
      base: { level: 2, reason: "dokumen lengkap" },
    });
  });

  it("a member's answer is based on their own answer only", () => {
    const view = sheet(
      4,
      [
        row("1.1", { level: 2, reason: "x" }, [
          { asesorId: "lead-1", agree: true, note: "" },
          { asesorId: "m-1", agree: false, note: "kurang" },
        ]),
      ],
      "m-1",
    );
    expect(serverValues(view, { kind: "response", indicator: "1.1" })).toEqual({ agree: false, note: "kurang" });
    expect(
      reconciliationChange(view, "a1", { kind: "response", indicator: "1.1" }, { agree: true, note: "" }, text).base,
    ).toEqual({ agree: false, note: "kurang" });
  });

  it("stale because the other asesor wrote elsewhere: sent again on the new version", () => {
    const before = sheet(3, [row("1.1", null), row("2.1", null)]);
    const item = reconciliationChange(
      before,
      "a1",
      { kind: "proposal", indicator: "1.1" },
      { level: 3, reason: "alasan cukup panjang" },
      text,
    );
    const now = sheet(5, [row("1.1", null), row("2.1", { level: 1, reason: "lain" })]);
    expect(afterStale(item, now)).toEqual({
      kind: "resend",
      expectedVersion: 5,
      values: { level: 3, reason: "alasan cukup panjang" },
      base: { level: null, reason: null },
    });
  });

  it("stale with the same values already there (sent twice): nothing to send", () => {
    const before = sheet(3, [row("1.1", null)]);
    const item = reconciliationChange(
      before,
      "a1",
      { kind: "proposal", indicator: "1.1" },
      { level: 3, reason: "alasan cukup panjang" },
      text,
    );
    expect(afterStale(item, sheet(4, [row("1.1", { level: 3, reason: "alasan cukup panjang" })]))).toEqual({
      kind: "done",
    });
  });

  it("stale because the same place changed to something else: a conflict with both values", () => {
    const before = sheet(3, [row("1.1", { level: 2, reason: "awal" })]);
    const item = reconciliationChange(
      before,
      "a1",
      { kind: "proposal", indicator: "1.1" },
      { level: 3, reason: "dari perangkat" },
      text,
    );
    const stale = afterStale(item, sheet(6, [row("1.1", { level: 4, reason: "dari server" })]));
    expect(stale).toEqual({
      kind: "conflict",
      expectedVersion: 6,
      values: { level: 3, reason: "dari perangkat" },
      base: { level: 2, reason: "awal" },
      conflicts: [
        { field: "level", server: 4, client: 3 },
        { field: "reason", server: "dari server", client: "dari perangkat" },
      ],
    });
  });

  it("a signature on a sheet that changed since is refused, never moved onto what stands now", () => {
    const item = reconciliationChange(sheet(3, []), "a1", { kind: "sign" }, {}, text);
    expect(afterStale(item, sheet(9, []))).toEqual({ kind: "refused" });
  });

  it("a proposal changed in one field is sent again with the sheet's value in the other", () => {
    const before = sheet(3, [row("1.1", { level: 2, reason: "awal" })]);
    const item = reconciliationChange(
      before,
      "a1",
      { kind: "proposal", indicator: "1.1" },
      { level: 3, reason: "awal" },
      text,
    );
    expect(afterStale(item, sheet(4, [row("1.1", { level: 2, reason: "diperjelas" })]))).toEqual({
      kind: "resend",
      expectedVersion: 4,
      values: { level: 3, reason: "diperjelas" },
      base: { level: 2, reason: "diperjelas" },
    });
  });
});

describe("the lead's report as a reconciliation change", () => {
  const report = { strengths: "Pengasuhan baik", recommendations: "Lengkapi SOP" };
  const place = { kind: "report" } as const;

  it("is one place, based on the text the form was read from and that sheet's version", () => {
    const read = sheet(3, [], "lead-1", report);
    // The sheet was read again since (the lead's own proposal left the device): the form's text
    // is still based on what it was read from.
    const now = sheet(4, [], "lead-1", report);
    const change = reconciliationChange(
      now,
      "a1",
      place,
      { strengths: "Pengasuhan berbasis keluarga", recommendations: "Lengkapi SOP" },
      text,
      read,
    );
    expect(change).toMatchObject({
      kind: "reconciliation",
      ref: "report",
      expectedVersion: 3,
      values: { strengths: "Pengasuhan berbasis keluarga", recommendations: "Lengkapi SOP" },
      base: report,
    });
    expect(reconciliationChange(now, "a1", place, report, text).expectedVersion).toBe(4);
  });

  it("stale, the text untouched elsewhere (the sheet moved on a proposal): sent again on the new version", () => {
    const item = reconciliationChange(
      sheet(3, [], "lead-1", report),
      "a1",
      place,
      { ...report, strengths: "Baru" },
      text,
    );
    expect(afterStale(item, sheet(5, [row("1.1", { level: 2, reason: "x" })], "lead-1", report))).toEqual({
      kind: "resend",
      expectedVersion: 5,
      values: { strengths: "Baru", recommendations: "Lengkapi SOP" },
      base: report,
    });
  });

  it("a field only this device changed is sent again; the field changed elsewhere keeps the server's text", () => {
    const item = reconciliationChange(
      sheet(3, [], "lead-1", report),
      "a1",
      place,
      { ...report, strengths: "Dari ponsel" },
      text,
    );
    const server = { strengths: "Pengasuhan baik", recommendations: "Dari laptop" };
    expect(afterStale(item, sheet(4, [], "lead-1", server))).toEqual({
      kind: "resend",
      expectedVersion: 4,
      values: { strengths: "Dari ponsel", recommendations: "Dari laptop" },
      base: server,
    });
  });

  it("a field both changed to different texts is a conflict with both; the other field moves", () => {
    const item = reconciliationChange(
      sheet(3, [], "lead-1", report),
      "a1",
      place,
      { strengths: "Dari ponsel", recommendations: "Lengkapi SOP dan jadwal" },
      text,
    );
    const server = { strengths: "Dari laptop", recommendations: "Lengkapi SOP" };
    expect(afterStale(item, sheet(6, [], "lead-1", server))).toEqual({
      kind: "conflict",
      expectedVersion: 6,
      values: { strengths: "Dari ponsel", recommendations: "Lengkapi SOP dan jadwal" },
      base: { strengths: "Pengasuhan baik", recommendations: "Lengkapi SOP" },
      conflicts: [{ field: "strengths", server: "Dari laptop", client: "Dari ponsel" }],
    });
  });

  it("stale with the same text already stored (sent twice): nothing to send", () => {
    const typed = { strengths: "Dari ponsel", recommendations: "Lengkapi SOP" };
    const item = reconciliationChange(sheet(3, [], "lead-1", report), "a1", place, typed, text);
    expect(afterStale(item, sheet(4, [], "lead-1", typed))).toEqual({ kind: "done" });
  });
});
