/**
 * Certificates (issue 14): BALKS issues the certificate of a decided application; the PDF's QR
 * opens the public verification page in an anonymous browser, which says "Aktif" and checks the
 * QR's signature in the browser against the published keys; BALKS revokes, and the page says
 * "Dicabut" with the reason. Also prints the page's first-load bytes and its time on emulated 2G.
 */
import { inflateSync } from "node:zlib";
import { decodeQR } from "@paulmillr/qr/decode.js";
import { PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { QR_MODULE_PT } from "../../worker/src/services/certificate-pdf.ts";
import { apiFetch, apiSignIn, baseUrl, launch, open, shot } from "./helpers.ts";

const APPLICATION = "e2e00014-0000-4000-8000-000000000014"; // fixtures/certificate-accredited.sql
const T = "/api/v1/t/kota-tangerang";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The QR's text, read back from the squares the PDF draws (see tests/worker/certificates.test.ts). */
async function qrOfPdf(bytes: ArrayBuffer): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  let content = "";
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const flate = object.dict.get(PDFName.of("Filter"))?.toString() === "/FlateDecode";
    content += Buffer.from(flate ? inflateSync(object.contents) : object.contents).toString("latin1");
  }
  const size = String(QR_MODULE_PT).replace(".", "\\.");
  const square = new RegExp(
    `1 0 0 1 (-?[\\d.]+) (-?[\\d.]+) cm\\n1 0 0 1 0 0 cm\\n1 0 0 1 0 0 cm\\n0 0 m\\n0 ${size} l\\n${size} ${size} l`,
    "g",
  );
  const squares = [...content.matchAll(square)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  const minX = Math.min(...squares.map((s) => s.x));
  const maxY = Math.max(...squares.map((s) => s.y));
  const cells = squares.map((s) => ({
    col: Math.round((s.x - minX) / QR_MODULE_PT),
    row: Math.round((maxY - s.y) / QR_MODULE_PT),
  }));
  const modules = Math.max(...cells.map((c) => Math.max(c.col, c.row))) + 1;
  const scale = 4;
  const width = (modules + 8) * scale;
  const data = new Uint8Array(width * width * 3).fill(255);
  for (const { col, row } of cells)
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const at = ((row + 4) * scale + dy) * width + (col + 4) * scale + dx;
        data.fill(0, at * 3, at * 3 + 3);
      }
  return decodeQR({ width, height: width, data });
}

describe("a certificate anyone can verify", () => {
  test("issued by BALKS, opened from its QR by anyone, revoked and shown as such", async () => {
    const balks = await apiSignIn("balks@akrab.test");
    const issued = await apiFetch(`${T}/applications/${APPLICATION}/transitions`, {
      method: "POST",
      cookie: balks.cookie,
      body: { action: "issue_certificate", expectedVersion: 1 },
    });
    expect(issued.status, await issued.clone().text()).toBe(200);
    const dinsos = await apiSignIn("dinsos.kota-tangerang@akrab.test");
    const cert = (await (
      await apiFetch(`${T}/applications/${APPLICATION}/certificate`, { cookie: dinsos.cookie })
    ).json()) as { number: string };
    const pdf = await apiFetch(`${T}/certificates/${encodeURIComponent(cert.number)}/pdf`, { cookie: dinsos.cookie });
    expect(pdf.status).toBe(200);
    const qr = new URL(await qrOfPdf(await pdf.arrayBuffer()));
    expect(qr.pathname).toBe(`/verifikasi/${cert.number.split("/").map(encodeURIComponent).join("/")}`);
    expect(qr.hash.length).toBeGreaterThan(100);

    // An anonymous phone on 2G opens the QR's page (on this server's origin).
    const visitor = await open(browser, { width: 360, height: 740 });
    const cdp = await visitor.context.newCDPSession(visitor.page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 800,
      downloadThroughput: (250 * 1024) / 8,
      uploadThroughput: (250 * 1024) / 8,
    });
    let bytes = 0;
    cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    const started = Date.now();
    await visitor.page.goto(`${baseUrl()}${qr.pathname}${qr.hash}`, { waitUntil: "load" });
    const loadMs = Date.now() - started;
    await visitor.page.getByText("Aktif", { exact: true }).waitFor();
    await visitor.page.getByText(/Tanda tangan QR asli/).waitFor({ timeout: 20_000 });
    console.log(
      `verification page, first load on emulated 2G (800 ms RTT, 250 kbit/s): ${bytes} B on the wire, load in ${loadMs} ms`,
    );
    expect(bytes).toBeLessThan(30 * 1024);
    const page = await visitor.page.content();
    expect(page).toContain("Yayasan Difabel Mandiri Tangerang");
    await shot(visitor.page, "certificate-verification-active");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // A QR whose payload was altered is not genuine.
    const [body, sig] = qr.hash.slice(1).split(".") as [string, string];
    const altered = Buffer.from(Buffer.from(body, "base64url").toString("utf8").replace("|A|", "|B|")).toString(
      "base64url",
    );
    await visitor.page.goto(`${baseUrl()}${qr.pathname}#${altered}.${sig}`);
    await visitor.page.reload();
    await visitor.page.getByText(/tidak asli/).waitFor();

    // BALKS revokes: the page (cached at the edge until now) says so at once, with the reason.
    const revoked = await apiFetch(`/api/v1/national/certificates/${encodeURIComponent(cert.number)}/revoke`, {
      method: "POST",
      cookie: balks.cookie,
      body: { reason: "Terbukti melanggar standar pengasuhan" },
    });
    expect(revoked.status).toBe(200);
    await visitor.page.goto(`${baseUrl()}${qr.pathname}`);
    await visitor.page.getByText("Dicabut", { exact: true }).waitFor();
    expect(await visitor.page.content()).toContain("Terbukti melanggar standar pengasuhan");
    expect(visitor.cspViolations).toEqual([]);
    expect(visitor.pageErrors).toEqual([]);
    await shot(visitor.page, "certificate-verification-revoked");

    // The form finds it by number too.
    await visitor.page.goto(`${baseUrl()}/verifikasi`);
    await visitor.page.getByLabel(/Nomor sertifikat/).fill(cert.number);
    await visitor.page.getByRole("button", { name: /Periksa/ }).click();
    await visitor.page.getByText("Dicabut", { exact: true }).waitFor();
    await visitor.context.close();
  });
});
