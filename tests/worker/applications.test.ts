import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { DEFAULT_REGIONAL_PART, slaDueAt } from "@akrab/domain";
import { describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";
import { api, auditActions, expectProblem, login, outboxFor } from "./helpers.ts";
import { uploadRequiredDocuments } from "./tus.ts";

type App = {
  id: string;
  version: number;
  workflowVersion: number;
  step: { id: string };
  returnItems: { kind: string; ref: string }[];
  availableActions: { action: string }[];
  permissions: { mayUpload: boolean; mayEditLetter: boolean; mayReviewDocuments: boolean; mayTakeAction: boolean };
  stepEnteredAt: string;
  stepDueAt: string | null;
  changesSinceReturn: { field: string }[];
  checklist: { key: string; status: string }[];
};

const LETTER = {
  number: "012/PA-KB/XI/2026",
  date: "2026-11-20",
  signatoryName: "Hj. Aminah Lubis",
  signatoryPosition: "Ketua Yayasan",
};
const T = "/api/v1/t/kota-tangerang";

async function kasihBundaId(token: string) {
  const { items } = (await (await api(`${T}/lks?q=Kasih`, { token })).json()) as { items: { id: string }[] };
  return items[0]!.id;
}

/** Storage is shared within this file: each test starts by closing whatever the previous one left open. */
async function openApplication({ documents = true } = {}) {
  await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
  const operator = await login("lks@akrab.test");
  const lksId = await kasihBundaId(operator.token);
  const res = await api(`${T}/applications`, {
    method: "POST",
    token: operator.token,
    headers: { "idempotency-key": `create-${crypto.randomUUID()}` },
    json: { lksId, kind: "first", letter: LETTER },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const created = (await res.json()) as App;
  const app = documents ? await uploadRequiredDocuments("kota-tangerang", operator.token, created) : created;
  return { operator, lksId, app };
}

function act(
  token: string,
  app: { id: string; version: number },
  action: string,
  extra: Record<string, unknown> = {},
  key?: string,
) {
  return api(`${T}/applications/${app.id}/transitions`, {
    method: "POST",
    token,
    headers: key ? { "idempotency-key": key } : {},
    json: { action, expectedVersion: app.version, ...extra },
  });
}

async function expectMoved(res: Response, step: string): Promise<App> {
  expect(res.status, await res.clone().text()).toBe(200);
  const app = (await res.json()) as App;
  expect(app.step.id).toBe(step);
  return app;
}

describe("the regional path", () => {
  it("submit → return → resubmit → kab/kota recommend → province recommend → BALKS intake", async () => {
    const { operator, lksId, app: draft } = await openApplication();
    expect(draft.step.id).toBe("draft");
    expect(draft.availableActions.map((a) => a.action)).toEqual(["submit", "withdraw"]);
    expect(draft.checklist.length).toBeGreaterThan(10);

    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const province = await login("dinsos.banten@akrab.test");
    const balks = await login("balks@akrab.test");

    let app = await expectMoved(await act(operator.token, draft, "submit"), "kabkota_verification");
    expect(app.stepDueAt).not.toBeNull();
    expect((await auditActions({ action: "application.submit" })).length).toBe(1);

    // The Dinsos returns it with exactly what to fix; the LKS sees its to-do list.
    await expectProblem(await act(dinsos.token, app, "return", { comment: "Perbaiki" }), 400, "validation");
    await expectProblem(
      await act(dinsos.token, app, "return", {
        items: [{ kind: "document", ref: "formulir_a", message: "Belum ditandatangani" }],
      }),
      400,
      "validation",
    );
    app = await expectMoved(
      await act(dinsos.token, app, "return", {
        comment: "Ada yang perlu diperbaiki",
        items: [
          { kind: "document", ref: "formulir_a", message: "Belum ditandatangani" },
          { kind: "profile_field", ref: "phone", message: "Nomor tidak aktif" },
        ],
      }),
      "revision",
    );
    const seenByLks = (await (await api(`${T}/applications/${app.id}`, { token: operator.token })).json()) as App;
    expect(seenByLks.returnItems.map((i) => i.ref)).toEqual(["formulir_a", "phone"]);
    expect(seenByLks.checklist.find((d) => d.key === "formulir_a")?.status).toBe("returned");
    expect(seenByLks.availableActions.map((a) => a.action)).toEqual(["resubmit", "withdraw"]);
    expect((await outboxFor("lks@akrab.test")).at(-1)?.body).toContain("Nomor tidak aktif");
    const notes = (await (await api("/api/v1/notifications", { token: operator.token })).json()) as {
      unread: number;
      items: { title: string; link: string }[];
    };
    expect(notes.unread).toBeGreaterThan(0);
    expect(notes.items[0]).toMatchObject({
      title: expect.stringContaining("Perbaikan"),
      link: `/t/kota-tangerang/permohonan/${app.id}`,
    });
    const ofLks = (await (await api(`${T}/lks/${lksId}/applications`, { token: operator.token })).json()) as {
      items: { id: string; open: boolean; step: { id: string } }[];
    };
    expect(ofLks.items[0]).toMatchObject({ id: app.id, open: true, step: { id: "revision" } });
    expect((await api("/api/v1/notifications/read", { method: "POST", token: operator.token, json: {} })).status).toBe(
      204,
    );
    expect(
      ((await (await api("/api/v1/notifications", { token: operator.token })).json()) as { unread: number }).unread,
    ).toBe(0);

    // The LKS fixes its phone; the verifier sees what changed since the return.
    const lks = (await (await api(`${T}/lks/${lksId}`, { token: operator.token })).json()) as {
      version: number;
      profile: Record<string, unknown>;
    };
    expect(
      (
        await api(`${T}/lks/${lksId}`, {
          method: "PATCH",
          token: operator.token,
          json: { profile: { ...lks.profile, phone: "0811-2222-3333" }, expectedVersion: lks.version },
        })
      ).status,
    ).toBe(200);
    // It corrects the letter too (only while the application is with the LKS).
    const corrected = await api(`${T}/applications/${app.id}/letter`, {
      method: "PUT",
      token: operator.token,
      json: { letter: { ...LETTER, number: "013/PA-KB/XI/2026" }, expectedVersion: app.version },
    });
    expect(corrected.status, await corrected.clone().text()).toBe(200);
    app = (await corrected.json()) as App;
    // The returned document must be uploaded again before the LKS can resubmit.
    const refused = await expectProblem(await act(operator.token, app, "resubmit"), 409, "conflict");
    expect(refused.errors).toEqual([{ path: "checklist.formulir_a", message: expect.stringContaining("Formulir A") }]);
    app = await uploadRequiredDocuments("kota-tangerang", operator.token, app);
    app = await expectMoved(await act(operator.token, app, "resubmit"), "kabkota_verification");
    await expectProblem(
      await api(`${T}/applications/${app.id}/letter`, {
        method: "PUT",
        token: operator.token,
        json: { letter: LETTER, expectedVersion: app.version },
      }),
      403,
      "forbidden",
    );
    const seenByDinsos = (await (await api(`${T}/applications/${app.id}`, { token: dinsos.token })).json()) as App & {
      changesSinceReturn: { field: string; oldValue: unknown; newValue: unknown }[];
    };
    expect(seenByDinsos.changesSinceReturn.map((c) => c.field)).toEqual(["phone", "letter.number"]);
    expect(seenByDinsos.changesSinceReturn[1]).toMatchObject({
      oldValue: "012/PA-KB/XI/2026",
      newValue: "013/PA-KB/XI/2026",
    });

    app = await expectMoved(await act(dinsos.token, app, "recommend"), "province_verification");
    // The kab/kota cannot act at the province step; the province acts through the kab/kota's path.
    await expectProblem(await act(dinsos.token, app, "recommend"), 403, "forbidden");
    const provinceInbox = (await (await api("/api/v1/t/prov-banten/inbox", { token: province.token })).json()) as {
      total: number;
      items: { id: string }[];
    };
    expect(provinceInbox.items.map((i) => i.id)).toContain(app.id);
    app = await expectMoved(await act(province.token, app, "recommend"), "balks_intake");
    const national = (await (await api("/api/v1/national/inbox", { token: balks.token })).json()) as {
      total: number;
      items: { id: string; tenant: { slug: string } }[];
    };
    expect(national.items).toEqual([
      expect.objectContaining({
        id: app.id,
        lks: expect.objectContaining({ name: "Panti Asuhan Kasih Bunda" }),
        tenant: { slug: "kota-tangerang", name: "Dinas Sosial Kota Tangerang" },
      }),
    ]);
    await expectProblem(await api("/api/v1/national/inbox", { token: dinsos.token }), 404, "not-found");
    app = await expectMoved(await act(balks.token, app, "accept"), "admin_check");

    const timeline = (await (await api(`${T}/applications/${app.id}/timeline`, { token: dinsos.token })).json()) as {
      items: { action: string; actor: { name: string } | null; secondsInPreviousStep: number | null }[];
    };
    expect(timeline.items.map((e) => e.action)).toEqual([
      "create",
      "submit",
      "return",
      "edit_letter",
      "resubmit",
      "recommend",
      "recommend",
      "accept",
    ]);
    expect(timeline.items[2]?.actor?.name).toBe("Dinsos Kota Tangerang");
    expect(timeline.items.slice(1).every((e) => e.secondsInPreviousStep !== null)).toBe(true);
  });
});

describe("safety", () => {
  it("refuses actions the caller may not take, and hides other tenants' applications", async () => {
    const { operator, app } = await openApplication();
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    await expectProblem(await act(dinsos.token, app, "submit"), 403, "forbidden");
    await expectProblem(await act(operator.token, app, "accredit"), 400, "validation");
    const lebak = await login("dinsos.lebak@akrab.test");
    await expectProblem(
      await api(`/api/v1/t/kab-lebak/applications/${app.id}`, { token: lebak.token }),
      404,
      "not-found",
    );
    await expectProblem(await api(`${T}/applications/${app.id}`, { token: lebak.token }), 404, "not-found");
    // One open application per LKS.
    const lksId = await kasihBundaId(operator.token);
    await expectProblem(
      await api(`${T}/applications`, {
        method: "POST",
        token: operator.token,
        json: { lksId, kind: "renewal", letter: LETTER },
      }),
      409,
      "conflict",
    );
  });

  it("answers a stale version with 409, and lets exactly one of two concurrent verifiers win", async () => {
    const { operator, app: draft } = await openApplication();
    const app = await expectMoved(await act(operator.token, draft, "submit"), "kabkota_verification");
    await expectProblem(await act(operator.token, draft, "withdraw"), 409, "conflict");
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const [a, b] = await Promise.all([
      act(dinsos.token, app, "recommend"),
      act(dinsos.token, app, "return", {
        comment: "Kurang lengkap",
        items: [{ kind: "profile_field", ref: "npwp", message: "Periksa NPWP" }],
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = await env.DB.prepare(
      "SELECT count(*) AS n FROM application_events WHERE application_id = ? AND action IN ('recommend', 'return')",
    )
      .bind(app.id)
      .first<{ n: number }>();
    expect(events?.n).toBe(1);
  });

  it("replays a retried transition with the same Idempotency-Key instead of acting twice", async () => {
    const { operator, app: draft } = await openApplication();
    const first = await act(operator.token, draft, "submit", {}, "submit-once-0001");
    const retry = await act(operator.token, draft, "submit", {}, "submit-once-0001");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(await first.json());
    const events = await env.DB.prepare(
      "SELECT count(*) AS n FROM application_events WHERE application_id = ? AND action = 'submit'",
    )
      .bind(draft.id)
      .first<{ n: number }>();
    expect(events?.n).toBe(1);
  });
});

describe("permissions", () => {
  const none = { mayUpload: false, mayEditLetter: false, mayReviewDocuments: false, mayTakeAction: false };
  const show = async (token: string, tenant = T, id: string) => {
    const res = await api(`${tenant}/applications/${id}`, { token });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as App;
  };

  it("tell each caller what it may do beside availableActions, matching what the API then accepts", async () => {
    const { operator, app: draft } = await openApplication();
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const province = await login("dinsos.banten@akrab.test");
    const viewer = await login("viewer@akrab.test");

    // With the LKS: its operator uploads, corrects the letter and submits; the verifier may only add files.
    expect(draft.permissions).toEqual({
      mayUpload: true,
      mayEditLetter: true,
      mayReviewDocuments: false,
      mayTakeAction: true,
    });
    expect((await show(dinsos.token, T, draft.id)).permissions).toEqual({ ...none, mayUpload: true });
    expect((await show(province.token, T, draft.id)).permissions).toEqual(none);
    expect((await show(province.token, "/api/v1/t/prov-banten", draft.id)).permissions).toEqual(none);
    expect((await show(viewer.token, T, draft.id)).permissions).toEqual(none);

    // At the kab/kota step: the verifier reviews and acts; the operator may do nothing, and is refused.
    const app = await expectMoved(await act(operator.token, draft, "submit"), "kabkota_verification");
    expect(app.permissions).toEqual(none);
    const atDinsos = await show(dinsos.token, T, app.id);
    expect(atDinsos.permissions).toEqual({
      mayUpload: true,
      mayEditLetter: false,
      mayReviewDocuments: true,
      mayTakeAction: true,
    });
    expect((await show(province.token, T, app.id)).permissions).toEqual(none);
    expect((await show(viewer.token, T, app.id)).permissions).toEqual(none);
    const letter = { letter: LETTER, expectedVersion: app.version };
    await expectProblem(
      await api(`${T}/applications/${app.id}/letter`, { method: "PUT", token: operator.token, json: letter }),
      403,
      "forbidden",
    );
    await expectProblem(
      await api(`${T}/applications/${app.id}/letter`, { method: "PUT", token: dinsos.token, json: letter }),
      403,
      "forbidden",
    );
    const review = (token: string) =>
      api(`${T}/applications/${app.id}/checklist/formulir_a/return`, {
        method: "POST",
        token,
        json: { comment: "Kabur", expectedVersion: app.version },
      });
    await expectProblem(await review(operator.token), 403, "forbidden");
    await expectProblem(await review(viewer.token), 403, "forbidden");

    // The due date counts working days on the holiday calendar.
    const slaDays = DEFAULT_REGIONAL_PART.steps.find((s) => s.id === "kabkota_verification")!.slaDays;
    expect(app.stepDueAt).toBe(slaDueAt(app.stepEnteredAt, slaDays));

    // At the province step the province acts through the kab/kota's path, but never uploads there.
    const atProvince = await expectMoved(await act(dinsos.token, atDinsos, "recommend"), "province_verification");
    expect(atProvince.permissions).toEqual({ ...none, mayUpload: true });
    const provinceView = await show(province.token, T, app.id);
    expect(provinceView.permissions).toEqual({
      mayUpload: false,
      mayEditLetter: false,
      mayReviewDocuments: true,
      mayTakeAction: true,
    });
    expect((await show(province.token, "/api/v1/t/prov-banten", app.id)).permissions).toEqual(none);
  });
});

describe("workflow versions", () => {
  it("validates drafts, publishes versions, pins in-flight applications, and moves one explicitly", async () => {
    const admin = await login("dinsos.kota-tangerang@akrab.test");
    const { operator, app: draft } = await openApplication();
    const pinned = await expectMoved(await act(operator.token, draft, "submit"), "kabkota_verification");

    // A draft that skips the province and forwards straight to BALKS.
    const regional = structuredClone(DEFAULT_REGIONAL_PART) as typeof DEFAULT_REGIONAL_PART;
    const broken = { ...regional, transitions: regional.transitions.filter((t) => t.from !== "province_verification") };
    const saved = (await (
      await api(`${T}/workflow/draft`, { method: "PUT", token: admin.token, json: { regional: broken } })
    ).json()) as { problems: { code: string }[] };
    expect(saved.problems.map((p) => p.code)).toEqual(expect.arrayContaining(["dead_end"]));
    await expectProblem(await api(`${T}/workflow/publish`, { method: "POST", token: admin.token }), 400, "validation");

    const direct = {
      ...regional,
      steps: regional.steps.filter((s) => s.id !== "province_verification"),
      transitions: regional.transitions
        .filter((t) => t.from !== "province_verification")
        .map((t) => (t.to === "province_verification" ? { ...t, to: "balks_intake" } : t)),
    };
    expect(
      (
        (await (
          await api(`${T}/workflow/draft`, { method: "PUT", token: admin.token, json: { regional: direct } })
        ).json()) as { problems: unknown[] }
      ).problems,
    ).toEqual([]);
    expect(await (await api(`${T}/workflow/publish`, { method: "POST", token: admin.token })).json()).toEqual({
      version: 2,
    });
    const state = (await (await api(`${T}/workflow`, { token: admin.token })).json()) as {
      published: { version: number };
      draft: unknown;
      versions: { version: number }[];
    };
    expect(state.published.version).toBe(2);
    expect(state.draft).toBeNull();
    expect(state.versions.map((v) => v.version)).toEqual([2, 1]);
    const v1 = (await (await api(`${T}/workflow/versions/1`, { token: admin.token })).json()) as {
      regional: { steps: { id: string }[] };
    };
    expect(v1.regional.steps.map((s) => s.id)).toContain("province_verification");
    await expectProblem(await api(`${T}/workflow/versions/9`, { token: admin.token }), 404, "not-found");

    // The in-flight application keeps version 1 and still goes to the province.
    const kept = await expectMoved(await act(admin.token, pinned, "recommend"), "province_verification");
    expect(kept.workflowVersion).toBe(1);
    // It cannot move to version 2: its step does not exist there.
    await expectProblem(
      await api(`${T}/applications/${kept.id}/workflow-version`, {
        method: "POST",
        token: admin.token,
        json: { version: 2, expectedVersion: kept.version },
      }),
      409,
      "conflict",
    );
    const province = await login("dinsos.banten@akrab.test");
    await expectMoved(await act(province.token, kept, "recommend"), "balks_intake");

    // Non-admins cannot edit the workflow.
    await expectProblem(
      await api(`${T}/workflow/draft`, { method: "PUT", token: operator.token, json: { regional } }),
      403,
      "forbidden",
    );
  });
});

describe("inbox and SLA", () => {
  it("shows what waits for each role, filters overdue, and reminds once a day, escalating to the head", async () => {
    const { operator, app: draft } = await openApplication();
    const app = await expectMoved(await act(operator.token, draft, "submit"), "kabkota_verification");
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    const inbox = async (token: string, query = "") =>
      (await (await api(`${T}/inbox${query}`, { token })).json()) as {
        total: number;
        items: { id: string; overdue: boolean; lks: { name: string }; tenant: { slug: string; name: string } }[];
      };
    const waiting = await inbox(dinsos.token);
    expect(waiting.items).toEqual([
      expect.objectContaining({
        id: app.id,
        lks: expect.objectContaining({ name: "Panti Asuhan Kasih Bunda" }),
        tenant: { slug: "kota-tangerang", name: "Dinas Sosial Kota Tangerang" },
      }),
    ]);
    expect(waiting.total).toBe(1);
    expect((await inbox(operator.token)).items.map((i) => i.id)).not.toContain(app.id);
    expect((await inbox(dinsos.token, "?overdue=true")).total).toBe(0);

    // Twenty days later the 14-working-day SLA has passed.
    await env.DB.prepare("UPDATE applications SET step_due_at = ? WHERE id = ?")
      .bind(new Date(Date.now() - 3_600_000).toISOString(), app.id)
      .run();
    expect((await inbox(dinsos.token, "?overdue=true")).items).toEqual([
      expect.objectContaining({ id: app.id, overdue: true }),
    ]);
    const run = (time: number) =>
      worker.scheduled(createScheduledController({ scheduledTime: time, cron: "0 1 * * *" }), env);
    const reminders = async () =>
      (await outboxFor("dinsos.kota-tangerang@akrab.test")).filter((m) => m.subject.includes("Lewat tenggat"));
    await run(Date.now());
    await run(Date.now());
    expect(await reminders()).toHaveLength(1);
    expect((await reminders())[0]?.subject).not.toContain("Eskalasi");
    await run(Date.now() + 4 * 86_400_000);
    expect(await reminders()).toHaveLength(2);
    expect((await reminders())[1]?.subject).toContain("Eskalasi");
  });
});
