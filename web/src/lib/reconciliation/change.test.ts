import { describe, expect, it } from "vitest";
import type { ReconciliationView } from "#lib/components/assessment/types.ts";
import { afterStale, placeOfRef, reconciliationChange, reconciliationRef, serverValues } from "./change.ts";

type Row = ReconciliationView["indicators"][number];
const row = (code: string, proposal: Row["proposal"], responses: Row["responses"] = []): Row =>
  ({ code, proposal, responses }) as unknown as Row;
const sheet = (version: number, indicators: Row[], you = "lead-1"): ReconciliationView =>
  ({
    version,
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
    expect(afterStale(item, now)).toEqual({ kind: "resend", expectedVersion: 5 });
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
});
