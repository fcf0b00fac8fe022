import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem, linkTokenFor, login, outboxFor } from "./helpers.ts";

/**
 * Issue 13: BALKS's asesor registry, forming a team without conflicts of interest, the asesor's
 * answer with the no-conflict declaration, the `assign` gate, and the assignment access axis.
 */
const N = "/api/v1/national";
const LETTER = { number: "001/LKS/2026", date: "2026-01-05", signatoryName: "Siti Aminah", signatoryPosition: "Ketua" };
const key = () => ({ "idempotency-key": crypto.randomUUID() });

type Detail = { id: string; email: string; version: number; affiliations: { id: string }[]; linked: boolean };
type Team = {
  complete: boolean;
  reasons: { code: string; text: { id: string; en: string } }[];
  members: { assignmentId: string; asesorId: string; status: string; declineReason: string | null }[];
};

const balks = () => login("balks@akrab.test");

async function count(sql: string, ...binds: unknown[]) {
  const row = await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>();
  return row!.n;
}

/** An open application of the named LKS at a national step (the steps before it are other tests' business). */
async function applicationAt(lksName: string, step = "asesor_assignment") {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await env.DB.prepare(
    "UPDATE applications SET open = 0, step = 'withdrawn' WHERE lks_id = (SELECT id FROM lks WHERE name = ?)",
  )
    .bind(lksName)
    .run();
  await env.DB.prepare(
    `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, version, created_at, updated_at)
     SELECT ?, l.tenant_id, l.id, 'first', ?, (SELECT max(version) FROM workflow_versions w WHERE w.tenant_id = l.tenant_id), 1, ?, '[]', '[]', ?, 1, ?, ?
     FROM lks l WHERE l.name = ?`,
  )
    .bind(id, step, JSON.stringify(LETTER), now, now, now, lksName)
    .run();
  const { slug } = (await env.DB.prepare(
    "SELECT t.slug FROM applications a JOIN tenants t ON t.id = a.tenant_id WHERE a.id = ?",
  )
    .bind(id)
    .first<{ slug: string }>())!;
  return { id, slug };
}

async function createAsesor(token: string, overrides: Record<string, unknown> = {}) {
  const res = await api(`${N}/asesors`, {
    method: "POST",
    token,
    headers: key(),
    json: {
      name: "Asesor Uji",
      email: `asesor.${crypto.randomUUID().slice(0, 8)}@akrab.test`,
      provinceCode: "31",
      kabKotaCode: "31.71",
      background: "academic",
      lksTypes: ["LKSA", "LKSPD"],
      qualifications: [{ name: "Pelatihan Asesor LKS", date: "2024-05-02" }],
      ...overrides,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Detail;
}

/** An asesor who can sign in: registered, invited by email, invitation accepted. */
async function signedInAsesor(token: string, overrides: Record<string, unknown> = {}) {
  const email = `asesor.${crypto.randomUUID().slice(0, 8)}@akrab.test`;
  const asesor = await createAsesor(token, { email, ...overrides });
  const invited = await api(`${N}/asesors/${asesor.id}/invitation`, { method: "POST", token, headers: key() });
  expect(await invited.json()).toMatchObject({ outcome: "invited" });
  const accepted = await api(`/api/v1/auth/invitations/${await linkTokenFor(email, "/invite/")}/accept`, {
    method: "POST",
    json: { name: "Asesor Uji", password: "kopi-tubruk-pagi-hari" },
  });
  expect(accepted.status).toBe(200);
  return { ...asesor, token: ((await accepted.json()) as { token: string }).token };
}

/** The demo asesor (Dr. Rina Asesor) in the registry, linked to her account. */
async function rina(token: string) {
  const existing = await env.DB.prepare("SELECT id FROM asesors WHERE email = 'asesor@akrab.test'").first<{
    id: string;
  }>();
  const asesor = existing ?? (await createAsesor(token, { name: "Dr. Rina Asesor", email: "asesor@akrab.test" }));
  const linked = await api(`${N}/asesors/${asesor.id}/invitation`, { method: "POST", token, headers: key() });
  expect(await linked.json()).toMatchObject({ outcome: "linked" });
  return { id: asesor.id, token: (await login("asesor@akrab.test")).token };
}

const teamPath = (app: { slug: string; id: string }) => `${N}/applications/${app.slug}/${app.id}/team`;

async function assign(token: string, app: { slug: string; id: string }, members: { asesorId: string; role: string }[]) {
  return api(teamPath(app), { method: "POST", token, headers: key(), json: { members } });
}

async function answer(token: string, assignmentId: string, json: unknown, headers: Record<string, string> = key()) {
  return api(`/api/v1/me/assignments/${assignmentId}/answer`, { method: "POST", token, headers, json });
}

describe("the asesor registry", () => {
  it("BALKS adds, lists, changes and deactivates asesors; bad input names the field and changes nothing", async () => {
    const { token } = await balks();
    const before = await count("SELECT count(*) AS n FROM asesors");
    const bad = await expectProblem(
      await api(`${N}/asesors`, {
        method: "POST",
        token,
        json: { name: "X", email: "nope", provinceCode: "36", kabKotaCode: "31.71", background: "guru", lksTypes: [] },
      }),
      400,
      "validation",
    );
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(["background", "email", "lksTypes", "name"]);
    const wrongPlace = await expectProblem(
      await api(`${N}/asesors`, {
        method: "POST",
        token,
        json: {
          name: "Asesor Salah Tempat",
          email: "salah.tempat@akrab.test",
          provinceCode: "36",
          kabKotaCode: "31.71",
          background: "trainer",
          lksTypes: ["LKSA"],
        },
      }),
      400,
      "validation",
    );
    expect(wrongPlace.errors?.map((e) => e.path)).toEqual(["kabKotaCode"]);
    expect(await count("SELECT count(*) AS n FROM asesors")).toBe(before);

    const made = await createAsesor(token, { name: "Ahmad Praktisi", email: "ahmad.praktisi@akrab.test" });
    const twice = await expectProblem(
      await api(`${N}/asesors`, {
        method: "POST",
        token,
        json: {
          name: "Ahmad Lain",
          email: "AHMAD.praktisi@akrab.test",
          provinceCode: "31",
          kabKotaCode: "31.71",
          background: "practitioner",
          lksTypes: ["LKSA"],
        },
      }),
      400,
      "validation",
    );
    expect(twice.errors?.[0]?.path).toBe("email");

    const list = (await (await api(`${N}/asesors?q=ahmad&lksType=LKSA`, { token })).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((a) => a.id)).toEqual([made.id]);
    expect(
      ((await (await api(`${N}/asesors?q=ahmad&lksType=LKS-LU`, { token })).json()) as { items: unknown[] }).items,
    ).toEqual([]);

    const patch = (json: unknown) => api(`${N}/asesors/${made.id}`, { method: "PATCH", token, json });
    const off = await patch({ expectedVersion: made.version, active: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ active: false, version: made.version + 1 });
    await expectProblem(await patch({ expectedVersion: made.version, name: "Basi" }), 409, "conflict");
    const misplaced = await expectProblem(
      await patch({ expectedVersion: made.version + 1, kabKotaCode: "36.71" }),
      400,
      "validation",
    );
    expect(misplaced.errors?.[0]?.path).toBe("kabKotaCode");
    expect(
      ((await (await api(`${N}/asesors?q=ahmad&active=true`, { token })).json()) as { items: unknown[] }).items,
    ).toEqual([]);

    // Only BALKS's secretariat keeps the registry; a viewer reads it, a Dinsos does not see it.
    const viewer = await login("viewer@akrab.test");
    expect((await api(`${N}/asesors/${made.id}`, { token: viewer.token })).status).toBe(200);
    await expectProblem(
      await api(`${N}/asesors/${made.id}`, { method: "PATCH", token: viewer.token, json: { expectedVersion: 2 } }),
      404,
      "not-found",
    );
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    await expectProblem(await api(`${N}/asesors`, { token: dinsos.token }), 404, "not-found");
  });

  it("records declared ties with dates and refuses one that names nothing or ends before it starts", async () => {
    const { token } = await balks();
    const asesor = await createAsesor(token);
    const tie = (json: unknown) =>
      api(`${N}/asesors/${asesor.id}/affiliations`, { method: "POST", token, headers: key(), json });
    const bad = await expectProblem(
      await tie({ kind: "employment", from: "2024-05-01", to: "2023-01-01" }),
      400,
      "validation",
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(["organisation", "to"]);
    expect(await count("SELECT count(*) AS n FROM asesor_affiliations WHERE asesor_id = ?", asesor.id)).toBe(0);

    const added = await tie({ kind: "foundation", organisation: "012345678901000", from: "2020-01-01", to: null });
    expect(added.status).toBe(201);
    const { affiliations } = (await added.json()) as Detail;
    expect(affiliations).toHaveLength(1);
    const removed = await api(`${N}/asesors/${asesor.id}/affiliations/${affiliations[0]!.id}`, {
      method: "DELETE",
      token,
    });
    expect(((await removed.json()) as Detail).affiliations).toEqual([]);
    await expectProblem(
      await api(`${N}/asesors/${asesor.id}/affiliations/${affiliations[0]!.id}`, { method: "DELETE", token }),
      404,
      "not-found",
    );
  });

  it("a replayed create with the same Idempotency-Key adds the asesor once", async () => {
    const { token } = await balks();
    const headers = key();
    const json = {
      name: "Sekali Saja",
      email: "sekali.saja@akrab.test",
      provinceCode: "33",
      kabKotaCode: "33.25",
      background: "trainer",
      lksTypes: ["LKS-LU"],
    };
    const first = await api(`${N}/asesors`, { method: "POST", token, headers, json });
    const again = await api(`${N}/asesors`, { method: "POST", token, headers, json });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(((await again.json()) as Detail).id).toBe(((await first.json()) as Detail).id);
    expect(await count("SELECT count(*) AS n FROM asesors WHERE email = 'sekali.saja@akrab.test'")).toBe(1);
  });
});

describe("forming a team", () => {
  it("ranks candidates with the domain's reasons: a tie within two years and the same kab/kota exclude", async () => {
    const { token } = await balks();
    const app = await applicationAt("Panti Asuhan Kasih Bunda"); // LKSA, Kota Tangerang (36.71)
    const far = await createAsesor(token, { name: "Aa Jauh", provinceCode: "33", kabKotaCode: "33.25" });
    const near = await createAsesor(token, { name: "Ab Dekat", provinceCode: "36", kabKotaCode: "36.02" });
    const local = await createAsesor(token, { name: "Ac Setempat", provinceCode: "36", kabKotaCode: "36.71" });
    const tied = await createAsesor(token, { name: "Ad Terikat" });
    const lastYear = `${new Date().getUTCFullYear() - 1}-06-30`;
    await api(`${N}/asesors/${tied.id}/affiliations`, {
      method: "POST",
      token,
      headers: key(),
      json: { kind: "employment", organisation: "012345678901000", from: "2019-01-01", to: lastYear },
    });

    const res = await api(`${N}/applications/${app.slug}/${app.id}/asesor-candidates`, { token });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: { asesor: { id: string }; eligible: boolean; distance: string; reasons: { code: string }[] }[];
    };
    const of = (id: string) => items.find((i) => i.asesor.id === id)!;
    expect(of(near.id)).toMatchObject({ eligible: true, distance: "same_province", reasons: [{ code: "eligible" }] });
    expect(of(far.id)).toMatchObject({ eligible: true, distance: "other_province" });
    expect(of(local.id)).toMatchObject({ eligible: false, reasons: [{ code: "same_kab_kota" }] });
    expect(of(tied.id)).toMatchObject({ eligible: false, reasons: [{ code: "recent_tie" }] });
    // Same province before another province; every excluded one after every eligible one.
    const order = items.map((i) => i.asesor.id);
    expect(order.indexOf(near.id)).toBeLessThan(order.indexOf(far.id));
    expect(order.indexOf(far.id)).toBeLessThan(order.indexOf(local.id));

    // Assigning an excluded asesor names them and the reason, and invites nobody.
    const refused = await expectProblem(
      await assign(token, app, [
        { asesorId: near.id, role: "lead" },
        { asesorId: tied.id, role: "member" },
      ]),
      400,
      "validation",
    );
    expect(refused.errors).toEqual([{ path: "members.1.asesorId", message: expect.stringContaining("Ad Terikat") }]);
    expect(refused.errors?.[0]?.message).toContain("2 tahun");
    expect(await count("SELECT count(*) AS n FROM assessment_assignments WHERE application_id = ?", app.id)).toBe(0);
  });

  it("asesors accept with the declaration kept or decline with a reason; `assign` waits for a full accepted team", async () => {
    const { token } = await balks();
    const app = await applicationAt("Panti Asuhan Al-Hikmah Rangkasbitung"); // LKSA, Lebak (36.02)
    const lead = await signedInAsesor(token, { name: "Ketua Tim" });
    const decliner = await signedInAsesor(token, { name: "Penolak" });
    const member = await signedInAsesor(token, { name: "Anggota Tim" });

    const invited = await assign(token, app, [
      { asesorId: lead.id, role: "lead" },
      { asesorId: decliner.id, role: "member" },
    ]);
    expect(invited.status, await invited.clone().text()).toBe(201);
    const team = (await invited.json()) as Team;
    expect(team.complete).toBe(false);
    expect(team.reasons.map((r) => r.code)).toEqual(["pending", "pending", "no_lead", "too_few"]);

    const transition = async () => {
      const version = (await env.DB.prepare("SELECT version FROM applications WHERE id = ?").bind(app.id).first<{
        version: number;
      }>())!.version;
      return api(`/api/v1/t/${app.slug}/applications/${app.id}/transitions`, {
        method: "POST",
        token,
        headers: key(),
        json: { action: "assign", expectedVersion: version },
      });
    };
    // Each invited asesor is told by email.
    expect((await outboxFor(lead.email)).map((m) => m.subject)).toContain(
      "Penugasan asesor: Panti Asuhan Al-Hikmah Rangkasbitung / Asesor assignment: Panti Asuhan Al-Hikmah Rangkasbitung",
    );
    const early = await expectProblem(await transition(), 409, "conflict");
    expect(early.errors?.map((e) => e.path)).toEqual(["team.pending", "team.pending", "team.no_lead", "team.too_few"]);

    // The lead sees the declaration for this LKS, and accepting keeps it word for word.
    const mine = (await (await api("/api/v1/me/assignments", { token: lead.token })).json()) as {
      items: { id: string; declaration: { id: string }[]; lks: { name: string } }[];
    };
    expect(mine.items).toHaveLength(1);
    const [assignment] = mine.items;
    expect(assignment!.declaration[0]!.id).toContain("Panti Asuhan Al-Hikmah Rangkasbitung");
    const unsigned = await expectProblem(
      await answer(lead.token, assignment!.id, { answer: "accept" }),
      400,
      "validation",
    );
    expect(unsigned.errors?.[0]?.path).toBe("declare");
    const headers = key();
    const accepted = await answer(lead.token, assignment!.id, { answer: "accept", declare: true }, headers);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: "accepted", declaredAt: expect.any(String) });
    // A replay answers the same and records nothing more.
    expect((await answer(lead.token, assignment!.id, { answer: "accept", declare: true }, headers)).status).toBe(200);
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'application.team_accepted' AND target_id = ?",
        app.id,
      ),
    ).toBe(1);
    const kept = await env.DB.prepare("SELECT declaration FROM assessment_assignments WHERE id = ?")
      .bind(assignment!.id)
      .first<{ declaration: string }>();
    expect(JSON.parse(kept!.declaration)).toEqual(assignment!.declaration);
    await expectProblem(
      await answer(lead.token, assignment!.id, { answer: "decline", reason: "Berubah pikiran" }),
      409,
      "conflict",
    );
    // Someone else's assignment is missing to this asesor.
    const otherId = team.members.find((m) => m.asesorId === decliner.id)!.assignmentId;
    await expectProblem(await answer(lead.token, otherId, { answer: "accept", declare: true }), 404, "not-found");

    const declined = await answer(decliner.token, otherId, {
      answer: "decline",
      reason: "Sedang bertugas di luar negeri",
    });
    expect(await declined.json()).toMatchObject({
      status: "declined",
      declineReason: "Sedang bertugas di luar negeri",
    });
    const stillOut = await expectProblem(await transition(), 409, "conflict");
    expect(stillOut.errors?.map((e) => e.path)).toEqual(["team.declined", "team.too_few"]);
    expect(stillOut.errors?.[0]?.message).toContain("Sedang bertugas di luar negeri");

    // BALKS replaces the decliner; once the replacement accepts, `assign` goes through.
    await expectProblem(await assign(token, app, [{ asesorId: decliner.id, role: "member" }]), 400, "validation");
    expect((await assign(token, app, [{ asesorId: member.id, role: "member" }])).status).toBe(201);
    const replacement = (await (await api("/api/v1/me/assignments", { token: member.token })).json()) as {
      items: { id: string }[];
    };
    await answer(member.token, replacement.items[0]!.id, { answer: "accept", declare: true });
    const shown = (await (await api(teamPath(app), { token })).json()) as Team;
    expect(shown.complete).toBe(true);
    const moved = await transition();
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await moved.json()).toMatchObject({ step: { id: "visit" } });
  });

  it("an asesor with a tie recorded after the invitation cannot accept; nothing changes", async () => {
    const { token } = await balks();
    const app = await applicationAt("Panti Asuhan Kasih Bunda");
    const asesor = await signedInAsesor(token, { name: "Terikat Kemudian" });
    expect((await assign(token, app, [{ asesorId: asesor.id, role: "lead" }])).status).toBe(201);
    await api(`${N}/asesors/${asesor.id}/affiliations`, {
      method: "POST",
      token,
      headers: key(),
      json: {
        kind: "family",
        lksId: (await env.DB.prepare("SELECT lks_id FROM applications WHERE id = ?")
          .bind(app.id)
          .first<{ lks_id: string }>())!.lks_id,
        from: "2015-01-01",
        to: null,
      },
    });
    const [assignment] = (
      (await (await api("/api/v1/me/assignments", { token: asesor.token })).json()) as {
        items: { id: string }[];
      }
    ).items;
    const refused = await expectProblem(
      await answer(asesor.token, assignment!.id, { answer: "accept", declare: true }),
      409,
      "conflict",
    );
    expect(refused.errors?.map((e) => e.path)).toEqual(["eligibility.recent_tie"]);
    const row = await env.DB.prepare("SELECT status, declared_at FROM assessment_assignments WHERE id = ?")
      .bind(assignment!.id)
      .first();
    expect(row).toEqual({ status: "invited", declared_at: null });
  });

  it("a replayed team invitation with the same Idempotency-Key invites once", async () => {
    const { token } = await balks();
    const app = await applicationAt("Yayasan Bina Laras Jakarta Timur"); // LKSPD, Jakarta
    const a = await createAsesor(token, { provinceCode: "36", kabKotaCode: "36.02" });
    const headers = key();
    const json = { members: [{ asesorId: a.id, role: "lead" }] };
    const first = await api(teamPath(app), { method: "POST", token, headers, json });
    const again = await api(teamPath(app), { method: "POST", token, headers, json });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(await count("SELECT count(*) AS n FROM assessment_assignments WHERE application_id = ?", app.id)).toBe(1);
  });
});

describe("the assignment axis", () => {
  it("an asesor reaches exactly the applications of their teams, across tenants; everything else is a 404", async () => {
    const { token } = await balks();
    const { id: rinaId, token: asesor } = await rina(token);
    const tangerang = await applicationAt("Panti Asuhan Kasih Bunda");
    const jakarta = await applicationAt("Yayasan Bina Laras Jakarta Timur");
    const batang = await applicationAt("LKS Lansia Bahagia Batang", "visit");
    const lebak = await applicationAt("Panti Asuhan Al-Hikmah Rangkasbitung", "visit");
    // Rina lives in Jakarta (31.71): eligible for Kasih Bunda (LKSA) and Batang? Batang is LKS-LU: set by data.
    await env.DB.prepare(
      "UPDATE asesors SET lks_types = '[\"LKSA\",\"LKSPD\",\"LKS-LU\"]', kab_kota_code = '33.01', province_code = '33' WHERE id = ?",
    )
      .bind(rinaId)
      .run();
    expect((await assign(token, tangerang, [{ asesorId: rinaId, role: "lead" }])).status).toBe(201);
    expect((await assign(token, jakarta, [{ asesorId: rinaId, role: "lead" }])).status).toBe(201);
    // On a team at the visit step (assigned straight in data: the team is formed at assignment).
    await env.DB.prepare(
      "INSERT INTO assessment_assignments (id, tenant_id, application_id, asesor_id, role, status, assigned_by, assigned_at) SELECT ?, tenant_id, id, ?, 'lead', 'accepted', (SELECT id FROM users WHERE email = 'balks@akrab.test'), ? FROM applications WHERE id = ?",
    )
      .bind(crypto.randomUUID(), rinaId, new Date().toISOString(), batang.id)
      .run();

    const show = (app: { slug: string; id: string }, suffix = "") =>
      api(`/api/v1/t/${app.slug}/applications/${app.id}${suffix}`, { token: asesor });
    // Accepted: the application is open to her. Invited only: not yet (the declaration comes first).
    expect((await show(batang)).status).toBe(200);
    expect((await show(batang, "/timeline")).status).toBe(200);
    for (const app of [tangerang, jakarta]) {
      await expectProblem(await show(app), 404, "not-found");
      await expectProblem(await show(app, "/timeline"), 404, "not-found");
    }
    await expectProblem(await show(lebak), 404, "not-found");
    await expectProblem(await show(lebak, "/timeline"), 404, "not-found");
    // Another application in a tenant where she is on a team is as missing as one elsewhere.
    const sameTenant = { slug: tangerang.slug, id: lebak.id };
    await expectProblem(await show(sameTenant), 404, "not-found");
    // Every other route of a tenant she reaches through a team is a 404.
    for (const path of ["/lks", "/applications", "/members", "/documents", "/profile", "/workflow"])
      expect((await api(`/api/v1/t/${tangerang.slug}${path}`, { token: asesor })).status, path).toBe(404);

    // Her inbox lists the application of her team at the visit, not the other one there.
    const inbox = (await (await api(`${N}/inbox`, { token: asesor })).json()) as { items: { id: string }[] };
    expect(inbox.items.map((i) => i.id)).toEqual([batang.id]);
    // Her home counts the same one (not every application at the visit in the country).
    const home = (await (await api("/api/v1/me/work", { token: asesor })).json()) as {
      groups: { tenant: null | object; items: { kind: string; count: number }[] }[];
    };
    expect(home.groups).toEqual([
      expect.objectContaining({
        tenant: null,
        items: [expect.objectContaining({ kind: "national_applications", count: 1 })],
      }),
    ]);

    // Accepting opens the application; declining keeps it closed.
    const mine = (await (await api("/api/v1/me/assignments", { token: asesor })).json()) as {
      items: { id: string; applicationId: string }[];
    };
    const jakartaAssignment = mine.items.find((a) => a.applicationId === jakarta.id)!;
    const tangerangAssignment = mine.items.find((a) => a.applicationId === tangerang.id)!;
    expect((await answer(asesor, tangerangAssignment.id, { answer: "accept", declare: true })).status).toBe(200);
    expect((await show(tangerang)).status).toBe(200);
    await answer(asesor, jakartaAssignment.id, { answer: "decline", reason: "Jadwal bentrok" });
    await expectProblem(await show(jakarta), 404, "not-found");
  });
});
