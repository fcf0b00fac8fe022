import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { UploadSession } from "../../worker/src/uploads/upload-session.ts";
import { api, auditActions, expectProblem, login } from "./helpers.ts";
import {
  MiB,
  createUpload,
  droppingBody,
  fakeFile,
  head,
  metadata,
  patch,
  pathOf,
  sendAll,
  sha256Hex,
  uploadRequiredDocuments,
} from "./tus.ts";

const TENANT = "kota-tangerang";
const T = `/api/v1/t/${TENANT}`;
const LETTER = {
  number: "7/KB/2026",
  date: "2026-11-20",
  signatoryName: "Hj. Aminah Lubis",
  signatoryPosition: "Ketua Yayasan",
};

type Checklist = { key: string; status: string; documentId?: string; comment?: string }[];
type App = { id: string; version: number; step: { id: string }; checklist: Checklist };
type Doc = {
  id: string;
  current: {
    version: number;
    size: number;
    sha256: string;
    pageCount: number | null;
    filename: string;
    contentType: string;
    hasThumbnail: boolean;
  };
  versions: { version: number }[];
};

let operator: string;
let verifier: string;
let lksId: string;
let app: App;

beforeAll(async () => {
  operator = (await login("lks@akrab.test")).token;
  verifier = (await login("dinsos.kota-tangerang@akrab.test")).token;
  const { items } = (await (await api(`${T}/lks?q=Kasih`, { token: operator })).json()) as { items: { id: string }[] };
  lksId = items[0]!.id;
  const res = await api(`${T}/applications`, {
    method: "POST",
    token: operator,
    json: { lksId, kind: "first", letter: LETTER },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  app = (await res.json()) as App;
});

async function created(res: Response): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(201);
  expect(res.headers.get("tus-resumable")).toBe("1.0.0");
  return pathOf(res.headers.get("location")!);
}

async function offsetOf(path: string, token = operator): Promise<number> {
  const res = await head(path, token);
  expect(res.status).toBe(200);
  return Number(res.headers.get("upload-offset"));
}

async function document(id: string, token = operator): Promise<Doc> {
  const res = await api(`${T}/documents/${id}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Doc;
}

async function application(token = operator): Promise<App> {
  return (await (await api(`${T}/applications/${app.id}`, { token })).json()) as App;
}

function sessionOf(path: string): DurableObjectStub<UploadSession> {
  return env.UPLOADS.get(env.UPLOADS.idFromName(path.split("/").at(-1)!));
}

async function r2Objects(): Promise<string[]> {
  return (await env.DOCS.list({ prefix: "t/" })).objects.map((o) => o.key);
}

describe("tus protocol", () => {
  it("advertises version, extensions and the largest size", async () => {
    const res = await api(`${T}/uploads`, { method: "OPTIONS", token: operator });
    expect(res.status).toBe(204);
    expect(res.headers.get("tus-version")).toBe("1.0.0");
    expect(res.headers.get("tus-extension")).toBe("creation,creation-with-upload,termination,expiration");
    expect(Number(res.headers.get("tus-max-size"))).toBeGreaterThanOrEqual(20 * MiB);
  });

  it("assembles odd-sized chunks into equal R2 parts and verifies the SHA-256 at the end", async () => {
    const file = fakeFile(11 * MiB + 12_345, "jpeg", 2);
    const path = await created(
      await createUpload(
        TENANT,
        operator,
        file,
        { applicationId: app.id, requirement: "formulir_b" },
        { filename: "../../foto bukti\u0000.jpg" },
      ),
    );
    const first = await head(path, operator);
    expect(first.headers.get("upload-offset")).toBe("0");
    expect(first.headers.get("upload-length")).toBe(String(file.byteLength));
    expect(Date.parse(first.headers.get("upload-expires")!)).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    expect(first.headers.get("cache-control")).toBe("no-store");

    const last = await sendAll(path, operator, file, [64 * 1024 + 7, 1_000_003, 333_333, 5 * MiB - 17]);
    expect(last.status, await last.clone().text()).toBe(204);
    expect(last.headers.get("upload-offset")).toBe(String(file.byteLength));
    const documentId = last.headers.get("akrab-document-id")!;
    const doc = await document(documentId);
    expect(doc.current).toMatchObject({
      version: 1,
      size: file.byteLength,
      sha256: await sha256Hex(file),
      filename: "foto bukti.jpg",
      contentType: "image/jpeg",
    });

    const content = await api(`${T}/documents/${documentId}/content`, { token: operator });
    expect(content.status).toBe(200);
    expect(await sha256Hex(await content.arrayBuffer())).toBe(await sha256Hex(file));
    const item = (await application()).checklist.find((i) => i.key === "formulir_b")!;
    expect(item).toMatchObject({ status: "uploaded", documentId });
    // A finished upload answers HEAD from D1, and a repeated last PATCH changes nothing.
    expect(await offsetOf(path)).toBe(file.byteLength);
    const again = await patch(path, operator, file.byteLength, new Uint8Array());
    expect(again.status).toBe(204);
    expect((await document(documentId)).versions).toHaveLength(1);
  });

  it("keeps what arrived before a dropped connection, also inside a 5 MiB part, and resumes from there", async () => {
    const file = fakeFile(6 * MiB + 999, "jpeg", 3);
    const path = await created(
      await createUpload(TENANT, operator, file, { applicationId: app.id, indicator: "2.1.1" }),
    );
    expect((await sendAll(path, operator, file.slice(0, 5 * MiB - 1000), [700_001])).status).toBe(204);
    // Cut off 1,234 bytes after the first part boundary.
    const cut = 5 * MiB + 1234;
    const dropped = await patch(path, operator, 5 * MiB - 1000, droppingBody(file.slice(5 * MiB - 1000, cut))).catch(
      () => null,
    );
    expect(dropped === null || dropped.status >= 400 || dropped.status === 204).toBe(true);
    expect(await offsetOf(path)).toBe(cut);
    // A stale offset is refused with the server's offset.
    const stale = await patch(path, operator, cut - 10, file.slice(cut - 10, cut + 10));
    expect(stale.headers.get("upload-offset")).toBe(String(cut));
    await expectProblem(stale, 409, "conflict");
    const last = await sendAll(path, operator, file, [256 * 1024], cut);
    expect(last.status).toBe(204);
    const doc = await document(last.headers.get("akrab-document-id")!);
    expect(doc.current.sha256).toBe(await sha256Hex(file));
  });

  it("verifies the checksum by reading the object back when the Durable Object lost its running hash", async () => {
    const file = fakeFile(3 * MiB, "jpeg", 4);
    const path = await created(
      await createUpload(TENANT, operator, file, { applicationId: app.id, indicator: "5.1.1" }),
    );
    expect((await patch(path, operator, 0, file.slice(0, MiB))).status).toBe(204);
    // What an eviction does to memory: the stored bytes and offset survive, the hash state does not.
    await runInDurableObject(sessionOf(path), (instance: UploadSession) => {
      (instance as unknown as { hasher: unknown }).hasher = null;
    });
    const last = await sendAll(path, operator, file, [MiB], MiB);
    expect(last.status).toBe(204);
    expect((await document(last.headers.get("akrab-document-id")!)).current.sha256).toBe(await sha256Hex(file));
  });

  it("accepts bytes in the creation request (creation-with-upload)", async () => {
    const file = fakeFile(300_000, "jpeg", 5);
    const res = await createUpload(
      TENANT,
      operator,
      file,
      { applicationId: app.id, indicator: "1.1.1" },
      { body: file.slice(0, 100_000) },
    );
    const path = await created(res);
    expect(res.headers.get("upload-offset")).toBe("100000");
    expect((await sendAll(path, operator, file, [200_000], 100_000)).status).toBe(204);
  });

  it("refuses evidence for an indicator the application's instrument does not have, naming the field", async () => {
    const file = fakeFile(10_000, "jpeg", 7);
    const res = await createUpload(TENANT, operator, file, { applicationId: app.id, indicator: "9.9.9" });
    const problem = await expectProblem(res, 400, "validation");
    expect(JSON.stringify(problem)).toContain("indicator");
    expect(JSON.stringify(problem)).toContain("9.9.9");
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM uploads WHERE indicator = '9.9.9'").first<{
      n: number;
    }>();
    expect(rows?.n).toBe(0);
  });

  it("refuses a checksum mismatch and deletes the bytes", async () => {
    const file = fakeFile(200_000, "jpeg", 6);
    const path = await created(
      await createUpload(
        TENANT,
        operator,
        file,
        { applicationId: app.id, indicator: "3.1.1" },
        { sha256: "0".repeat(64) },
      ),
    );
    const res = await patch(path, operator, 0, file);
    await expectProblem(res, 460, "checksum-mismatch");
    expect((await head(path, operator)).status).toBe(410);
    expect(await r2Objects()).not.toContain(`t/${await tenantId()}/uploads/${path.split("/").at(-1)}`);
    const row = await env.DB.prepare("SELECT status FROM uploads WHERE id = ?")
      .bind(path.split("/").at(-1))
      .first<{ status: string }>();
    expect(row?.status).toBe("failed");
  });

  it("refuses bytes that are not the declared type as soon as the first bytes arrive", async () => {
    const png = fakeFile(100_000, "png", 7);
    const path = await created(
      await createUpload(
        TENANT,
        operator,
        png,
        { applicationId: app.id, requirement: "profil_lks" },
        { filetype: "application/pdf", filename: "profil.pdf" },
      ),
    );
    await expectProblem(await patch(path, operator, 0, png.slice(0, 8192)), 415, "file-type-mismatch");
    expect((await head(path, operator)).status).toBe(410);
  });

  it("refuses at creation what the requirement does not allow, and bad protocol input, changing nothing", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n FROM uploads").first<{ n: number }>();
    const pdf = fakeFile(1000, "pdf");
    // profil_lks: PDF only, at most 2 MB.
    await expectProblem(
      await createUpload(
        TENANT,
        operator,
        pdf,
        { applicationId: app.id, requirement: "profil_lks" },
        { filetype: "application/pdf", length: 3 * MiB },
      ),
      413,
      "payload-too-large",
    );
    await expectProblem(
      await createUpload(
        TENANT,
        operator,
        pdf,
        { applicationId: app.id, requirement: "profil_lks" },
        { filetype: "image/jpeg" },
      ),
      415,
      "unsupported-media-type",
    );
    await expectProblem(
      await createUpload(
        TENANT,
        operator,
        pdf,
        { applicationId: app.id, requirement: "no_such_requirement" },
        { filetype: "application/pdf" },
      ),
      404,
      "not-found",
    );
    const noSha = await api(`${T}/uploads`, {
      method: "POST",
      token: operator,
      headers: {
        "tus-resumable": "1.0.0",
        "upload-length": "1000",
        "upload-metadata": metadata({
          filename: "a.pdf",
          filetype: "application/pdf",
          applicationId: app.id,
          requirement: "profil_lks",
        }),
      },
    });
    const problem = await expectProblem(noSha, 400, "validation");
    expect(problem.errors?.map((e) => e.path)).toContain("Upload-Metadata.sha256");
    const noVersion = await api(`${T}/uploads`, {
      method: "POST",
      token: operator,
      headers: { "upload-length": "1000" },
    });
    await expectProblem(noVersion, 412, "precondition-failed");
    expect(noVersion.headers.get("tus-version")).toBe("1.0.0");
    const after = await env.DB.prepare("SELECT count(*) AS n FROM uploads").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it("terminates an upload: the multipart is aborted and the upload is gone", async () => {
    const file = fakeFile(6 * MiB, "jpeg", 8);
    const path = await created(
      await createUpload(TENANT, operator, file, { applicationId: app.id, indicator: "4.1.2" }),
    );
    expect((await sendAll(path, operator, file.slice(0, 5 * MiB + 10), [MiB])).status).toBe(204);
    const res = await api(path, { method: "DELETE", token: operator, headers: { "tus-resumable": "1.0.0" } });
    expect(res.status).toBe(204);
    expect((await head(path, operator)).status).toBe(410);
    expect(
      (
        await env.DB.prepare("SELECT status FROM uploads WHERE id = ?")
          .bind(path.split("/").at(-1))
          .first<{ status: string }>()
      )?.status,
    ).toBe("terminated");
    await runInDurableObject(sessionOf(path), async (_instance, state) => {
      expect(state.storage.sql.exec("SELECT count(*) AS n FROM upload").one().n).toBe(0);
    });
  });

  it("cleans up an upload abandoned for seven days", async () => {
    const file = fakeFile(6 * MiB, "jpeg", 9);
    const path = await created(
      await createUpload(TENANT, operator, file, { applicationId: app.id, indicator: "6.1.1" }),
    );
    expect((await sendAll(path, operator, file.slice(0, 5 * MiB + 10), [MiB])).status).toBe(204);
    const session = sessionOf(path);
    await runInDurableObject(session, (_instance, state) => {
      state.storage.sql.exec("UPDATE upload SET expires_at = ?", Date.now() - 1);
    });
    expect(await runDurableObjectAlarm(session)).toBe(true);
    expect((await head(path, operator)).status).toBe(410);
    expect(
      (
        await env.DB.prepare("SELECT status FROM uploads WHERE id = ?")
          .bind(path.split("/").at(-1))
          .first<{ status: string }>()
      )?.status,
    ).toBe("expired");
    await runInDurableObject(session, (_instance, state) => {
      expect(state.storage.sql.exec("SELECT count(*) AS n FROM tail").one().n).toBe(0);
      expect(state.storage.sql.exec("SELECT count(*) AS n FROM upload").one().n).toBe(0);
    });
  });
});

async function tenantId(slug = TENANT): Promise<string> {
  return (await env.DB.prepare("SELECT id FROM tenants WHERE slug = ?").bind(slug).first<{ id: string }>())!.id;
}

async function uploadWhole(
  tenant: string,
  token: string,
  file: Uint8Array,
  target: Record<string, string>,
  opts: { filetype?: string; filename?: string } = {},
): Promise<string> {
  const res = await createUpload(tenant, token, file, target, opts);
  expect(res.status, await res.clone().text()).toBe(201);
  if (res.headers.get("akrab-duplicate") === "true") return res.headers.get("akrab-document-id")!;
  const last = await sendAll(pathOf(res.headers.get("location")!), token, file, [512 * 1024]);
  expect(last.status, await last.clone().text()).toBe(204);
  return last.headers.get("akrab-document-id")!;
}

describe("identical content", () => {
  it("is linked again without a byte when the same LKS uploads it again, and stored once", async () => {
    const file = fakeFile(150_000, "jpeg", 20);
    const first = await uploadWhole(TENANT, operator, file, { applicationId: app.id, requirement: "npwp" });
    const objects = await r2Objects();
    const res = await createUpload(TENANT, operator, file, { applicationId: app.id, requirement: "rekening_bank" });
    expect(res.status).toBe(201);
    expect(res.headers.get("akrab-duplicate")).toBe("true");
    expect(res.headers.get("upload-offset")).toBe(String(file.byteLength));
    const body = (await res.json()) as { duplicate: boolean; documentId: string };
    expect(body.duplicate).toBe(true);
    expect(await offsetOf(pathOf(res.headers.get("location")!))).toBe(file.byteLength);
    expect(body.documentId).not.toBe(first);
    expect((await document(body.documentId)).current.sha256).toBe(await sha256Hex(file));
    expect(await r2Objects()).toEqual(objects);
    expect((await application()).checklist.find((i) => i.key === "rekening_bank")?.status).toBe("uploaded");
  });

  it("from another LKS of the tenant needs the bytes but is still stored once; another tenant stores its own", async () => {
    const file = fakeFile(120_000, "jpeg", 21);
    await uploadWhole(TENANT, operator, file, { lksId, profileField: "npwpCard" });
    const objects = await r2Objects();
    const other = await env.DB.prepare("SELECT id FROM lks WHERE name LIKE 'Panti Werdha%'").first<{ id: string }>();
    const res = await createUpload(TENANT, verifier, file, { lksId: other!.id, profileField: "npwpCard" });
    expect(res.headers.get("akrab-duplicate")).toBeNull();
    expect(res.headers.get("upload-offset")).toBe("0");
    await sendAll(pathOf(res.headers.get("location")!), verifier, file, [512 * 1024]);
    expect(await r2Objects()).toEqual(objects);

    const lebak = (await login("dinsos.lebak@akrab.test")).token;
    const lebakLks = await env.DB.prepare(
      "SELECT l.id FROM lks l JOIN tenants t ON t.id = l.tenant_id WHERE t.slug = 'kab-lebak'",
    ).first<{ id: string }>();
    const foreign = await createUpload("kab-lebak", lebak, file, { lksId: lebakLks!.id, profileField: "npwpCard" });
    expect(foreign.headers.get("akrab-duplicate")).toBeNull();
    await sendAll(pathOf(foreign.headers.get("location")!), lebak, file, [512 * 1024]);
    const lebakId = await tenantId("kab-lebak");
    expect((await r2Objects()).filter((k) => k.startsWith(`t/${lebakId}/`))).toHaveLength(1);
  });
});

describe("downloads and previews", () => {
  it("serves ranges, ETag and a safe Content-Disposition, and audits every download", async () => {
    const file = fakeFile(100_000, "jpeg", 30);
    const id = await uploadWhole(
      TENANT,
      operator,
      file,
      { applicationId: app.id, indicator: "2.1.2" },
      { filename: 'Foto Ruang Tamu "utama".jpg' },
    );
    const full = await api(`${T}/documents/${id}/content`, { token: verifier });
    expect(full.headers.get("content-type")).toBe("image/jpeg");
    expect(full.headers.get("accept-ranges")).toBe("bytes");
    expect(full.headers.get("content-disposition")).toBe(
      `attachment; filename="Foto Ruang Tamu utama.jpg"; filename*=UTF-8''Foto%20Ruang%20Tamu%20utama.jpg`,
    );
    const etag = full.headers.get("etag")!;
    expect(etag).toBe(`"${await sha256Hex(file)}"`);
    await full.arrayBuffer();

    const part = await api(`${T}/documents/${id}/content`, { token: verifier, headers: { range: "bytes=50000-" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 50000-99999/100000`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(file.slice(50_000));
    const stale = await api(`${T}/documents/${id}/content`, {
      token: verifier,
      headers: { range: "bytes=0-9", "if-range": '"other"' },
    });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    await expectProblem(
      await api(`${T}/documents/${id}/content`, { token: verifier, headers: { range: "bytes=100000-" } }),
      416,
      "range-not-satisfiable",
    );
    expect(
      (await api(`${T}/documents/${id}/content`, { token: verifier, headers: { "if-none-match": etag } })).status,
    ).toBe(304);
    // The full download, the range, the If-Range fallback; not the 304 nor the refused range.
    const downloads = await auditActions({
      action: "document.downloaded",
      actorEmail: "dinsos.kota-tangerang@akrab.test",
    });
    expect(downloads).toHaveLength(3);
    expect(downloads.filter((a) => a.data?.includes('"range":"50000-99999"'))).toHaveLength(1);
  });

  it("counts the pages of a PDF and keeps a browser-made thumbnail of an image", async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 3; i++) pdf.addPage([595, 842]).drawText(`Halaman ${i + 1}`);
    const bytes = await pdf.save();
    const id = await uploadWhole(
      TENANT,
      operator,
      bytes,
      { applicationId: app.id, requirement: "profil_lks" },
      { filetype: "application/pdf", filename: "profil.pdf" },
    );
    expect((await document(id)).current.pageCount).toBe(3);

    const photo = await uploadWhole(TENANT, operator, fakeFile(80_000, "jpeg", 31), {
      applicationId: app.id,
      indicator: "5.1.2",
    });
    expect((await api(`${T}/documents/${photo}/thumbnail`, { token: operator })).status).toBe(404);
    const thumb = fakeFile(3000, "jpeg", 32);
    const put = await api(`${T}/documents/${photo}/thumbnail`, {
      method: "PUT",
      token: operator,
      headers: { "content-type": "image/jpeg" },
      body: thumb,
    });
    expect(put.status, await put.clone().text()).toBe(204);
    expect((await document(photo)).current.hasThumbnail).toBe(true);
    const got = await api(`${T}/documents/${photo}/thumbnail`, { token: verifier });
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(thumb);
    await expectProblem(
      await api(`${T}/documents/${photo}/thumbnail`, {
        method: "PUT",
        token: operator,
        headers: { "content-type": "image/jpeg" },
        body: fakeFile(3000, "png"),
      }),
      415,
      "unsupported-media-type",
    );
  });
});

describe("who may upload and see", () => {
  it("hides another tenant's uploads and documents (404) and keeps readers from uploading (403)", async () => {
    const file = fakeFile(50_000, "jpeg", 40);
    const res = await createUpload(TENANT, operator, file, { applicationId: app.id, indicator: "6.1.3" });
    const path = await created(res);
    const uploadId = path.split("/").at(-1)!;
    const documentId = await uploadWhole(TENANT, operator, fakeFile(50_000, "jpeg", 41), {
      applicationId: app.id,
      indicator: "6.1.2",
    });
    const lebak = (await login("dinsos.lebak@akrab.test")).token;
    expect((await head(`/api/v1/t/kab-lebak/uploads/${uploadId}`, lebak)).status).toBe(404);
    await expectProblem(await api(`/api/v1/t/kab-lebak/uploads/${uploadId}`, { token: lebak }), 404, "not-found");
    await expectProblem(await patch(`/api/v1/t/kab-lebak/uploads/${uploadId}`, lebak, 0, file), 404, "not-found");
    await expectProblem(
      await api(`/api/v1/t/kab-lebak/documents/${documentId}/content`, { token: lebak }),
      404,
      "not-found",
    );
    expect((await head(path, lebak)).status).toBe(404);
    await expectProblem(
      await createUpload("kab-lebak", lebak, file, { applicationId: app.id, indicator: "6.1.3" }),
      404,
      "not-found",
    );

    const province = (await login("dinsos.banten@akrab.test")).token;
    expect((await api(`${T}/documents/${documentId}`, { token: province })).status).toBe(200);
    await expectProblem(
      await createUpload(TENANT, province, file, { applicationId: app.id, indicator: "5.1.4" }),
      403,
      "forbidden",
    );
    const balks = (await login("balks@akrab.test")).token;
    await expectProblem(
      await createUpload(TENANT, balks, file, { applicationId: app.id, indicator: "5.1.4" }),
      403,
      "forbidden",
    );
  });
});

describe("the checklist", () => {
  it("is reviewed document by document; a returned document gets a new version from the LKS", async () => {
    const file = fakeFile(60_000, "jpeg", 50);
    // formulir_b and npwp already have documents (earlier tests in this file).
    await expectProblem(
      await api(`${T}/applications/${app.id}/checklist/formulir_b/accept`, {
        method: "POST",
        token: verifier,
        json: { expectedVersion: app.version },
      }),
      403,
      "forbidden",
    );
    // Submitting needs every required document (issue 10).
    app = await uploadRequiredDocuments(TENANT, operator, await application());
    const pendingFile = fakeFile(40_000, "pdf", 51);
    const pendingPath = pathOf(
      (
        await createUpload(
          TENANT,
          operator,
          pendingFile,
          { applicationId: app.id, requirement: "daftar_sdm" },
          { filetype: "application/pdf" },
        )
      ).headers.get("location") ?? "",
    );
    expect((await patch(pendingPath, operator, 0, pendingFile.slice(0, 1000))).status).toBe(204);
    const submitted = await api(`${T}/applications/${app.id}/transitions`, {
      method: "POST",
      token: operator,
      json: { action: "submit", expectedVersion: app.version },
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    let current = (await submitted.json()) as App;
    // With the Dinsos now, the LKS cannot upload; an upload it had started is refused when it completes.
    await expectProblem(
      await createUpload(TENANT, operator, file, { applicationId: app.id, requirement: "npwp" }),
      403,
      "forbidden",
    );
    const late = await patch(pendingPath, operator, 1000, pendingFile.slice(1000));
    await expectProblem(late, 403, "forbidden");
    expect((await head(pendingPath, operator)).status).toBe(410);
    await expectProblem(
      await api(`${T}/applications/${app.id}/checklist/formulir_b/accept`, {
        method: "POST",
        token: operator,
        json: { expectedVersion: current.version },
      }),
      403,
      "forbidden",
    );
    await expectProblem(
      // An optional document nobody uploaded cannot be accepted.
      await api(`${T}/applications/${app.id}/checklist/sk_kemenkumham/accept`, {
        method: "POST",
        token: verifier,
        json: { expectedVersion: current.version },
      }),
      409,
      "conflict",
    );

    const accepted = await api(`${T}/applications/${app.id}/checklist/formulir_b/accept`, {
      method: "POST",
      token: verifier,
      json: { expectedVersion: current.version },
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    current = (await accepted.json()) as App;
    await expectProblem(
      await api(`${T}/applications/${app.id}/checklist/npwp/return`, {
        method: "POST",
        token: verifier,
        json: { comment: "Tidak terbaca", expectedVersion: current.version - 1 },
      }),
      409,
      "conflict",
    );
    const returned = await api(`${T}/applications/${app.id}/checklist/npwp/return`, {
      method: "POST",
      token: verifier,
      json: { comment: "Foto NPWP buram, unggah ulang", expectedVersion: current.version },
    });
    current = (await returned.json()) as App;
    expect(current.checklist.find((i) => i.key === "formulir_b")?.status).toBe("accepted");
    expect(current.checklist.find((i) => i.key === "npwp")).toMatchObject({
      status: "returned",
      comment: "Foto NPWP buram, unggah ulang",
    });
    expect((await auditActions({ action: "document.returned" })).length).toBe(1);

    const back = await api(`${T}/applications/${app.id}/transitions`, {
      method: "POST",
      token: verifier,
      json: {
        action: "return",
        comment: "Perbaiki NPWP",
        items: [{ kind: "document", ref: "npwp", message: "Foto NPWP buram" }],
        expectedVersion: current.version,
      },
    });
    expect(back.status, await back.clone().text()).toBe(200);
    expect(((await back.json()) as App).checklist.find((i) => i.key === "npwp")).toMatchObject({
      status: "returned",
      comment: "Foto NPWP buram",
    });
    const documentId = await uploadWhole(TENANT, operator, file, { applicationId: app.id, requirement: "npwp" });
    const item = (await application()).checklist.find((i) => i.key === "npwp")!;
    expect(item.status).toBe("uploaded");
    expect(item.comment).toBeUndefined();
    const doc = await document(documentId);
    expect(doc.versions.map((v) => v.version)).toEqual([2, 1]);
    const list = (await (await api(`${T}/applications/${app.id}/documents`, { token: verifier })).json()) as {
      items: Doc[];
    };
    expect(list.items.map((d) => d.id)).toContain(documentId);
  });
});

describe("requirement limits", () => {
  it("defaults a requirement without a size limit to 20 MB", async () => {
    const items = [
      { key: "foto_kegiatan", name: "Foto kegiatan", description: "", required: false, acceptedTypes: ["jpeg"] },
    ];
    const res = await api(`${T}/checklists/renewal`, { method: "PUT", token: verifier, json: { items } });
    expect(res.status, await res.clone().text()).toBe(200);
    const stored = (await (await api(`${T}/checklists/renewal`, { token: verifier })).json()) as {
      items: { key: string; maxBytes: number }[];
    };
    expect(stored.items.find((i) => i.key === "foto_kegiatan")?.maxBytes).toBe(20 * MiB);
  });
});
