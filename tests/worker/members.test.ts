import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, auditActions, expectProblem, login } from "./helpers.ts";

type Members = { items: { membershipId: string; role: string; user: { email: string } }[] };

async function members(token: string, tenant: string): Promise<Members["items"]> {
  const res = await api(`/api/v1/t/${tenant}/members`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as Members).items;
}

describe("members", () => {
  it("lists the tenant's members for its admins only", async () => {
    const admin = await login("dinsos.kota-tangerang@akrab.test");
    const list = await members(admin.token, "kota-tangerang");
    expect(list.map((m) => `${m.user.email}:${m.role}`)).toEqual(
      expect.arrayContaining(["dinsos.kota-tangerang@akrab.test:tenant_admin", "lks@akrab.test:lks_operator"]),
    );
    const province = await login("dinsos.banten@akrab.test");
    await expectProblem(await api("/api/v1/t/kota-tangerang/members", { token: province.token }), 403, "forbidden");
  });

  it("changes a role, records it, and never demotes the last admin", async () => {
    const admin = await login("dinsos.lebak@akrab.test");
    const list = await members(admin.token, "kab-lebak");
    const verifier = list.find((m) => m.role === "dinsos_verifier")!;
    const adminMembership = list.find((m) => m.role === "tenant_admin")!;

    const changed = await api(`/api/v1/t/kab-lebak/members/${verifier.membershipId}`, {
      method: "PATCH",
      token: admin.token,
      json: { role: "dinsos_head" },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ membershipId: verifier.membershipId, role: "dinsos_head" });
    const [event] = await auditActions({ action: "member.role_changed" });
    expect(JSON.parse(event!.data!)).toMatchObject({ from: "dinsos_verifier", to: "dinsos_head" });

    await expectProblem(
      await api(`/api/v1/t/kab-lebak/members/${adminMembership.membershipId}`, {
        method: "PATCH",
        token: admin.token,
        json: { role: "dinsos_verifier" },
      }),
      409,
      "conflict",
    );
    await expectProblem(
      await api(`/api/v1/t/kab-lebak/members/${verifier.membershipId}`, {
        method: "PATCH",
        token: admin.token,
        json: { role: "lks_operator" },
      }),
      400,
      "validation",
    );
    await expectProblem(
      await api(`/api/v1/t/kab-lebak/members/${verifier.membershipId}`, {
        method: "PATCH",
        token: admin.token,
        json: { role: "superuser" },
      }),
      400,
      "validation",
    );
    expect(
      (await members(admin.token, "kab-lebak")).find((m) => m.membershipId === adminMembership.membershipId)?.role,
    ).toBe("tenant_admin");
  });

  it("never lets two admins demote each other at the same moment", async () => {
    const admin = await login("dinsos.batang@akrab.test");
    await env.DB.prepare(
      "INSERT INTO memberships (id, user_id, tenant_id, role, lks_id, created_at) SELECT 'second-admin', u.id, t.id, 'tenant_admin', NULL, '2026-01-01T00:00:00.000Z' FROM users u, tenants t WHERE u.email = 'viewer@akrab.test' AND t.slug = 'kab-batang'",
    ).run();
    const list = await members(admin.token, "kab-batang");
    const admins = list.filter((m) => m.role === "tenant_admin");
    expect(admins).toHaveLength(2);
    const results = await Promise.all(
      admins.map((m) =>
        api(`/api/v1/t/kab-batang/members/${m.membershipId}`, {
          method: "PATCH",
          token: admin.token,
          json: { role: "dinsos_verifier" },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await members(admin.token, "kab-batang")).filter((m) => m.role === "tenant_admin")).toHaveLength(1);
  });
});
