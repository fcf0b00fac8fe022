import { env } from "cloudflare:workers";
import { SEED_INSTRUMENTS, instrumentToSheets, sheetsToCsv, type InstrumentVersion } from "@akrab/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { readXlsx, writeXlsx } from "../../worker/src/lib/xlsx.ts";
import { api, auditActions, expectProblem, login } from "./helpers.ts";
import { uploadRequiredDocuments } from "./tus.ts";

const N = "/api/v1/national/instruments";
const T = "/api/v1/t/kota-tangerang";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Detail = Omit<InstrumentVersion, "regulation"> & {
  regulation: { id: string; name: string };
  version: number;
  basedOn: string | null;
  indicatorCount: number;
  publishedAt: string | null;
  configurableDefault: { id: string; en: string };
};

let secretariat: string; // balks_secretariat only
let decider: string; // balks_decider (and national_viewer)

beforeAll(async () => {
  // The demo BALKS account holds both roles; hand the decider role to the viewer so each role is tested alone.
  await env.DB.prepare(
    "UPDATE memberships SET user_id = (SELECT id FROM users WHERE email = 'viewer@akrab.test') WHERE role = 'balks_decider'",
  ).run();
  secretariat = (await login("balks@akrab.test")).token;
  decider = (await login("viewer@akrab.test")).token;
});

const count = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM instrument_versions").first<{ n: number }>())!.n;

async function newDraft(from = "lksa-2025-1", key = `draft-${crypto.randomUUID()}`) {
  const res = await api(N, { method: "POST", token: secretariat, headers: { "idempotency-key": key }, json: { from } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Detail;
}

const edit = (id: string, body: Record<string, unknown>, token = secretariat) =>
  api(`${N}/${id}`, { method: "PATCH", token, json: body });

describe("the seeded instruments", () => {
  it("are published for LKSA (≥ 80 indicators), LKS-LU and LKSPD under both regulations, labelled as a default", async () => {
    const res = await api(N, { token: secretariat });
    const { items } = (await res.json()) as { items: Detail[] };
    expect(items.map((i) => i.id).sort()).toEqual(SEED_INSTRUMENTS.map((i) => i.id).sort());
    expect(items.every((i) => i.status === "published")).toBe(true);
    const lksa = items.find((i) => i.id === "lksa-2025-1")!;
    expect(lksa.indicatorCount).toBeGreaterThanOrEqual(80);
    expect(lksa.regulation.id).toBe("permensos-8-2025");

    const detail = (await (await api(`${N}/lksa-2025-1`, { token: secretariat })).json()) as Detail;
    expect(detail.standards).toHaveLength(6);
    expect(detail.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators))).toHaveLength(lksa.indicatorCount);
    expect(detail.configurableDefault.en).toMatch(/not the official BALKS weights/);
    expect(detail.lineage?.from).toBe("lksa-2012-1");
  });

  it("are national: a Dinsos caller gets a 404 on the national routes, nobody a 401", async () => {
    const dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
    await expectProblem(await api(N, { token: dinsos }), 404, "not-found");
    await expectProblem(await api(N), 401, "unauthenticated");
  });
});

describe("drafts", () => {
  it("start from a published version once per Idempotency-Key, and only from a published one", async () => {
    const before = await count();
    const key = `draft-${crypto.randomUUID()}`;
    const draft = await newDraft("lks-lu-2025-1", key);
    expect(draft).toMatchObject({ status: "draft", basedOn: "lks-lu-2025-1", version: 1, lksTypes: ["LKS-LU"] });
    expect(draft.lineage).toEqual({ from: "lks-lu-2025-1", codes: {} });
    const retry = await api(N, {
      method: "POST",
      token: secretariat,
      headers: { "idempotency-key": key },
      json: { from: "lks-lu-2025-1" },
    });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(((await retry.json()) as Detail).id).toBe(draft.id);
    expect(await count()).toBe(before + 1);

    const fromDraft = await api(N, { method: "POST", token: secretariat, json: { from: draft.id } });
    expect((await expectProblem(fromDraft, 400, "validation")).errors?.[0]?.path).toBe("from");
    expect(await count()).toBe(before + 1);
    expect((await auditActions({ action: "instrument.draft_created" })).length).toBe(1);
  });

  it("are edited by the secretariat: indicators changed, added and removed, grade rules, each version once", async () => {
    const draft = await newDraft();
    const [first, second] = draft.standards[0]!.aspects[0]!.indicators;
    const changed = { ...first!, text: { id: "Teks baru", en: "New text" }, weight: 3 };
    const added = { ...second!, code: "1.1.99", safeguarding: true };
    const rules = {
      ...draft.gradeRules,
      passMark: 60,
      bands: draft.gradeRules.bands.map((b) => (b.grade === "C" ? { ...b, min: 60 } : b)),
    };
    const res = await edit(draft.id, {
      expectedVersion: 1,
      put: [
        { standard: { code: "1" }, aspect: { code: draft.standards[0]!.aspects[0]!.code }, indicator: changed },
        { standard: { code: "1" }, aspect: { code: draft.standards[0]!.aspects[0]!.code }, indicator: added },
      ],
      remove: [second!.code],
      gradeRules: rules,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const after = (await res.json()) as Detail;
    expect(after.version).toBe(2);
    const indicators = after.standards[0]!.aspects[0]!.indicators;
    expect(indicators.find((i) => i.code === first!.code)).toMatchObject({ text: { id: "Teks baru" }, weight: 3 });
    expect(indicators.find((i) => i.code === "1.1.99")?.safeguarding).toBe(true);
    expect(indicators.some((i) => i.code === second!.code)).toBe(false);
    expect(after.gradeRules.passMark).toBe(60);

    // The version it was based on is gone: a second editor's save is a 409 and changes nothing.
    await expectProblem(await edit(draft.id, { expectedVersion: 1, remove: [first!.code] }), 409, "conflict");

    const compare = await api(`${N}/compare?from=lksa-2025-1&to=${draft.id}`, { token: secretariat });
    expect(await compare.json()).toMatchObject({
      added: ["1.1.99"],
      removed: [second!.code],
      changed: [{ from: first!.code, to: first!.code, changes: ["text", "weight"] }],
      rules: expect.arrayContaining(["passMark", "bands"]),
    });
  });

  it("refuse an edit that breaks the instrument, listing every problem, and save nothing", async () => {
    const draft = await newDraft();
    const indicator = draft.standards[1]!.aspects[0]!.indicators[0]!;
    const noDescriptor = {
      ...indicator,
      levels: indicator.levels.map((l, i) => (i === 2 ? { ...l, descriptor: { id: "", en: "" } } : l)),
    };
    const res = await edit(draft.id, {
      expectedVersion: 1,
      put: [
        { standard: { code: "2" }, aspect: { code: draft.standards[1]!.aspects[0]!.code }, indicator: noDescriptor },
      ],
      gradeRules: { ...draft.gradeRules, componentWeights: { ...draft.gradeRules.componentWeights, "1": 50 } },
      remove: ["9.9.9"],
    });
    const unknown = await expectProblem(res, 400, "validation");
    expect(unknown.errors).toEqual([{ path: "remove.9.9.9", message: expect.stringContaining("9.9.9") }]);

    const broken = await edit(draft.id, {
      expectedVersion: 1,
      put: [
        { standard: { code: "2" }, aspect: { code: draft.standards[1]!.aspects[0]!.code }, indicator: noDescriptor },
      ],
      gradeRules: { ...draft.gradeRules, componentWeights: { ...draft.gradeRules.componentWeights, "1": 50 } },
    });
    const body = await expectProblem(broken, 400, "validation");
    const paths = body.errors!.map((e) => e.path);
    expect(paths).toEqual([
      `indicators.${indicator.code}.levels.${indicator.levels[2]!.score}.descriptor`,
      "componentWeights",
    ]);
    expect(body.errors![1]!.message).toContain("140");
    const stored = (await (await api(`${N}/${draft.id}`, { token: secretariat })).json()) as Detail;
    expect(stored.version).toBe(1);
    expect(stored.gradeRules).toEqual(draft.gradeRules);
  });
});

describe("publishing", () => {
  it("is the decider's alone; a published version never changes, not even by a raw statement", async () => {
    const draft = await newDraft("lkspd-2025-1");
    const publish = (token: string) =>
      api(`${N}/${draft.id}/publish`, { method: "POST", token, json: { expectedVersion: 1 } });
    await expectProblem(await publish(secretariat), 404, "not-found");
    const res = await publish(decider);
    expect(res.status, await res.clone().text()).toBe(200);
    const published = (await res.json()) as Detail;
    expect(published.status).toBe("published");
    expect(published.publishedAt).not.toBeNull();

    await expectProblem(await publish(decider), 409, "conflict");
    await expectProblem(
      await edit(draft.id, { expectedVersion: published.version, remove: ["1.1.1"] }),
      409,
      "conflict",
    );
    await expect(
      env.DB.prepare("UPDATE instrument_versions SET label = 'diubah' WHERE id = ?").bind(draft.id).run(),
    ).rejects.toThrow(/never changes/);
    await expect(env.DB.prepare("DELETE FROM instrument_versions WHERE id = 'lksa-2012-1'").run()).rejects.toThrow(
      /never deleted/,
    );
    // A draft still changes by a raw statement: the trigger guards published rows only.
    const other = await newDraft("lkspd-2025-1");
    await env.DB.prepare("UPDATE instrument_versions SET label = 'draf' WHERE id = ?").bind(other.id).run();
    expect((await auditActions({ action: "instrument.published" })).map((a) => a.actor)).toEqual(["viewer@akrab.test"]);
  });
});

/** Sheets of a seeded version under a new id, as BALKS would fill the template. */
function sheetsOf(source: InstrumentVersion, id: string) {
  const sheets = instrumentToSheets(source);
  sheets.Instrumen = sheets.Instrumen.map((row) => (row[0] === "id" ? ["id", id] : row));
  return sheets;
}

const importFile = (body: Uint8Array | string, type: string, token = secretariat) =>
  api(`${N}/import`, {
    method: "POST",
    token,
    headers: { "content-type": type },
    body: typeof body === "string" ? new TextEncoder().encode(body) : body,
  });

describe("spreadsheet import", () => {
  it("round-trips: the XLSX template of a version, filled and imported, compares equal to it", async () => {
    const template = await api(`${N}/template?format=xlsx&from=lksa-2025-1`, { token: secretariat });
    expect(template.headers.get("content-type")).toBe(XLSX);
    expect(template.headers.get("content-disposition")).toContain("instrumen-lksa-2025-1.xlsx");
    const read = readXlsx(new Uint8Array(await template.arrayBuffer()));
    if (!read.ok) throw new Error(read.reason);
    read.sheets.Instrumen = read.sheets.Instrumen!.map((row) => (row[0] === "id" ? ["id", "lksa-2025-ulang"] : row));

    const res = await importFile(writeXlsx(read.sheets), XLSX);
    expect(res.status, await res.clone().text()).toBe(201);
    const imported = (await res.json()) as Detail;
    expect(imported).toMatchObject({ id: "lksa-2025-ulang", status: "draft", basedOn: "lksa-2012-1" });

    const compare = await api(`${N}/compare?from=lksa-2025-1&to=lksa-2025-ulang`, { token: secretariat });
    expect(await compare.json()).toMatchObject({
      added: [],
      removed: [],
      changed: [],
      componentWeights: [],
      rules: [],
    });
    // The same workbook again: its id is taken, located at its cell, and no second draft appears.
    const again = await importFile(writeXlsx(read.sheets), XLSX);
    expect((await expectProblem(again, 400, "validation")).errors?.[0]?.path).toBe("Instrumen!B2");
  });

  it("reads a CSV with a BOM and CRLF line ends; the empty template names every sheet and column", async () => {
    const csv = `\uFEFF${sheetsToCsv(sheetsOf(SEED_INSTRUMENTS.find((i) => i.id === "lkspd-2012-1")!, "lkspd-csv"))}`;
    const res = await importFile(csv.replace(/\r?\n/g, "\r\n"), "text/csv");
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as Detail).lksTypes).toEqual(["LKSPD"]);

    const bytes = new Uint8Array(await (await api(`${N}/template?format=csv`, { token: secretariat })).arrayBuffer());
    const empty = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
    expect(empty.startsWith("\uFEFF[Instrumen]")).toBe(true);
    expect(empty).toContain("kode,teks_id,teks_en,panduan_id,panduan_en,bobot,di_lokasi,perlindungan,kode_lama");
  });

  it("lists every problem by sheet, row and column and saves nothing", async () => {
    const sheets = sheetsOf(SEED_INSTRUMENTS.find((i) => i.id === "lks-lu-2012-1")!, "lks-lu-rusak");
    // Wrong column: the evidence sheet's "jenis" renamed.
    sheets.Bukti[0] = sheets.Bukti[0]!.map((h) => (h === "jenis" ? "tipe" : h));
    // Duplicate code: the second indicator takes the first one's code.
    sheets.Indikator[2]![0] = sheets.Indikator[1]![0]!;
    // Component weights no longer adding up to 100.
    sheets.Standar[1]![3] = "90";
    // A rubric level without its descriptor.
    sheets.Rubrik[3]![2] = "";
    const before = await count();
    const body = await expectProblem(await importFile(sheetsToCsv(sheets), "text/csv"), 400, "validation");
    const paths = body.errors!.map((e) => e.path);
    expect(paths.some((p) => p.startsWith("Bukti!"))).toBe(true);
    expect(paths).toContain("Indikator!A3");
    expect(paths.some((p) => p.startsWith("Standar!D"))).toBe(true);
    expect(paths).toContain("Rubrik!C4");
    for (const e of body.errors!) expect(e.message).toMatch(/lembar .+ \/ .*sheet /);
    expect(await count()).toBe(before);
  });

  it("refuses 10 MB of junk before reading it, a file that is not what it says, and a stranger", async () => {
    const junk = crypto.getRandomValues(new Uint8Array(64 * 1024));
    const tenMb = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < tenMb.length; i += junk.length) tenMb.set(junk.subarray(0, tenMb.length - i), i);
    const before = await count();
    await expectProblem(await importFile(tenMb, XLSX), 413, "payload-too-large");
    await expectProblem(await importFile(junk, XLSX), 415, "file-type-mismatch");
    await expectProblem(
      await importFile(Uint8Array.of(0x50, 0x4b, 3, 4, ...junk.subarray(0, 100)), XLSX),
      400,
      "validation",
    );
    await expectProblem(await importFile("a,b\r\n", "application/json"), 415, "unsupported-media-type");
    await expectProblem(await importFile("a,b\r\n", "text/csv", decider), 404, "not-found");
    expect(await count()).toBe(before);
  });
});

describe("tenants and applications", () => {
  const LETTER = { number: "1/2026", date: "2026-11-20", signatoryName: "Hj. Aminah", signatoryPosition: "Ketua" };

  async function draftOfKasihBunda(types: string[]) {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
    await env.DB.prepare("UPDATE lks SET types = ? WHERE name = 'Panti Asuhan Kasih Bunda'")
      .bind(JSON.stringify(types))
      .run();
    const operator = await login("lks@akrab.test");
    const lks = await env.DB.prepare("SELECT id FROM lks WHERE name = 'Panti Asuhan Kasih Bunda'").first<{
      id: string;
    }>();
    const created = await api(`${T}/applications`, {
      method: "POST",
      token: operator.token,
      json: { lksId: lks!.id, kind: "first", letter: LETTER },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const app = await uploadRequiredDocuments(
      "kota-tangerang",
      operator.token,
      (await created.json()) as { id: string; version: number; checklist: { key: string; status: string }[] },
    );
    const submit = () =>
      api(`${T}/applications/${app.id}/transitions`, {
        method: "POST",
        token: operator.token,
        json: { action: "submit", expectedVersion: app.version },
      });
    return { operator: operator.token, app, submit };
  }

  it("read the published versions that apply to them, never a draft", async () => {
    const dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
    const draft = await newDraft();
    const { items } = (await (await api(`${T}/instruments?lksType=LKSA`, { token: dinsos })).json()) as {
      items: Detail[];
    };
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((i) => i.lksTypes.includes("LKSA") && i.status === "published")).toBe(true);
    expect((await (await api(`${T}/instruments/lksa-2012-1`, { token: dinsos })).json()) as Detail).toMatchObject({
      id: "lksa-2012-1",
      status: "published",
    });
    await expectProblem(await api(`${T}/instruments/${draft.id}`, { token: dinsos }), 404, "not-found");
  });

  it("pin the applicable version at first submission; the application shows it", async () => {
    const { operator, app, submit } = await draftOfKasihBunda(["LKSA"]);
    const before = await (await api(`${T}/applications/${app.id}/instrument`, { token: operator })).json();
    const res = await submit();
    expect(res.status, await res.clone().text()).toBe(200);
    const submitted = (await res.json()) as { instrumentVersionId: string | null };
    // Newest regulation, then the latest published: a version published in an earlier test may be the one.
    const expected = (await env.DB.prepare(
      "SELECT id FROM instrument_versions WHERE status = 'published' AND regulation_id = 'permensos-8-2025' AND EXISTS (SELECT 1 FROM json_each(lks_types) WHERE value = 'LKSA') ORDER BY published_at DESC LIMIT 1",
    ).first<{ id: string }>())!.id;
    expect(submitted.instrumentVersionId).toBe(expected);
    expect(before).toMatchObject({ id: expected, pinned: false });
    const after = await api(`${T}/applications/${app.id}/instrument`, { token: operator });
    expect(await after.json()).toMatchObject({ id: expected, pinned: true, status: "published" });
  }, 20_000); // a draft with its required documents uploaded takes a few seconds on a busy machine

  it("pin the general instrument for an LKS-NAPZA (no type is left without one)", async () => {
    const { operator, app } = await draftOfKasihBunda(["LKS-NAPZA"]);
    expect(await (await api(`${T}/applications/${app.id}/instrument`, { token: operator })).json()).toMatchObject({
      id: "lks-lain-2025-1",
      pinned: false,
      lksTypes: ["LKS-NAPZA", "LKS-ODHA", "LKS-LAIN"],
    });
  }, 20_000);

  it("refuse submission when no published version covers the LKS (its types never recorded), and change nothing", async () => {
    const { operator, app, submit } = await draftOfKasihBunda([]);
    await expectProblem(await api(`${T}/applications/${app.id}/instrument`, { token: operator }), 404, "not-found");
    const problem = await expectProblem(await submit(), 409, "conflict");
    expect(problem.detail).toContain("Jenis layanan LKS belum diisi");
    expect(problem.errors?.[0]?.path).toBe("instrument");
    const row = await env.DB.prepare("SELECT step, version, instrument_version_id FROM applications WHERE id = ?")
      .bind(app.id)
      .first<{ step: string; version: number; instrument_version_id: string | null }>();
    expect(row).toEqual({ step: "draft", version: app.version, instrument_version_id: null });
  }, 20_000);
});
