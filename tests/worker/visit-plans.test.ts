import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem, login, outboxFor } from "./helpers.ts";

/**
 * Issue 13, the visit plan: BALKS plans a route of LKS visits for one accepted asesor team, across
 * tenants; each stop's Dinsos names its companions; the LKS and the Dinsos are told each change
 * once; the asesor sees their plans and the date on their assignments.
 */
const N = "/api/v1/national";
const LETTER = { number: "001/LKS/2026", date: "2026-01-05", signatoryName: "Siti Aminah", signatoryPosition: "Ketua" };
const key = () => ({ "idempotency-key": crypto.randomUUID() });
/** A Jakarta day `n` days from now (a few days either side of midnight does not matter here). */
const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

const KASIH_BUNDA = "Panti Asuhan Kasih Bunda"; // kota-tangerang (36.71); operator lks@akrab.test
const AL_HIKMAH = "Panti Asuhan Al-Hikmah Rangkasbitung"; // kab-lebak (36.02)
const CIPONDOH = "Panti Werdha Sejahtera Cipondoh"; // kota-tangerang
const TANGERANG_STAFF = "dinsos.kota-tangerang@akrab.test";
const LEBAK_STAFF = "dinsos.lebak@akrab.test";
const OPERATOR = "lks@akrab.test";

type Plan = {
  id: string;
  status: string;
  version: number;
  startsOn: string;
  endsOn: string;
  team: { name: string; role: string }[];
  stops: { applicationId: string; date: string; tenant: { slug: string }; companions: { name: string }[] }[];
};
type App = { id: string; slug: string };

async function count(sql: string, ...binds: unknown[]) {
  return (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;
}

/** An open application of the named LKS at the visit (the steps before it are other tests' business). */
async function applicationAt(lksName: string, step = "visit"): Promise<App> {
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

/** A registry row (no account needed to be on a team). */
async function asesor(name: string, email = `asesor.${crypto.randomUUID().slice(0, 8)}@akrab.test`) {
  const existing = await env.DB.prepare("SELECT id FROM asesors WHERE email = ?").bind(email).first<{ id: string }>();
  if (existing) return existing.id;
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await env.DB.prepare(
    `INSERT INTO asesors (id, user_id, email, name, phone, province_code, kab_kota_code, background, lks_types, qualifications, active, version, created_at, updated_at)
     VALUES (?, (SELECT id FROM users WHERE email = ?2), ?2, ?, NULL, '31', '31.71', 'academic', '["LKSA"]', '[]', 1, 1, ?, ?)`,
  )
    .bind(id, email, name, now, now)
    .run();
  return id;
}

/** The team accepted the application (straight in data: forming it is the asesor tests' business). */
async function accepted(app: App, team: { asesorId: string; role: "lead" | "member"; status?: string }[]) {
  for (const m of team)
    await env.DB.prepare(
      "INSERT INTO assessment_assignments (id, tenant_id, application_id, asesor_id, role, status, assigned_by, assigned_at) SELECT ?, tenant_id, id, ?, ?, ?, (SELECT id FROM users WHERE email = 'balks@akrab.test'), ? FROM applications WHERE id = ?",
    )
      .bind(crypto.randomUUID(), m.asesorId, m.role, m.status ?? "accepted", new Date().toISOString(), app.id)
      .run();
}

/** Two applications in two tenants with the same accepted team (the demo asesor leads it). */
async function route() {
  const rina = await asesor("Dr. Rina Asesor", "asesor@akrab.test");
  const member = await asesor("Bambang Anggota");
  const tangerang = await applicationAt(KASIH_BUNDA);
  const lebak = await applicationAt(AL_HIKMAH);
  const team = [
    { asesorId: rina, role: "lead" as const },
    { asesorId: member, role: "member" as const },
  ];
  await accepted(tangerang, team);
  await accepted(lebak, team);
  return { tangerang, lebak, rina, member };
}

const stop = (app: App, date: string) => ({ tenant: app.slug, applicationId: app.id, date });

async function createPlan(token: string, json: unknown, headers: Record<string, string> = key()) {
  return api(`${N}/visit-plans`, { method: "POST", token, headers, json });
}

const visitMails = async (email: string) =>
  (await outboxFor(email)).filter((m) => m.subject.includes("isitasi")).map((m) => m.subject);

describe("planning a visit route", () => {
  it("plans two LKS in two tenants, tells each LKS and Dinsos the date once, even when the request is replayed", async () => {
    const { token } = await login("balks@akrab.test");
    const { tangerang, lebak } = await route();
    const body = { stops: [stop(tangerang, day(10)), stop(lebak, day(11))], notes: "Berangkat dari Jakarta" };
    const headers = key();
    const mailsBefore = await visitMails(TANGERANG_STAFF);

    const res = await createPlan(token, body, headers);
    expect(res.status, await res.clone().text()).toBe(201);
    const plan = (await res.json()) as Plan;
    expect(plan).toMatchObject({ status: "active", version: 1, startsOn: day(10), endsOn: day(11) });
    expect(plan.team.map((t) => [t.name, t.role])).toEqual([
      ["Dr. Rina Asesor", "lead"],
      ["Bambang Anggota", "member"],
    ]);
    expect(plan.stops.map((s) => [s.tenant.slug, s.date])).toEqual([
      ["kota-tangerang", day(10)],
      ["kab-lebak", day(11)],
    ]);

    // The same request again (a flaky link): the first answer, no second plan, nobody told twice.
    const replay = await createPlan(token, body, headers);
    expect(replay.status).toBe(201);
    expect(((await replay.json()) as Plan).id).toBe(plan.id);
    expect(await count("SELECT count(*) AS n FROM visit_plans WHERE id = ?", plan.id)).toBe(1);
    expect(await count("SELECT count(*) AS n FROM visit_plans")).toBe(1);

    const tangerangMails = (await visitMails(TANGERANG_STAFF)).slice(mailsBefore.length);
    expect(tangerangMails).toEqual([expect.stringContaining(`Jadwal visitasi ${KASIH_BUNDA}`)]);
    expect(await visitMails(OPERATOR)).toEqual([expect.stringContaining(`Jadwal visitasi ${KASIH_BUNDA}`)]);
    expect(await visitMails(LEBAK_STAFF)).toEqual([expect.stringContaining(`Jadwal visitasi ${AL_HIKMAH}`)]);
    // Bilingual, with the date and the team.
    const [mail] = (await outboxFor(OPERATOR)).filter((m) => m.subject.includes("isitasi"));
    expect(mail!.body).toContain("BALKS menjadwalkan visitasi asesor");
    expect(mail!.body).toContain("BALKS scheduled the asesors' visit");
    expect(mail!.body).toContain("Dr. Rina Asesor, Bambang Anggota");
    expect(
      await count(
        "SELECT count(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = ? AND n.link = ?",
        OPERATOR,
        `/t/kota-tangerang/permohonan/${tangerang.id}`,
      ),
    ).toBe(1);

    // The tenant, its LKS and the team see the date on the application.
    for (const who of [TANGERANG_STAFF, OPERATOR, "asesor@akrab.test"]) {
      const { token: t } = await login(who);
      const visit = await api(`/api/v1/t/kota-tangerang/applications/${tangerang.id}/visit-plan`, { token: t });
      expect(visit.status, who).toBe(200);
      expect(await visit.json()).toMatchObject({
        plan: { id: plan.id, date: day(10), team: [{ name: "Dr. Rina Asesor", role: "lead" }, { role: "member" }] },
        canNameCompanions: who === TANGERANG_STAFF,
      });
    }
    // BALKS finds it from the application's team page.
    const ofApp = await api(`${N}/applications/kab-lebak/${lebak.id}/visit-plan`, { token });
    expect(((await ofApp.json()) as { plan: Plan }).plan.id).toBe(plan.id);
  });

  it("refuses a route that breaks the rules, naming the stop's field, and changes nothing", async () => {
    const { token } = await login("balks@akrab.test");
    const { tangerang, lebak, member } = await route();
    const first = await createPlan(token, { stops: [stop(tangerang, day(5))] });
    expect(first.status).toBe(201);
    const plans = await count("SELECT count(*) AS n FROM visit_plans");
    const outbox = await count("SELECT count(*) AS n FROM outbox");

    // An application already in an active plan.
    const twice = await expectProblem(
      await createPlan(token, { stops: [stop(lebak, day(6)), stop(tangerang, day(6))] }),
      400,
      "validation",
    );
    expect(twice.errors).toEqual([
      { path: "stops.1.applicationId", message: expect.stringContaining("rencana kunjungan lain") },
    ]);
    // A date in the past.
    const past = await expectProblem(await createPlan(token, { stops: [stop(lebak, day(-3))] }), 400, "validation");
    expect(past.errors?.map((e) => e.path)).toEqual(["stops.0.date"]);
    // Another team's application on the same route.
    const other = await applicationAt(CIPONDOH);
    await accepted(other, [{ asesorId: member, role: "lead" }]);
    const mixed = await expectProblem(
      await createPlan(token, { stops: [stop(lebak, day(6)), stop(other, day(7))] }),
      400,
      "validation",
    );
    expect(mixed.errors).toEqual([{ path: "stops.1.applicationId", message: expect.stringContaining("tim lain") }]);
    // An application whose team has not accepted, one that does not exist, one not waiting for a visit.
    const unaccepted = await applicationAt(CIPONDOH, "asesor_assignment");
    // (its lead accepted, its member has not answered: at assignment the whole team must have accepted)
    await accepted(unaccepted, [
      { asesorId: await asesor("Ketua Sudah Menerima"), role: "lead" },
      { asesorId: member, role: "member", status: "invited" },
    ]);
    const closed = await applicationAt(KASIH_BUNDA, "administrative_check");
    const many = await expectProblem(
      await createPlan(token, {
        stops: [
          stop(unaccepted, day(6)),
          { tenant: "kab-lebak", applicationId: "no-such-application", date: day(6) },
          stop(closed, day(6)),
        ],
      }),
      400,
      "validation",
    );
    expect(many.errors?.map((e) => e.path)).toEqual([
      "stops.0.applicationId",
      "stops.1.applicationId",
      "stops.2.applicationId",
      "stops.2.applicationId",
    ]);
    // No stops, a malformed date.
    const empty = await expectProblem(await createPlan(token, { stops: [] }), 400, "validation");
    expect(empty.errors?.map((e) => e.path)).toEqual(["stops"]);
    const badDate = await expectProblem(
      await createPlan(token, { stops: [{ ...stop(lebak, "2026-02-30") }] }),
      400,
      "validation",
    );
    expect(badDate.errors?.map((e) => e.path)).toEqual(["stops.0.date"]);

    expect(await count("SELECT count(*) AS n FROM visit_plans")).toBe(plans);
    expect(await count("SELECT count(*) AS n FROM outbox")).toBe(outbox);
    // Only BALKS's secretariat plans: a Dinsos is told the route does not exist.
    const { token: dinsos } = await login(TANGERANG_STAFF);
    await expectProblem(await createPlan(dinsos, { stops: [stop(lebak, day(6))] }), 404, "not-found");
  });

  it("a change tells only the stops it changes, once under replays; a stale edit is a 409; cancelling frees the applications", async () => {
    const { token } = await login("balks@akrab.test");
    const { tangerang, lebak } = await route();
    const plan = (await (
      await createPlan(token, { stops: [stop(tangerang, day(10)), stop(lebak, day(11))] })
    ).json()) as Plan;
    const before = {
      tangerang: (await visitMails(TANGERANG_STAFF)).length,
      lebak: (await visitMails(LEBAK_STAFF)).length,
    };
    const patch = (json: unknown, headers = key()) =>
      api(`${N}/visit-plans/${plan.id}`, { method: "PATCH", token, headers, json });

    // Lebak's visit moves a day; Kasih Bunda's stays.
    const headers = key();
    const body = { stops: [stop(tangerang, day(10)), stop(lebak, day(12))], notes: null, expectedVersion: 1 };
    const moved = await patch(body, headers);
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await moved.json()).toMatchObject({ version: 2, endsOn: day(12) });
    expect((await patch(body, headers)).status).toBe(200); // replayed: the stored answer
    expect((await visitMails(TANGERANG_STAFF)).length).toBe(before.tangerang);
    expect((await visitMails(LEBAK_STAFF)).slice(before.lebak)).toEqual([
      expect.stringContaining(`Jadwal visitasi ${AL_HIKMAH} berubah`),
    ]);

    // An edit based on version 1 again, with a fresh key: someone else saved first.
    await expectProblem(await patch({ ...body, stops: [stop(lebak, day(13))] }), 409, "conflict");
    expect(await count("SELECT version AS n FROM visit_plans WHERE id = ?", plan.id)).toBe(2);

    // Kasih Bunda leaves the route: its people hear it is cancelled; Lebak, unchanged, hears nothing.
    const shorter = await patch({ stops: [stop(lebak, day(12))], expectedVersion: 2 });
    expect(shorter.status).toBe(200);
    expect((await visitMails(TANGERANG_STAFF)).slice(before.tangerang)).toEqual([
      expect.stringContaining(`Visitasi ${KASIH_BUNDA} dibatalkan`),
    ]);
    expect((await visitMails(LEBAK_STAFF)).length).toBe(before.lebak + 1);
    // …and may be planned again at once.
    const again = await createPlan(token, { stops: [stop(tangerang, day(20))] });
    expect(again.status).toBe(201);

    // Cancelling the first plan tells Lebak and frees its application too.
    const cancel = await api(`${N}/visit-plans/${plan.id}/cancel`, {
      method: "POST",
      token,
      headers: key(),
      json: { expectedVersion: 3, reason: "Jalan terputus banjir" },
    });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ status: "cancelled", cancelReason: "Jalan terputus banjir" });
    expect((await visitMails(LEBAK_STAFF)).slice(before.lebak + 1)).toEqual([
      expect.stringContaining(`Visitasi ${AL_HIKMAH} dibatalkan`),
    ]);
    await expectProblem(await patch({ stops: [stop(lebak, day(12))], expectedVersion: 4 }), 409, "conflict");
    expect((await createPlan(token, { stops: [stop(lebak, day(21))] })).status).toBe(201);
  });

  it("lists plans by date range and province, page by page", async () => {
    const { token } = await login("balks@akrab.test");
    const { tangerang, lebak } = await route();
    // The earlier tests' plans: cancel what is active so this test sees its own.
    await env.DB.prepare("UPDATE visit_plans SET status = 'cancelled'").run();
    await env.DB.prepare("UPDATE visit_plan_stops SET active = 0").run();
    expect((await createPlan(token, { stops: [stop(tangerang, day(30))] })).status).toBe(201);
    expect((await createPlan(token, { stops: [stop(lebak, day(40))] })).status).toBe(201);
    const list = async (query: string) =>
      (await (await api(`${N}/visit-plans?${query}`, { token })).json()) as {
        items: Plan[];
        nextCursor: string | null;
      };

    expect((await list("")).items.map((p) => p.startsOn)).toEqual([day(30), day(40)]);
    expect((await list(`from=${day(35)}`)).items.map((p) => p.startsOn)).toEqual([day(40)]);
    expect((await list(`to=${day(35)}`)).items.map((p) => p.startsOn)).toEqual([day(30)]);
    expect((await list("province=36")).items).toHaveLength(2);
    expect((await list("province=31")).items).toHaveLength(0);
    const first = await list("limit=1");
    expect(first.items.map((p) => p.startsOn)).toEqual([day(30)]);
    const second = await list(`limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((p) => p.startsOn)).toEqual([day(40)]);
    expect(second.nextCursor).toBeNull();
    expect((await list("status=cancelled")).items.length).toBeGreaterThan(0);
    const bad = await expectProblem(await api(`${N}/visit-plans?from=besok`, { token }), 400, "validation");
    expect(new Set(bad.errors?.map((e) => e.path))).toEqual(new Set(["from"]));
  });
});

describe("companions and the asesor's view", () => {
  it("the tenant names companions for its own application only; a stale list is a 409", async () => {
    const { token } = await login("balks@akrab.test");
    const { tangerang, lebak } = await route();
    const put = (slug: string, app: App, t: string, json: unknown) =>
      api(`/api/v1/t/${slug}/applications/${app.id}/visit-companions`, {
        method: "PUT",
        token: t,
        headers: key(),
        json,
      });
    const companions = [
      { name: "Budi Santoso", position: "Pekerja Sosial Ahli Muda", phone: "0812-3456-7890" },
      { name: "Sri Wahyuni", position: "Kepala Seksi Rehabilitasi" },
    ];
    const { token: dinsos } = await login(TANGERANG_STAFF);
    // Before a plan includes it there is nothing to accompany.
    await expectProblem(
      await put("kota-tangerang", tangerang, dinsos, { companions, expectedVersion: 0 }),
      409,
      "conflict",
    );
    await createPlan(token, { stops: [stop(tangerang, day(15)), stop(lebak, day(16))] });

    const named = await put("kota-tangerang", tangerang, dinsos, { companions, expectedVersion: 0 });
    expect(named.status, await named.clone().text()).toBe(200);
    expect(await named.json()).toMatchObject({
      companions: [
        { name: "Budi Santoso", position: "Pekerja Sosial Ahli Muda", phone: "0812-3456-7890" },
        { name: "Sri Wahyuni", phone: null },
      ],
      companionsVersion: 1,
    });
    // Saved again on the version it started from: someone else saved first.
    await expectProblem(
      await put("kota-tangerang", tangerang, dinsos, { companions, expectedVersion: 0 }),
      409,
      "conflict",
    );
    // Another tenant's application: a 404 whether it names its own tenant or the other one.
    const { token: lebakStaff } = await login(LEBAK_STAFF);
    const stranger = { companions: [{ name: "Orang Lain", position: "Staf" }], expectedVersion: 1 };
    await expectProblem(await put("kota-tangerang", tangerang, lebakStaff, stranger), 404, "not-found");
    await expectProblem(await put("kab-lebak", tangerang, lebakStaff, stranger), 404, "not-found");
    // The LKS itself does not name the Dinsos's staff.
    const { token: operator } = await login(OPERATOR);
    await expectProblem(await put("kota-tangerang", tangerang, operator, stranger), 403, "forbidden");
    // Bad input names the field and changes nothing.
    const bad = await expectProblem(
      await put("kota-tangerang", tangerang, dinsos, { companions: [{ name: "B", position: "" }], expectedVersion: 1 }),
      400,
      "validation",
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(["companions.0.name", "companions.0.position"]);
    expect(await count("SELECT version AS n FROM visit_companions WHERE application_id = ?", tangerang.id)).toBe(1);

    // BALKS and the team see them on the plan.
    const [plan] = ((await (await api(`${N}/visit-plans`, { token })).json()) as { items: Plan[] }).items.filter((p) =>
      p.stops.some((s) => s.applicationId === tangerang.id),
    );
    expect(plan!.stops.find((s) => s.applicationId === tangerang.id)!.companions.map((c) => c.name)).toEqual([
      "Budi Santoso",
      "Sri Wahyuni",
    ]);
  });

  it("the asesor sees only the plans of teams they accepted, and the planned date on each assignment", async () => {
    const { token } = await login("balks@akrab.test");
    const { tangerang, lebak } = await route();
    await env.DB.prepare("UPDATE visit_plans SET status = 'cancelled'").run();
    await env.DB.prepare("UPDATE visit_plan_stops SET active = 0").run();
    const plan = (await (
      await createPlan(token, { stops: [stop(tangerang, day(8)), stop(lebak, day(9))] })
    ).json()) as Plan;
    // A plan for another team, on which the demo asesor is only invited.
    const other = await applicationAt(CIPONDOH);
    const stranger = await asesor("Asesor Lain");
    const stranger2 = await asesor("Asesor Lain Dua");
    await accepted(other, [
      { asesorId: stranger, role: "lead" },
      { asesorId: stranger2, role: "member" },
    ]);
    await accepted(other, [
      { asesorId: await asesor("Dr. Rina Asesor", "asesor@akrab.test"), role: "member", status: "invited" },
    ]);
    const otherPlan = await createPlan(token, { stops: [stop(other, day(9))] });
    expect(otherPlan.status, await otherPlan.clone().text()).toBe(201);

    const { token: rina } = await login("asesor@akrab.test");
    const mine = (await (await api("/api/v1/me/visit-plans", { token: rina })).json()) as { items: Plan[] };
    expect(mine.items.map((p) => p.id)).toEqual([plan.id]);
    const assignments = (await (await api("/api/v1/me/assignments", { token: rina })).json()) as {
      items: {
        applicationId: string;
        status: string;
        plannedDate: string | null;
        visitPlanId: string | null;
        lks: { regionCode: string; types: string[] };
      }[];
    };
    const byApp = (id: string) => assignments.items.find((a) => a.applicationId === id)!;
    expect(byApp(tangerang.id)).toMatchObject({ plannedDate: day(8), visitPlanId: plan.id });
    expect(byApp(lebak.id)).toMatchObject({ plannedDate: day(9) });
    // Invited only: the declaration's facts (LKS, region, types), no plan, no application.
    expect(byApp(other.id)).toMatchObject({ status: "invited", plannedDate: null, lks: { regionCode: "36.71" } });
    expect(byApp(other.id).lks.types.length).toBeGreaterThan(0);
    await expectProblem(
      await api(`/api/v1/t/kota-tangerang/applications/${other.id}`, { token: rina }),
      404,
      "not-found",
    );
    await expectProblem(
      await api(`/api/v1/t/kota-tangerang/applications/${other.id}/visit-plan`, { token: rina }),
      404,
      "not-found",
    );
    // National plan routes are BALKS's.
    await expectProblem(await api(`${N}/visit-plans`, { token: rina }), 404, "not-found");
    await expectProblem(await api(`${N}/visit-plans/${plan.id}`, { token: rina }), 404, "not-found");
  });
});
