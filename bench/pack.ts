/**
 * The visit pack on a slow link (issue 13, "Proof"): an asesor downloads the pack of one LKS whose
 * self-assessment has 30 evidence items, in real Chromium with CDP network emulation (2G: 800 ms RTT,
 * 250 kbit/s; slow 3G: 400 ms, 400 kbit/s), from /penugasan: the size the page states before the
 * download, the bytes on the wire, and the time from the click until the page says the pack is on
 * the device.
 *
 * Seeding: `packSql()` (run before the server starts, as the other benches seed) puts an application
 * of Panti Werdha Sejahtera Cipondoh in draft with an accepted lead asesor, the rows BALKS's steps
 * would leave (their own tests cover those steps). The 30 evidence files then go through the API as
 * the LKS's operator would send them: tus uploads with the `indicator` target, 20 phone photos
 * (JPEG, 150–400 KB) and 10 PDFs (0.2–2 MB), so every row the pack reads is the upload's own.
 * Each photo's thumbnail is stored beside it as the LKS's device would (160 px, PUT /thumbnail).
 * The pack lists them by size; the originals are not in it, which the run checks; the page keeps the
 * 20 thumbnails with the pack, and their bytes are counted apart.
 */
import { gzipSync } from "node:zlib";
import jpeg from "jpeg-js";
import type { Browser, Page } from "playwright-core";
import { makePdf, prepareUploader, sha256Hex, tusUpload, type Uploader } from "../tests/support/tus-node-client.ts";
import { conditions, LINKS, type Link } from "./link.ts";

const ASESOR = { email: "asesor.paket@akrab.test", password: "Akrab-Demo-2026!" };
const APPLICATION = "bench0pk-0000-4000-8000-000000000001";
const ASSIGNMENT = "bench0pk-0000-4000-8000-0000000000d1";
const PHOTOS = 20;
const PDFS = 10;

/** The draft application of Cipondoh with its accepted lead asesor (who signs in with the demo password). */
export function packSql(): string {
  const at = "2026-11-01T02:00:00.000Z";
  return `
INSERT INTO users (id, email, name, password_hash, status, email_verified_at, created_at, updated_at)
SELECT 'bench0pk-0000-4000-8000-0000000000a1', '${ASESOR.email}', 'Asesor Paket (bench)', password_hash, 'active', '${at}', '${at}', '${at}'
FROM users WHERE email = 'asesor@akrab.test';
INSERT INTO memberships (id, user_id, tenant_id, role, lks_id, created_at) VALUES
  ('bench0pk-0000-4000-8000-0000000000b1', 'bench0pk-0000-4000-8000-0000000000a1', NULL, 'asesor', NULL, '${at}');
INSERT INTO asesors (id, user_id, email, name, phone, province_code, kab_kota_code, background, lks_types, qualifications, active, version, created_at, updated_at) VALUES
  ('bench0pk-0000-4000-8000-0000000000c1', 'bench0pk-0000-4000-8000-0000000000a1', '${ASESOR.email}', 'Asesor Paket (bench)', NULL,
   '32', '32.73', 'academic', '["LKS-LU"]', '[]', 1, 1, '${at}', '${at}');
INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, version, created_at, updated_at, instrument_version_id)
SELECT '${APPLICATION}', l.tenant_id, l.id, 'first', 'draft', 1, 1,
  '{"number":"021/PWSC/XI/2026","date":"2026-11-01","signatoryName":"Drs. Bambang Hartono","signatoryPosition":"Ketua Yayasan"}',
  '[]', '[]', '${at}', 1, '${at}', '${at}', 'lks-lu-2025-1'
FROM lks l WHERE l.name = 'Panti Werdha Sejahtera Cipondoh';
INSERT INTO assessment_assignments (id, tenant_id, application_id, asesor_id, role, status, decline_reason, declaration, declared_at, assigned_by, assigned_at, responded_at)
SELECT '${ASSIGNMENT}', a.tenant_id, a.id, 'bench0pk-0000-4000-8000-0000000000c1', 'lead', 'accepted', NULL,
  '[{"id":"Saya tidak memiliki konflik kepentingan dengan LKS ini.","en":"I have no conflict of interest with this LKS."}]',
  '${at}', u.id, '${at}', '${at}'
FROM applications a, users u WHERE a.id = '${APPLICATION}' AND u.email = 'balks@akrab.test';
`;
}

/** A phone-like picture (gradients and noise), `width` × `height` at JPEG `quality`. */
function picture(width: number, height: number, seed: number, quality: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let s = seed * 2654435761;
  for (let i = 0; i < width * height; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const n = ((s >>> 16) % 64) - 32;
    data[i * 4] = Math.max(0, Math.min(255, 60 + ((i % width) / width) * 150 + n));
    data[i * 4 + 1] = Math.max(0, Math.min(255, 90 + (Math.floor(i / width) / height) * 120 - n));
    data[i * 4 + 2] = 120 + (seed % 60);
    data[i * 4 + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width, height }, quality).data);
}

/**
 * The thumbnail the LKS's device stores beside a photo: longest side 160 px at quality 75, as
 * `makeThumbnail` encodes it (JPEG here; Chromium would send WebP, a little smaller).
 */
const thumbnail = (seed: number): Buffer => picture(160, 120, seed, 75);

/** A phone-like photo (gradients and noise) of about `bytes` (JPEG quality 80). */
function photo(bytes: number, seed: number): Buffer {
  const encode = (width: number, height: number) => picture(width, height, seed, 80);
  // Bytes per pixel from a small trial, then once more from the first full-size try (JPEG headers
  // and the gradient weigh less as the picture grows).
  let width = Math.round(Math.sqrt(bytes / (encode(200, 150).length / (200 * 150)) / 0.75));
  const first = encode(width, Math.round(width * 0.75));
  width = Math.round(width * Math.sqrt(bytes / first.length));
  return encode(width, Math.round(width * 0.75));
}

/** The indicator codes of the application's instrument, from the pack itself (as the asesor). */
async function indicatorsOf(baseUrl: string, token: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/v1/me/assignments/${ASSIGNMENT}/pack`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`bench pack: the pack answered ${response.status}: ${await response.text()}`);
  const pack = (await response.json()) as {
    instrument: { standards: { aspects: { indicators: { code: string }[] }[] }[] };
  };
  return pack.instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators.map((i) => i.code)));
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ASESOR),
  });
  if (!response.ok) throw new Error(`bench pack: sign-in of ${ASESOR.email} failed (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

/** The 30 evidence files, uploaded through tus as the LKS's operator; returns their total bytes. */
async function uploadEvidence(uploader: Uploader, indicators: string[]): Promise<number> {
  if (uploader.applicationId !== APPLICATION)
    throw new Error(`bench pack: the operator's open application is ${uploader.applicationId}, not the seeded one`);
  let total = 0;
  for (let i = 0; i < PHOTOS + PDFS; i++) {
    const isPhoto = i < PHOTOS;
    // Sizes spread evenly over each range, so the run is the same every time.
    const file = isPhoto
      ? photo(150_000 + Math.round((250_000 * i) / (PHOTOS - 1)), i + 1)
      : makePdf(200_000 + Math.round((1_800_000 * (i - PHOTOS)) / (PDFS - 1)));
    const filename = isPhoto
      ? `IMG_2026110${1 + (i % 9)}_${String(90_000 + i * 137)}.jpg`
      : `Bukti-${String(i - PHOTOS + 1).padStart(2, "0")}-laporan-kegiatan.pdf`;
    const run = await tusUpload({
      endpoint: `${uploader.baseUrl}/api/v1/t/${uploader.tenant}/uploads`,
      token: uploader.token,
      file,
      metadata: {
        filename,
        filetype: isPhoto ? "image/jpeg" : "application/pdf",
        sha256: sha256Hex(file),
        applicationId: APPLICATION,
        indicator: indicators[i % indicators.length]!,
      },
      chunkSize: 5 * 1024 * 1024,
      retryDelays: [0, 100, 500],
    });
    if (!run.documentId) throw new Error(`bench pack: upload of ${filename} gave no document`);
    total += file.length;
    if (isPhoto) {
      const put = await fetch(`${uploader.baseUrl}/api/v1/t/${uploader.tenant}/documents/${run.documentId}/thumbnail`, {
        method: "PUT",
        headers: { authorization: `Bearer ${uploader.token}`, "content-type": "image/jpeg" },
        body: new Blob([new Uint8Array(thumbnail(i + 1))]),
      });
      if (put.status !== 204)
        throw new Error(`bench pack: thumbnail of ${filename}: ${put.status} ${await put.text()}`);
    }
  }
  return total;
}

interface Row {
  link: string;
  shown: string;
  packBytes: number;
  /** The 20 thumbnails together, as the pack lists them, and as they crossed the link. */
  thumbnailBytes: number;
  thumbWireBytes: number;
  gzipBytes: number;
  wireBytes: number;
  openMs: number;
  downloadMs: number;
}

/** On one link: sign in (cookie), open /penugasan, read the size shown, download, wait for "on the device". */
async function onLink(browser: Browser, baseUrl: string, link: Link): Promise<Row> {
  // No service worker: every request is the page's own, so its DevTools session throttles and counts
  // them all (the service worker passes API calls through to the network anyway).
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 360, height: 740 },
    locale: "id-ID",
    serviceWorkers: "block",
  });
  try {
    const login = await context.request.post(`${baseUrl}/api/v1/auth/login`, {
      data: ASESOR,
      headers: { origin: baseUrl },
    });
    if (!login.ok()) throw new Error(`bench pack: sign-in failed (${login.status()})`);
    const page: Page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", conditions(link));
    const packPath = `/api/v1/me/assignments/${ASSIGNMENT}/pack`;
    const urls = new Map<string, { url: string; method: string }>();
    let wireBytes = 0;
    let thumbWireBytes = 0;
    cdp.on("Network.requestWillBeSent", (e: { requestId: string; request: { url: string; method: string } }) =>
      urls.set(e.requestId, e.request),
    );
    cdp.on("Network.loadingFinished", (e: { requestId: string; encodedDataLength: number }) => {
      const request = urls.get(e.requestId);
      if (request && new URL(request.url).pathname === packPath && request.method === "GET")
        wireBytes += e.encodedDataLength;
      if (request && new URL(request.url).pathname.endsWith("/thumbnail")) thumbWireBytes += e.encodedDataLength;
    });

    let start = performance.now();
    await page.goto("/penugasan", { waitUntil: "commit" });
    const card = page.getByTestId("pn-assignment").filter({ hasText: "Panti Werdha Sejahtera Cipondoh" });
    const size = card.getByTestId("pack-size");
    await size.waitFor({ timeout: 300_000 });
    const openMs = performance.now() - start;
    const shown = await size.innerText();

    const response = page.waitForResponse(
      (r) => new URL(r.url()).pathname === packPath && r.request().method() === "GET",
      { timeout: 300_000 },
    );
    start = performance.now();
    await card.getByTestId("pack-download").click();
    await card.getByTestId("pack-on-device").waitFor({ timeout: 300_000 });
    const downloadMs = performance.now() - start;
    const body = await (await response).body();
    const pack = JSON.parse(body.toString("utf8")) as {
      size: { pack: number; evidence: number; thumbnails: number };
      selfAssessment: { evidence: { thumbnail: unknown }[] };
    };
    if (pack.selfAssessment.evidence.length !== PHOTOS + PDFS)
      throw new Error(`bench pack: ${pack.selfAssessment.evidence.length} evidence items in the pack`);
    const thumbs = pack.selfAssessment.evidence.filter((e) => e.thumbnail !== null).length;
    if (thumbs !== PHOTOS) throw new Error(`bench pack: ${thumbs} thumbnails listed for ${PHOTOS} photos`);
    // The originals stay out: the pack is a fraction of one photo, let alone the 30 files.
    if (body.length >= pack.size.evidence / 10)
      throw new Error(`bench pack: ${body.length} bytes of pack for ${pack.size.evidence} bytes of evidence`);
    return {
      link: link.name,
      shown,
      packBytes: body.length,
      thumbnailBytes: pack.size.thumbnails,
      thumbWireBytes,
      gzipBytes: gzipSync(body, { level: 6 }).length,
      wireBytes,
      openMs,
      downloadMs,
    };
  } finally {
    await context.close();
  }
}

/** Seeds the evidence through the API, then prints the pack's size and download time on each link. */
export async function benchPack(browser: Browser, baseUrl: string): Promise<void> {
  const token = await signIn(baseUrl);
  const indicators = await indicatorsOf(baseUrl, token);
  const evidenceBytes = await uploadEvidence(await prepareUploader(baseUrl), indicators);
  const rows: Row[] = [];
  for (const link of LINKS) rows.push(await onLink(browser, baseUrl, link));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `\nVisit pack of one LKS with ${PHOTOS + PDFS} evidence items (${PHOTOS} photos, ${PDFS} PDFs; originals ${(evidenceBytes / 1e6).toFixed(1)} MB, not in the pack)`,
  );
  console.table(
    rows.map((r) => ({
      link: r.link,
      "shown before": r.shown,
      pack: kb(r.packBytes),
      "pack gzip -6": kb(r.gzipBytes),
      "on the wire (wrangler dev gzips it)": kb(r.wireBytes),
      thumbnails: kb(r.thumbnailBytes),
      "thumbnails on the wire": kb(r.thumbWireBytes),
      "open /penugasan": `${(r.openMs / 1000).toFixed(2)} s`,
      "click → on the device": `${(r.downloadMs / 1000).toFixed(2)} s`,
    })),
  );
}
