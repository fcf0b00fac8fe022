import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { INTAKE_EMAILS_PER_DAY } from "@akrab/domain";
import { describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";
import { api, expectProblem, login, outboxFor } from "./helpers.ts";
import { uploadRequiredDocuments } from "./tus.ts";

const LETTER = {
  number: "012/PA-KB/XI/2026",
  date: "2026-11-20",
  signatoryName: "Hj. Aminah Lubis",
  signatoryPosition: "Ketua Yayasan",
};
const T = "/api/v1/t/kota-tangerang";

type Work = {
  total: number;
  groups: {
    tenant: { slug: string } | null;
    roles: string[];
    items: { kind: string; count: number; overdue: number; membershipId: string }[];
  }[];
};
type Inbox = {
  total: number;
  items: { id: string; step: { id: string; label: { id: string } }; tenant: { slug: string } }[];
};

async function work(token: string): Promise<Work> {
  const res = await api("/api/v1/me/work", { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Work;
}
const count = (w: Work, slug: string | null, kind: string) =>
  w.groups.find((g) => (g.tenant?.slug ?? null) === slug)?.items.find((i) => i.kind === kind)?.count;

/** Kasih Bunda's application, submitted (at the kab/kota's verification step). */
async function submittedApplication() {
  await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
  const operator = await login("lks@akrab.test");
  const { items } = (await (await api(`${T}/lks?q=Kasih`, { token: operator.token })).json()) as {
    items: { id: string }[];
  };
  const created = await api(`${T}/applications`, {
    method: "POST",
    token: operator.token,
    headers: { "idempotency-key": crypto.randomUUID() },
    json: { lksId: items[0]!.id, kind: "first", letter: LETTER },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  // Submitting needs every required document (issue 10).
  const draft = await uploadRequiredDocuments(
    "kota-tangerang",
    operator.token,
    (await created.json()) as { id: string; version: number; checklist: { key: string; status: string }[] },
  );
  const submitted = await api(`${T}/applications/${draft.id}/transitions`, {
    method: "POST",
    token: operator.token,
    json: { action: "submit", expectedVersion: draft.version },
  });
  expect(submitted.status, await submitted.clone().text()).toBe(200);
  return { operator, app: (await submitted.json()) as { id: string; version: number } };
}

describe("a person's home: everything waiting, across roles and tenants", () => {
  it("counts each tenant's work for every role held, with the membership to act in, no switching needed", async () => {
    const { app } = await submittedApplication();
    const banten = await login("dinsos.banten@akrab.test");
    const before = await work(banten.token);
    // Province (admin, verifier, head) and Kab. Pandeglang (verifier): both groups, each with its inbox and LKS to verify.
    expect(before.groups.map((g) => g.tenant?.slug)).toEqual(["prov-banten", "kab-pandeglang"]);
    expect(before.groups[0]!.roles.sort()).toEqual(["dinsos_head", "dinsos_verifier", "tenant_admin"]);
    expect(before.groups[0]!.items.map((i) => i.kind)).toEqual(["applications", "lks_to_verify"]);
    const provinceInbox = count(before, "prov-banten", "applications")!;

    // The kab/kota recommends: now it waits for the province, and its count says so.
    const kota = await login("dinsos.kota-tangerang@akrab.test");
    expect(count(await work(kota.token), "kota-tangerang", "applications")).toBe(1);
    const moved = await api(`${T}/applications/${app.id}/transitions`, {
      method: "POST",
      token: kota.token,
      json: { action: "recommend", expectedVersion: app.version },
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(count(await work(kota.token), "kota-tangerang", "applications")).toBe(0);
    const after = await work(banten.token);
    expect(count(after, "prov-banten", "applications")).toBe(provinceInbox + 1);
    // The same figure as the inbox the count links to.
    const inbox = (await (await api("/api/v1/t/prov-banten/inbox", { token: banten.token })).json()) as Inbox;
    expect(inbox.total).toBe(count(after, "prov-banten", "applications"));
    const membershipId = after.groups[0]!.items[0]!.membershipId;
    const me = (await (await api("/api/v1/auth/me", { token: banten.token })).json()) as {
      memberships: { id: string; role: string; tenant: { slug: string } | null }[];
    };
    expect(me.memberships.find((m) => m.id === membershipId)).toMatchObject({
      role: "dinsos_verifier",
      tenant: { slug: "prov-banten" },
    });
    expect(after.total).toBe(after.groups.flatMap((g) => g.items).reduce((s, i) => s + i.count, 0));
  });

  it("an operator sees its application waiting for it; BALKS its national inbox; a viewer its group with nothing to do", async () => {
    const { operator } = await submittedApplication();
    expect(count(await work(operator.token), "kota-tangerang", "applications")).toBe(0);
    await env.DB.prepare("UPDATE applications SET step = 'revision' WHERE open = 1").run();
    expect(count(await work(operator.token), "kota-tangerang", "applications")).toBe(1);

    await env.DB.prepare(
      "UPDATE applications SET step = 'balks_intake', step_due_at = '2000-01-01T00:00:00.000Z' WHERE open = 1",
    ).run();
    const balks = await work((await login("balks@akrab.test")).token);
    expect(balks.groups).toEqual([
      expect.objectContaining({
        tenant: null,
        items: [expect.objectContaining({ kind: "national_applications", count: 1, overdue: 1 })],
      }),
    ]);
    const viewer = await work((await login("viewer@akrab.test")).token);
    expect(viewer).toEqual({ total: 0, groups: [{ tenant: null, roles: ["national_viewer"], items: [] }] });
    expect((await api("/api/v1/me/work")).status).toBe(401);
  });
});

describe("national lists", () => {
  it("BALKS's inbox filters by province, kab/kota, step, overdue and LKS type", async () => {
    const { app } = await submittedApplication();
    await env.DB.prepare(
      "UPDATE applications SET step = 'balks_intake', step_due_at = '2000-01-01T00:00:00.000Z' WHERE id = ?",
    )
      .bind(app.id)
      .run();
    const balks = await login("balks@akrab.test");
    const ids = async (query: string) =>
      ((await (await api(`/api/v1/national/inbox?${query}`, { token: balks.token })).json()) as Inbox).items.map(
        (i) => i.id,
      );
    expect(await ids("")).toEqual([app.id]);
    expect(await ids("province=36")).toEqual([app.id]);
    expect(await ids("province=33")).toEqual([]);
    expect(await ids("regency=36.71")).toEqual([app.id]);
    expect(await ids("regency=36.02")).toEqual([]);
    expect(await ids("step=balks_intake&overdue=true")).toEqual([app.id]);
    expect(await ids("step=admin_check")).toEqual([]);
    expect(await ids("lksType=LKSA")).toEqual([app.id]);
    expect(await ids("lksType=LKS-ODHA")).toEqual([]);
    await env.DB.prepare("UPDATE applications SET step_due_at = '2999-01-01T00:00:00.000Z' WHERE id = ?")
      .bind(app.id)
      .run();
    expect(await ids("overdue=true")).toEqual([]);
    const bad = await api("/api/v1/national/inbox?province=Banten", { token: balks.token });
    await expectProblem(bad, 400, "validation");
  });

  it("a national viewer reads every open application and every LKS, read-only, with the same filters", async () => {
    const { app } = await submittedApplication();
    const viewer = await login("viewer@akrab.test");
    const list = (await (
      await api("/api/v1/national/applications?province=36", { token: viewer.token })
    ).json()) as Inbox;
    // A regional step is labelled by the tenant's own workflow.
    expect(list.items).toEqual([
      expect.objectContaining({
        id: app.id,
        step: expect.objectContaining({
          id: "kabkota_verification",
          label: expect.objectContaining({ id: expect.stringMatching(/\S/) }),
        }),
      }),
    ]);
    expect(list.items[0]!.step.label.id).not.toBe("kabkota_verification");
    expect(
      ((await (await api("/api/v1/national/applications?province=33", { token: viewer.token })).json()) as Inbox).total,
    ).toBe(0);
    // Its inbox stays BALKS's: the viewer acts on nothing.
    await expectProblem(await api("/api/v1/national/inbox", { token: viewer.token }), 404, "not-found");

    const lks = async (query: string) =>
      (
        (await (await api(`/api/v1/national/lks?${query}`, { token: viewer.token })).json()) as {
          items: { name: string; tenant: { slug: string } }[];
        }
      ).items;
    const all = await lks("limit=100");
    expect(new Set(all.map((l) => l.tenant.slug)).size).toBeGreaterThan(1);
    expect((await lks("regency=36.71")).every((l) => l.tenant.slug === "kota-tangerang")).toBe(true);
    expect((await lks("q=Kasih")).map((l) => l.name)).toEqual(["Panti Asuhan Kasih Bunda"]);
    expect(await lks("province=33&q=Kasih")).toEqual([]);
    // Not for Dinsos staff or operators (a national path they cannot reach is a 404).
    const dinsos = await login("dinsos.kota-tangerang@akrab.test");
    await expectProblem(await api("/api/v1/national/lks", { token: dinsos.token }), 404, "not-found");
    await expectProblem(await api("/api/v1/national/applications", { token: dinsos.token }), 404, "not-found");
  });
});

describe("BALKS hears of every arrival at national intake", () => {
  it("in the app each time, by email for the first few of a day, then in one digest the next morning", async () => {
    const { app } = await submittedApplication();
    const kota = await login("dinsos.kota-tangerang@akrab.test");
    const banten = await login("dinsos.banten@akrab.test");
    const balks = await login("balks@akrab.test");
    await env.DB.prepare("DELETE FROM application_events WHERE to_step = 'balks_intake'").run();
    const mailsBefore = (await outboxFor("balks@akrab.test")).length;

    const recommended = (await (
      await api(`${T}/applications/${app.id}/transitions`, {
        method: "POST",
        token: kota.token,
        json: { action: "recommend", expectedVersion: app.version },
      })
    ).json()) as { version: number };
    const atIntake = await api(`${T}/applications/${app.id}/transitions`, {
      method: "POST",
      token: banten.token,
      json: { action: "recommend", expectedVersion: recommended.version },
    });
    expect(atIntake.status, await atIntake.clone().text()).toBe(200);
    const notes = (await (await api("/api/v1/notifications", { token: balks.token })).json()) as {
      items: { title: string; link: string }[];
    };
    expect(notes.items[0]).toMatchObject({
      title: expect.stringContaining("Panti Asuhan Kasih Bunda"),
      link: `/t/kota-tangerang/permohonan/${app.id}`,
    });
    const mails = await outboxFor("balks@akrab.test");
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails.at(-1)!.subject).toContain("Permohonan masuk BALKS");

    // A busy day: once the day's first few were emailed, an arrival is told in the app only.
    const today = new Date().toISOString();
    for (let i = 0; i < INTAKE_EMAILS_PER_DAY; i++) {
      await env.DB.prepare(
        "INSERT INTO application_events (id, tenant_id, application_id, action, from_step, to_step, actor_user_id, comment, items, at) SELECT ?, tenant_id, id, 'recommend', 'province_verification', 'balks_intake', NULL, NULL, NULL, ? FROM applications WHERE id = ?",
      )
        .bind(crypto.randomUUID(), today, app.id)
        .run();
    }
    await env.DB.prepare("UPDATE applications SET step = 'province_verification' WHERE id = ?").bind(app.id).run();
    const current = (await (
      await api(`/api/v1/t/kota-tangerang/applications/${app.id}`, { token: banten.token })
    ).json()) as { version: number };
    const again = await api(`${T}/applications/${app.id}/transitions`, {
      method: "POST",
      token: banten.token,
      json: { action: "recommend", expectedVersion: current.version },
    });
    expect(again.status, await again.clone().text()).toBe(200);
    expect((await outboxFor("balks@akrab.test")).length).toBe(mailsBefore + 1);

    // The next morning (08:00 WIB), one digest lists the day's arrivals; a rerun sends nothing more.
    const tomorrow = Date.now() + 24 * 3_600_000;
    const daily = () =>
      worker.scheduled(createScheduledController({ scheduledTime: tomorrow, cron: "0 1 * * *" }), env);
    await daily();
    const digest = (await outboxFor("balks@akrab.test")).slice(mailsBefore + 1);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toContain(`${INTAKE_EMAILS_PER_DAY + 2} permohonan masuk BALKS`);
    expect(digest[0]!.body).toContain("Panti Asuhan Kasih Bunda (Dinas Sosial Kota Tangerang)");
    await daily();
    expect((await outboxFor("balks@akrab.test")).length).toBe(mailsBefore + 2);
  });
});
