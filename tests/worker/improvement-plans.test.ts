import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { addCalendarDays, jakartaDay } from "@akrab/domain";
import { describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";
import { applicationRow, count, fromTop, key, N, scoredApplication } from "./assessment-fixture.ts";
import { api, expectProblem, login, outboxFor } from "./helpers.ts";
import { createUpload, fakeFile } from "./tus.ts";

/**
 * Issue 14 "Supervision": the decision's recommendations (and, not accredited, what it said to fix)
 * become an improvement plan in the decision's batch; the LKS answers items with a note and
 * evidence, the Dinsos (or BALKS) accepts or returns them; the daily job reminds and escalates
 * overdue items, each once.
 */
type Scored = Awaited<ReturnType<typeof scoredApplication>>;
type Item = {
  id: string;
  kind: string;
  text: string;
  dueOn: string;
  state: string;
  overdue: boolean;
  note: string | null;
  evidence: { documentId: string; filename: string }[];
  reviewReason: string | null;
  reviewedAs: string | null;
  version: number;
};
type Plan = {
  id: string;
  closed: boolean;
  overdueItems: number;
  items: Item[];
  may: { answer: boolean; review: string | null };
};

const today = jakartaDay();
const PLENARY = {
  date: today,
  members: ["Prof. Haryati", "Drs. Mulyadi", "Dr. Yohana Sinaga"],
  outcome: { kind: "consensus" },
};
const RECOMMENDATIONS = "1. Bentuk mekanisme pengaduan anak yang aman.\n2. Latih pengasuh tentang disiplin positif.";

const reconciliation = (who: Scored["lead"], rest = "") =>
  `/api/v1/me/assignments/${who.assignmentId}/reconciliation${rest}`;
async function write(who: Scored["lead"], rest: string, method: string, json: unknown) {
  const res = await api(reconciliation(who, rest), { method, token: who.token, headers: key(), json });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { version: number };
}

/** The team writes its recommendations, signs and submits: the application waits at the decision. */
async function toDecision(app: Scored, recommendations: string) {
  let { version } = (await (await api(reconciliation(app.lead), { token: app.lead.token })).json()) as {
    version: number;
  };
  ({ version } = await write(app.lead, "/report", "PUT", {
    strengths: "Catatan kasus anak tertata.",
    recommendations,
    expectedVersion: version,
  }));
  ({ version } = await write(app.lead, "/sign", "POST", { expectedVersion: version }));
  await write(app.member, "/sign", "POST", { expectedVersion: version });
  const { version: appVersion } = await applicationRow(app.id);
  const moved = await api(`/api/v1/t/${app.slug}/applications/${app.id}/transitions`, {
    method: "POST",
    token: app.lead.token,
    headers: key(),
    json: { action: "submit_scores", expectedVersion: appVersion },
  });
  expect(moved.status, await moved.clone().text()).toBe(200);
}

const planPath = (app: Scored) => `/api/v1/t/${app.slug}/applications/${app.id}/improvement-plan`;
async function readPlan(app: Scored, token: string): Promise<Plan> {
  const res = await api(planPath(app), { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Plan;
}
const answer = (app: Scored, token: string, item: Item, json: Record<string, unknown>, headers = key()) =>
  api(`${planPath(app)}/items/${item.id}/answer`, { method: "POST", token, headers, json });
const review = (app: Scored, token: string, item: Item, json: Record<string, unknown>, headers = key()) =>
  api(`${planPath(app)}/items/${item.id}/review`, { method: "POST", token, headers, json });

async function accredited(lksName: string) {
  const app = await scoredApplication(lksName, {
    lead: (indicator) => fromTop(indicator, 1),
    member: (indicator) => fromTop(indicator, 1),
  });
  await toDecision(app, RECOMMENDATIONS);
  const { version } = await applicationRow(app.id);
  const headers = key();
  const body = {
    kind: "accredit",
    grade: "B",
    reasons: "Memenuhi standar",
    plenary: PLENARY,
    expectedVersion: version,
  };
  // Three sends with one key: one decision, one plan.
  for (let i = 0; i < 3; i++) {
    const res = await api(`${N}/applications/${app.slug}/${app.id}/decision`, {
      method: "POST",
      token: app.balks,
      headers,
      json: body,
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  return app;
}

async function uploadEvidence(app: Scored, token: string, item: Item, name: string, seed: number) {
  const file = fakeFile(2048, "pdf", seed);
  const res = await createUpload(
    app.slug,
    token,
    file,
    { applicationId: app.id, requirement: `improvement:${item.id}:${name}` },
    { filename: `${name}.pdf`, filetype: "application/pdf", body: file },
  );
  return res;
}

describe("the improvement plan", () => {
  it("is made with an accrediting decision, once under replays, from each recommendation (due in 90 days)", async () => {
    const app = await accredited("Panti Asuhan Kasih Bunda");
    expect(await count("SELECT count(*) AS n FROM improvement_plans WHERE application_id = ?", app.id)).toBe(1);
    const operator = (await login("lks@akrab.test")).token;
    const plan = await readPlan(app, operator);
    expect(plan.items.map((i) => [i.kind, i.text, i.dueOn, i.state])).toEqual([
      ["plan", "Bentuk mekanisme pengaduan anak yang aman.", addCalendarDays(today, 90), "open"],
      ["plan", "Latih pengasuh tentang disiplin positif.", addCalendarDays(today, 90), "open"],
    ]);
    expect(plan).toMatchObject({ closed: false, overdueItems: 0, may: { answer: true, review: null } });
    const dinsos = await readPlan(app, (await login("dinsos.kota-tangerang@akrab.test")).token);
    expect(dinsos.may).toEqual({ answer: false, review: "tenant" });
    const balks = await readPlan(app, app.balks);
    expect(balks.may).toEqual({ answer: false, review: "national" });
  });

  it("answer → return → answer → accept closes it; each write once under replays; stale and bad input change nothing", async () => {
    const app = await accredited("Panti Asuhan Kasih Bunda");
    const operator = (await login("lks@akrab.test")).token;
    const dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
    let plan = await readPlan(app, operator);
    const [first, second] = plan.items as [Item, Item];

    // Evidence is uploaded to the item's own key, then named in the answer.
    const uploaded = await uploadEvidence(app, operator, first, "sop", 3);
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const documentId = uploaded.headers.get("akrab-document-id")!;
    // The Dinsos uploads nothing for the LKS; a made-up key is a problem naming the field.
    expect((await uploadEvidence(app, dinsos, first, "x", 4)).status).toBe(403);
    const badKey = await createUpload(app.slug, operator, fakeFile(2048, "pdf", 5), {
      applicationId: app.id,
      requirement: "improvement:nope:x",
    });
    expect((await expectProblem(badKey, 400, "validation")).errors?.[0]?.path).toBe("requirement");

    // Bad input: a short note, a foreign document; each names its field and changes nothing.
    const short = await expectProblem(
      await answer(app, operator, first, { note: "ok", expectedVersion: 1 }),
      400,
      "validation",
    );
    expect(short.errors?.map((e) => e.path)).toEqual(["note"]);
    const foreign = await expectProblem(
      await answer(app, operator, first, {
        note: "SOP pengaduan sudah disusun.",
        documentIds: ["nope"],
        expectedVersion: 1,
      }),
      400,
      "validation",
    );
    expect(foreign.errors?.map((e) => e.path)).toEqual(["documentIds.0"]);
    // Only the LKS answers; only the Dinsos (or BALKS) reviews; an open item is not reviewed.
    await expectProblem(
      await answer(app, dinsos, first, { note: "SOP pengaduan sudah disusun.", expectedVersion: 1 }),
      403,
      "forbidden",
    );
    await expectProblem(
      await review(app, operator, first, { decision: "accept", expectedVersion: 1 }),
      403,
      "forbidden",
    );
    await expectProblem(await review(app, dinsos, first, { decision: "accept", expectedVersion: 1 }), 409, "conflict");
    expect((await readPlan(app, operator)).items[0]).toMatchObject({ state: "open", version: 1, note: null });

    // The answer, three times with one key: one change, one audit event.
    const headers = key();
    const body = {
      note: "SOP pengaduan anak sudah disusun dan ditempel.",
      documentIds: [documentId],
      expectedVersion: 1,
    };
    const sends = [];
    for (let i = 0; i < 3; i++) sends.push(await answer(app, operator, first, body, headers));
    for (const s of sends) expect(s.status).toBe(200);
    expect(new Set(await Promise.all(sends.map((s) => s.text()))).size).toBe(1);
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'improvement.answered' AND target_id = ?",
        first.id,
      ),
    ).toBe(1);
    plan = await readPlan(app, dinsos);
    expect(plan.items[0]).toMatchObject({
      state: "answered",
      version: 2,
      evidence: [{ documentId, filename: "sop.pdf" }],
    });

    // A stale version: 409 with the item as it is now.
    const stale = await answer(app, operator, first, { ...body, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { conflicts: { field: string; server: unknown }[] };
    expect(conflict.conflicts).toContainEqual({ field: "version", server: 2, client: 1 });

    // Return needs a reason.
    const noReason = await expectProblem(
      await review(app, dinsos, first, { decision: "return", expectedVersion: 2 }),
      400,
      "validation",
    );
    expect(noReason.errors?.map((e) => e.path)).toEqual(["reason"]);
    const returned = await review(app, dinsos, first, {
      decision: "return",
      reason: "Lampirkan foto papan pengaduan yang terpasang.",
      expectedVersion: 2,
    });
    expect(returned.status, await returned.clone().text()).toBe(200);
    expect(((await returned.json()) as Plan).items[0]).toMatchObject({
      state: "returned",
      reviewedAs: "dinsos",
      reviewReason: "Lampirkan foto papan pengaduan yang terpasang.",
    });

    // A second file to the item's key: the answer need not name the files uploaded to the item.
    const photo = await uploadEvidence(app, operator, first, "foto", 6);
    expect(photo.status, await photo.clone().text()).toBe(201);
    const again = await answer(app, operator, first, { note: "Foto papan pengaduan terlampir.", expectedVersion: 3 });
    expect(again.status, await again.clone().text()).toBe(200);
    expect(((await again.json()) as Plan).items[0]!.evidence.map((e) => e.filename).sort()).toEqual([
      "foto.pdf",
      "sop.pdf",
    ]);
    const accepted = await review(app, dinsos, first, { decision: "accept", expectedVersion: 4 });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as Plan).items[0]).toMatchObject({ state: "accepted", version: 5 });
    // Nothing leaves accepted.
    await expectProblem(
      await answer(app, operator, first, { note: "Sekali lagi dikirim.", expectedVersion: 5 }),
      409,
      "conflict",
    );

    // BALKS may review too, on its national route.
    expect(
      (await answer(app, operator, second, { note: "Pelatihan disiplin positif selesai.", expectedVersion: 1 })).status,
    ).toBe(200);
    const byBalks = await api(`${N}/improvement-plans/${app.slug}/${app.id}/items/${second.id}/review`, {
      method: "POST",
      token: app.balks,
      headers: key(),
      json: { decision: "accept", expectedVersion: 2 },
    });
    expect(byBalks.status, await byBalks.clone().text()).toBe(200);
    expect((await byBalks.json()) as Plan).toMatchObject({
      closed: true,
      items: [{ state: "accepted" }, { state: "accepted", reviewedAs: "balks" }],
    });
    // A closed plan leaves BALKS's list of open plans.
    const open = (await (await api(`${N}/improvement-plans?tenant=${app.slug}`, { token: app.balks })).json()) as {
      items: { applicationId: string }[];
    };
    expect(open.items.map((p) => p.applicationId)).not.toContain(app.id);
  });

  it("for 'not accredited', what to fix comes first (due in 60 days); no plan without recommendations or fixes", async () => {
    const app = await scoredApplication("Panti Asuhan Kasih Bunda", {
      lead: (indicator) => fromTop(indicator, 1),
      member: (indicator) => fromTop(indicator, 1),
    });
    await toDecision(app, RECOMMENDATIONS);
    const { version } = await applicationRow(app.id);
    const res = await api(`${N}/applications/${app.slug}/${app.id}/decision`, {
      method: "POST",
      token: app.balks,
      headers: key(),
      json: {
        kind: "not_accredited",
        reasons: "Belum memenuhi standar pelayanan minimal",
        toFix: ["Susun SOP pengasuhan"],
        justification:
          "Pleno menilai standar pengasuhan belum terpenuhi walaupun skor dihitung cukup untuk predikat B.",
        plenary: PLENARY,
        expectedVersion: version,
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const plan = await readPlan(app, app.balks);
    expect(plan.items.map((i) => [i.kind, i.dueOn])).toEqual([
      ["correction", addCalendarDays(today, 60)],
      ["plan", addCalendarDays(today, 90)],
      ["plan", addCalendarDays(today, 90)],
    ]);

    const bare = await scoredApplication("Panti Asuhan Kasih Bunda", {
      lead: (indicator) => fromTop(indicator, 1),
      member: (indicator) => fromTop(indicator, 1),
    });
    await toDecision(bare, "");
    const v = (await applicationRow(bare.id)).version;
    const decided = await api(`${N}/applications/${bare.slug}/${bare.id}/decision`, {
      method: "POST",
      token: bare.balks,
      headers: key(),
      json: { kind: "accredit", grade: "B", reasons: "Memenuhi standar", plenary: PLENARY, expectedVersion: v },
    });
    expect(decided.status, await decided.clone().text()).toBe(201);
    await expectProblem(await api(planPath(bare), { token: bare.balks }), 404, "not-found");
  });

  it("is hidden (404) from asesors, another tenant and another LKS's operator", async () => {
    const app = await accredited("Panti Asuhan Kasih Bunda");
    const item = (await readPlan(app, app.balks)).items[0]!;
    // Another LKS of the same tenant gets an operator: the Lebak Dinsos user, for this test.
    await env.DB.prepare(
      `INSERT INTO memberships (id, user_id, tenant_id, role, lks_id, created_at)
       SELECT 'other-lks-operator', u.id, l.tenant_id, 'lks_operator', l.id, '2026-01-01T00:00:00.000Z'
       FROM users u, lks l, applications a
       WHERE u.email = 'dinsos.lebak@akrab.test' AND a.id = ? AND l.tenant_id = a.tenant_id AND l.id <> a.lks_id LIMIT 1`,
    )
      .bind(app.id)
      .run();
    const otherLks = (await login("dinsos.lebak@akrab.test")).token;
    const otherTenant = (await login("dinsos.batang@akrab.test")).token;
    for (const token of [app.lead.token, app.member.token, otherLks, otherTenant]) {
      await expectProblem(await api(planPath(app), { token }), 404, "not-found");
      await expectProblem(
        await answer(app, token, item, { note: "Tidak boleh sampai ke sini.", expectedVersion: 1 }),
        404,
        "not-found",
      );
      await expectProblem(await review(app, token, item, { decision: "accept", expectedVersion: 1 }), 404, "not-found");
    }
    // BALKS's review names the tenant: another tenant's slug does not reach it.
    const wrong = await api(`${N}/improvement-plans/kab-batang/${app.id}/items/${item.id}/review`, {
      method: "POST",
      token: app.balks,
      headers: key(),
      json: { decision: "accept", expectedVersion: 1 },
    });
    await expectProblem(wrong, 404, "not-found");
    // National routes are BALKS's: a Dinsos or an asesor does not get them.
    expect(
      (await api(`${N}/improvement-plans`, { token: (await login("dinsos.kota-tangerang@akrab.test")).token })).status,
    ).toBeGreaterThanOrEqual(403);
    expect((await api(`${N}/improvement-plans`, { token: app.lead.token })).status).toBeGreaterThanOrEqual(403);
  });

  it("BALKS lists open plans across tenants, overdue ones by filter, page by page", async () => {
    const a = await accredited("Panti Asuhan Kasih Bunda");
    const b = await accredited("Panti Asuhan Kasih Bunda");
    // Move one plan's items into the past: overdue is computed from their due day.
    await env.DB.prepare(
      "UPDATE improvement_items SET due_on = ? WHERE plan_id = (SELECT id FROM improvement_plans WHERE application_id = ?)",
    )
      .bind(addCalendarDays(today, -3), a.id)
      .run();
    const all = (await (await api(`${N}/improvement-plans?limit=1`, { token: a.balks })).json()) as {
      items: { applicationId: string; overdueItems: number; openItems: number }[];
      nextCursor: string | null;
    };
    expect(all.items).toHaveLength(1);
    expect(all.nextCursor).not.toBeNull();
    const next = (await (
      await api(`${N}/improvement-plans?limit=1&cursor=${all.nextCursor}`, { token: a.balks })
    ).json()) as typeof all;
    expect(next.items[0]!.applicationId).not.toBe(all.items[0]!.applicationId);
    const overdue = (await (await api(`${N}/improvement-plans?overdue=true`, { token: a.balks })).json()) as typeof all;
    expect(overdue.items.map((p) => p.applicationId)).toContain(a.id);
    expect(overdue.items.map((p) => p.applicationId)).not.toContain(b.id);
    expect(overdue.items.find((p) => p.applicationId === a.id)).toMatchObject({ overdueItems: 2, openItems: 2 });
    expect((await readPlan(a, a.balks)).items.every((i) => i.overdue)).toBe(true);
    await expectProblem(await api(`${N}/improvement-plans?cursor=garbage`, { token: a.balks }), 400, "validation");
    const none = (await (
      await api(`${N}/improvement-plans?tenant=kab-batang`, { token: a.balks })
    ).json()) as typeof all;
    expect(none.items).toEqual([]);
  });

  it("reminds the LKS before and on the due day, escalates to the Dinsos and then BALKS, each once", async () => {
    const app = await accredited("Panti Asuhan Kasih Bunda");
    // This plan's items are due on 2030-06-30; the other tests' plans are closed so only these count.
    await env.DB.batch([
      env.DB.prepare(
        "UPDATE improvement_items SET due_on = ? WHERE plan_id = (SELECT id FROM improvement_plans WHERE application_id = ?)",
      ).bind("2030-06-30", app.id),
      env.DB.prepare(
        "UPDATE improvement_items SET state = 'accepted' WHERE plan_id <> (SELECT id FROM improvement_plans WHERE application_id = ?)",
      ).bind(app.id),
    ]);
    const daily = async (day: string) => {
      const at = Date.parse(`${day}T01:00:00.000Z`);
      await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "0 1 * * *" }), env);
    };
    const mails = async (to: string, stage: string) =>
      (await outboxFor(to)).filter((m) => m.subject.includes(stage)).length;
    const lks = "lks@akrab.test";
    const dinsos = "dinsos.kota-tangerang@akrab.test";
    const balks = "balks@akrab.test";

    await daily("2030-06-22"); // 8 days before: nothing yet
    expect(await mails(lks, "mendekat")).toBe(0);
    await daily("2030-06-23");
    await daily("2030-06-23"); // a rerun sends nothing more
    await daily("2030-06-24");
    expect(await mails(lks, "mendekat")).toBe(2); // one per item
    await daily("2030-06-30");
    await daily("2030-06-30");
    expect(await mails(lks, "hari ini")).toBe(2);
    await daily("2030-07-07");
    await daily("2030-07-08");
    expect(await mails(dinsos, "[Eskalasi] Rencana perbaikan")).toBe(2);
    expect(await mails(balks, "[Eskalasi BALKS]")).toBe(0);
    await daily("2030-07-30");
    await daily("2030-07-31");
    expect(await mails(balks, "[Eskalasi BALKS]")).toBe(2);
    expect(
      await count(
        "SELECT count(*) AS n FROM improvement_reminders r JOIN improvement_items i ON i.id = r.item_id JOIN improvement_plans p ON p.id = i.plan_id WHERE p.application_id = ?",
        app.id,
      ),
    ).toBe(8);
    // An accepted item is never reminded again.
    await env.DB.prepare(
      "UPDATE improvement_items SET state = 'accepted' WHERE plan_id = (SELECT id FROM improvement_plans WHERE application_id = ?)",
    )
      .bind(app.id)
      .run();
    await env.DB.prepare("DELETE FROM improvement_reminders").run();
    await daily("2030-08-01");
    expect(await count("SELECT count(*) AS n FROM improvement_reminders")).toBe(0);
  });

  it("follows BALKS's settings for later plans; a stale or inconsistent change is refused and changes nothing", async () => {
    const balks = (await login("balks@akrab.test")).token;
    const path = `${N}/supervision-settings`;
    const now = (await (await api(path, { token: balks })).json()) as Record<string, number>;
    expect(now).toMatchObject({ correctionDays: 60, planDays: 90, remindBeforeDays: 7, version: 1 });
    const put = (json: Record<string, unknown>) => api(path, { method: "PUT", token: balks, headers: key(), json });
    const rules = {
      correctionDays: 30,
      planDays: 45,
      remindBeforeDays: 5,
      escalateDinsosAfterDays: 3,
      escalateBalksAfterDays: 14,
    };
    const inconsistent = await expectProblem(
      await put({ ...rules, escalateBalksAfterDays: 3, expectedVersion: 1 }),
      400,
      "validation",
    );
    expect(inconsistent.errors?.map((e) => e.path)).toEqual(["escalateBalksAfterDays"]);
    await expectProblem(await put({ ...rules, expectedVersion: 7 }), 409, "conflict");
    expect(((await (await api(path, { token: balks })).json()) as { version: number }).version).toBe(1);
    const changed = await put({ ...rules, expectedVersion: 1 });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect(await changed.json()).toMatchObject({ ...rules, version: 2 });
    // The Dinsos neither reads nor changes them.
    const dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
    await expectProblem(await api(path, { token: dinsos }), 404, "not-found");

    const app = await accredited("Panti Asuhan Kasih Bunda");
    expect((await readPlan(app, balks)).items.map((i) => i.dueOn)).toEqual([
      addCalendarDays(today, 45),
      addCalendarDays(today, 45),
    ]);
  });
});
