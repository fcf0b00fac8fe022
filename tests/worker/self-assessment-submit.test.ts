import { env } from "cloudflare:workers";
import { DEFAULT_REGIONAL_PART } from "@akrab/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, login } from "./helpers.ts";
import { completeSelfAssessment, uploadRequiredDocuments } from "./tus.ts";

const TENANT = "kota-tangerang";
const T = `/api/v1/t/${TENANT}`;
const LETTER = {
  number: "022/PA-KB/XII/2026",
  date: "2026-12-02",
  signatoryName: "Hj. Aminah Lubis",
  signatoryPosition: "Ketua Yayasan",
};

type App = {
  id: string;
  version: number;
  step: { id: string };
  checklist: { key: string; status: string; required: boolean }[];
  returnItems: { kind: string; ref: string; message: string }[];
  availableActions: { action: string; selfAssessmentRequired: boolean }[];
};

let operator: string;
let verifier: string;
let lksId: string;

async function ok(res: Response): Promise<App> {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as App;
}
const show = async (token: string, id: string) => ok(await api(`${T}/applications/${id}`, { token }));
const act = (token: string, app: App, action: string, extra: Record<string, unknown> = {}) =>
  api(`${T}/applications/${app.id}/transitions`, {
    method: "POST",
    token,
    json: { action, expectedVersion: app.version, ...extra },
  });

async function draftWithDocuments(): Promise<App> {
  const created = await api(`${T}/applications`, {
    method: "POST",
    token: operator,
    json: { lksId, kind: "first", letter: LETTER },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  return uploadRequiredDocuments(TENANT, operator, (await created.json()) as App, { selfAssessment: false });
}

beforeAll(async () => {
  operator = (await login("lks@akrab.test")).token;
  verifier = (await login("dinsos.kota-tangerang@akrab.test")).token;
  const { items } = (await (await api(`${T}/lks?q=Kasih`, { token: operator })).json()) as { items: { id: string }[] };
  lksId = items[0]!.id;
});

// Uploading a checklist's worth of documents takes a few seconds on a busy machine.
describe("submitting needs a complete self-assessment", { timeout: 30_000 }, () => {
  it("refuses a submission listing every unanswered indicator and missing evidence, then takes the complete one", async () => {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
    let app = await draftWithDocuments();
    expect(app.availableActions.find((a) => a.action === "submit")?.selfAssessmentRequired).toBe(true);
    const sa = (await (await api(`${T}/applications/${app.id}/self-assessment`, { token: operator })).json()) as {
      instrument: { standards: { aspects: { indicators: { code: string; evidence: unknown[] }[] }[] }[] };
    };
    const indicators = sa.instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));

    const refused = await expectProblem(await act(operator, app, "submit"), 409, "conflict");
    expect(refused.detail).toContain("Penilaian mandiri belum lengkap");
    const paths = refused.errors?.map((e) => e.path) ?? [];
    expect(paths.filter((p) => p.endsWith(".answer"))).toHaveLength(indicators.length);
    expect(paths.filter((p) => p.endsWith(".evidence"))).toHaveLength(
      indicators.filter((i) => i.evidence.length > 0).length,
    );
    expect(paths[0]).toBe(`selfAssessment.${indicators[0]!.code}.answer`);
    expect(refused.errors?.[0]?.message).toContain(`Indikator ${indicators[0]!.code}`);
    expect((await show(operator, app.id)).step.id).toBe("draft");

    await completeSelfAssessment(TENANT, operator, app.id);
    app = await ok(await act(operator, await show(operator, app.id), "submit"));
    expect(app.step.id).toBe("kabkota_verification");
    const pinned = (await (await api(`${T}/applications/${app.id}/self-assessment`, { token: verifier })).json()) as {
      instrument: { pinned: boolean };
      missing: unknown[];
      mayEdit: boolean;
    };
    expect(pinned).toMatchObject({ instrument: { pinned: true }, missing: [], mayEdit: false });

    // Submitted, the LKS no longer changes its answers.
    await expectProblem(
      await api(`${T}/applications/${app.id}/self-assessment/answers/${indicators[0]!.code}`, {
        method: "PUT",
        token: operator,
        json: { level: 0, note: "", baseVersion: 1 },
      }),
      403,
      "forbidden",
    );
  });

  it("returns an indicator of the pinned instrument for revision, shown in the LKS's to-do list, and refuses an unknown one", async () => {
    const [row] = (
      await env.DB.prepare("SELECT id FROM applications WHERE open = 1 AND step = 'kabkota_verification'").all<{
        id: string;
      }>()
    ).results;
    let app = await show(verifier, row!.id);
    const unknown = await expectProblem(
      await act(verifier, app, "return", {
        comment: "Mohon diperbaiki",
        items: [{ kind: "indicator", ref: "9.9.9", message: "Tidak ada indikator ini" }],
      }),
      400,
      "validation",
    );
    expect(unknown.errors).toEqual([{ path: "items.0.ref", message: expect.stringContaining("9.9.9") }]);

    const code = "1.1.1";
    app = await ok(
      await act(verifier, app, "return", {
        comment: "Mohon diperbaiki",
        items: [{ kind: "indicator", ref: code, message: "Bukti SOP pengasuhan belum ditandatangani" }],
      }),
    );
    expect(app.step.id).toBe("revision");
    const seen = await show(operator, app.id);
    expect(seen.returnItems).toEqual([
      { kind: "indicator", ref: code, message: "Bukti SOP pengasuhan belum ditandatangani" },
    ]);

    // Back with the LKS, the operator may fix the indicator, and resubmit.
    const fixed = await api(`${T}/applications/${app.id}/self-assessment/answers/${code}`, {
      method: "PUT",
      token: operator,
      json: { level: 3, note: "SOP ditandatangani", baseVersion: 1 },
    });
    expect(fixed.status, await fixed.clone().text()).toBe(200);
    app = await ok(await act(operator, seen, "resubmit"));
    expect(app.step.id).toBe("kabkota_verification");
  });

  it("is switched off per transition in the tenant's workflow", async () => {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
    const admin = verifier; // the tenant admin of Kota Tangerang
    const regional = structuredClone(DEFAULT_REGIONAL_PART);
    for (const t of regional.transitions) if (t.action === "submit") t.selfAssessmentRequired = false;
    const draft = await api(`${T}/workflow/draft`, { method: "PUT", token: admin, json: { regional } });
    expect(draft.status, await draft.clone().text()).toBe(200);
    const published = await api(`${T}/workflow/publish`, { method: "POST", token: admin, json: {} });
    expect(published.status, await published.clone().text()).toBe(200);

    const app = await draftWithDocuments();
    expect(app.availableActions.find((a) => a.action === "submit")?.selfAssessmentRequired).toBe(false);
    expect((await ok(await act(operator, app, "submit"))).step.id).toBe("kabkota_verification");
  });
});
