import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem, login } from "./helpers.ts";

type LksPage = { items: { id: string; name: string; tenant: { slug: string } }[]; nextCursor: string | null };

async function listLks(token: string, tenant: string, query = ""): Promise<LksPage> {
  const res = await api(`/api/v1/t/${tenant}/lks${query}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as LksPage;
}

describe("tenant access", () => {
  it("shows a Dinsos its own LKS, sorted by name", async () => {
    const { token } = await login("dinsos.kota-tangerang@akrab.test");
    const page = await listLks(token, "kota-tangerang");
    expect(page.items.map((l) => l.name)).toEqual([
      "Panti Asuhan Kasih Bunda",
      "Panti Werdha Sejahtera Cipondoh",
      "Yayasan Difabel Mandiri Tangerang",
    ]);
    expect(page.items.every((l) => l.tenant.slug === "kota-tangerang")).toBe(true);
    expect(page.nextCursor).toBeNull();
  });

  it("pages through a list by cursor without gaps or repeats", async () => {
    const { token } = await login("dinsos.kota-tangerang@akrab.test");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: LksPage = await listLks(token, "kota-tangerang", `?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((l) => l.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      "Panti Asuhan Kasih Bunda",
      "Panti Werdha Sejahtera Cipondoh",
      "Yayasan Difabel Mandiri Tangerang",
    ]);
    await expectProblem(await api("/api/v1/t/kota-tangerang/lks?cursor=garbage", { token }), 400, "validation");
    await expectProblem(await api("/api/v1/t/kota-tangerang/lks?limit=1000", { token }), 400, "validation");
  });

  it("lets a province read its kab/kota but not other provinces' tenants", async () => {
    const { token } = await login("dinsos.banten@akrab.test");
    expect((await listLks(token, "kota-tangerang")).items).toHaveLength(3);
    expect((await listLks(token, "kab-lebak")).items).toHaveLength(1);
    await expectProblem(await api("/api/v1/t/kab-batang/lks", { token }), 404, "not-found");
    await expectProblem(await api("/api/v1/t/prov-jawa-tengah/lks", { token }), 404, "not-found");
  });

  it("lets national readers read every tenant, but not an asesor", async () => {
    for (const email of ["viewer@akrab.test", "balks@akrab.test", "admin@akrab.test"]) {
      const { token } = await login(email);
      expect((await listLks(token, "kab-batang")).items).toHaveLength(1);
      expect((await listLks(token, "prov-dki-jakarta")).items).toHaveLength(3); // a yayasan, a provincial panti and an LBK
    }
    const asesor = await login("asesor@akrab.test");
    await expectProblem(await api("/api/v1/t/kota-tangerang/lks", { token: asesor.token }), 404, "not-found");
  });

  it("shows an LKS operator only its own LKS", async () => {
    const { token } = await login("lks@akrab.test");
    expect((await listLks(token, "kota-tangerang")).items.map((l) => l.name)).toEqual(["Panti Asuhan Kasih Bunda"]);
  });

  it("answers unknown tenants, regions without a tenant, and other tenants identically", async () => {
    const { token } = await login("dinsos.lebak@akrab.test");
    const bodies = [];
    for (const tenant of ["kota-tangerang", "kota-serang", "no-such-place"]) {
      const body = await expectProblem(await api(`/api/v1/t/${tenant}/lks`, { token }), 404, "not-found");
      bodies.push(body.detail);
    }
    expect(new Set(bodies).size).toBe(1);
    await expectProblem(await api("/api/v1/t/kota-tangerang/lks"), 401, "unauthenticated");
  });

  it("cuts off a deactivated tenant's users without deleting anything", async () => {
    const before = await login("dinsos.batang@akrab.test");
    expect((await listLks(before.token, "kab-batang")).items).toHaveLength(1);
    await env.DB.prepare("UPDATE tenants SET status = 'deactivated' WHERE slug = 'kab-batang'").run();
    await expectProblem(await api("/api/v1/t/kab-batang/lks", { token: before.token }), 404, "not-found");
    const me = (await (await api("/api/v1/auth/me", { token: before.token })).json()) as { memberships: unknown[] };
    expect(me.memberships).toEqual([]);
    const rows = await env.DB.prepare(
      "SELECT count(*) AS n FROM lks JOIN tenants ON tenants.id = lks.tenant_id WHERE tenants.slug = 'kab-batang'",
    ).first<{ n: number }>();
    expect(rows?.n).toBe(1);
    await env.DB.prepare("UPDATE tenants SET status = 'active' WHERE slug = 'kab-batang'").run();
  });
});
