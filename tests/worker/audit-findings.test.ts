/** The first floor's outside audit (issue 9, section 6): each finding, shown fixed. */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { lksProfile } from "./fixtures.ts";
import { api, expectProblem, login } from "./helpers.ts";
import { createUpload, fakeFile, head, metadata, pathOf, sha256Hex, uploadRequiredDocuments } from "./tus.ts";

const TENANT = "kota-tangerang";
const T = `/api/v1/t/${TENANT}`;
const LETTER = {
  number: "9/AUDIT/2026",
  date: "2026-11-20",
  signatoryName: "Hj. Aminah Lubis",
  signatoryPosition: "Ketua Yayasan",
};

type App = { id: string; version: number; step: { id: string } };

let operator: string;
let lksId: string;
let app: App;

beforeAll(async () => {
  operator = (await login("lks@akrab.test")).token;
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

const count = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;

describe("tus with an Idempotency-Key", () => {
  it("creates, appends and resumes as without a key; a retried chunk is answered by tus's offsets", async () => {
    const file = fakeFile(300_000, "jpeg", 901);
    const target = { applicationId: app.id, requirement: "formulir_b" };
    const meta = metadata({ filename: "bukti.jpg", filetype: "image/jpeg", sha256: await sha256Hex(file), ...target });
    const create = () =>
      api(`${T}/uploads`, {
        method: "POST",
        token: operator,
        headers: {
          "tus-resumable": "1.0.0",
          "upload-length": String(file.byteLength),
          "upload-metadata": meta,
          "idempotency-key": "tus-create-0001",
          "content-type": "application/offset+octet-stream",
        },
        body: file.slice(0, 100_000),
      });
    const created = await create();
    expect(created.status, await created.clone().text()).toBe(201);
    expect(created.headers.get("upload-offset")).toBe("100000");
    const path = pathOf(created.headers.get("location")!);

    const chunk = (offset: number, end: number) =>
      api(path, {
        method: "PATCH",
        token: operator,
        headers: {
          "tus-resumable": "1.0.0",
          "upload-offset": String(offset),
          "content-type": "application/offset+octet-stream",
          "idempotency-key": "tus-chunk-0002",
        },
        body: file.slice(offset, end),
      });
    const second = await chunk(100_000, 200_000);
    expect(second.status, await second.clone().text()).toBe(204);
    expect(second.headers.get("upload-offset")).toBe("200000");
    // The same chunk again (a retry whose first answer was lost): tus says where the server stands.
    const retried = await chunk(100_000, 200_000);
    await expectProblem(retried.clone(), 409, "conflict");
    expect(retried.headers.get("upload-offset")).toBe("200000");
    expect(Number((await head(path, operator)).headers.get("upload-offset"))).toBe(200_000);

    const last = await chunk(200_000, 300_000);
    expect(last.status, await last.clone().text()).toBe(204);
    expect(last.headers.get("akrab-document-id")).toBeTruthy();
    expect(await count("SELECT count(*) AS n FROM idempotency_keys WHERE key LIKE 'tus-%'")).toBe(0);
  });
});

describe("moving an application to another workflow version", () => {
  it("is refused with 403 to the province, which sees the application but does not own it", async () => {
    // Submitting needs every required document (issue 10).
    const current = (await (await api(`${T}/applications/${app.id}`, { token: operator })).json()) as App & {
      checklist: { key: string; status: string }[];
    };
    app = await uploadRequiredDocuments("kota-tangerang", operator, current);
    const submitted = await api(`${T}/applications/${app.id}/transitions`, {
      method: "POST",
      token: operator,
      json: { action: "submit", expectedVersion: app.version },
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    app = (await submitted.json()) as App;
    const province = await login("dinsos.banten@akrab.test");
    expect((await api(`/api/v1/t/prov-banten/applications/${app.id}`, { token: province.token })).status).toBe(200);
    const res = await api(`/api/v1/t/prov-banten/applications/${app.id}/workflow-version`, {
      method: "POST",
      token: province.token,
      json: { version: 1, expectedVersion: app.version },
    });
    await expectProblem(res, 403, "forbidden");
    expect(await count("SELECT count(*) AS n FROM audit_events WHERE action = 'application.workflow_moved'")).toBe(0);
  });
});

describe("anonymous Idempotency-Keys", () => {
  const signup = {
    regionCode: "36.73",
    officeName: "Dinas Sosial Kota Serang",
    officialEmail: "dinsos@serangkota.go.id",
    contactName: "Rahmat Hidayat",
    contactPhone: "0254-123456",
  };
  const send = (ip: string, userAgent: string) =>
    api("/api/v1/public/tenant-signups", {
      method: "POST",
      ip,
      headers: { "idempotency-key": "signup-shared-key-0001", "user-agent": userAgent },
      json: signup,
    });

  it("never hand the first client's attachToken to a second client sending the same key and body", async () => {
    const first = await send("203.0.113.21", "Mozilla/5.0 (Linux; Android 14) Pertama");
    expect(first.status, await first.clone().text()).toBe(201);
    const { attachToken } = (await first.json()) as { attachToken: string };
    expect(attachToken.length).toBeGreaterThan(15);

    // Another client: its own key space, so the request runs for itself and meets the pending sign-up.
    const other = await send("198.51.100.77", "Mozilla/5.0 (iPhone) Kedua");
    expect(await other.clone().text()).not.toContain(attachToken);
    await expectProblem(other, 409, "conflict");
    // Even from the same address and browser (carrier-grade NAT), the secret is not replayed.
    const same = await send("203.0.113.21", "Mozilla/5.0 (Linux; Android 14) Pertama");
    expect(same.headers.get("idempotent-replayed")).toBe("true");
    const text = await same.clone().text();
    expect(text).not.toContain(attachToken);
    expect(text).not.toContain("attachToken");
    expect((await expectProblem(same, 409, "conflict")).detail).toMatch(/sekali.*once/);
    // Nor is it kept in plain text in the idempotency table.
    const stored = await env.DB.prepare("SELECT response_body AS body FROM idempotency_keys").all<{
      body: string | null;
    }>();
    expect(stored.results.some((r) => r.body?.includes(attachToken))).toBe(false);
    expect(await count("SELECT count(*) AS n FROM tenant_signups WHERE region_code = '36.73'")).toBe(1);
  });

  it("still replay an answer without a secret to the same client, and only to it", async () => {
    const body = {
      lks: lksProfile({ name: "Panti Kunci Sendiri" }),
      operator: { name: "Operator", email: "kunci.sendiri@akrab.test", password: "kunci-sendiri-2026" },
    };
    const register = (ip: string) =>
      api("/api/v1/public/lks-registrations", {
        method: "POST",
        ip,
        headers: { "idempotency-key": "register-own-0001" },
        json: body,
      });
    expect((await register("203.0.113.31")).status).toBe(201);
    const replay = await register("203.0.113.31");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    // Another client with the same key and body runs for itself: the email is taken by now.
    const stranger = await register("198.51.100.31");
    expect(stranger.headers.get("idempotent-replayed")).toBeNull();
    await expectProblem(stranger, 409, "conflict");
    expect(await count("SELECT count(*) AS n FROM lks WHERE name = 'Panti Kunci Sendiri'")).toBe(1);
  });

  it("never replay a session token, for a login sent with a key", async () => {
    const signIn = () =>
      api("/api/v1/auth/login", {
        method: "POST",
        headers: { "idempotency-key": "login-key-00001" },
        json: { email: "viewer@akrab.test", password: "Akrab-Demo-2026!" },
      });
    const first = await signIn();
    expect(first.status).toBe(200);
    const { token } = (await first.json()) as { token: string };
    const again = await signIn();
    expect(await again.clone().text()).not.toContain(token);
    await expectProblem(again, 409, "conflict");
  });
});

describe("Cache-Control", () => {
  it("is no-store on every API answer unless a handler chose to be cached", async () => {
    const signIn = await api("/api/v1/auth/login", {
      method: "POST",
      json: { email: "viewer@akrab.test", password: "Akrab-Demo-2026!" },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("cache-control")).toBe("no-store");
    expect((await api("/api/v1/auth/me", { token: operator })).headers.get("cache-control")).toBe("no-store");
    expect((await api(`${T}/lks/${lksId}`, { token: operator })).headers.get("cache-control")).toBe("no-store");
    // Errors, which may quote what was sent, too.
    expect(
      (await api("/api/v1/auth/login", { method: "POST", json: { email: "x" } })).headers.get("cache-control"),
    ).toBe("no-store");
    // Public region lists stay cacheable.
    const regions = await api("/api/v1/public/regions?q=Serang");
    expect(regions.status).toBe(200);
    expect(regions.headers.get("cache-control")).toBe("public, max-age=300");
  });
});

describe("text fields", () => {
  it("refuse control characters with a field error and change nothing", async () => {
    const admin = (await login("dinsos.kota-tangerang@akrab.test")).token;
    const before = await count("SELECT count(*) AS n FROM tenants WHERE name LIKE '%Tangerang%'");
    const tenantName = await api(`${T}/profile`, {
      method: "PATCH",
      token: admin,
      json: { name: "Dinas Sosial\u0000 Kota Tangerang" },
    });
    expect((await expectProblem(tenantName, 400, "validation")).errors?.map((e) => e.path)).toEqual(["name"]);
    expect(await count("SELECT count(*) AS n FROM tenants WHERE name LIKE '%Tangerang%'")).toBe(before);

    const register = await api("/api/v1/public/lks-registrations", {
      method: "POST",
      json: {
        lks: lksProfile({ name: "Panti\u0007 Bel" }),
        operator: { name: "Operator\u001b[31m", email: "bel@akrab.test", password: "panti-bel-2026" },
      },
    });
    const paths = (await expectProblem(register, 400, "validation")).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["lks.name", "operator.name"]));
    expect(await count("SELECT count(*) AS n FROM users WHERE email = 'bel@akrab.test'")).toBe(0);

    const letter = await api(`${T}/applications`, {
      method: "POST",
      token: operator,
      json: { lksId, kind: "first", letter: { ...LETTER, signatoryName: "Aminah\u202E Lubis" } },
    });
    const errors = (await expectProblem(letter, 400, "validation")).errors!;
    expect(errors.map((e) => e.path)).toEqual(["letter.signatoryName"]);
    expect(errors[0]!.message).toMatch(/karakter kendali.*control characters/);
  });

  it("keep line breaks and tabs in multi-line fields", async () => {
    const admin = (await login("dinsos.kota-tangerang@akrab.test")).token;
    const returned = await api(`${T}/applications/${app.id}/transitions`, {
      method: "POST",
      token: admin,
      json: {
        action: "return",
        expectedVersion: app.version,
        comment: "Mohon dilengkapi:\n\t1. NPWP\n\t2. Akta",
        items: [{ kind: "document", ref: "npwp", message: "NPWP\nbelum terbaca" }],
      },
    });
    expect(returned.status, await returned.clone().text()).toBe(200);
    app = (await returned.json()) as App;
    const timeline = await (await api(`${T}/applications/${app.id}/timeline`, { token: operator })).text();
    expect(timeline).toContain("Mohon dilengkapi:\\n\\t1. NPWP");
  });
});

describe("stored filenames", () => {
  async function uploadNamed(filename: string, seed: number): Promise<string> {
    const file = fakeFile(5_000, "pdf", seed);
    const res = await createUpload(
      TENANT,
      operator,
      file,
      { lksId, profileField: "deed" },
      { filename, filetype: "application/pdf", body: file },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const documentId = res.headers.get("akrab-document-id")!;
    const doc = (await (await api(`${T}/documents/${documentId}`, { token: operator })).json()) as {
      current: { filename: string };
    };
    return doc.current.filename;
  }

  it("lose bidi controls and end in the extension of the content's type", async () => {
    expect(await uploadNamed("laporan\u202Efdp.exe", 911)).toBe("laporanfdp.pdf");
    expect(await uploadNamed("laporan.html", 912)).toBe("laporan.pdf");
    expect(await uploadNamed("Akta Notaris Rev.2", 913)).toBe("Akta Notaris Rev.2.pdf");
    const { id } = (await env.DB.prepare(
      "SELECT document_id AS id FROM document_versions WHERE filename = 'laporan.pdf'",
    ).first<{ id: string }>())!;
    const content = await api(`${T}/documents/${id}/content?version=2`, { token: operator });
    expect(content.status).toBe(200);
    expect(content.headers.get("content-disposition")).toContain('filename="laporan.pdf"');
  });
});

describe("thumbnails", () => {
  it("larger than THUMBNAIL_MAX_BYTES are refused with 413 and not stored", async () => {
    const photo = fakeFile(20_000, "jpeg", 921);
    const res = await createUpload(
      TENANT,
      operator,
      photo,
      { applicationId: app.id, indicator: "5.1.3" },
      { body: photo },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const documentId = res.headers.get("akrab-document-id")!;
    const put = (bytes: Uint8Array) =>
      api(`${T}/documents/${documentId}/thumbnail`, {
        method: "PUT",
        token: operator,
        headers: { "content-type": "image/jpeg" },
        body: bytes,
      });
    await expectProblem(await put(fakeFile(64 * 1024 + 1, "jpeg", 922)), 413, "payload-too-large");
    expect((await env.DOCS.list({ prefix: `t/` })).objects.some((o) => o.key.includes("/thumbnails/"))).toBe(false);
    expect((await put(fakeFile(64 * 1024, "jpeg", 923))).status).toBe(204);
  });
});
