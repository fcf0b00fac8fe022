import { env } from "cloudflare:workers";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, linkTokenFor, login } from "./helpers.ts";
import { pdfText } from "./pdf-text.ts";
import { createUpload, fakeFile, uploadRequiredDocuments } from "./tus.ts";

const TENANT = "kota-tangerang";
const T = `/api/v1/t/${TENANT}`;
const LETTER = {
  number: "021/PA-KB/XII/2026",
  date: "2026-12-01",
  signatoryName: "Hj. Aminah Lubis",
  signatoryPosition: "Ketua Yayasan",
};

type Answer = { indicator: string; level: number | null; note: string; version: number; updatedAt: string };
type View = {
  instrument: {
    id: string;
    pinned: boolean;
    standards: { code: string; aspects: { indicators: { code: string; evidence: unknown[] }[] }[] }[];
  };
  answers: Answer[];
  evidence: { indicator: string; documentId: string; filename: string; linked: boolean }[];
  progress: {
    code: string;
    answered: number;
    total: number;
    label: { id: string; en: string };
    unanswered: string[];
  }[];
  missing: { indicator: string; missing: string }[];
  estimate: { label: { id: string }; total: number | null; outcome: string };
  mayEdit: boolean;
};

let operator: string;
let verifier: string;
let appId: string;
let codes: string[];

const path = (rest = "") => `${T}/applications/${appId}/self-assessment${rest}`;
const view = async (token = operator) => {
  const res = await api(path(), { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as View;
};
const put = (code: string, json: Record<string, unknown>, token = operator) =>
  api(path(`/answers/${code}`), { method: "PUT", token, json });

/** A user holding one role in Kota Tangerang, through the invitation a tenant admin sends. */
async function invited(role: string, lksId?: string): Promise<string> {
  const admin = await login("dinsos.kota-tangerang@akrab.test");
  const email = `sa.${role.replace("_", ".")}.${lksId ?? "dinsos"}@akrab.test`.toLowerCase();
  const res = await api(`${T}/invitations`, {
    method: "POST",
    token: admin.token,
    json: { email, role, ...(lksId ? { lksId } : {}) },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const accepted = await api(`/api/v1/auth/invitations/${await linkTokenFor(email, "/invite/")}/accept`, {
    method: "POST",
    json: { name: "Pengguna Uji", password: "kopi-tubruk-pagi-hari" },
  });
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  return ((await accepted.json()) as { token: string }).token;
}

beforeAll(async () => {
  await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
  operator = (await login("lks@akrab.test")).token;
  verifier = (await login("dinsos.kota-tangerang@akrab.test")).token;
  const { items } = (await (await api(`${T}/lks?q=Kasih`, { token: operator })).json()) as { items: { id: string }[] };
  const created = await api(`${T}/applications`, {
    method: "POST",
    token: operator,
    json: { lksId: items[0]!.id, kind: "first", letter: LETTER },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  appId = ((await created.json()) as { id: string }).id;
  const first = await view();
  codes = first.instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators.map((i) => i.code)));
});

// Uploading a checklist's worth of documents takes a few seconds on a busy machine.
describe("the self-assessment (Formulir A/B)", { timeout: 30_000 }, () => {
  it("shows the instrument that applies, progress per standard and an estimate, nothing answered yet", async () => {
    const sa = await view();
    expect(sa.instrument.pinned).toBe(false);
    expect(codes.length).toBeGreaterThanOrEqual(80);
    expect(sa.answers).toEqual([]);
    const first = sa.progress[0]!;
    expect(first.answered).toBe(0);
    expect(first.label.id).toBe(`0 dari ${first.total} terisi`);
    expect(first.unanswered[0]).toBe(codes[0]);
    expect(sa.estimate.label.id).toBe("Perkiraan");
    expect(sa.estimate.total).toBeNull();
    expect(sa.missing.filter((m) => m.missing === "answer")).toHaveLength(codes.length);
    expect(sa.mayEdit).toBe(true);
  });

  it("versions each save; a stale save names both values per field, and fields nobody else touched merge", async () => {
    const code = codes[0]!;
    let res = await put(code, { level: 2, note: "Ada SOP pengasuhan", baseVersion: 0 });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ indicator: code, level: 2, version: 1 });

    // Device B raises the level on version 1.
    res = await put(code, { level: 4, note: "Ada SOP pengasuhan", baseVersion: 1, base: { level: 2 } });
    expect(await res.json()).toMatchObject({ level: 4, version: 2 });

    // Device A, still on version 1, changes the level too: a conflict with both values, nothing saved.
    const conflict = await expectProblem(
      await put(code, { level: 3, note: "Ada SOP pengasuhan", baseVersion: 1, base: { level: 2 } }),
      409,
      "conflict",
    );
    expect((conflict as { conflicts?: unknown }).conflicts).toEqual([{ field: "level", server: 4, client: 3 }]);
    // Without its base a stale save is refused whole.
    await expectProblem(await put(code, { level: 3, note: "x", baseVersion: 1 }), 409, "conflict");

    // Device A changing only the note on version 1 merges with B's level.
    res = await put(code, {
      level: 2,
      note: "SOP ditandatangani ketua",
      baseVersion: 1,
      base: { note: "Ada SOP pengasuhan" },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ level: 4, note: "SOP ditandatangani ketua", version: 3 });

    const sa = await view();
    expect(sa.answers.find((a) => a.indicator === code)).toMatchObject({ level: 4, version: 3 });
    expect(sa.progress[0]!.label.id).toBe(`1 dari ${sa.progress[0]!.total} terisi`);
    expect(sa.estimate.total).not.toBeNull();
  });

  it("refuses a level outside the rubric and a code outside the instrument, naming the field", async () => {
    const bad = await expectProblem(await put(codes[1]!, { level: 9, note: "", baseVersion: 0 }), 400, "validation");
    expect(bad.errors?.map((e) => e.path)).toEqual(["level"]);
    const unknown = await expectProblem(await put("9.9.9", { level: 1, note: "", baseVersion: 0 }), 400, "validation");
    expect(unknown.errors?.map((e) => e.path)).toEqual(["indicator"]);
    const batch = await api(path("/answers"), {
      method: "PUT",
      token: operator,
      json: {
        answers: [
          { indicator: codes[1]!, level: 1, note: "", baseVersion: 0 },
          { indicator: codes[2]!, level: 7, note: "", baseVersion: 0 },
        ],
      },
    });
    expect((await expectProblem(batch, 400, "validation")).errors?.map((e) => e.path)).toEqual(["answers.1.level"]);
    expect((await view()).answers.map((a) => a.indicator)).toEqual([codes[0]]);
  });

  it("saves a batch all together, and a replayed batch changes nothing", async () => {
    const body = {
      answers: codes
        .slice(1, 6)
        .map((indicator, i) => ({ indicator, level: i % 5, note: `catatan ${i}`, baseVersion: 0 })),
    };
    const send = (key?: string) =>
      api(path("/answers"), {
        method: "PUT",
        token: operator,
        json: body,
        ...(key ? { headers: { "idempotency-key": key } } : {}),
      });
    const key = crypto.randomUUID();
    const first = await send(key);
    expect(first.status, await first.clone().text()).toBe(200);
    const saved = ((await first.json()) as { answers: Answer[] }).answers;
    expect(saved.map((a) => a.version)).toEqual([1, 1, 1, 1, 1]);

    // The outbox sending it again, with or without its key: same answers, same versions.
    const replayed = await send(key);
    expect(((await replayed.json()) as { answers: Answer[] }).answers).toEqual(saved);
    const again = await send();
    expect(again.status, await again.clone().text()).toBe(200);
    expect(((await again.json()) as { answers: Answer[] }).answers).toEqual(saved);
    const audits = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE action = 'application.self_assessment_saved' AND target_id = ?",
    )
      .bind(appId)
      .first<{ n: number }>();
    expect(audits?.n).toBe(4); // the three single saves above and this batch once

    // One conflicting answer in a batch saves none of it.
    const conflicting = await api(path("/answers"), {
      method: "PUT",
      token: operator,
      json: {
        answers: [
          { indicator: codes[6]!, level: 1, note: "", baseVersion: 0 },
          { indicator: codes[1]!, level: 4, note: "catatan 0", baseVersion: 0, base: { level: null } },
        ],
      },
    });
    const problem = await expectProblem(conflicting, 409, "conflict");
    expect((problem as { conflicts?: unknown }).conflicts).toEqual([
      { field: `answers[${codes[1]}].level`, server: 0, client: 4 },
    ]);
    expect((await view()).answers.some((a) => a.indicator === codes[6])).toBe(false);
  });

  it("takes evidence uploaded to an indicator and links a document already uploaded without its bytes", async () => {
    const photo = fakeFile(4000, "jpeg", 31);
    const upload = await createUpload(
      TENANT,
      operator,
      photo,
      { applicationId: appId, indicator: codes[0]! },
      {
        filename: "ruang-tidur.jpg",
        body: photo,
      },
    );
    expect(upload.status, await upload.clone().text()).toBe(201);
    const app = (await (await api(`${T}/applications/${appId}`, { token: operator })).json()) as {
      id: string;
      checklist: { key: string; status: string; documentId?: string }[];
    };
    const withDocs = await uploadRequiredDocuments(TENANT, operator, app, { selfAssessment: false });
    const checklistDoc = withDocs.checklist.find((d) => d.documentId)!.documentId!;

    const linked = await api(path(`/answers/${codes[1]}/evidence`), {
      method: "POST",
      token: operator,
      json: { documentId: checklistDoc },
    });
    expect(linked.status, await linked.clone().text()).toBe(200);
    expect(((await linked.json()) as { evidence: { documentId: string; linked: boolean }[] }).evidence).toEqual([
      expect.objectContaining({ documentId: checklistDoc, linked: true }),
    ]);
    const sa = await view();
    expect(sa.evidence.find((e) => e.indicator === codes[0])).toMatchObject({
      filename: "ruang-tidur.jpg",
      linked: false,
    });
    expect(sa.missing.some((m) => m.indicator === codes[1] && m.missing === "evidence")).toBe(false);

    // A document of no LKS of the caller's: refused by name, nothing linked.
    const foreign = await api(path(`/answers/${codes[2]}/evidence`), {
      method: "POST",
      token: operator,
      json: { documentId: "no-such-document" },
    });
    expect((await expectProblem(foreign, 400, "validation")).errors?.map((e) => e.path)).toEqual(["documentId"]);

    const unlinked = await api(path(`/answers/${codes[1]}/evidence/${checklistDoc}`), {
      method: "DELETE",
      token: operator,
    });
    expect(unlinked.status, await unlinked.clone().text()).toBe(200);
    expect(((await unlinked.json()) as { evidence: unknown[] }).evidence).toEqual([]);
    await expectProblem(
      await api(path(`/answers/${codes[1]}/evidence/${checklistDoc}`), { method: "DELETE", token: operator }),
      404,
      "not-found",
    );
  });

  it("lets the verifier read but not write, hides it from another LKS's operator and another tenant", async () => {
    const read = await view(verifier);
    expect(read.mayEdit).toBe(false);
    expect(read.answers.length).toBeGreaterThan(0);
    await expectProblem(await put(codes[0]!, { level: 1, note: "", baseVersion: 3 }, verifier), 403, "forbidden");

    const { items } = (await (await api(`${T}/lks?q=Werdha`, { token: verifier })).json()) as {
      items: { id: string }[];
    };
    const stranger = await invited("lks_operator", items[0]!.id);
    await expectProblem(await api(path(), { token: stranger }), 404, "not-found");
    await expectProblem(await put(codes[0]!, { level: 1, note: "", baseVersion: 3 }, stranger), 404, "not-found");
    await expectProblem(await api(path("/formulir-c.pdf"), { token: stranger }), 404, "not-found");

    const jakarta = (await login("dinsos.jakarta@akrab.test")).token;
    const foreign = `/api/v1/t/dki-jakarta/applications/${appId}/self-assessment`;
    await expectProblem(await api(foreign, { token: jakarta }), 404, "not-found");
    await expectProblem(
      await api(`${foreign}/answers/${codes[0]}`, {
        method: "PUT",
        token: jakarta,
        json: { level: 1, note: "", baseVersion: 3 },
      }),
      404,
      "not-found",
    );
    expect((await view()).answers.find((a) => a.indicator === codes[0])).toMatchObject({ level: 4, version: 3 });
  });

  it("prints Formulir C as data and as a PDF holding the indicators, levels and evidence", async () => {
    const data = await api(path("/formulir-c"), { token: verifier });
    expect(data.status, await data.clone().text()).toBe(200);
    const sheet = (await data.json()) as {
      title: { id: string };
      standards: { rows: { indicator: string; level: number | null; evidence: { filename: string }[] }[] }[];
    };
    expect(sheet.title.id).toContain("Formulir C");
    const row = sheet.standards[0]!.rows[0]!;
    expect(row).toMatchObject({ indicator: codes[0], level: 4, evidence: [{ filename: "ruang-tidur.jpg" }] });

    const res = await api(path("/formulir-c.pdf"), { token: verifier });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = await PDFDocument.load(await res.arrayBuffer());
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain("Formulir C");
    expect(text).toContain(codes[0]);
    expect(text).toContain(codes.at(-1));
    expect(text).toContain("ruang-tidur.jpg");
    expect(text).toContain("Nilai asesor");
  });
});
