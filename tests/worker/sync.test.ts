import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem, login } from "./helpers.ts";

// Offline edits send `base` (each changed field's value when the editor started): a newer version
// merges field by field; only fields someone else changed differently are a 409 listing both values.
const T = "/api/v1/t/kota-tangerang";
type Profile = Record<string, unknown> & { phone: string; email: string; staffCount: number; capacity: number };
type Detail = { id: string; version: number; profile: Profile };
type Conflicts = { conflicts?: { field: string; server: unknown; client: unknown }[] };

async function kasihBunda(token: string) {
  const { items } = (await (await api(`${T}/lks?q=Kasih`, { token })).json()) as { items: { id: string }[] };
  const url = `${T}/lks/${items[0]!.id}`;
  return { url, read: async () => (await (await api(url, { token })).json()) as Detail };
}

function patch(url: string, token: string, json: unknown, key = `k-${crypto.randomUUID()}`) {
  return api(url, { method: "PATCH", token, headers: { "idempotency-key": key }, json });
}

async function historyOf(url: string, token: string, since: number) {
  const { items } = (await (await api(`${url}/history?limit=200`, { token })).json()) as {
    items: { field: string; newValue: unknown }[];
  };
  return items.slice(0, items.length - since);
}

describe("LKS profile edits with a base per field", () => {
  it("merges a stale edit with what others saved meanwhile, once, with one history entry per field", async () => {
    const operator = await login("lks@akrab.test");
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const { url, read } = await kasihBunda(operator.token);
    const seen = await read();
    const historyBefore = (await historyOf(url, operator.token, 0)).length;

    // Meanwhile the Dinsos changes the phone (an ordinary versioned edit).
    const online = await patch(url, dinsos.token, {
      profile: { ...seen.profile, phone: "0812-7777-0001" },
      expectedVersion: seen.version,
    });
    expect(online.status, await online.clone().text()).toBe(200);

    // The operator's offline edit of two other fields, on the old version: without a base, refused whole.
    const offline = { ...seen.profile, email: "kasih.bunda.baru@example.org", staffCount: seen.profile.staffCount + 3 };
    await expectProblem(
      await patch(url, operator.token, { profile: offline, expectedVersion: seen.version }),
      409,
      "conflict",
    );
    const body = {
      profile: offline,
      expectedVersion: seen.version,
      base: { email: seen.profile.email, staffCount: seen.profile.staffCount },
    };
    const key = "offline-lks-edit-0001";
    const merged = await patch(url, operator.token, body, key);
    expect(merged.status, await merged.clone().text()).toBe(200);
    const after = (await merged.json()) as Detail;
    expect(after.version).toBe(seen.version + 2);
    expect(after.profile).toMatchObject({
      phone: "+6281277770001",
      email: "kasih.bunda.baru@example.org",
      staffCount: seen.profile.staffCount + 3,
    });
    // Sent again (the outbox retrying after a lost answer): the same answer, nothing done twice.
    const retried = await patch(url, operator.token, body, key);
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as Detail).version).toBe(after.version);

    const entries = await historyOf(url, operator.token, historyBefore);
    expect(entries.map((e) => e.field).sort()).toEqual(["email", "phone", "staffCount"]);
    // The board came back masked in the view and was not the operator's change: stored NIKs stay whole.
    const row = await env.DB.prepare("SELECT profile FROM lks WHERE id = ?")
      .bind(after.id)
      .first<{ profile: string }>();
    expect(row!.profile).not.toContain("*");
  });

  it("answers 409 with both values where both changed a field, saves nothing, and applies the settled change", async () => {
    const operator = await login("lks@akrab.test");
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const { url, read } = await kasihBunda(operator.token);
    const seen = await read();
    expect(
      (
        await patch(url, dinsos.token, {
          profile: { ...seen.profile, staffCount: 20 },
          expectedVersion: seen.version,
        })
      ).status,
    ).toBe(200);

    const offline = { ...seen.profile, staffCount: 30, capacity: seen.profile.capacity + 5 };
    const base = { staffCount: seen.profile.staffCount, capacity: seen.profile.capacity };
    const refused = await patch(url, operator.token, { profile: offline, expectedVersion: seen.version, base });
    const problem = (await expectProblem(refused, 409, "conflict")) as Conflicts;
    expect(problem.conflicts).toEqual([{ field: "staffCount", server: 20, client: 30 }]);
    const unchanged = await read();
    expect(unchanged.version).toBe(seen.version + 1);
    expect(unchanged.profile.capacity).toBe(seen.profile.capacity);

    // The operator keeps their own value: the field is now based on the server's.
    const settled = await patch(url, operator.token, {
      profile: offline,
      expectedVersion: seen.version,
      base: { ...base, staffCount: 20 },
    });
    expect(settled.status, await settled.clone().text()).toBe(200);
    expect(((await settled.json()) as Detail).profile).toMatchObject({
      staffCount: 30,
      capacity: seen.profile.capacity + 5,
    });
  });

  it("refuses a base naming a field the profile does not have, naming it, and changes nothing", async () => {
    const operator = await login("lks@akrab.test");
    const { url, read } = await kasihBunda(operator.token);
    const seen = await read();
    const res = await patch(url, operator.token, {
      profile: { ...seen.profile, phone: "0812-7777-0002" },
      expectedVersion: seen.version,
      base: { phone: seen.profile.phone, nickname: "x" },
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "base.nickname" })]);
    expect((await read()).version).toBe(seen.version);
  });
});

describe("Application letter edits with a base per field", () => {
  const LETTER = {
    number: "012/PA-KB/XI/2026",
    date: "2026-11-20",
    signatoryName: "Hj. Aminah Lubis",
    signatoryPosition: "Ketua Yayasan",
  };

  it("merges a stale letter edit field by field and lists a field changed differently as a conflict", async () => {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
    const operator = await login("lks@akrab.test");
    const { items } = (await (await api(`${T}/lks?q=Kasih`, { token: operator.token })).json()) as {
      items: { id: string }[];
    };
    const created = await api(`${T}/applications`, {
      method: "POST",
      token: operator.token,
      headers: { "idempotency-key": `create-${crypto.randomUUID()}` },
      json: { lksId: items[0]!.id, kind: "first", letter: LETTER },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const app = (await created.json()) as { id: string; version: number };
    const url = `${T}/applications/${app.id}/letter`;
    const put = (json: unknown) => api(url, { method: "PUT", token: operator.token, json });

    // One device corrects the number online; another, offline on the old version, the signatory.
    expect(
      (await put({ letter: { ...LETTER, number: "013/PA-KB/XI/2026" }, expectedVersion: app.version })).status,
    ).toBe(200);
    await expectProblem(
      await put({ letter: { ...LETTER, signatoryName: "Drs. Budi" }, expectedVersion: app.version }),
      409,
      "conflict",
    );
    const merged = await put({
      letter: { ...LETTER, signatoryName: "Drs. Budi" },
      expectedVersion: app.version,
      base: { signatoryName: LETTER.signatoryName },
    });
    expect(merged.status, await merged.clone().text()).toBe(200);
    expect(await merged.json()).toMatchObject({
      version: app.version + 2,
      letter: { number: "013/PA-KB/XI/2026", signatoryName: "Drs. Budi" },
    });

    const conflicting = await put({
      letter: { ...LETTER, number: "014/PA-KB/XI/2026", summary: "Ringkasan" },
      expectedVersion: app.version,
      base: { number: LETTER.number, summary: null },
    });
    const problem = (await expectProblem(conflicting, 409, "conflict")) as Conflicts;
    expect(problem.conflicts).toEqual([{ field: "number", server: "013/PA-KB/XI/2026", client: "014/PA-KB/XI/2026" }]);
    const timeline = (await (await api(`${T}/applications/${app.id}/timeline`, { token: operator.token })).json()) as {
      items: { action: string }[];
    };
    expect(timeline.items.filter((e) => e.action === "edit_letter")).toHaveLength(2);
  });
});
