import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/src/app.ts";
import { DEFAULT_REGIONAL_PART } from "@akrab/domain";
import { TANDA_DAFTAR, lksProfile } from "./fixtures.ts";
import { api, expectProblem, login } from "./helpers.ts";

/**
 * Walks the live route table: every route under /api/v1/t/{tenant} must answer 404 to a caller of
 * another tenant, both when it names the other tenant and when it names its own tenant but an
 * object of the other one. New routes join the walk automatically; a route with a path parameter
 * or body this file does not know yet fails the test until a fixture is added below.
 */
const CALLER = "dinsos.kota-tangerang@akrab.test"; // tenant_admin + verifier + head of kota-tangerang
const OWN_TENANT = "kota-tangerang";
const FOREIGN_TENANT = "kab-lebak";

/** An object of the foreign tenant for each path parameter name. */
async function foreignObjectIds(): Promise<Record<string, string>> {
  const membership = await env.DB.prepare(
    "SELECT m.id FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE t.slug = ? AND m.role = 'dinsos_verifier'",
  )
    .bind(FOREIGN_TENANT)
    .first<{ id: string }>();
  const lks = await env.DB.prepare(
    "SELECT l.id, l.tenant_id FROM lks l JOIN tenants t ON t.id = l.tenant_id WHERE t.slug = ?",
  )
    .bind(FOREIGN_TENANT)
    .first<{ id: string; tenant_id: string }>();
  // The demo data has no application in the foreign tenant: make one as its operator would.
  return { membershipId: membership!.id, ...(await lksObjects(lks!, "foreign")) };
}

/**
 * An application (at the tenant's first step), an upload in progress and a stored document of
 * one LKS, made as its operator would have; the ids under the walk's path parameter names.
 */
async function lksObjects(lks: { id: string; tenant_id: string }, prefix: string): Promise<Record<string, string>> {
  const [application, upload, blob, document] = ["application", "upload", "blob", "document"].map(
    (o) => `${prefix}-${o}`,
  );
  await env.DB.prepare(
    `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, profile_snapshot, checklist, return_items, step_entered_at, step_due_at, submitted_at, version, created_by, created_at, updated_at)
     VALUES (?3, ?1, ?2, 'first', 'kabkota_verification', 1, 1, '{}', NULL, '[]', '[]', '2026-01-01T00:00:00.000Z', NULL, '2026-01-01T00:00:00.000Z', 1, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  )
    .bind(lks.tenant_id, lks.id, application)
    .run();
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO uploads (id, tenant_id, lks_id, application_id, requirement, indicator, profile_field, filename, declared_type, length, sha256, status, document_id, created_by, created_at, finished_at)
       VALUES (?4, ?1, ?2, ?5, 'npwp', NULL, NULL, 'npwp.pdf', 'application/pdf', 1000, ?3, 'receiving', NULL, NULL, '2026-01-01T00:00:00.000Z', NULL)`,
    ).bind(lks.tenant_id, lks.id, "a".repeat(64), upload, application),
    env.DB.prepare(
      `INSERT INTO blobs (id, tenant_id, sha256, size, content_type, r2_key, page_count, thumbnail_key, created_at) VALUES (?3, ?1, ?2, 1000, 'application/pdf', 'x', 1, NULL, '2026-01-01T00:00:00.000Z')`,
    ).bind(lks.tenant_id, "b".repeat(64), blob),
    env.DB.prepare(
      `INSERT INTO documents (id, tenant_id, lks_id, application_id, requirement, indicator, profile_field, slot, current_version, created_at, updated_at)
       VALUES (?3, ?1, ?2, ?4, 'npwp', NULL, NULL, ?5, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).bind(lks.tenant_id, lks.id, document, application, `app:${application}:req:npwp`),
    env.DB.prepare(
      `INSERT INTO document_versions (document_id, version, tenant_id, blob_id, filename, upload_id, uploaded_by, uploaded_at) VALUES (?2, 1, ?1, ?3, 'npwp.pdf', NULL, NULL, '2026-01-01T00:00:00.000Z')`,
    ).bind(lks.tenant_id, document, blob),
    // A certificate of the LKS (issue 14): its number is the path parameter of the certificate routes.
    env.DB.prepare(
      `INSERT INTO certificates (id, tenant_id, application_id, lks_id, number, year, sequence, lks_name, kab_kota_code, kab_kota_name, province_name, lks_types, grade, decided_on, valid_from, valid_until, instrument_label, regulation, signer_name, signer_position, payload, kid, pdf_key, pdf_sha256, pdf_bytes, issued_at, version, created_at)
       VALUES (?3, ?1, ?4, ?2, ?5, 1990, ?6, 'LKS', '36.71', 'Kota', 'Provinsi', '["LKSA"]', 'B', '2026-01-01', '2026-01-01', '2029-01-01', 'x', 'x', 'x', 'x', 'x', 'dev-local', 'x', 'x', 1, '2026-01-01T00:00:00.000Z', 1, '2026-01-01T00:00:00.000Z')`,
    ).bind(
      lks.tenant_id,
      lks.id,
      `${prefix}-certificate`,
      application,
      `0001/WALK/${prefix}/1990`,
      1 + Math.floor(Math.random() * 1e9),
    ),
  ]);
  // An improvement plan with one item (issue 14 "Supervision"): its item is the path parameter of the answer and review.
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO accreditation_decisions (id, tenant_id, application_id, kind, grade, reasons, to_fix, justification, departs_from_computed, computed, plenary, valid_from, valid_until, decided_by, decided_at)
       VALUES (?3, ?1, ?2, 'accredit', 'B', 'x', '[]', NULL, 0, '{}', '{}', NULL, NULL, (SELECT id FROM users WHERE email = 'balks@akrab.test'), '2026-01-01T00:00:00.000Z')`,
    ).bind(lks.tenant_id, application, `${prefix}-decision`),
    env.DB.prepare(
      `INSERT INTO improvement_plans (id, tenant_id, application_id, lks_id, decision_id, created_at) VALUES (?4, ?1, ?3, ?2, ?5, '2026-01-01T00:00:00.000Z')`,
    ).bind(lks.tenant_id, lks.id, application, `${prefix}-plan`, `${prefix}-decision`),
    env.DB.prepare(
      `INSERT INTO improvement_items (id, plan_id, tenant_id, lks_id, position, kind, text, due_on, state, version, updated_at)
       VALUES (?3, ?4, ?1, ?2, 0, 'plan', 'Bentuk mekanisme pengaduan', '2026-04-01', 'answered', 2, '2026-01-01T00:00:00.000Z')`,
    ).bind(lks.tenant_id, lks.id, `${prefix}-item`, `${prefix}-plan`),
  ]);
  return {
    itemId: `${prefix}-item`,
    lksId: lks.id,
    applicationId: application!,
    number: encodeURIComponent(`0001/WALK/${prefix}/1990`),
    kind: "first",
    version: "1",
    key: "npwp",
    instrumentId: "lksa-2025-1",
    indicator: "1.1.1",
    // A report export's table and format (issue 15).
    file: "coverage.xlsx",
    uploadId: upload!,
    documentId: document!,
  };
}

/** A 1×1 PNG: the smallest real image for binary upload routes. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);

/**
 * Path parameters that are values (an application kind, a version number, an indicator code) or
 * national objects every tenant reads (a published instrument version), not objects owned by a tenant.
 */
const PATH_VALUES = new Set(["kind", "version", "key", "instrumentId", "indicator", "file"]);

const TUS = { "tus-resumable": "1.0.0" };
const tusMetadata = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k} ${btoa(v)}`)
    .join(",");

/** A body that passes validation, for routes that take one, so the walk reaches the handler. */
type Payload =
  | { json: unknown }
  | { body: Uint8Array; contentType: string; headers?: Record<string, string> }
  | { headers: Record<string, string> };
const validBodies = (ids: Record<string, string>): Record<string, Payload> => ({
  "POST /api/v1/t/:tenant/invitations": { json: { email: "walker@akrab.test", role: "dinsos_verifier" } },
  "PATCH /api/v1/t/:tenant/members/:membershipId": { json: { role: "dinsos_head" } },
  "PATCH /api/v1/t/:tenant/profile": { json: { name: "Dinas Sosial Walker" } },
  "PATCH /api/v1/t/:tenant/setup": { json: { workflowReviewed: true, dismissed: true } },
  "PUT /api/v1/t/:tenant/logo": { body: PNG, contentType: "image/png" },
  "POST /api/v1/t/:tenant/lks": { json: lksProfile() },
  "PATCH /api/v1/t/:tenant/lks/:lksId": { json: { profile: lksProfile(), expectedVersion: 1 } },
  "POST /api/v1/t/:tenant/lks/:lksId/verify": { json: { tandaDaftar: TANDA_DAFTAR } },
  "POST /api/v1/t/:tenant/lks/:lksId/return": {
    json: { comments: [{ field: "npwp", message: "NPWP tidak terbaca" }] },
  },
  "POST /api/v1/t/:tenant/lks/:lksId/resubmit": { json: {} },
  "PUT /api/v1/t/:tenant/workflow/draft": { json: { regional: DEFAULT_REGIONAL_PART } },
  "POST /api/v1/t/:tenant/workflow/publish": { json: {} },
  "PUT /api/v1/t/:tenant/checklists/:kind": {
    json: {
      items: [
        {
          key: "surat",
          name: "Surat permohonan",
          description: "",
          required: true,
          acceptedTypes: ["pdf"],
          maxBytes: 2097152,
        },
      ],
    },
  },
  "POST /api/v1/t/:tenant/applications": {
    json: {
      lksId: ids.lksId,
      kind: "first",
      letter: { number: "1/2026", date: "2026-01-01", signatoryName: "Budi", signatoryPosition: "Ketua" },
    },
  },
  "POST /api/v1/t/:tenant/applications/:applicationId/transitions": {
    json: {
      action: "return",
      comment: "Kurang",
      items: [{ kind: "profile_field", ref: "npwp", message: "Periksa NPWP" }],
      expectedVersion: 1,
    },
  },
  "POST /api/v1/t/:tenant/applications/:applicationId/workflow-version": { json: { version: 1, expectedVersion: 1 } },
  "PUT /api/v1/t/:tenant/applications/:applicationId/letter": {
    json: {
      letter: { number: "2/2026", date: "2026-01-02", signatoryName: "Budi", signatoryPosition: "Ketua" },
      expectedVersion: 1,
    },
  },
  "POST /api/v1/t/:tenant/applications/:applicationId/checklist/:key/accept": { json: { expectedVersion: 1 } },
  "POST /api/v1/t/:tenant/applications/:applicationId/checklist/:key/return": {
    json: { comment: "Tidak terbaca", expectedVersion: 1 },
  },
  "OPTIONS /api/v1/t/:tenant/uploads": { headers: TUS },
  "POST /api/v1/t/:tenant/uploads": {
    headers: {
      ...TUS,
      "upload-length": "1000",
      "upload-metadata": tusMetadata({
        filename: "a.pdf",
        filetype: "application/pdf",
        sha256: "c".repeat(64),
        applicationId: ids.applicationId!,
        requirement: "npwp",
      }),
    },
  },
  "PATCH /api/v1/t/:tenant/uploads/:uploadId": {
    body: new TextEncoder().encode("%PDF-1.7\n"),
    contentType: "application/offset+octet-stream",
    headers: { ...TUS, "upload-offset": "0" },
  },
  "PUT /api/v1/t/:tenant/documents/:documentId/thumbnail": { body: PNG, contentType: "image/png" },
  "PUT /api/v1/t/:tenant/applications/:applicationId/self-assessment/answers": {
    json: { answers: [{ indicator: "1.1.1", level: 2, note: "", baseVersion: 0 }] },
  },
  "PUT /api/v1/t/:tenant/applications/:applicationId/self-assessment/answers/:indicator": {
    json: { level: 2, note: "", baseVersion: 0 },
  },
  "POST /api/v1/t/:tenant/applications/:applicationId/self-assessment/answers/:indicator/evidence": {
    json: { documentId: ids.documentId },
  },
  "POST /api/v1/t/:tenant/applications/:applicationId/self-assessment/start-from-previous": { json: {} },
  "PUT /api/v1/t/:tenant/applications/:applicationId/visit-companions": {
    json: { companions: [{ name: "Budi Santoso", position: "Pekerja sosial" }], expectedVersion: 0 },
  },
  "POST /api/v1/t/:tenant/applications/:applicationId/improvement-plan/items/:itemId/answer": {
    json: { note: "SOP pengaduan sudah disusun.", documentIds: [], expectedVersion: 1 },
  },
  "POST /api/v1/t/:tenant/applications/:applicationId/improvement-plan/items/:itemId/review": {
    json: { decision: "accept", expectedVersion: 2 },
  },
  "POST /api/v1/t/:tenant/certificates/:number/handover": {
    json: { on: "2026-01-02", to: "Ketua LKS", expectedVersion: 1 },
  },
});

function requestInit(method: string, payload: Payload | undefined, token: string) {
  return {
    method,
    token,
    ...(payload && "json" in payload ? { json: payload.json } : {}),
    ...(payload && "body" in payload
      ? { body: payload.body, headers: { "content-type": payload.contentType, ...payload.headers } }
      : {}),
    ...(payload && !("body" in payload) && "headers" in payload ? { headers: payload.headers } : {}),
  };
}

function tenantRoutes() {
  const seen = new Set<string>();
  return createApp()
    .routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/t/:tenant/"))
    .map((r) => `${r.method} ${r.path}`)
    .filter((key) => !seen.has(key) && seen.add(key));
}

async function snapshot() {
  const tables = [
    "lks",
    "lks_history",
    "memberships",
    "invitations",
    "outbox",
    "users",
    "tenants",
    "tenant_signups",
    "audit_events",
    "applications",
    "application_events",
    "workflow_versions",
    "workflow_drafts",
    "document_requirements",
    "notifications",
    "uploads",
    "blobs",
    "documents",
    "document_versions",
    "regulation_versions",
    "instrument_versions",
    "self_assessment_answers",
    "indicator_evidence",
    "asesors",
    "asesor_affiliations",
    "assessment_assignments",
    "visit_plans",
    "visit_plan_stops",
    "visit_companions",
    "certificates",
    "certificate_events",
    "reconciliations",
    "accreditation_decisions",
    "score_sheets",
    "score_entries",
    "document_checks",
    "safeguarding_findings",
    "improvement_plans",
    "improvement_items",
    "improvement_evidence",
    "improvement_reminders",
  ];
  const rows = await Promise.all(
    tables.map(async (t) => (await env.DB.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()).results),
  );
  const objects = (await env.DOCS.list()).objects.map((o) => `${o.key}:${o.etag}`);
  return { rows, objects };
}

describe("cross-tenant walk over every tenant-scoped route", () => {
  it("finds the tenant routes", () => {
    expect(tenantRoutes()).toEqual(
      expect.arrayContaining(["GET /api/v1/t/:tenant/lks", "POST /api/v1/t/:tenant/invitations"]),
    );
  });

  it("answers 404 to another tenant's caller and changes nothing", async () => {
    const { token } = await login(CALLER); // logging in writes an audit event: snapshot after it
    const ids = await foreignObjectIds();
    const bodies = validBodies(ids);
    const before = await snapshot();
    const checked: string[] = [];

    for (const route of tenantRoutes()) {
      const [method, template] = route.split(" ") as [string, string];
      const params = [...template.matchAll(/:(\w+)/g)].map((m) => m[1]!).filter((p) => p !== "tenant");
      for (const p of params) expect(ids, `add a foreign-tenant fixture for :${p} (${route})`).toHaveProperty(p);
      const needsBody = method !== "GET" && method !== "DELETE";
      if (needsBody) expect(bodies, `add a valid body for ${route}`).toHaveProperty(route);

      const fill = (tenant: string) =>
        template.replace(":tenant", tenant).replace(/:(\w+)/g, (_, p: string) => ids[p]!);
      const init = requestInit(method, needsBody ? bodies[route]! : undefined, token);

      // 1. The other tenant in the URL.
      await expectProblem(await api(fill(FOREIGN_TENANT), init), 404, "not-found");
      // 2. The caller's own tenant in the URL, the other tenant's object in the path.
      if (params.some((p) => !PATH_VALUES.has(p)))
        await expectProblem(await api(fill(OWN_TENANT), init), 404, "not-found");
      // 3. Nobody signed in.
      await expectProblem(await api(fill(FOREIGN_TENANT), { ...init, token: undefined }), 401, "unauthenticated");
      checked.push(route);
    }

    expect(checked.length).toBe(tenantRoutes().length);
    expect(await snapshot()).toEqual(before);
  });
});

describe("lists of a tenant", () => {
  it("never list another tenant's LKS whose accreditation ends soon", async () => {
    const { token } = await login(CALLER);
    const made = await env.DB.prepare("SELECT 1 FROM certificates WHERE id = 'foreign-certificate'").first();
    if (!made) await foreignObjectIds();
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await env.DB.prepare("UPDATE certificates SET valid_until = ? WHERE id = 'foreign-certificate'").bind(soon).run();
    const own = await api(`/api/v1/t/${OWN_TENANT}/certificates/expiring?within=365`, { token });
    expect(own.status).toBe(200);
    const numbers = ((await own.json()) as { items: { number: string }[] }).items.map((i) => i.number);
    expect(numbers).not.toContain("0001/WALK/foreign/1990");
    // The foreign tenant's own Dinsos does see it: the fixture is one the list would show.
    const lebak = (await login("dinsos.lebak@akrab.test")).token;
    const theirs = await api(`/api/v1/t/${FOREIGN_TENANT}/certificates/expiring?within=365`, { token: lebak });
    expect(((await theirs.json()) as { items: { number: string }[] }).items.map((i) => i.number)).toContain(
      "0001/WALK/foreign/1990",
    );
  });
});

/**
 * The second axis: inside one tenant, an LKS operator reaches only its own LKS. Every route that
 * names an LKS's object (in its path, or in its body for the two routes that create from one)
 * must answer 404 to the operator of another LKS, and change nothing. A path parameter nobody has
 * classified below fails the walk, so a new kind of object cannot slip past it.
 */
const OPERATOR = "lks@akrab.test"; // lks_operator of Panti Asuhan Kasih Bunda, kota-tangerang
const OTHER_LKS = "Panti Werdha Sejahtera Cipondoh"; // also in kota-tangerang
/** Path parameters naming an object that belongs to one LKS. */
const LKS_OWNED = new Set(["lksId", "applicationId", "uploadId", "documentId", "number", "itemId"]);
/** Path parameters naming a tenant's object that no LKS owns. */
const TENANT_OWNED = new Set(["membershipId"]);
/** Routes whose body, not path, names the LKS object they act on. */
const LKS_IN_BODY = new Set(["POST /api/v1/t/:tenant/applications", "POST /api/v1/t/:tenant/uploads"]);

describe("LKS walk: an operator and another LKS's objects in the same tenant", () => {
  it("answers 404 on every route that names another LKS's object and changes nothing", async () => {
    const { token } = await login(OPERATOR);
    const other = await env.DB.prepare("SELECT id, tenant_id FROM lks WHERE name = ?")
      .bind(OTHER_LKS)
      .first<{ id: string; tenant_id: string }>();
    const ids = await lksObjects(other!, "other-lks");
    const bodies = validBodies(ids);
    const before = await snapshot();
    const checked: string[] = [];

    for (const route of tenantRoutes()) {
      const [method, template] = route.split(" ") as [string, string];
      const params = [...template.matchAll(/:(\w+)/g)].map((m) => m[1]!).filter((p) => p !== "tenant");
      for (const p of params) {
        const known = PATH_VALUES.has(p) || LKS_OWNED.has(p) || TENANT_OWNED.has(p);
        expect(known, `say whether :${p} (${route}) belongs to an LKS, and add a fixture`).toBe(true);
      }
      if (!params.some((p) => LKS_OWNED.has(p)) && !LKS_IN_BODY.has(route)) continue;
      const needsBody = method !== "GET" && method !== "DELETE";
      if (needsBody) expect(bodies, `add a valid body for ${route}`).toHaveProperty(route);
      const path = template.replace(":tenant", OWN_TENANT).replace(/:(\w+)/g, (_, p: string) => ids[p]!);
      const res = await api(path, requestInit(method, needsBody ? bodies[route] : undefined, token));
      expect(res.status, `${route} as the operator of another LKS`).toBe(404);
      await expectProblem(res, 404, "not-found");
      checked.push(route);
    }

    expect(checked.length).toBeGreaterThanOrEqual(20);
    expect(await snapshot()).toEqual(before);
  });

  it("still reaches the operator's own LKS, and lists only it", async () => {
    const { token } = await login(OPERATOR);
    const own = await env.DB.prepare("SELECT id FROM lks WHERE name = 'Panti Asuhan Kasih Bunda'").first<{
      id: string;
    }>();
    expect((await api(`/api/v1/t/${OWN_TENANT}/lks/${own!.id}`, { token })).status).toBe(200);
    const list = (await (await api(`/api/v1/t/${OWN_TENANT}/lks`, { token })).json()) as { items: { id: string }[] };
    expect(list.items.map((l) => l.id)).toEqual([own!.id]);
    const csv = await (await api(`/api/v1/t/${OWN_TENANT}/lks.csv`, { token })).text();
    expect(csv).toContain("Kasih Bunda");
    expect(csv).not.toContain(OTHER_LKS);
  });
});

/**
 * The third axis: an asesor reaches a tenant only through the applications whose team they
 * accepted. Walks every tenant route as the demo asesor, on the accepted team of one application
 * of Kota Tangerang and invited (not yet accepted) onto another: each route that does not name the
 * accepted application or one of its documents is a 404 (in that tenant and in another), the same
 * route naming the other application, or a document of it, is a 404, and nothing changes; the
 * reads of the accepted application and of its documents answer.
 */
const ASESOR = "asesor@akrab.test";
/** Document routes an asesor reads for the applications of their team (writes stay closed). */
const DOCUMENT_READ = /^GET \/api\/v1\/t\/:tenant\/documents\/:documentId/;
/** Routes of the accepted application the asesor still does not reach (issue 14: the improvement plan). */
const CLOSED_TO_ASESORS = /\/improvement-plan(\/|$)/;

describe("assignment walk: an asesor and the applications of their team", () => {
  it("answers 404 on every tenant route but the accepted application's and its documents', and changes nothing", async () => {
    const { token } = await login(ASESOR);
    const tangerang = await env.DB.prepare(
      "SELECT id, tenant_id FROM lks WHERE name = 'Panti Asuhan Kasih Bunda'",
    ).first<{
      id: string;
      tenant_id: string;
    }>();
    const other = await env.DB.prepare("SELECT id, tenant_id FROM lks WHERE name = ?")
      .bind(OTHER_LKS)
      .first<{ id: string; tenant_id: string }>();
    const application = (id: string, lks: { id: string; tenant_id: string }) =>
      env.DB.prepare(
        `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'first', 'visit', 1, 0, ?4, '[]', '[]', '2026-01-01T00:00:00.000Z', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      ).bind(
        id,
        lks.tenant_id,
        lks.id,
        JSON.stringify({ number: "1/2026", date: "2026-01-01", signatoryName: "Budi", signatoryPosition: "Ketua" }),
      );
    await env.DB.batch([
      application("walk-assigned", tangerang!),
      application("walk-unassigned", other!),
      application("walk-invited", other!),
      // The assigned application's certificate: the asesor reaches it through the application only.
      env.DB.prepare(
        `INSERT INTO certificates (id, tenant_id, application_id, lks_id, number, year, sequence, lks_name, kab_kota_code, kab_kota_name, province_name, lks_types, grade, decided_on, valid_from, valid_until, instrument_label, regulation, signer_name, signer_position, payload, kid, pdf_key, pdf_sha256, pdf_bytes, issued_at, version, created_at)
         VALUES ('walk-certificate', ?1, 'walk-assigned', ?2, '0002/WALK/1991', 1991, 2, 'LKS', '36.71', 'Kota', 'Provinsi', '["LKSA"]', 'B', '2026-01-01', '2026-01-01', '2029-01-01', 'x', 'x', 'x', 'x', 'x', 'dev-local', 'x', 'x', 1, '2026-01-01T00:00:00.000Z', 1, '2026-01-01T00:00:00.000Z')`,
      ).bind(tangerang!.tenant_id, tangerang!.id),
    ]);
    // A stored document (with its bytes and thumbnail) on each application.
    const document = async (id: string, applicationId: string, lks: { id: string; tenant_id: string }) => {
      const key = `t/${lks.tenant_id}/walk/${id}`;
      await env.DOCS.put(key, "%PDF-1.7\n");
      await env.DOCS.put(`${key}.thumb`, PNG, { httpMetadata: { contentType: "image/webp" } });
      await env.DB.batch([
        env.DB.prepare(
          `INSERT INTO blobs (id, tenant_id, sha256, size, content_type, r2_key, page_count, thumbnail_key, created_at) VALUES (?3, ?1, ?2, 9, 'application/pdf', ?4, 1, ?5, '2026-01-01T00:00:00.000Z')`,
        ).bind(lks.tenant_id, id.padEnd(64, "0"), `${id}-blob`, key, `${key}.thumb`),
        env.DB.prepare(
          `INSERT INTO documents (id, tenant_id, lks_id, application_id, requirement, indicator, profile_field, slot, current_version, created_at, updated_at)
           VALUES (?3, ?1, ?2, ?4, 'npwp', NULL, NULL, ?5, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
        ).bind(lks.tenant_id, lks.id, id, applicationId, `app:${applicationId}:req:npwp`),
        env.DB.prepare(
          `INSERT INTO document_versions (document_id, version, tenant_id, blob_id, filename, upload_id, uploaded_by, uploaded_at) VALUES (?2, 1, ?1, ?3, 'npwp.pdf', NULL, NULL, '2026-01-01T00:00:00.000Z')`,
        ).bind(lks.tenant_id, id, `${id}-blob`),
      ]);
    };
    await document("walk-assigned-doc", "walk-assigned", tangerang!);
    await document("walk-unassigned-doc", "walk-unassigned", other!);
    await document("walk-invited-doc", "walk-invited", other!);
    const assigned: Record<string, string> = {
      number: encodeURIComponent("0002/WALK/1991"),
      lksId: tangerang!.id,
      applicationId: "walk-assigned",
      kind: "first",
      version: "1",
      key: "npwp",
      instrumentId: "lksa-2025-1",
      indicator: "1.1.1",
      uploadId: "walk-upload",
      documentId: "walk-assigned-doc",
      membershipId: "walk-membership",
      itemId: "walk-item",
    };
    const elsewhere = [
      { applicationId: "walk-unassigned", documentId: "walk-unassigned-doc" },
      // Invited, not accepted: the declaration comes before the application's letter and documents.
      { applicationId: "walk-invited", documentId: "walk-invited-doc" },
    ];
    const now = "2026-01-01T00:00:00.000Z";
    const assignment = (id: string, applicationId: string, status: string, tenantId: string) =>
      env.DB.prepare(
        "INSERT INTO assessment_assignments (id, tenant_id, application_id, asesor_id, role, status, assigned_by, assigned_at) SELECT ?5, ?1, ?2, (SELECT id FROM asesors WHERE email = ?4), 'lead', ?6, (SELECT id FROM users WHERE email = 'balks@akrab.test'), ?3",
      ).bind(tenantId, applicationId, now, ASESOR, id, status);
    await env.DB.batch([
      assignment("walk-assignment", "walk-assigned", "accepted", tangerang!.tenant_id),
      assignment("walk-invitation", "walk-invited", "invited", other!.tenant_id),
    ]);
    const bodies = validBodies(assigned);
    const before = await snapshot();
    const reads: { route: string; path: string }[] = [];
    const reached: string[] = [];

    for (const route of tenantRoutes()) {
      const [method, template] = route.split(" ") as [string, string];
      const needsBody = method !== "GET" && method !== "DELETE";
      if (needsBody) expect(bodies, `add a valid body for ${route}`).toHaveProperty(route);
      const fill = (tenant: string, ids: Record<string, string>) =>
        template.replace(":tenant", tenant).replace(/:(\w+)/g, (_, p: string) => ids[p]!);
      const call = (path: string) => api(path, requestInit(method, needsBody ? bodies[route] : undefined, token));
      const namesApplication = template.startsWith("/api/v1/t/:tenant/applications/:applicationId");
      const readsDocument = DOCUMENT_READ.test(route);
      // Another tenant (where the asesor is on no team), whatever the route.
      await expectProblem(await call(fill(FOREIGN_TENANT, assigned)), 404, "not-found");
      if (route === "OPTIONS /api/v1/t/:tenant/uploads") {
        // The uploads carry the asesor's visit photos: tus discovery answers in the team's tenant.
        expect((await call(fill(OWN_TENANT, assigned))).status).toBe(204);
        continue;
      }
      if (!namesApplication && !readsDocument) {
        // The tenant of the team: a route that is not the accepted application's (an upload
        // anywhere but to a photo of their own sheet, someone else's upload) is a 404.
        await expectProblem(await call(fill(OWN_TENANT, assigned)), 404, "not-found");
        continue;
      }
      // Another application of the same tenant, or one she is only invited to, or their documents.
      for (const ids of elsewhere)
        await expectProblem(await call(fill(OWN_TENANT, { ...assigned, ...ids })), 404, "not-found");
      // Supervision after the decision is the LKS's, its Dinsos's and BALKS's: not the asesor's, even on their application.
      if (CLOSED_TO_ASESORS.test(route)) {
        await expectProblem(await call(fill(OWN_TENANT, assigned)), 404, "not-found");
        continue;
      }
      if (method === "GET") reads.push({ route, path: fill(OWN_TENANT, assigned) });
    }
    expect(await snapshot()).toEqual(before);

    // The reads of the accepted application and its documents answer (a download is audited, so
    // they come after the comparison above).
    for (const { route, path } of reads) {
      const res = await api(path, { token });
      expect(res.status, `${route} on the accepted application`).not.toBe(404);
      reached.push(route);
    }
    expect(reached).toEqual(
      expect.arrayContaining([
        "GET /api/v1/t/:tenant/applications/:applicationId",
        "GET /api/v1/t/:tenant/applications/:applicationId/timeline",
        "GET /api/v1/t/:tenant/applications/:applicationId/visit-plan",
        "GET /api/v1/t/:tenant/documents/:documentId",
        "GET /api/v1/t/:tenant/documents/:documentId/content",
        "GET /api/v1/t/:tenant/documents/:documentId/thumbnail",
      ]),
    );
  });
});

/**
 * The asesor axis of the visit (issue 13): every route under /api/v1/me/assignments/{id}/ reaches
 * only the caller's own accepted assignment. Walked as the demo asesor on another asesor's
 * accepted assignment, on their own assignment still only invited (the answer route aside: that
 * one is for invitations), and as a Dinsos on the asesor's own: each a 404 that changes nothing.
 * New routes under that path join the walk; one without a valid body below fails it.
 */
const VISIT_BODIES: Record<string, Payload> = {
  "PUT /api/v1/me/assignments/:assignmentId/sheet": {
    json: { entries: [{ indicator: "1.1.1", level: 1, note: "", baseVersion: 0 }] },
  },
  "POST /api/v1/me/assignments/:assignmentId/sheet/submit": { json: {} },
  "POST /api/v1/me/assignments/:assignmentId/answer": { json: { answer: "decline", reason: "Jadwal bentrok" } },
  "PUT /api/v1/me/assignments/:assignmentId/reconciliation/proposals/:indicator": {
    json: { level: 2, reason: "Alasan yang cukup panjang", expectedVersion: 0 },
  },
  "PUT /api/v1/me/assignments/:assignmentId/reconciliation/responses/:indicator": {
    json: { agree: true, note: "", expectedVersion: 0 },
  },
  "PUT /api/v1/me/assignments/:assignmentId/reconciliation/report": {
    json: { strengths: "a", recommendations: "b", expectedVersion: 0 },
  },
  "POST /api/v1/me/assignments/:assignmentId/reconciliation/sign": { json: { expectedVersion: 0 } },
};
/** Reads that, on the walk's own assignment (a team that has not submitted), answer 409 "waiting for the team", not 200. */
const WAITS_FOR_TEAM = new Set([
  "GET /api/v1/me/assignments/:assignmentId/reconciliation",
  "GET /api/v1/me/assignments/:assignmentId/visit-report.pdf",
]);

describe("visit walk: the asesor's own accepted assignment and nothing else", () => {
  it("answers 404 to another asesor, to an invitation not accepted and to tenant staff, and changes nothing", async () => {
    const { token } = await login(ASESOR);
    const dinsos = await login(CALLER);
    const lks = await env.DB.prepare("SELECT id, tenant_id FROM lks WHERE name = 'Panti Asuhan Kasih Bunda'").first<{
      id: string;
      tenant_id: string;
    }>();
    const now = "2026-01-01T00:00:00.000Z";
    const letter = JSON.stringify({
      number: "2/2026",
      date: "2026-01-01",
      signatoryName: "Budi",
      signatoryPosition: "Ketua",
    });
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, instrument_version_id, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'first', 'visit', 1, 0, ?4, '[]', '[]', ?5, 'lksa-2025-1', 1, ?5, ?5)`,
      ).bind("visit-walk-app", lks!.tenant_id, lks!.id, letter, now),
      env.DB.prepare(
        "INSERT INTO asesors (id, user_id, email, name, phone, province_code, kab_kota_code, background, lks_types, qualifications, active, version, created_at, updated_at) VALUES ('visit-walk-other', NULL, 'lain@akrab.test', 'Asesor Lain', NULL, '31', '31.71', 'academic', '[\"LKSA\"]', '[]', 1, 1, ?1, ?1)",
      ).bind(now),
      ...[
        ["visit-walk-own", ASESOR, "accepted"],
        ["visit-walk-foreign", "lain@akrab.test", "accepted"],
      ].map(([id, email, status]) =>
        env.DB.prepare(
          "INSERT INTO assessment_assignments (id, tenant_id, application_id, asesor_id, role, status, assigned_by, assigned_at) SELECT ?1, ?2, 'visit-walk-app', (SELECT id FROM asesors WHERE email = ?3), 'member', ?4, (SELECT id FROM users WHERE email = 'balks@akrab.test'), ?5",
        ).bind(id, lks!.tenant_id, email, status, now),
      ),
    ]);
    // The asesor's invitation (not accepted) to an application of another LKS.
    const other = await env.DB.prepare("SELECT id, tenant_id FROM lks WHERE name = ?")
      .bind(OTHER_LKS)
      .first<{ id: string; tenant_id: string }>();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, version, created_at, updated_at)
         VALUES ('visit-walk-invited-app', ?1, ?2, 'first', 'visit', 1, 0, ?3, '[]', '[]', ?4, 1, ?4, ?4)`,
      ).bind(other!.tenant_id, other!.id, letter, now),
      env.DB.prepare(
        "INSERT INTO assessment_assignments (id, tenant_id, application_id, asesor_id, role, status, assigned_by, assigned_at) SELECT 'visit-walk-invited', ?1, 'visit-walk-invited-app', (SELECT id FROM asesors WHERE email = ?2), 'lead', 'invited', (SELECT id FROM users WHERE email = 'balks@akrab.test'), ?3",
      ).bind(other!.tenant_id, ASESOR, now),
    ]);
    const seen = new Set<string>();
    const routes = createApp()
      .routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/me/assignments/:assignmentId/"))
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => !seen.has(k) && seen.add(k));
    expect(routes).toEqual(
      expect.arrayContaining([
        "GET /api/v1/me/assignments/:assignmentId/pack",
        "PUT /api/v1/me/assignments/:assignmentId/sheet",
        "POST /api/v1/me/assignments/:assignmentId/sheet/submit",
        "GET /api/v1/me/assignments/:assignmentId/team-sheets",
      ]),
    );
    const before = await snapshot();
    for (const route of routes) {
      const [method, template] = route.split(" ") as [string, string];
      const needsBody = method !== "GET" && method !== "DELETE";
      if (needsBody) expect(VISIT_BODIES, `add a valid body for ${route}`).toHaveProperty(route);
      // No photo is stored in this walk: a photo route is a 404 for everyone, the owner included.
      const path = (id: string) =>
        template.replace(":assignmentId", id).replace(":documentId", "visit-walk-photo").replace(":indicator", "1.1.1");
      const init = (as: string) => ({
        ...requestInit(method, needsBody ? VISIT_BODIES[route] : undefined, as),
        headers: { "idempotency-key": crypto.randomUUID() },
      });
      await expectProblem(await api(path("visit-walk-foreign"), init(token)), 404, "not-found");
      await expectProblem(await api(path("visit-walk-own"), init(dinsos.token)), 404, "not-found");
      if (!route.endsWith("/answer"))
        await expectProblem(await api(path("visit-walk-invited"), init(token)), 404, "not-found");
      if (method === "GET")
        expect((await api(path("visit-walk-own"), { token })).status, route).toBe(
          template.includes(":documentId") ? 404 : WAITS_FOR_TEAM.has(route) ? 409 : 200,
        );
    }
    expect(await snapshot()).toEqual(before);
  });
});

/**
 * The national axis: every route under /api/v1/national (BALKS registering Kemensos units, sign-up
 * review, tenants, outbox, the national inbox) answers 404 to a tenant's own staff, as a tenant
 * they cannot reach does, and changes nothing. New national routes join the walk automatically.
 */
describe("national walk: a Dinsos caller on every national route", () => {
  it("answers 404 to tenant staff and 401 to nobody, and changes nothing", async () => {
    const { token } = await login(CALLER);
    const seen = new Set<string>();
    const routes = createApp()
      .routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/national/"))
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !seen.has(key) && seen.add(key));
    expect(routes).toEqual(expect.arrayContaining(["POST /api/v1/national/lks", "PATCH /api/v1/national/lks/:lksId"]));
    const lks = await env.DB.prepare("SELECT id FROM lks LIMIT 1").first<{ id: string }>();
    const before = await snapshot();
    for (const route of routes) {
      const [method, template] = route.split(" ") as [string, string];
      // Any id will do: the caller is refused before anything is looked up.
      const path = template.replace(/:(\w+)/g, () => lks!.id);
      const init = { method, ...(method === "GET" || method === "DELETE" ? {} : { json: lksProfile() }) };
      await expectProblem(await api(path, { ...init, token }), 404, "not-found");
      await expectProblem(await api(path, init), 401, "unauthenticated");
    }
    expect(await snapshot()).toEqual(before);
  });
});
