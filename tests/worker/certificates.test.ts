import { env, exports } from "cloudflare:workers";
import { decodeQR } from "@paulmillr/qr/decode.js";
import { verifyPayload, type PublicJwk } from "@akrab/domain";
import { PDFDocument, PDFName, PDFRawStream, type PDFDict } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { DEV_CERT_SIGNING_KEYS, publicKeys, signingKey } from "../../worker/src/services/certificate-keys.ts";
import { QR_MODULE_PT } from "../../worker/src/services/certificate-pdf.ts";
import { ORIGIN, api, auditActions, expectProblem, login } from "./helpers.ts";

const T = "/api/v1/t/kota-tangerang";
const LETTER = { number: "9/2026", date: "2026-12-01", signatoryName: "Hj. Aminah", signatoryPosition: "Ketua" };

let operator: string;
let dinsos: string;
let balks: string;
let lksId: string;
let applicationId: string;
let number: string;

const enc = encodeURIComponent;
const page = (path: string) => exports.default.fetch(new Request(`${ORIGIN}${path}`));

async function appVersion(id: string) {
  return (await env.DB.prepare("SELECT version FROM applications WHERE id = ?").bind(id).first<{ version: number }>())!
    .version;
}

/** An application of Kasih Bunda at `accredited` with BALKS's recorded plenary decision: grade A, valid five years from today. */
async function accreditedApplication(): Promise<string> {
  await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE lks_id = ? AND open = 1")
    .bind(lksId)
    .run();
  const res = await api(`${T}/applications`, {
    method: "POST",
    token: operator,
    json: { lksId, kind: "first", letter: LETTER },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const id = ((await res.json()) as { id: string }).id;
  await env.DB.prepare(
    "UPDATE applications SET instrument_version_id = 'lksa-2025-1', step = 'accredited', step_entered_at = ?, submitted_at = ? WHERE id = ?",
  )
    .bind(new Date().toISOString(), new Date().toISOString(), id)
    .run();
  const tenant = (await env.DB.prepare("SELECT tenant_id FROM applications WHERE id = ?")
    .bind(id)
    .first<{ tenant_id: string }>())!.tenant_id;
  const today = new Date().toISOString().slice(0, 10);
  const until = `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`;
  await env.DB.prepare(
    `INSERT INTO accreditation_decisions (id, tenant_id, application_id, kind, grade, reasons, to_fix, justification, departs_from_computed, computed, plenary, valid_from, valid_until, decided_by, decided_at)
     SELECT 'decision-' || ?1, ?2, ?1, 'accredit', 'A', 'Memenuhi standar', '[]', NULL, 0, '{"total":95,"outcome":"graded","grade":"A"}',
       json_object('date', ?3, 'members', json_array('Ketua', 'Anggota 1', 'Anggota 2'), 'outcome', json_object('kind', 'consensus')),
       ?3, ?4, u.id, ?5
     FROM users u WHERE u.email = 'balks@akrab.test'`,
  )
    .bind(id, tenant, today, until, new Date().toISOString())
    .run();
  return id;
}

const issue = (id: string, version: number, key?: string) =>
  api(`${T}/applications/${id}/transitions`, {
    method: "POST",
    token: balks,
    json: { action: "issue_certificate", expectedVersion: version },
    ...(key ? { headers: { "idempotency-key": key } } : {}),
  });

/** Every content stream of the PDF, inflated, as text. */
async function contentText(pdf: PDFDocument): Promise<string> {
  const parts: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const dict = object.dict as PDFDict;
    const filter = dict.get(PDFName.of("Filter"));
    let bytes = object.contents;
    if (filter?.toString() === "/FlateDecode") {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    parts.push(new TextDecoder("latin1").decode(bytes));
  }
  return parts.join("\n");
}

/** The text drawn with the standard fonts (hex strings in Tj operators). */
const drawnText = (content: string) =>
  [...content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)]
    .map((m) =>
      m[1]!
        .match(/../g)!
        .map((h) => String.fromCharCode(Number.parseInt(h, 16)))
        .join(""),
    )
    .join("\n");

/** Reads the QR back from the PDF's drawing: its squares of QR_MODULE_PT, rendered as a bitmap, then decoded. */
function qrFromContent(content: string): string {
  // pdf-lib draws each square as a translation, then a closed path of the square's size.
  const size = QR_MODULE_PT.toString().replace(".", "\\.");
  const square = new RegExp(
    `1 0 0 1 (-?[\\d.]+) (-?[\\d.]+) cm\\n1 0 0 1 0 0 cm\\n1 0 0 1 0 0 cm\\n0 0 m\\n0 ${size} l\\n${size} ${size} l`,
    "g",
  );
  const squares = [...content.matchAll(square)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  expect(squares.length).toBeGreaterThan(100);
  const minX = Math.min(...squares.map((s) => s.x));
  const maxY = Math.max(...squares.map((s) => s.y));
  const cells = squares.map((s) => ({
    col: Math.round((s.x - minX) / QR_MODULE_PT),
    row: Math.round((maxY - s.y) / QR_MODULE_PT),
  }));
  const modules = Math.max(...cells.map((c) => Math.max(c.col, c.row))) + 1;
  const scale = 4;
  const border = 4;
  const width = (modules + 2 * border) * scale;
  const data = new Uint8Array(width * width * 3).fill(255);
  for (const { col, row } of cells)
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const at = ((row + border) * scale + dy) * width + (col + border) * scale + dx;
        data.fill(0, at * 3, at * 3 + 3);
      }
  return decodeQR({ width, height: width, data });
}

beforeAll(async () => {
  operator = (await login("lks@akrab.test")).token;
  dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
  balks = (await login("balks@akrab.test")).token;
  lksId = (await env.DB.prepare("SELECT id FROM lks WHERE name = 'Panti Asuhan Kasih Bunda'").first<{ id: string }>())!
    .id;
  await env.DB.prepare("UPDATE lks SET types = '[\"LKSA\"]' WHERE id = ?").bind(lksId).run();
  applicationId = await accreditedApplication();
});

describe("issuing at issue_certificate", () => {
  it("is idempotent: five replays make one certificate with one number", async () => {
    const version = await appVersion(applicationId);
    const first = await issue(applicationId, version, "issue-once-1");
    expect(first.status, await first.clone().text()).toBe(200);
    const answer = await first.json();
    for (let i = 0; i < 4; i++) {
      const replay = await issue(applicationId, version, "issue-once-1");
      expect(replay.status).toBe(200);
      expect(await replay.json()).toEqual(answer);
    }
    // Without the key, a replay is stale: refused, nothing made.
    await expectProblem(await issue(applicationId, version), 409, "conflict");
    const rows = await env.DB.prepare("SELECT number, sequence, year FROM certificates WHERE application_id = ?")
      .bind(applicationId)
      .all<{ number: string; sequence: number; year: number }>();
    expect(rows.results).toHaveLength(1);
    number = rows.results[0]!.number;
    expect(number).toMatch(/^\d{4}\/BALKS\/A\/[IVX]+\/\d{4}$/);
    const counter = await env.DB.prepare("SELECT last FROM certificate_counters WHERE year = ?")
      .bind(rows.results[0]!.year)
      .first<{ last: number }>();
    expect(counter!.last).toBe(rows.results[0]!.sequence);
    expect((answer as { step: { id: string } }).step.id).toBe("certified");
    expect(await auditActions({ action: "certificate.issued" })).toHaveLength(1);
  });

  it("stores the PDF once in R2 and serves it to the LKS, its Dinsos and BALKS; another tenant gets 404", async () => {
    const objects = (await env.DOCS.list({ prefix: "t/" })).objects.filter((o) => o.key.includes("/certificates/"));
    expect(objects).toHaveLength(1);
    const mine = await api(`${T}/applications/${applicationId}/certificate`, { token: operator });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as { number: string }).number).toBe(number);
    for (const [path, token] of [
      [`${T}/certificates/${enc(number)}/pdf`, operator],
      [`${T}/certificates/${enc(number)}/pdf`, dinsos],
      [`/api/v1/national/certificates/${enc(number)}/pdf`, balks],
    ] as const) {
      const res = await api(path, { token });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const pdf = await PDFDocument.load(await res.arrayBuffer());
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getTitle()).toContain(number);
      const text = drawnText(await contentText(pdf));
      expect(text).toContain(number);
      expect(text).toContain("Panti Asuhan Kasih Bunda");
      expect(text).toContain("SERTIFIKAT AKREDITASI");
      expect(text).toContain("Accreditation Certificate");
    }
    const lebak = (await login("dinsos.lebak@akrab.test")).token;
    await expectProblem(
      await api(`/api/v1/t/kab-lebak/certificates/${enc(number)}/pdf`, { token: lebak }),
      404,
      "not-found",
    );
    await expectProblem(await api(`${T}/certificates/${enc(number)}/pdf`, { token: lebak }), 404, "not-found");
    await expectProblem(
      await api(`/api/v1/national/certificates/${enc(number)}/pdf`, { token: dinsos }),
      404,
      "not-found",
    );
  });

  it("carries a QR that decodes to the verification URL and a payload that verifies against the JWKS", async () => {
    const res = await api(`${T}/certificates/${enc(number)}/pdf`, { token: operator });
    const pdf = await PDFDocument.load(await res.arrayBuffer());
    const qr = qrFromContent(await contentText(pdf));
    const [url, payload] = qr.split("#") as [string, string];
    expect(url).toBe(`${env.APP_ORIGIN}/verifikasi/${number.split("/").map(enc).join("/")}`);
    const jwks = (await (await api("/.well-known/jwks.json")).json()) as { keys: PublicJwk[] };
    expect(jwks.keys.every((k) => !("d" in k))).toBe(true);
    const verified = await verifyPayload(payload, jwks.keys);
    expect(verified).toMatchObject({
      genuine: true,
      payload: { number, lksName: "Panti Asuhan Kasih Bunda", grade: "A" },
    });
    // Tampered (the grade changed in the text, the signature kept) and truncated: not genuine.
    const [body, sig] = payload.split(".") as [string, string];
    const text = atob(body.replace(/-/g, "+").replace(/_/g, "/"));
    const forged = btoa(text.replace("|A|", "|B|")).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect((await verifyPayload(`${forged}.${sig}`, jwks.keys)).genuine).toBe(false);
    expect((await verifyPayload(payload.slice(0, -5), jwks.keys)).genuine).toBe(false);
  });
});

describe("public verification", () => {
  it("shows exactly the public fields, and no personal data", async () => {
    const res = await api(`/api/v1/public/certificates/${enc(number)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("public");
    const body = (await res.json()) as Record<string, unknown> & { lks: Record<string, unknown> };
    expect(Object.keys(body).sort()).toEqual(
      [
        "checkedAt",
        "decidedOn",
        "grade",
        "gradeLabel",
        "lks",
        "number",
        "status",
        "statusLabel",
        "statusReason",
        "statusSince",
        "supersededBy",
        "validFrom",
        "validUntil",
      ].sort(),
    );
    expect(Object.keys(body.lks).sort()).toEqual(["kabKota", "name", "province", "types"]);
    expect(body).toMatchObject({ status: "active", statusLabel: { id: "Aktif" }, grade: "A" });
    const raw = JSON.stringify(body);
    const profile = (await env.DB.prepare("SELECT profile FROM lks WHERE id = ?")
      .bind(lksId)
      .first<{ profile: string }>())!.profile;
    const { phone, email, board } = JSON.parse(profile) as {
      phone: string;
      email: string;
      board: { name: string; idNumber: string }[];
    };
    for (const secret of [phone, email, ...board.flatMap((b) => [b.name, b.idNumber])])
      expect(raw).not.toContain(secret);
  });

  it("answers an unknown and a malformed number with the same 404 problem", async () => {
    const unknown = await api(`/api/v1/public/certificates/${enc("9999/BALKS/A/I/2026")}`);
    const malformed = await api(`/api/v1/public/certificates/${enc("<script>'; DROP TABLE")}`);
    const long = await api(`/api/v1/public/certificates/${"9".repeat(200)}`);
    const a = await expectProblem(unknown, 404, "not-found");
    const b = await expectProblem(malformed, 404, "not-found");
    const c = await expectProblem(long, 404, "not-found");
    expect(a.detail).toBe(b.detail);
    expect(b.detail).toBe(c.detail);
  });

  it("serves the verification page small, CSP-bound, in Bahasa Indonesia first", async () => {
    const res = await page(`/verifikasi/${number.split("/").map(enc).join("/")}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="id"');
    expect(html).toContain("Aktif");
    expect(html).toContain("Panti Asuhan Kasih Bunda");
    expect(html).not.toMatch(/<script>|<style>|style="/);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const css = await (await page("/verifikasi.css")).text();
    const js = await (await page("/verifikasi.js")).text();
    // The budget is 30 KB gzip all in (HTML, CSS, JS); this page is far under it.
    const gzip = async (text: string) =>
      (await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer())
        .byteLength;
    const total = (await gzip(html)) + (await gzip(css)) + (await gzip(js));
    expect(total).toBeLessThan(30 * 1024);
    expect(total).toBeLessThan(6 * 1024);
    const form = await page("/verifikasi");
    expect(await form.text()).toContain("Nomor sertifikat");
    const missing = await page("/verifikasi/0000/NOPE/1990");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Tidak terdaftar");
  });
});

describe("suspension and revocation", () => {
  const event = (action: string, reason: string, key?: string) =>
    api(`/api/v1/national/certificates/${enc(number)}/${action}`, {
      method: "POST",
      token: balks,
      json: { reason },
      ...(key ? { headers: { "idempotency-key": key } } : {}),
    });

  it("suspends and revokes with a reason, audited, once, and the cached public answers are purged", async () => {
    // Warm the edge cache with the active answer: the second look is the cached one (same checkedAt).
    const warm = async () =>
      (await (await api(`/api/v1/public/certificates/${enc(number)}`)).json()) as { status: string; checkedAt: string };
    const once = await warm();
    expect(once.status).toBe("active");
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await warm()).checkedAt).toBe(once.checkedAt);
    const pagePath = `/verifikasi/${number.split("/").map(enc).join("/")}`;
    expect(await (await page(pagePath)).text()).toContain("Aktif");

    const suspended = await event("suspend", "Pengaduan sedang diperiksa Dinsos", "suspend-1");
    expect(suspended.status, await suspended.clone().text()).toBe(200);
    const again = await event("suspend", "Pengaduan sedang diperiksa Dinsos", "suspend-1");
    expect(await again.json()).toEqual(await suspended.json());
    await expectProblem(await event("suspend", "Pengaduan sedang diperiksa Dinsos"), 409, "conflict");
    expect(
      ((await (await api(`/api/v1/public/certificates/${enc(number)}`)).json()) as { status: string }).status,
    ).toBe("suspended");

    // The report roll-ups, freshly computed, learn of the revocation in its own transaction.
    await env.DB.prepare("UPDATE report_state SET dirty_since = NULL").run();
    const revoked = await event("revoke", "Terbukti terjadi kekerasan terhadap anak");
    expect(revoked.status).toBe(200);
    const dirty = await env.DB.prepare(
      "SELECT count(*) AS n FROM report_state s JOIN certificates c ON c.tenant_id = s.tenant_id WHERE c.number = ? AND s.dirty_since IS NOT NULL",
    )
      .bind(number)
      .first<{ n: number }>();
    expect(dirty?.n).toBe(1);
    const pub = (await (await api(`/api/v1/public/certificates/${enc(number)}`)).json()) as Record<string, unknown>;
    expect(pub).toMatchObject({
      status: "revoked",
      statusLabel: { id: "Dicabut" },
      statusReason: "Terbukti terjadi kekerasan terhadap anak",
    });
    const html = await (await page(pagePath)).text();
    expect(html).toContain("Dicabut");
    expect(html).toContain("Terbukti terjadi kekerasan terhadap anak");
    await expectProblem(await event("reinstate", "Salah catat sebelumnya"), 409, "conflict");
    expect(await auditActions({ action: "certificate.suspended" })).toHaveLength(1);
    expect(await auditActions({ action: "certificate.revoked" })).toHaveLength(1);
    await expectProblem(await event("revoke", "pendek"), 400, "validation");
    await expectProblem(
      await api(`/api/v1/national/certificates/${enc(number)}/revoke`, {
        method: "POST",
        token: dinsos,
        json: { reason: "Alasan yang cukup panjang" },
      }),
      404,
      "not-found",
    );
  });
});

describe("hand-over by the Dinsos", () => {
  it("records date and recipient once per version; the LKS operator may not", async () => {
    const cert = (await (await api(`${T}/certificates/${enc(number)}`, { token: dinsos })).json()) as {
      version: number;
    };
    const today = new Date().toISOString().slice(0, 10);
    await expectProblem(
      await api(`${T}/certificates/${enc(number)}/handover`, {
        method: "POST",
        token: operator,
        json: { on: today, to: "Hj. Aminah, Ketua", expectedVersion: cert.version },
      }),
      403,
      "forbidden",
    );
    await expectProblem(
      await api(`${T}/certificates/${enc(number)}/handover`, {
        method: "POST",
        token: dinsos,
        json: { on: "2001-01-01", to: "Hj. Aminah, Ketua", expectedVersion: cert.version },
      }),
      400,
      "validation",
    );
    const done = await api(`${T}/certificates/${enc(number)}/handover`, {
      method: "POST",
      token: dinsos,
      json: { on: today, to: "Hj. Aminah, Ketua", expectedVersion: cert.version },
    });
    expect(done.status, await done.clone().text()).toBe(200);
    expect(await done.json()).toMatchObject({ handover: { on: today, to: "Hj. Aminah, Ketua" } });
    await expectProblem(
      await api(`${T}/certificates/${enc(number)}/handover`, {
        method: "POST",
        token: dinsos,
        json: { on: today, to: "Orang lain", expectedVersion: cert.version },
      }),
      409,
      "conflict",
    );
  });
});

describe("signing keys", () => {
  it("publishes every key of a rotation, so a certificate signed before it still verifies", async () => {
    const dev = JSON.parse(DEV_CERT_SIGNING_KEYS) as { keys: { kid: string; jwk: { x: string } }[] };
    const next = (await crypto.subtle.generateKey("Ed25519", true, ["sign", "verify"])) as CryptoKeyPair;
    const nextJwk = (await crypto.subtle.exportKey("jwk", next.privateKey)) as JsonWebKey;
    const rotated = {
      ENVIRONMENT: "development",
      CERT_SIGNING_KEYS: JSON.stringify({
        active: "k2027",
        keys: [
          { kid: "k2027", jwk: { kty: "OKP", crv: "Ed25519", x: nextJwk.x, d: nextJwk.d } },
          { kid: dev.keys[0]!.kid, jwk: { kty: "OKP", crv: "Ed25519", x: dev.keys[0]!.jwk.x } },
        ],
      }),
    } as Parameters<typeof publicKeys>[0];
    expect((await signingKey(rotated)).kid).toBe("k2027");
    const payload = (await env.DB.prepare("SELECT payload FROM certificates WHERE number = ?")
      .bind(number)
      .first<{ payload: string }>())!.payload;
    expect((await verifyPayload(payload, publicKeys(rotated))).genuine).toBe(true);
  });

  it("refuses the development key and a missing key outside development", () => {
    const production = { ENVIRONMENT: "production" } as Parameters<typeof publicKeys>[0];
    expect(() => publicKeys(production)).toThrow(/CERT_SIGNING_KEYS/);
    expect(() => publicKeys({ ...production, CERT_SIGNING_KEYS: DEV_CERT_SIGNING_KEYS })).toThrow(/development key/);
  });
});

describe("BALKS's number format", () => {
  it("refuses a format without {seq} or {year}, and numbers later certificates in a new one, never reusing a sequence", async () => {
    const bad = await api("/api/v1/national/certificate-settings", {
      method: "PUT",
      token: balks,
      json: {
        numberTemplate: "{grade}/BALKS",
        signerName: "Dr. Sari",
        signerPosition: "Ketua BALKS",
        expectedVersion: 1,
      },
    });
    const problem = await expectProblem(bad, 400, "validation");
    expect(problem.errors?.[0]?.path).toBe("numberTemplate");
    const set = await api("/api/v1/national/certificate-settings", {
      method: "PUT",
      token: balks,
      json: {
        numberTemplate: "SK-{year}-{seq:5}",
        signerName: "Dr. Sari Dewi",
        signerPosition: "Ketua BALKS",
        expectedVersion: 1,
      },
    });
    expect(set.status, await set.clone().text()).toBe(200);
    expect(((await set.json()) as { example: string }).example).toMatch(/^SK-\d{4}-00001$/);
    await expectProblem(
      await api("/api/v1/national/certificate-settings", {
        method: "PUT",
        token: dinsos,
        json: { numberTemplate: "SK-{year}-{seq:5}", signerName: "x y z", signerPosition: "x y z", expectedVersion: 2 },
      }),
      404,
      "not-found",
    );

    const first = (await env.DB.prepare("SELECT sequence, year FROM certificates WHERE number = ?")
      .bind(number)
      .first<{ sequence: number; year: number }>())!;
    const renewal = await accreditedApplication();
    const res = await issue(renewal, await appVersion(renewal));
    expect(res.status, await res.clone().text()).toBe(200);
    const cert = (await (await api(`${T}/applications/${renewal}/certificate`, { token: operator })).json()) as {
      number: string;
      signer: { name: string };
      status: string;
    };
    expect(cert.number).toBe(`SK-${first.year}-${String(first.sequence + 1).padStart(5, "0")}`);
    expect(cert.signer.name).toBe("Dr. Sari Dewi");
    expect(cert.status).toBe("active");
    // The earlier certificate keeps its number and stays revoked (revocation wins over supersession).
    const earlier = (await (await api(`/api/v1/public/certificates/${enc(number)}`)).json()) as { status: string };
    expect(earlier.status).toBe("revoked");

    // A later certificate of the same LKS supersedes this one at once (its cached answer is purged).
    const warm = (await (await api(`/api/v1/public/certificates/${enc(cert.number)}`)).json()) as { status: string };
    expect(warm.status).toBe("active");
    const third = await accreditedApplication();
    expect((await issue(third, await appVersion(third))).status).toBe(200);
    const newest = (await (await api(`${T}/applications/${third}/certificate`, { token: operator })).json()) as {
      number: string;
    };
    expect(await (await api(`/api/v1/public/certificates/${enc(cert.number)}`)).json()).toMatchObject({
      status: "superseded",
      statusLabel: { id: "Digantikan sertifikat baru" },
      supersededBy: newest.number,
    });
  });
});
