import { env } from "cloudflare:workers";
import { DEFAULT_REGIONAL_PART, composeDefinition } from "@akrab/domain";
import { describe, expect, it } from "vitest";
import { api, expectProblem, login } from "./helpers.ts";
import { createUpload, fakeFile, uploadRequiredDocuments } from "./tus.ts";

type App = {
  id: string;
  version: number;
  step: { id: string };
  checklist: { key: string; name: string; nameEn: string; required: boolean; status: string }[];
};
const T = "/api/v1/t/kota-tangerang";
const LETTER = {
  number: "014/PA-KB/XI/2026",
  date: "2026-11-20",
  signatoryName: "Hj. Aminah Lubis",
  signatoryPosition: "Ketua Yayasan",
};

async function submit(token: string, app: App) {
  const current = (await (await api(`${T}/applications/${app.id}`, { token })).json()) as App;
  return api(`${T}/applications/${app.id}/transitions`, {
    method: "POST",
    token,
    json: { action: "submit", expectedVersion: current.version },
  });
}

describe("the checklist is a requirement", () => {
  it("refuses a submission, naming each missing required document, until the last one is uploaded", async () => {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
    const operator = await login("lks@akrab.test");
    const { items } = (await (await api(`${T}/lks?q=Kasih`, { token: operator.token })).json()) as {
      items: { id: string }[];
    };
    const created = await api(`${T}/applications`, {
      method: "POST",
      token: operator.token,
      json: { lksId: items[0]!.id, kind: "first", letter: LETTER },
    });
    expect(created.status).toBe(201);
    let app = (await created.json()) as App;
    const required = app.checklist.filter((item) => item.required);
    expect(required.length).toBeGreaterThan(10);
    // Items carry their English name too (the national default has one for each).
    expect(app.checklist.every((item) => item.nameEn.length > 0)).toBe(true);

    const none = await expectProblem(await submit(operator.token, app), 409, "conflict");
    expect(none.errors?.map((e) => e.path)).toEqual(required.map((item) => `checklist.${item.key}`));
    expect(none.errors?.[0]?.message).toContain(required[0]!.name);

    // Everything but the last required document: still refused, naming just that one.
    const last = required.at(-1)!;
    app = await uploadRequiredDocuments("kota-tangerang", operator.token, {
      ...app,
      checklist: app.checklist.filter((item) => item.key !== last.key),
    });
    const one = await expectProblem(await submit(operator.token, app), 409, "conflict");
    expect(one.errors).toEqual([{ path: `checklist.${last.key}`, message: expect.stringContaining(last.name) }]);
    expect(((await (await api(`${T}/applications/${app.id}`, { token: operator.token })).json()) as App).step.id).toBe(
      "draft",
    );

    const file = fakeFile(2048, "pdf", 99);
    const uploaded = await createUpload(
      "kota-tangerang",
      operator.token,
      file,
      { applicationId: app.id, requirement: last.key },
      { filename: "terakhir.pdf", filetype: "application/pdf", body: file },
    );
    expect(uploaded.status).toBe(201);
    const moved = await submit(operator.token, app);
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(((await moved.json()) as App).step.id).toBe("kabkota_verification");
  });
});

describe("migration 0011", () => {
  it("gives a tenant's published workflow without the requirement a new version with it, and its draft too", async () => {
    const tenant = await env.DB.prepare("SELECT id FROM tenants WHERE slug = 'kota-tangerang'").first<{ id: string }>();
    const { latest } = (await env.DB.prepare("SELECT max(version) AS latest FROM workflow_versions WHERE tenant_id = ?")
      .bind(tenant!.id)
      .first<{ latest: number }>())!;
    // The national default as it was before issue 10: nothing required the checklist.
    const old = structuredClone(DEFAULT_REGIONAL_PART) as typeof DEFAULT_REGIONAL_PART;
    for (const t of old.transitions) t.checklistRequired = false;
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO workflow_versions (tenant_id, version, regional, definition, published_by, published_at) VALUES (?, ?, ?, ?, NULL, ?)",
      ).bind(
        tenant!.id,
        latest + 1,
        JSON.stringify(old),
        JSON.stringify(composeDefinition(old)),
        "2026-01-01T00:00:00.000Z",
      ),
      env.DB.prepare(
        "INSERT OR REPLACE INTO workflow_drafts (tenant_id, regional, base_version, updated_by, updated_at) VALUES (?, ?, ?, NULL, ?)",
      ).bind(tenant!.id, JSON.stringify(old), latest + 1, "2026-01-01T00:00:00.000Z"),
      env.DB.prepare(
        "UPDATE document_requirements SET name_en = '', description_en = '' WHERE tenant_id = ? AND key = 'npwp'",
      ).bind(tenant!.id),
      env.DB.prepare(
        "UPDATE document_requirements SET name = 'NPWP yayasan', name_en = '', description_en = '' WHERE tenant_id = ? AND key = 'profil_lks'",
      ).bind(tenant!.id),
    ]);

    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0011_"))!;
    const dataSteps = migration.queries.filter((q) => !/ALTER TABLE/.test(q));
    await env.DB.batch(dataSteps.map((q) => env.DB.prepare(q)));

    const rows = await env.DB.prepare(
      "SELECT version, regional, definition FROM workflow_versions WHERE tenant_id = ? ORDER BY version DESC LIMIT 2",
    )
      .bind(tenant!.id)
      .all<{ version: number; regional: string; definition: string }>();
    const [newest, previous] = rows.results;
    expect(newest!.version).toBe(latest + 2);
    const required = (json: string) =>
      Object.fromEntries(
        (JSON.parse(json) as typeof old).transitions
          .filter((t) => t.from === "draft" || t.from === "revision")
          .map((t) => [`${t.from}:${t.action}`, t.checklistRequired]),
      );
    const expected = {
      "draft:submit": true,
      "draft:withdraw": false,
      "revision:resubmit": true,
      "revision:withdraw": false,
    };
    expect(required(newest!.regional)).toEqual(expected);
    expect(required(newest!.definition)).toEqual(expected);
    // Everything else is the previous version's, and that version stays as it was (applications pin it).
    const { transitions: _a, ...restNew } = JSON.parse(newest!.regional) as typeof old;
    const { transitions: _b, ...restOld } = JSON.parse(previous!.regional) as typeof old;
    expect(restNew).toEqual(restOld);
    expect(required(previous!.regional)["draft:submit"]).toBe(false);

    const draft = await env.DB.prepare("SELECT regional, base_version FROM workflow_drafts WHERE tenant_id = ?")
      .bind(tenant!.id)
      .first<{ regional: string; base_version: number }>();
    expect(required(draft!.regional)).toEqual(expected);
    expect(draft!.base_version).toBe(latest + 2);

    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE tenant_id = ? AND action = 'workflow.published' AND json_extract(data, '$.version') = ?",
    )
      .bind(tenant!.id, latest + 2)
      .first<{ n: number }>();
    expect(audit!.n).toBe(1);

    // Untouched default items get the default's English; a renamed one keeps no English name.
    const items = await env.DB.prepare(
      "SELECT key, name_en, description_en FROM document_requirements WHERE tenant_id = ? AND key IN ('npwp', 'profil_lks') AND ownership = 'community' AND application_kind = 'first' ORDER BY key",
    )
      .bind(tenant!.id)
      .all<{ key: string; name_en: string; description_en: string }>();
    expect(items.results).toEqual([
      {
        key: "npwp",
        name_en: "Institution's tax number (NPWP)",
        description_en: "Card or certificate of registration",
      },
      { key: "profil_lks", name_en: "", description_en: "History, vision and mission, services and capacity" },
    ]);

    // Running it again adds nothing: the latest version already requires the checklist.
    await env.DB.batch(dataSteps.map((q) => env.DB.prepare(q)));
    const again = await env.DB.prepare("SELECT max(version) AS v FROM workflow_versions WHERE tenant_id = ?")
      .bind(tenant!.id)
      .first<{ v: number }>();
    expect(again!.v).toBe(latest + 2);
  });
});
