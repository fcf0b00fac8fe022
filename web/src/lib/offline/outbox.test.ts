import { describe, expect, it } from "vitest";
import { ApiError } from "#lib/api.ts";
import { fold, outcomeOf, type NewChange } from "./outbox.ts";

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
