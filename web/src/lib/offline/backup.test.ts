import { describe, expect, it } from "vitest";
import {
  backupFileName,
  canonicalJson,
  itemsToImport,
  signBackup,
  verifyBackup,
  type BackupKeyInfo,
} from "./backup.ts";
import type { OutboxItem } from "./outbox.ts";

const keyFor = (userId: string, fill: number): BackupKeyInfo => ({
  userId,
  keyId: "v1",
  key: btoa(String.fromCharCode(...new Uint8Array(32).fill(fill)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, ""),
});
const siti = keyFor("user-siti", 7);
const budi = keyFor("user-budi", 9);

const item = (over: Partial<OutboxItem> = {}): OutboxItem => ({
  id: "item-1",
  userId: "user-siti",
  key: "key-0001-abcdef",
  kind: "lks",
  tenant: "kota-tangerang",
  targetId: "lks-1",
  label: "Profil LKS Panti Asuhan Kasih Bunda",
  href: "/lks/lks-1",
  values: { phone: "0812", address: { street: "Jl. Mawar 1", villageCode: "36.71.01.1001" } },
  base: { phone: "0811" },
  expectedVersion: 3,
  createdAt: 1_764_900_000_000,
  attempts: 2,
  lastError: null,
  state: "pending",
  conflicts: [],
  ...over,
});

describe("canonical JSON", () => {
  it("is the same text whatever order the keys were written in, at every depth", () => {
    const a = { b: 1, a: { d: [1, { y: "x", x: null }], c: true } };
    const b = { a: { c: true, d: [1, { x: null, y: "x" }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":true,"d":[1,{"x":null,"y":"x"}]},"b":1}');
  });

  it("keeps strings and numbers as JSON writes them, leaves out undefined fields, refuses what JSON cannot carry", () => {
    expect(canonicalJson({ s: 'kutip " dan \u00e9', n: 1.5e-7, u: undefined })).toBe(
      '{"n":1.5e-7,"s":"kutip \\" dan é"}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

describe("signed backup file", () => {
  it("verifies for its own person after a trip through a file (keys in any order)", async () => {
    const file = await signBackup(siti, {
      userName: "Siti",
      items: [item()],
      createdAt: new Date("2026-12-05T03:41:00Z"),
    });
    const text = JSON.stringify(file, null, 2);
    const result = await verifyBackup(text, siti);
    expect(result).toEqual({ ok: true, file: JSON.parse(text) });
    // The signature covers the canonical form, so a tool that reorders keys does not break it.
    const reordered = Object.fromEntries(Object.entries(file).reverse());
    expect((await verifyBackup(JSON.stringify(reordered), siti)).ok).toBe(true);
  });

  it("refuses a file with one value changed, or with its signature removed", async () => {
    const file = await signBackup(siti, { userName: "Siti", items: [item()], createdAt: new Date() });
    const changed = JSON.parse(JSON.stringify(file));
    changed.items[0].values.phone = "0899";
    expect(await verifyBackup(JSON.stringify(changed), siti)).toEqual({ ok: false, reason: "tampered" });
    const { signature: _, ...unsigned } = file;
    expect(await verifyBackup(JSON.stringify(unsigned), siti)).toEqual({ ok: false, reason: "tampered" });
    expect(await verifyBackup(JSON.stringify({ ...file, signature: "!!" }), siti)).toEqual({
      ok: false,
      reason: "tampered",
    });
  });

  it("refuses another person's file by name, and one relabelled as this person's", async () => {
    const theirs = await signBackup(budi, {
      userName: "Budi",
      items: [item({ userId: "user-budi" })],
      createdAt: new Date(),
    });
    expect(await verifyBackup(JSON.stringify(theirs), siti)).toEqual({
      ok: false,
      reason: "other-user",
      userName: "Budi",
    });
    const relabelled = { ...theirs, userId: "user-siti", items: [item()] };
    expect(await verifyBackup(JSON.stringify(relabelled), siti)).toEqual({ ok: false, reason: "tampered" });
  });

  it("says a file that is not a backup is not one", async () => {
    expect(await verifyBackup("not json", siti)).toEqual({ ok: false, reason: "not-backup" });
    expect(await verifyBackup('{"format":"other"}', siti)).toEqual({ ok: false, reason: "not-backup" });
    // Signed, but an item of a kind this app does not know (a later version's file).
    const odd = await signBackup(siti, {
      userName: "Siti",
      items: [item({ kind: "plenary" as "lks" })],
      createdAt: new Date(),
    });
    expect(await verifyBackup(JSON.stringify(odd), siti)).toEqual({ ok: false, reason: "not-backup" });
  });

  it("imports only the items not already on the device, keeping their ids and idempotency keys", async () => {
    const file = await signBackup(siti, {
      userName: "Siti",
      items: [item(), item({ id: "item-2", key: "key-0002-abcdef" })],
      createdAt: new Date(),
    });
    const added = itemsToImport(file, [{ id: "item-1" }]);
    expect(added.map((i) => [i.id, i.key])).toEqual([["item-2", "key-0002-abcdef"]]);
  });

  it("is named by the Jakarta date and time it was saved", () => {
    expect(backupFileName(new Date("2026-12-05T03:41:00Z"))).toBe("akrab-cadangan-20261205-1041.json");
    expect(backupFileName(new Date("2026-12-31T18:05:00Z"))).toBe("akrab-cadangan-20270101-0105.json");
  });
});
