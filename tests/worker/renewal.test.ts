import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, login } from "./helpers.ts";
import { createUpload, fakeFile } from "./tus.ts";

/**
 * Re-accreditation (issue 14): a renewal starts from the LKS's last completed cycle — the
 * application of its latest certificate — with the letter's signatory and every still-valid
 * document linked again, and its self-assessment may start from the last answers.
 */
const TENANT = "kota-tangerang";
const T = `/api/v1/t/${TENANT}`;
const LETTER = {
  number: "9/2021",
  date: "2021-12-01",
  signatoryName: "Hj. Aminah",
  signatoryPosition: "Ketua",
  summary: "Akreditasi pertama kami",
};
const key = () => ({ "idempotency-key": crypto.randomUUID() });

type ChecklistItem = { key: string; status: string; documentId?: string; carriedFrom?: string };
type App = { id: string; kind: string; version: number; letter: Record<string, unknown>; checklist: ChecklistItem[] };
type Plan = {
  previous: { applicationId: string; certificate: { number: string; status: string } } | null;
  suggested: boolean;
  letter: Record<string, unknown>;
  documents: { key: string; name: string; filename: string; size: number }[];
  left: { key: string; reason: string }[];
};

let operator: string;
let dinsos: string;
let balks: string;
let lksId: string;
let otherLksId: string;
/** The last cycle: Kasih Bunda's certified first application. */
let previousId: string;

async function created(res: Response): Promise<App> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as App;
}

const createApp = (json: unknown, headers: Record<string, string> = key(), token = operator) =>
  api(`${T}/applications`, { method: "POST", token, json, headers });

async function upload(app: string, requirement: string, seed: number) {
  const file = fakeFile(4096 + seed, "pdf", seed);
  const res = await createUpload(
    TENANT,
    operator,
    file,
    { applicationId: app, requirement },
    { filename: `${requirement}.pdf`, filetype: "application/pdf", body: file },
  );
  expect(res.status, await res.clone().text()).toBe(201);
}

async function rows<T>(sql: string, ...binds: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...binds)
      .all<T>()
  ).results;
}

/**
 * Kasih Bunda's first cycle, certified: documents uploaded as its operator would (one of them later
 * returned, one a work programme two years old), the self-assessment answered on the 2012
 * instrument, BALKS's plenary decision recorded and the certificate issued through the API.
 */
async function certifiedCycle(): Promise<string> {
  const app = await created(await createApp({ lksId, kind: "first", letter: LETTER }));
  for (const [i, requirement] of [
    "akta_pendirian",
    "npwp",
    "surat_permohonan",
    "program_kerja",
    "struktur_pengurus",
    "tanda_daftar",
  ].entries())
    await upload(app.id, requirement, i + 1);
  const answers = { "1.1.1": 1, "2.4.1": 2, "9.9.9": 3 };
  for (const [indicator, level] of Object.entries(answers))
    await env.DB.prepare(
      "INSERT INTO self_assessment_answers (tenant_id, application_id, indicator, level, note, version, updated_by, updated_at) SELECT tenant_id, id, ?2, ?3, 'catatan ' || ?2, 3, NULL, '2021-12-02T00:00:00.000Z' FROM applications WHERE id = ?1",
    )
      .bind(app.id, indicator, level)
      .run();
  await env.DB.batch([
    env.DB.prepare(
      "UPDATE document_versions SET uploaded_at = '2024-01-10T00:00:00.000Z' WHERE document_id = (SELECT id FROM documents WHERE application_id = ? AND requirement = 'program_kerja')",
    ).bind(app.id),
    env.DB.prepare(
      `UPDATE applications SET instrument_version_id = 'lksa-2012-1', step = 'accredited', step_entered_at = ?2, submitted_at = '2021-12-05T00:00:00.000Z',
         checklist = (SELECT json_group_array(CASE WHEN json_extract(value, '$.key') = 'struktur_pengurus' THEN json_set(value, '$.status', 'returned') ELSE json(value) END) FROM json_each(checklist))
       WHERE id = ?1`,
    ).bind(app.id, new Date().toISOString()),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  const until = `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
  await env.DB.prepare(
    `INSERT INTO accreditation_decisions (id, tenant_id, application_id, kind, grade, reasons, to_fix, justification, departs_from_computed, computed, plenary, valid_from, valid_until, decided_by, decided_at)
     SELECT 'decision-' || ?1, a.tenant_id, ?1, 'accredit', 'B', 'Memenuhi standar', '[]', NULL, 0, '{"total":80,"outcome":"graded","grade":"B"}',
       json_object('date', ?2, 'members', json_array('Ketua', 'Anggota 1', 'Anggota 2'), 'outcome', json_object('kind', 'consensus')),
       ?2, ?3, u.id, ?4
     FROM applications a, users u WHERE a.id = ?1 AND u.email = 'balks@akrab.test'`,
  )
    .bind(app.id, today, until, new Date().toISOString())
    .run();
  const version = (await env.DB.prepare("SELECT version FROM applications WHERE id = ?")
    .bind(app.id)
    .first<{ version: number }>())!.version;
  const issued = await api(`${T}/applications/${app.id}/transitions`, {
    method: "POST",
    token: balks,
    json: { action: "issue_certificate", expectedVersion: version },
  });
  expect(issued.status, await issued.clone().text()).toBe(200);
  return app.id;
}

beforeAll(async () => {
  await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
  operator = (await login("lks@akrab.test")).token;
  dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
  balks = (await login("balks@akrab.test")).token;
  const id = async (name: string) =>
    (await env.DB.prepare("SELECT id FROM lks WHERE name = ?").bind(name).first<{ id: string }>())!.id;
  lksId = await id("Panti Asuhan Kasih Bunda");
  otherLksId = await id("Panti Werdha Sejahtera Cipondoh");
  await env.DB.prepare("UPDATE lks SET types = '[\"LKSA\"]' WHERE id = ?").bind(lksId).run();
  previousId = await certifiedCycle();
  // The registry says the tanda daftar ended yesterday: the last cycle's copy is no longer valid.
  await env.DB.prepare("UPDATE lks SET tanda_daftar_expires_on = date('now', '-1 day') WHERE id = ?").bind(lksId).run();
});

describe("a renewal starts prefilled from the last cycle", () => {
  let renewal: App;
  let before: { documents: unknown[]; versions: unknown[]; app: unknown };

  it("shows what it will carry over before the draft exists", async () => {
    const res = await api(`${T}/lks/${lksId}/renewal-plan`, { token: operator });
    expect(res.status, await res.clone().text()).toBe(200);
    const plan = (await res.json()) as Plan;
    expect(plan.previous).toMatchObject({ applicationId: previousId, certificate: { status: "active" } });
    expect(plan.suggested).toBe(false);
    expect(plan.letter).toEqual({
      signatoryName: "Hj. Aminah",
      signatoryPosition: "Ketua",
      summary: "Akreditasi pertama kami",
    });
    expect(plan.documents.map((d) => d.key).sort()).toEqual(["akta_pendirian", "npwp"]);
    expect(plan.documents.find((d) => d.key === "npwp")).toMatchObject({ filename: "npwp.pdf", size: 4098 });
    expect(Object.fromEntries(plan.left.map((l) => [l.key, l.reason]))).toEqual({
      surat_permohonan: "per_cycle",
      program_kerja: "outdated",
      struktur_pengurus: "returned",
      tanda_daftar: "permit_expired",
    });
  });

  it("copies the letter's signatory, links only the still-valid documents, and leaves the old application as it was", async () => {
    before = {
      documents: await rows("SELECT * FROM documents WHERE application_id = ? ORDER BY id", previousId),
      versions: await rows(
        "SELECT v.* FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.application_id = ? ORDER BY v.document_id",
        previousId,
      ),
      app: await env.DB.prepare("SELECT checklist, letter, version, updated_at FROM applications WHERE id = ?")
        .bind(previousId)
        .first(),
    };
    const headers = key();
    renewal = await created(
      await createApp(
        { lksId, kind: "renewal", letter: { number: "3/2026", date: "2026-12-01", signatoryPosition: "Ketua Umum" } },
        headers,
      ),
    );
    expect(renewal.kind).toBe("renewal");
    expect(renewal.letter).toEqual({
      number: "3/2026",
      date: "2026-12-01",
      signatoryName: "Hj. Aminah",
      signatoryPosition: "Ketua Umum",
      summary: "Akreditasi pertama kami",
    });
    const item = (k: string) => renewal.checklist.find((i) => i.key === k)!;
    for (const k of ["akta_pendirian", "npwp"]) {
      expect(item(k)).toMatchObject({ status: "uploaded", carriedFrom: previousId });
      expect(item(k).documentId).toBeTruthy();
    }
    for (const k of ["surat_permohonan", "program_kerja", "struktur_pengurus", "tanda_daftar", "sertifikat_sebelumnya"])
      expect(item(k)).toMatchObject({ status: "missing" });
    expect(renewal.checklist.filter((i) => i.carriedFrom)).toHaveLength(2);

    // The same stored content: a new document and version, no new blob, no byte sent again.
    const linked = await rows<{ requirement: string; blob_id: string; r2_key: string; upload_id: string | null }>(
      `SELECT d.requirement, v.blob_id, b.r2_key, v.upload_id FROM documents d JOIN document_versions v ON v.document_id = d.id
       JOIN blobs b ON b.id = v.blob_id WHERE d.application_id = ? ORDER BY d.requirement`,
      renewal.id,
    );
    const old = await rows<{ requirement: string; blob_id: string }>(
      "SELECT d.requirement, v.blob_id FROM documents d JOIN document_versions v ON v.document_id = d.id WHERE d.application_id = ? AND d.requirement IN ('akta_pendirian', 'npwp') ORDER BY d.requirement",
      previousId,
    );
    expect(linked.map((l) => [l.requirement, l.blob_id])).toEqual(old.map((o) => [o.requirement, o.blob_id]));
    expect(linked.every((l) => l.upload_id === null)).toBe(true);

    // The carried document reads and downloads like any other of this application.
    const doc = await api(`${T}/documents/${item("npwp").documentId}`, { token: dinsos });
    expect(doc.status, await doc.clone().text()).toBe(200);
    expect(await doc.json()).toMatchObject({ versions: [{ filename: "npwp.pdf", size: 4098 }] });
    const content = await api(`${T}/documents/${item("npwp").documentId}/content`, { token: operator });
    expect(content.status).toBe(200);
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(fakeFile(4098, "pdf", 2));

    // The old application's records are untouched.
    expect(await rows("SELECT * FROM documents WHERE application_id = ? ORDER BY id", previousId)).toEqual(
      before.documents,
    );
    expect(
      await rows(
        "SELECT v.* FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.application_id = ? ORDER BY v.document_id",
        previousId,
      ),
    ).toEqual(before.versions);
    expect(
      await env.DB.prepare("SELECT checklist, letter, version, updated_at FROM applications WHERE id = ?")
        .bind(previousId)
        .first(),
    ).toEqual(before.app);

    // A retried create (same Idempotency-Key) answers the first result and links nothing again.
    const replay = await created(
      await createApp(
        { lksId, kind: "renewal", letter: { number: "3/2026", date: "2026-12-01", signatoryPosition: "Ketua Umum" } },
        headers,
      ),
    );
    expect(replay.id).toBe(renewal.id);
    const again = await createApp({ lksId, kind: "renewal", letter: { number: "3/2026", date: "2026-12-01" } });
    await expectProblem(again, 409, "conflict");
    expect(await rows("SELECT id FROM documents WHERE application_id = ?", renewal.id)).toHaveLength(2);
    expect(await rows("SELECT id FROM applications WHERE lks_id = ? AND open = 1", lksId)).toHaveLength(1);
  });

  it("a new upload replaces a carried document as this cycle's own", async () => {
    await upload(renewal.id, "npwp", 40);
    const app = (await (await api(`${T}/applications/${renewal.id}`, { token: operator })).json()) as App;
    const npwp = app.checklist.find((i) => i.key === "npwp")!;
    expect(npwp.status).toBe("uploaded");
    expect(npwp.carriedFrom).toBeUndefined();
    expect(app.checklist.find((i) => i.key === "akta_pendirian")!.carriedFrom).toBe(previousId);
  });

  it("draws only from the same LKS: another LKS's renewal starts empty, and needs its whole letter", async () => {
    const plan = (await (await api(`${T}/lks/${otherLksId}/renewal-plan`, { token: dinsos })).json()) as Plan;
    expect(plan).toEqual({ previous: null, suggested: false, letter: {}, documents: [], left: [] });
    // The operator of Kasih Bunda neither reads another LKS's plan nor Kasih Bunda's in another tenant.
    await expectProblem(await api(`${T}/lks/${otherLksId}/renewal-plan`, { token: operator }), 404, "not-found");
    const lebak = (await login("dinsos.lebak@akrab.test")).token;
    await expectProblem(await api(`/api/v1/t/kab-lebak/lks/${lksId}/renewal-plan`, { token: lebak }), 404, "not-found");
    await expectProblem(
      await api(`/api/v1/t/kota-tangerang/lks/${lksId}/renewal-plan`, { token: lebak }),
      404,
      "not-found",
    );
  });

  it("refuses a letter that is still incomplete, naming each field, and changes nothing", async () => {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE lks_id = ? AND open = 1")
      .bind(lksId)
      .run();
    const count = (await rows("SELECT id FROM applications")).length;
    const first = await expectProblem(
      await createApp({ lksId, kind: "first", letter: { number: "4/2026", date: "2026-12-01" } }),
      400,
      "validation",
    );
    expect(first.errors?.map((e) => e.path).sort()).toEqual(["letter.signatoryName", "letter.signatoryPosition"]);
    const renewalWithoutDate = await expectProblem(
      await createApp({ lksId, kind: "renewal", letter: { number: "4/2026" } }),
      400,
      "validation",
    );
    expect(renewalWithoutDate.errors).toEqual([{ path: "letter.date", message: "Wajib diisi / Required" }]);
    expect((await rows("SELECT id FROM applications")).length).toBe(count);
  });
});

describe("the self-assessment can start from the last cycle's answers", () => {
  let draft: App;
  const start = (id: string, headers: Record<string, string> = key(), token = operator) =>
    api(`${T}/applications/${id}/self-assessment/start-from-previous`, { method: "POST", token, headers });

  beforeAll(async () => {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE lks_id = ? AND open = 1")
      .bind(lksId)
      .run();
    draft = await created(
      await createApp({ lksId, kind: "renewal", letter: { number: "5/2026", date: "2026-12-02" } }),
    );
  });

  it("copies only the indicators the pinned instrument still has, as fresh answers, and lists the rest", async () => {
    const headers = key();
    const res = await start(draft.id, headers);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as {
      previous: { applicationId: string; instrument: { id: string } };
      answers: { indicator: string; level: number; note: string; version: number }[];
      left: { indicator: string; from: string; reason: string }[];
    };
    expect(body.previous).toMatchObject({ applicationId: previousId, instrument: { id: "lksa-2012-1" } });
    // 1.1.1 kept its meaning; 2012's 2.4.1 is 2025's 2.4.2 (renumbered, same wording); 9.9.9 is gone.
    // (A changed wording or rubric is left too: the domain's tests show it; the seeded versions have none.)
    expect(body.answers.map((a) => [a.indicator, a.level, a.note, a.version])).toEqual([
      ["1.1.1", 1, "catatan 1.1.1", 1],
      ["2.4.2", 2, "catatan 2.4.1", 1],
    ]);
    expect(body.left).toEqual([{ indicator: "9.9.9", from: "9.9.9", reason: "removed" }]);
    const stored = await rows<{ indicator: string }>(
      "SELECT indicator FROM self_assessment_answers WHERE application_id = ? ORDER BY indicator",
      draft.id,
    );
    expect(stored.map((s) => s.indicator)).toEqual(body.answers.map((a) => a.indicator).sort());

    // A replay with the same key answers as the first call; any other call meets a filled self-assessment.
    const replay = await start(draft.id, headers);
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as typeof body).answers).toEqual(body.answers);
    await expectProblem(await start(draft.id), 409, "conflict");
    expect(
      await rows("SELECT indicator FROM self_assessment_answers WHERE application_id = ? ORDER BY indicator", draft.id),
    ).toEqual(stored);
  });

  it("is only for the LKS's operators, and only with an earlier cycle", async () => {
    await expectProblem(await start(draft.id, key(), dinsos), 403, "forbidden");
    const lebak = (await login("dinsos.lebak@akrab.test")).token;
    await expectProblem(
      await api(`/api/v1/t/kab-lebak/applications/${draft.id}/self-assessment/start-from-previous`, {
        method: "POST",
        token: lebak,
      }),
      404,
      "not-found",
    );
    // The first application (the previous cycle itself) has nothing earlier to start from.
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE lks_id = ? AND open = 1")
      .bind(lksId)
      .run();
    await env.DB.prepare("UPDATE applications SET step = 'withdrawn' WHERE lks_id = ?").bind(lksId).run();
    const lone = await created(await createApp({ lksId, kind: "first", letter: { ...LETTER, number: "6/2026" } }));
    await expectProblem(await start(lone.id), 409, "conflict");
  });
});

describe("the decision page sees each indicator against the last cycle", () => {
  type Row = {
    from: string | null;
    to: string | null;
    reconciled: { before: number | null; after: number | null; change: string | null } | null;
  };
  /** A stored reconciled sheet whose indicators settled at these levels (unflagged). */
  async function reconciled(applicationId: string, instrument: string, levels: Record<string, number>) {
    const sheet = {
      lead: "a1",
      team: ["a1", "a2"],
      names: { a1: "Ketua", a2: "Anggota" },
      indicators: Object.entries(levels).map(([code, level]) => ({
        code,
        safeguarding: false,
        levels: { a1: level, a2: level },
        spread: 0,
        flags: [],
        automatic: level,
        proposal: null,
        responses: {},
      })),
      findings: [],
      signatures: {},
    };
    await env.DB.prepare(
      "INSERT INTO reconciliations (id, tenant_id, application_id, instrument_version_id, sheet, strengths, recommendations, version, created_at, updated_at) SELECT 'rec-' || id, tenant_id, id, ?2, ?3, '', '', 1, ?4, ?4 FROM applications WHERE id = ?1",
    )
      .bind(applicationId, instrument, JSON.stringify(sheet), new Date().toISOString())
      .run();
  }

  it("gives BALKS last cycle's and this cycle's reconciled level with the change; the Dinsos only decided cycles; the LKS none", async () => {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE lks_id = ? AND open = 1")
      .bind(lksId)
      .run();
    // The walk above withdrew every application of the LKS: the last cycle is certified again.
    await env.DB.prepare("UPDATE applications SET step = 'certified' WHERE id = ?").bind(previousId).run();
    const current = await created(
      await createApp({ lksId, kind: "renewal", letter: { number: "8/2026", date: "2026-12-03" } }),
    );
    await env.DB.prepare(
      "UPDATE applications SET instrument_version_id = 'lksa-2025-1', step = 'decision' WHERE id = ?",
    )
      .bind(current.id)
      .run();
    await reconciled(previousId, "lksa-2012-1", { "1.1.1": 1, "2.4.1": 3, "3.1.1": 2 });
    await reconciled(current.id, "lksa-2025-1", { "1.1.1": 3, "2.4.2": 2, "3.1.1": 2 });
    const cycle = async (token: string) => {
      const res = await api(`${T}/applications/${current.id}/self-assessment/previous-cycle`, { token });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as { rows: Row[] };
    };
    const byPair = (rows: Row[], from: string | null, to: string | null) =>
      rows.find((r) => r.from === from && r.to === to)?.reconciled;

    const forBalks = (await cycle(balks)).rows;
    expect(byPair(forBalks, "1.1.1", "1.1.1")).toEqual({ before: 1, after: 3, change: "up" });
    expect(byPair(forBalks, "2.4.1", "2.4.2")).toEqual({ before: 3, after: 2, change: "down" });
    expect(byPair(forBalks, "3.1.1", "3.1.1")).toEqual({ before: 2, after: 2, change: "same" });
    expect(byPair(forBalks, null, "2.4.1")).toEqual({ before: null, after: null, change: null });

    // The Dinsos sees the decided last cycle's levels, not this cycle's before BALKS decides it.
    const forDinsos = (await cycle(dinsos)).rows;
    expect(byPair(forDinsos, "1.1.1", "1.1.1")).toEqual({ before: 1, after: null, change: null });
    // The LKS's operator sees its own self-assessment only.
    expect((await cycle(operator)).rows.every((r) => r.reconciled === null)).toBe(true);
  });
});
