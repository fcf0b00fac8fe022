import { describe, expect, it } from "vitest";
import { ORIGIN, api, auditActions, expectProblem, linkTokenFor, login, outboxFor } from "./helpers.ts";

async function lksIdByName(token: string, tenant: string, name: string): Promise<string> {
  const { items } = (await (await api(`/api/v1/t/${tenant}/lks`, { token })).json()) as {
    items: { id: string; name: string }[];
  };
  return items.find((l) => l.name === name)!.id;
}

describe("invitations", () => {
  it("lets a tenant admin invite by email; the emailed link sets a password and signs the new user in", async () => {
    const admin = await login("dinsos.kota-tangerang@akrab.test");
    const res = await api("/api/v1/t/kota-tangerang/invitations", {
      method: "POST",
      token: admin.token,
      json: { email: "Verifikator.Baru@akrab.test", role: "dinsos_verifier" },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; email: string; role: string; expiresAt: string };
    expect(created).toMatchObject({ email: "verifikator.baru@akrab.test", role: "dinsos_verifier" });

    // The outbox is readable by platform admins, which is how links are followed locally.
    const platform = await login("admin@akrab.test");
    const outbox = (await (await api("/api/v1/national/outbox", { token: platform.token })).json()) as {
      items: { recipient: string; subject: string; body: string }[];
    };
    const mail = outbox.items.find((m) => m.recipient === "verifikator.baru@akrab.test")!;
    expect(mail.subject).toContain("Dinas Sosial Kota Tangerang");
    expect(mail.body).toMatch(/berlaku sampai \d{1,2} \w+ 2026.* WIB/);
    const token = mail.body.match(new RegExp(`${ORIGIN}/invite/([A-Za-z0-9_-]+)`))![1]!;

    const details = await api(`/api/v1/auth/invitations/${token}`);
    expect(await details.json()).toMatchObject({
      email: "verifikator.baru@akrab.test",
      role: "dinsos_verifier",
      tenant: { slug: "kota-tangerang" },
      userExists: false,
    });

    const weak = await expectProblem(
      await api(`/api/v1/auth/invitations/${token}/accept`, {
        method: "POST",
        json: { name: "Budi", password: "password123" },
      }),
      400,
      "validation",
    );
    expect(weak.errors?.[0]?.path).toBe("password");
    const empty = await expectProblem(
      await api(`/api/v1/auth/invitations/${token}/accept`, { method: "POST", json: {} }),
      400,
      "validation",
    );
    expect(empty.errors?.map((e) => e.path)).toEqual(["name", "password"]);

    const accepted = await api(`/api/v1/auth/invitations/${token}/accept`, {
      method: "POST",
      json: { name: "Budi Santoso", password: "kopi-tubruk-pagi-hari" },
    });
    expect(accepted.status).toBe(200);
    const session = (await accepted.json()) as {
      token: string;
      memberships: { role: string; tenant: { slug: string } }[];
    };
    expect(session.memberships).toEqual([
      expect.objectContaining({ role: "dinsos_verifier", tenant: expect.objectContaining({ slug: "kota-tangerang" }) }),
    ]);
    expect((await api("/api/v1/t/kota-tangerang/lks", { token: session.token })).status).toBe(200);
    await login("verifikator.baru@akrab.test", "kopi-tubruk-pagi-hari");

    // The link works once.
    await expectProblem(
      await api(`/api/v1/auth/invitations/${token}/accept`, {
        method: "POST",
        json: { name: "Budi", password: "kopi-tubruk-pagi-hari" },
      }),
      404,
      "not-found",
    );
    await expectProblem(await api(`/api/v1/auth/invitations/${token}`), 404, "not-found");

    const audit = await auditActions();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "member.invited",
          actor: "dinsos.kota-tangerang@akrab.test",
          ip: "203.0.113.10",
        }),
        expect.objectContaining({ action: "auth.invitation_accepted", actor: "verifikator.baru@akrab.test" }),
      ]),
    );
  });

  it("binds an invited LKS operator to an LKS of the same tenant", async () => {
    const admin = await login("dinsos.kota-tangerang@akrab.test");
    const missing = await expectProblem(
      await api("/api/v1/t/kota-tangerang/invitations", {
        method: "POST",
        token: admin.token,
        json: { email: "op@akrab.test", role: "lks_operator" },
      }),
      400,
      "validation",
    );
    expect(missing.errors?.[0]?.path).toBe("lksId");

    const lebak = await login("dinsos.lebak@akrab.test");
    const foreignLks = await lksIdByName(lebak.token, "kab-lebak", "Panti Asuhan Al-Hikmah Rangkasbitung");
    await expectProblem(
      await api("/api/v1/t/kota-tangerang/invitations", {
        method: "POST",
        token: admin.token,
        json: { email: "op@akrab.test", role: "lks_operator", lksId: foreignLks },
      }),
      400,
      "validation",
    );

    const ownLks = await lksIdByName(admin.token, "kota-tangerang", "Panti Werdha Sejahtera Cipondoh");
    const res = await api("/api/v1/t/kota-tangerang/invitations", {
      method: "POST",
      token: admin.token,
      json: { email: "op@akrab.test", role: "lks_operator", lksId: ownLks },
    });
    expect(res.status).toBe(201);
    const token = await linkTokenFor("op@akrab.test", "/invite/");
    const accepted = (await (
      await api(`/api/v1/auth/invitations/${token}/accept`, {
        method: "POST",
        json: { name: "Operator Werdha", password: "werdha-cipondoh-2026" },
      })
    ).json()) as {
      token: string;
      memberships: { role: string; lks: { id: string } }[];
    };
    expect(accepted.memberships[0]).toMatchObject({ role: "lks_operator", lks: { id: ownLks } });
    const visible = (await (await api("/api/v1/t/kota-tangerang/lks", { token: accepted.token })).json()) as {
      items: { id: string }[];
    };
    expect(visible.items.map((l) => l.id)).toEqual([ownLks]);
  });

  it("reissues an open invitation instead of creating a second one; the old link stops working", async () => {
    const admin = await login("dinsos.kota-tangerang@akrab.test");
    const invite = () =>
      api("/api/v1/t/kota-tangerang/invitations", {
        method: "POST",
        token: admin.token,
        json: { email: "kepala@akrab.test", role: "dinsos_head" },
      });
    const first = (await (await invite()).json()) as { id: string };
    const firstToken = await linkTokenFor("kepala@akrab.test", "/invite/");
    const second = (await (await invite()).json()) as { id: string };
    expect(second.id).toBe(first.id);
    expect(await outboxFor("kepala@akrab.test")).toHaveLength(2);
    await expectProblem(await api(`/api/v1/auth/invitations/${firstToken}`), 404, "not-found");
    expect((await api(`/api/v1/auth/invitations/${await linkTokenFor("kepala@akrab.test", "/invite/")}`)).status).toBe(
      200,
    );
  });

  it("adds the role to an existing account without touching its password", async () => {
    const admin = await login("dinsos.kota-tangerang@akrab.test");
    await api("/api/v1/t/kota-tangerang/invitations", {
      method: "POST",
      token: admin.token,
      json: { email: "dinsos.lebak@akrab.test", role: "dinsos_verifier" },
    });
    const token = await linkTokenFor("dinsos.lebak@akrab.test", "/invite/");
    expect(await (await api(`/api/v1/auth/invitations/${token}`)).json()).toMatchObject({ userExists: true });
    const res = await api(`/api/v1/auth/invitations/${token}/accept`, { method: "POST", json: {} });
    expect(res.status).toBe(200);
    const { memberships } = await login("dinsos.lebak@akrab.test");
    expect(memberships.map((m) => m.tenant?.slug)).toContain("kota-tangerang");
  });

  it("allows only the tenant's own admins to invite", async () => {
    const verifierOnly = await login("dinsos.banten@akrab.test"); // verifier, not admin, in kab-pandeglang
    await expectProblem(
      await api("/api/v1/t/kab-pandeglang/invitations", {
        method: "POST",
        token: verifierOnly.token,
        json: { email: "x@akrab.test", role: "dinsos_verifier" },
      }),
      403,
      "forbidden",
    );
    // The province admin reads kota-tangerang but cannot change it.
    await expectProblem(
      await api("/api/v1/t/kota-tangerang/invitations", {
        method: "POST",
        token: verifierOnly.token,
        json: { email: "x@akrab.test", role: "dinsos_verifier" },
      }),
      403,
      "forbidden",
    );
    const operator = await login("lks@akrab.test");
    const refused = await expectProblem(
      await api("/api/v1/t/kota-tangerang/invitations", {
        method: "POST",
        token: operator.token,
        json: { email: "x@akrab.test", role: "tenant_admin" },
      }),
      403,
      "forbidden",
    );
    // The refusal names the role as people know it, in both languages, never its code.
    expect(refused.detail).toContain("Admin Dinsos");
    expect(refused.detail).toContain("Dinsos administrator");
    expect(refused.detail).not.toContain("tenant_admin");
    // National roles cannot be handed out by a tenant.
    const admin = await login("dinsos.kota-tangerang@akrab.test");
    await expectProblem(
      await api("/api/v1/t/kota-tangerang/invitations", {
        method: "POST",
        token: admin.token,
        json: { email: "x@akrab.test", role: "platform_admin" },
      }),
      400,
      "validation",
    );
    expect(await outboxFor("x@akrab.test")).toHaveLength(0);
  });

  it("keeps the outbox for platform admins only", async () => {
    const balks = await login("balks@akrab.test");
    await expectProblem(await api("/api/v1/national/outbox", { token: balks.token }), 404, "not-found");
    await expectProblem(await api("/api/v1/national/outbox"), 401, "unauthenticated");
  });
});
