import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, login } from "./helpers.ts";
import { createUpload, fakeFile, pathOf, sendAll, uploadRequiredDocuments } from "./tus.ts";

const LETTER = {
  number: "012/PA-KB/XI/2026",
  date: "2026-11-20",
  signatoryName: "Hj. Aminah Lubis",
  signatoryPosition: "Ketua Yayasan",
};
const TENANT = "kota-tangerang";
const T = `/api/v1/t/${TENANT}`;

type App = {
  id: string;
  version: number;
  step: { id: string };
  checklist: { key: string; status: string; comment?: string; notes?: { message: string; at: string }[] }[];
  documentChanges: {
    key: string;
    name: string;
    old: { version: number; filename: string; size: number } | null;
    new: { version: number; filename: string; size: number; uploadedAt: string };
  }[];
};

async function ok(res: Response): Promise<App> {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as App;
}

async function upload(token: string, app: App, requirement: string, file: Uint8Array, filename: string) {
  const res = await createUpload(TENANT, token, file, { applicationId: app.id, requirement }, { filename });
  expect(res.status, await res.clone().text()).toBe(201);
  const last = await sendAll(pathOf(res.headers.get("location")!), token, file, [512 * 1024]);
  expect(last.status, await last.clone().text()).toBe(204);
}

const act = (token: string, app: App, action: string, extra: Record<string, unknown> = {}) =>
  api(`${T}/applications/${app.id}/transitions`, {
    method: "POST",
    token,
    json: { action, expectedVersion: app.version, ...extra },
  });
const show = async (token: string, app: App) => ok(await api(`${T}/applications/${app.id}`, { token }));

describe("returns for revision", () => {
  it("keeps every note on a document as a thread, and shows the replaced file (old and new) after resubmission", async () => {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
    const operator = (await login("lks@akrab.test")).token;
    const dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
    const { items } = (await (await api(`${T}/lks?q=Kasih`, { token: operator })).json()) as {
      items: { id: string }[];
    };
    const created = await api(`${T}/applications`, {
      method: "POST",
      token: operator,
      headers: { "idempotency-key": crypto.randomUUID() },
      json: { lksId: items[0]!.id, kind: "first", letter: LETTER },
    });
    let app = (await created.json()) as App;
    await upload(operator, app, "npwp", fakeFile(120_000, "jpeg", 7), "npwp-lama.jpg");
    // Submitting needs every required document (issue 10).
    app = await uploadRequiredDocuments("kota-tangerang", operator, await show(operator, app));
    app = await ok(await act(operator, app, "submit"));

    // The verifier returns the NPWP one by one…
    app = await ok(
      await api(`${T}/applications/${app.id}/checklist/npwp/return`, {
        method: "POST",
        token: dinsos,
        json: { comment: "Foto buram", expectedVersion: app.version },
      }),
    );
    expect(app.checklist.find((d) => d.key === "npwp")?.notes?.map((n) => n.message)).toEqual(["Foto buram"]);
    // …then returns the application, the dialog carrying that note over unchanged and adding a second one.
    app = await ok(
      await act(dinsos, app, "return", {
        comment: "Mohon diperbaiki",
        items: [
          { kind: "document", ref: "npwp", message: "Foto buram" },
          { kind: "document", ref: "npwp", message: "NPWP sudah kedaluwarsa" },
        ],
      }),
    );
    expect(app.step.id).toBe("revision");
    const npwp = app.checklist.find((d) => d.key === "npwp")!;
    expect(npwp).toMatchObject({ status: "returned", comment: "NPWP sudah kedaluwarsa" });
    expect(npwp.notes?.map((n) => n.message)).toEqual(["Foto buram", "NPWP sudah kedaluwarsa"]);
    expect(npwp.notes?.every((n) => !Number.isNaN(Date.parse(n.at)))).toBe(true);
    expect(app.documentChanges).toEqual([]);

    // The LKS replaces the file and resubmits: the verifier sees which file replaced which.
    const replacement = fakeFile(90_000, "jpeg", 8);
    await upload(operator, app, "npwp", replacement, "npwp-baru.jpg");
    const beforeResubmit = await show(operator, app);
    expect(beforeResubmit.checklist.find((d) => d.key === "npwp")?.notes).toHaveLength(2); // the thread survives the upload
    app = await ok(await act(operator, beforeResubmit, "resubmit"));
    const seen = await show(dinsos, app);
    expect(seen.documentChanges).toEqual([
      {
        key: "npwp",
        name: expect.any(String),
        old: expect.objectContaining({ version: 1, filename: "npwp-lama.jpg", size: 120_000 }),
        new: expect.objectContaining({
          version: 2,
          filename: "npwp-baru.jpg",
          size: 90_000,
          uploadedAt: expect.any(String),
        }),
      },
    ]);
  });
});
