import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, auditActions, expectProblem, linkTokenFor, login, outboxFor } from "./helpers.ts";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);

function signUp(overrides: Record<string, unknown> = {}) {
  return api("/api/v1/public/tenant-signups", {
    method: "POST",
    json: {
      regionCode: "36.73",
      officeName: "Dinas Sosial Kota Serang",
      officialEmail: "dinsos@serangkota.go.id",
      contactName: "Rahmat Hidayat",
      contactPhone: "0254-123456",
      ...overrides,
    },
  });
}

describe("tenant sign-up → approval → first admin", () => {
  it("walks a Dinsos from the public form to its admin's first login", async () => {
    const res = await signUp();
    expect(res.status).toBe(201);
    const { id, attachToken } = (await res.json()) as { id: string; attachToken: string };
    expect((await outboxFor("dinsos@serangkota.go.id"))[0]?.subject).toContain("diterima");

    // The letter: only with the token, only a real PDF.
    await expectProblem(
      await api(`/api/v1/public/tenant-signups/${id}/letter`, {
        method: "PUT",
        headers: { "content-type": "application/pdf", "x-attach-token": "x".repeat(40) },
        body: PDF,
      }),
      404,
      "not-found",
    );
    await expectProblem(
      await api(`/api/v1/public/tenant-signups/${id}/letter`, {
        method: "PUT",
        headers: { "content-type": "application/pdf", "x-attach-token": attachToken },
        body: PNG,
      }),
      415,
      "unsupported-media-type",
    );
    const attached = await api(`/api/v1/public/tenant-signups/${id}/letter`, {
      method: "PUT",
      headers: {
        "content-type": "application/pdf",
        "x-attach-token": attachToken,
        "x-filename": encodeURIComponent("../SK Penugasan\u0000 Dinsos.pdf"),
      },
      body: PDF,
    });
    expect(attached.status).toBe(204);

    const admin = await login("admin@akrab.test");
    const pending = (await (await api("/api/v1/national/tenant-signups", { token: admin.token })).json()) as {
      items: { id: string; region: { slug: string }; letter: { size: number } | null }[];
    };
    expect(pending.items).toEqual([
      expect.objectContaining({
        id,
        region: expect.objectContaining({ slug: "kota-serang" }),
        letter: { filename: "SK Penugasan Dinsos.pdf", size: PDF.length },
      }),
    ]);
    const letter = await api(`/api/v1/national/tenant-signups/${id}/letter`, { token: admin.token });
    expect(letter.headers.get("content-type")).toBe("application/pdf");
    expect(letter.headers.get("content-disposition")).toBe(
      `attachment; filename="SK Penugasan Dinsos.pdf"; filename*=UTF-8''SK%20Penugasan%20Dinsos.pdf`,
    );
    expect(new Uint8Array(await letter.arrayBuffer())).toEqual(PDF);

    const approved = await api(`/api/v1/national/tenant-signups/${id}/approve`, { method: "POST", token: admin.token });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({
      tenant: { slug: "kota-serang", level: "kabkota", parentSlug: "prov-banten" },
      invitation: { email: "dinsos@serangkota.go.id" },
    });
    await expectProblem(
      await api(`/api/v1/national/tenant-signups/${id}/approve`, { method: "POST", token: admin.token }),
      409,
      "conflict",
    );

    const token = await linkTokenFor("dinsos@serangkota.go.id", "/invite/");
    const accepted = await api(`/api/v1/auth/invitations/${token}/accept`, {
      method: "POST",
      json: { name: "Rahmat Hidayat", password: "serang-madani-2026" },
    });
    expect(accepted.status).toBe(200);
    const firstAdmin = await login("dinsos@serangkota.go.id", "serang-madani-2026");
    // The first officer of a new Dinsos also verifies and signs as head: nobody else is there yet.
    expect(firstAdmin.memberships.map((m: { role: string }) => m.role).sort()).toEqual([
      "dinsos_head",
      "dinsos_verifier",
      "tenant_admin",
    ]);
    expect(firstAdmin.memberships).toEqual(
      Array(3).fill(expect.objectContaining({ tenant: expect.objectContaining({ slug: "kota-serang" }) })),
    );
    expect((await api("/api/v1/t/kota-serang/lks", { token: firstAdmin.token })).status).toBe(200);
    expect(await (await api("/api/v1/t/kota-serang/profile", { token: firstAdmin.token })).json()).toMatchObject({
      name: "Dinas Sosial Kota Serang",
      email: "dinsos@serangkota.go.id",
      phone: "0254-123456",
      contactName: "Rahmat Hidayat",
      parent: { slug: "prov-banten" },
    });
    const workflow = (await (await api("/api/v1/t/kota-serang/workflow", { token: firstAdmin.token })).json()) as {
      published: { version: number };
    };
    expect(workflow.published.version).toBe(1);
    const checklist = (await (
      await api("/api/v1/t/kota-serang/checklists/first", { token: firstAdmin.token })
    ).json()) as { items: unknown[] };
    expect(checklist.items.length).toBeGreaterThan(10);

    // The province reads its new kab/kota; the new tenant appears in the region list.
    const banten = await login("dinsos.banten@akrab.test");
    expect((await api("/api/v1/t/kota-serang/lks", { token: banten.token })).status).toBe(200);
    const regions = (await (await api("/api/v1/public/regions?province=36")).json()) as {
      items: { slug: string; tenantStatus: string }[];
    };
    expect(regions.items.find((r) => r.slug === "kota-serang")?.tenantStatus).toBe("active");

    const audit = await api("/api/v1/t/kota-serang/audit", { token: firstAdmin.token });
    const actions = ((await audit.json()) as { items: { action: string }[] }).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["tenant.created", "member.invited", "auth.invitation_accepted"]));
  });

  it("refuses a region that already has a tenant or a pending sign-up, and bad fields", async () => {
    await expectProblem(await signUp({ regionCode: "36.71" }), 409, "conflict");
    expect((await signUp({ regionCode: "36.04", officialEmail: "a@serangkab.go.id" })).status).toBe(201);
    await expectProblem(await signUp({ regionCode: "36.04", officialEmail: "b@serangkab.go.id" }), 409, "conflict");
    const bad = await expectProblem(
      await signUp({ regionCode: "99.99", officialEmail: "nope", contactPhone: "12", officeName: "X" }),
      400,
      "validation",
    );
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(["contactPhone", "officeName", "officialEmail"]);
    await expectProblem(await signUp({ regionCode: "99.99" }), 400, "validation");
  });

  it("rejects with a reason the applicant is told, and lets the region apply again", async () => {
    const { id } = (await (
      await signUp({
        regionCode: "36.72",
        officeName: "Dinas Sosial Kota Cilegon",
        officialEmail: "dinsos@cilegon.go.id",
      })
    ).json()) as { id: string };
    const admin = await login("admin@akrab.test");
    await expectProblem(
      await api(`/api/v1/national/tenant-signups/${id}/reject`, {
        method: "POST",
        token: admin.token,
        json: { reason: "short" },
      }),
      400,
      "validation",
    );
    const rejected = await api(`/api/v1/national/tenant-signups/${id}/reject`, {
      method: "POST",
      token: admin.token,
      json: { reason: "Surat tugas belum ditandatangani kepala dinas." },
    });
    expect(await rejected.json()).toMatchObject({
      status: "rejected",
      rejectReason: "Surat tugas belum ditandatangani kepala dinas.",
    });
    expect((await outboxFor("dinsos@cilegon.go.id")).at(-1)?.body).toContain("belum ditandatangani");
    expect((await signUp({ regionCode: "36.72", officialEmail: "dinsos@cilegon.go.id" })).status).toBe(201);
  });

  it("adopts existing kab/kota when their province joins", async () => {
    // Jawa Barat (32) and Kota Bandung (32.73): the city joins first, then the province.
    const admin = await login("admin@akrab.test");
    const approve = async (regionCode: string, officialEmail: string) => {
      const { id } = (await (
        await signUp({ regionCode, officialEmail, officeName: `Dinas Sosial ${regionCode}` })
      ).json()) as { id: string };
      return (await (
        await api(`/api/v1/national/tenant-signups/${id}/approve`, { method: "POST", token: admin.token })
      ).json()) as { tenant: { slug: string; parentSlug: string | null } };
    };
    expect((await approve("32.73", "kota@bandung.go.id")).tenant).toMatchObject({
      slug: "kota-bandung",
      parentSlug: null,
    });
    expect((await approve("32", "prov@jabarprov.go.id")).tenant).toMatchObject({ slug: "prov-jawa-barat" });
    const tenants = (await (await api("/api/v1/national/tenants?limit=200", { token: admin.token })).json()) as {
      items: { slug: string; parentSlug: string | null }[];
    };
    expect(tenants.items.find((t) => t.slug === "kota-bandung")?.parentSlug).toBe("prov-jawa-barat");
  });

  it("keeps sign-up review to platform admins", async () => {
    const balks = await login("balks@akrab.test");
    await expectProblem(await api("/api/v1/national/tenant-signups", { token: balks.token }), 404, "not-found");
    await expectProblem(
      await api("/api/v1/national/tenants/kab-lebak/deactivate", { method: "POST", token: balks.token }),
      404,
      "not-found",
    );
  });
});

describe("tenant administration", () => {
  it("edits the profile and logo, audited; non-admins cannot", async () => {
    const admin = await login("dinsos.lebak@akrab.test");
    const res = await api("/api/v1/t/kab-lebak/profile", {
      method: "PATCH",
      token: admin.token,
      json: { address: "Jl. Pahlawan No. 1, Rangkasbitung", phone: "0252-201234" },
    });
    expect(await res.json()).toMatchObject({
      address: "Jl. Pahlawan No. 1, Rangkasbitung",
      phone: "0252-201234",
      parent: { slug: "prov-banten" },
      hasLogo: false,
    });
    await expectProblem(
      await api("/api/v1/t/kab-lebak/profile", { method: "PATCH", token: admin.token, json: { phone: "abc" } }),
      400,
      "validation",
    );

    expect(
      (
        await api("/api/v1/t/kab-lebak/logo", {
          method: "PUT",
          token: admin.token,
          headers: { "content-type": "image/png" },
          body: PNG,
        })
      ).status,
    ).toBe(204);
    const logo = await api("/api/v1/t/kab-lebak/logo", { token: admin.token });
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await logo.arrayBuffer())).toEqual(PNG);
    await expectProblem(
      await api("/api/v1/t/kab-lebak/logo", {
        method: "PUT",
        token: admin.token,
        headers: { "content-type": "image/png" },
        body: PDF,
      }),
      415,
      "unsupported-media-type",
    );
    await expectProblem(
      await api("/api/v1/t/kab-lebak/logo", {
        method: "PUT",
        token: admin.token,
        headers: { "content-type": "image/png" },
        body: new Uint8Array(300 * 1024),
      }),
      413,
      "payload-too-large",
    );

    const province = await login("dinsos.banten@akrab.test");
    expect((await api("/api/v1/t/kab-lebak/profile", { token: province.token })).status).toBe(200);
    await expectProblem(
      await api("/api/v1/t/kab-lebak/profile", {
        method: "PATCH",
        token: province.token,
        json: { phone: "0252-201234" },
      }),
      403,
      "forbidden",
    );
    expect((await auditActions({ action: "tenant.profile_updated" })).length).toBe(1);
  });

  it("removes a member but never the last admin", async () => {
    const admin = await login("dinsos.kota-tangerang@akrab.test");
    const { items } = (await (await api("/api/v1/t/kota-tangerang/members", { token: admin.token })).json()) as {
      items: { membershipId: string; role: string; user: { email: string } }[];
    };
    const self = items.find((m) => m.role === "tenant_admin")!;
    await expectProblem(
      await api(`/api/v1/t/kota-tangerang/members/${self.membershipId}`, { method: "DELETE", token: admin.token }),
      409,
      "conflict",
    );
    const operator = items.find((m) => m.user.email === "lks@akrab.test")!;
    expect(
      (await api(`/api/v1/t/kota-tangerang/members/${operator.membershipId}`, { method: "DELETE", token: admin.token }))
        .status,
    ).toBe(204);
    const { token } = await login("lks@akrab.test");
    await expectProblem(await api("/api/v1/t/kota-tangerang/lks", { token }), 404, "not-found");
    expect((await auditActions({ action: "member.removed" })).length).toBe(1);
  });

  it("filters and pages the audit log", async () => {
    const admin = await login("dinsos.batang@akrab.test");
    await api("/api/v1/t/kab-batang/profile", {
      method: "PATCH",
      token: admin.token,
      json: { contactName: "Suparno" },
    });
    await api("/api/v1/t/kab-batang/invitations", {
      method: "POST",
      token: admin.token,
      json: { email: "staf@batangkab.go.id", role: "dinsos_verifier" },
    });
    const page = async (query: string) =>
      (await (await api(`/api/v1/t/kab-batang/audit${query}`, { token: admin.token })).json()) as {
        items: { action: string }[];
        nextCursor: string | null;
      };
    expect((await page("?action=tenant.")).items.map((e) => e.action)).toEqual(["tenant.profile_updated"]);
    expect((await page("?action=member.invited")).items.map((e) => e.action)).toEqual(["member.invited"]);
    const first = await page("?limit=1");
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    expect((await page(`?limit=1&cursor=${first.nextCursor}`)).items).toHaveLength(1);
    expect((await page(`?actor=nobody@akrab.test`)).items).toHaveLength(0);
    await expectProblem(
      await api("/api/v1/t/kab-batang/audit?from=yesterday", { token: admin.token }),
      400,
      "validation",
    );
  });

  it("deactivates a tenant: its users are cut off, nothing is deleted, reactivation restores access", async () => {
    const platform = await login("admin@akrab.test");
    const member = await login("dinsos.lebak@akrab.test");
    const off = await api("/api/v1/national/tenants/kab-lebak/deactivate", { method: "POST", token: platform.token });
    expect(await off.json()).toMatchObject({ slug: "kab-lebak", status: "deactivated" });
    await expectProblem(await api("/api/v1/t/kab-lebak/lks", { token: member.token }), 404, "not-found");
    const count = await env.DB.prepare(
      "SELECT count(*) AS n FROM lks l JOIN tenants t ON t.id = l.tenant_id WHERE t.slug = 'kab-lebak'",
    ).first<{ n: number }>();
    expect(count?.n).toBe(1);
    await api("/api/v1/national/tenants/kab-lebak/activate", { method: "POST", token: platform.token });
    expect((await api("/api/v1/t/kab-lebak/lks", { token: member.token })).status).toBe(200);
  });
});
