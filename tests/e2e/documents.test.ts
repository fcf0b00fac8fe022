/**
 * Documents that survive a slow, dropping link, in Chromium: an LKS operator on emulated slow 3G
 * (400 ms, 50 KB/s) picks a PDF and a phone photo for two checklist requirements; the page is
 * reloaded while the PDF is half on the server, and the upload finishes after the reload from the
 * server's offset without the file being picked again. The checklist then shows both files with
 * the PDF's page count and the photo's thumbnail; the Kota Tangerang verifier accepts the photo and
 * returns the PDF with a note, which the LKS sees.
 *
 * The LKS is a fresh one (public registration, verified by Kota Tangerang; see bench/photo.ts):
 * Kasih Bunda belongs to applications.test.ts and Panti Werdha Cipondoh to the upload fault test,
 * which move or withdraw their applications while files run side by side.
 */
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import jpeg from "jpeg-js";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { Browser, CDPSession, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication } from "../../bench/photo.ts";
import {
  actAs,
  baseUrl,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
  uploadRequiredDocuments,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const TENANT = "kota-tangerang";
const PHOTO_REQUIREMENT = "formulir_b"; // pdf, jpeg, png, webp, heic; ≤ 20 MB
const PDF_REQUIREMENT = "profil_lks"; // pdf; ≤ 2 MB
const RETURN_NOTE = "Halaman 2 buram, mohon pindai ulang dengan lebih terang.";

// ---------- files ----------

/** A phone-like photo: gradients with sensor noise (compresses poorly as JPEG, as real photos do). */
function makePhoto(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  const noise = randomBytes(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const n = (noise[y * width + x]! - 128) / 8;
      data[i] = Math.max(0, Math.min(255, 60 + (x / width) * 150 + n));
      data[i + 1] = Math.max(0, Math.min(255, 90 + (y / height) * 120 - n));
      data[i + 2] = Math.max(0, Math.min(255, 140 + Math.sin(x / 37 + y / 53) * 60 + n));
      data[i + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

/** A valid 3-page PDF of about 650 KB: text plus a scanned-looking (noisy) image per page. */
async function makePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 3; n++) {
    const width = 420;
    const height = 315;
    const pixels = Buffer.alloc(width * height * 4, 255);
    const noise = randomBytes(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      pixels[i * 4] = noise[i * 3]!;
      pixels[i * 4 + 1] = noise[i * 3 + 1]!;
      pixels[i * 4 + 2] = noise[i * 3 + 2]!;
    }
    const scan = await pdf.embedJpg(jpeg.encode({ data: pixels, width, height }, 90).data);
    const page = pdf.addPage([595, 842]);
    page.drawText(`Profil LKS — halaman ${n}`, { x: 50, y: 780, size: 18, font, color: rgb(0.1, 0.2, 0.15) });
    page.drawImage(scan, { x: 50, y: 400, width: 495, height: 360 });
  }
  return Buffer.from(await pdf.save());
}

// ---------- browser helpers ----------

async function slow3g(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 400,
    downloadThroughput: 50_000,
    uploadThroughput: 50_000,
  });
  return cdp;
}

async function fullSpeed(cdp: CDPSession): Promise<void> {
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
}

const item = (page: Page, key: string) => page.getByTestId(`doc-${key}`);
const statusOf = async (page: Page, key: string) =>
  (await item(page, key).getByTestId("doc-status").innerText()).trim();

async function waitForStatus(page: Page, key: string, label: string, timeout = 60_000): Promise<void> {
  await item(page, key).getByTestId("doc-status").filter({ hasText: label }).waitFor({ timeout });
}

/** Every tus request the page makes: method, URL, offsets. */
interface TusEvent {
  method: string;
  url: string;
  requestOffset: number | null;
  status: number;
  responseOffset: number | null;
  length: number | null;
}

function watchTus(page: Page, events: TusEvent[]): void {
  page.on("response", (response: Response) => {
    const request = response.request();
    if (!/\/api\/v1\/t\/[^/]+\/uploads(\/|$)/.test(request.url())) return;
    const headers = response.headers();
    const requestHeaders = request.headers();
    const num = (value: string | undefined) => (value === undefined ? null : Number(value));
    events.push({
      method: request.method(),
      url: request.method() === "POST" ? (headers.location ?? "") : request.url(),
      requestOffset: num(requestHeaders["upload-offset"]),
      status: response.status(),
      responseOffset: num(headers["upload-offset"]),
      length: num(requestHeaders["upload-length"] ?? headers["upload-length"]),
    });
  });
}

describe("documents that survive 2G", () => {
  test("an LKS uploads a photo and a PDF on slow 3G, reloads mid-upload, and the upload finishes from the server's offset; the verifier accepts one and returns the other", {
    timeout: 180_000,
  }, async () => {
    const started = Date.now();
    const [setup, photo, pdfBytes] = await Promise.all([
      registerLksWithApplication(baseUrl(), "Panti Asuhan Dokumen Uji"),
      Promise.resolve(makePhoto(1800, 1350)),
      makePdf(),
    ]);
    expect(photo.length, "the photo is a few hundred KB").toBeGreaterThan(300_000);
    expect(photo.length).toBeLessThan(700_000);
    // More than two 256 KiB chunks: after the first one lands there are seconds left to reload in,
    // even on a loaded machine.
    expect(pdfBytes.length, "the PDF spans three 256 KiB chunks").toBeGreaterThan(530_000);
    expect(pdfBytes.length).toBeLessThan(900_000);
    const applicationPath = `/t/${TENANT}/permohonan/${setup.applicationId}`;

    // 1. The operator signs in (normal speed), opens the application, then the link drops to slow 3G.
    const lks = await open(browser);
    await login(lks.page, setup.email, setup.password);
    const scripts: { url: string; body: Buffer }[] = [];
    lks.page.on("response", (response) => {
      if (response.request().resourceType() === "script")
        void response.body().then(
          (body) => scripts.push({ url: response.url(), body }),
          () => undefined,
        );
    });
    await lks.page.goto(applicationPath);
    await lks.page.getByRole("heading", { level: 1, name: setup.name }).waitFor();
    await item(lks.page, PDF_REQUIREMENT).getByText("Pilih berkas").waitFor();
    await lks.page.waitForLoadState("networkidle");
    const tusClient = (body: Buffer) => body.includes("tus: neither an endpoint or an upload URL is provided");
    expect(
      scripts.some((s) => tusClient(s.body)),
      "tus-js-client is not part of the page's first load",
    ).toBe(false);
    const pageWeight = scripts.reduce((sum, s) => sum + gzipSync(s.body, { level: 9 }).length, 0);

    const cdp = await slow3g(lks.page);
    const connection = (await lks.page.evaluate(() => {
      const c = (navigator as Navigator & { connection?: { effectiveType?: string; downlink?: number } }).connection;
      return c ? `${c.effectiveType} ${c.downlink} Mbit/s` : "no Network Information API";
    })) as string;
    const events: TusEvent[] = [];
    watchTus(lks.page, events);

    // 2. The PDF first. The signal drops at once: the queue says it waits, and goes on by itself when it is back.
    await lks.page
      .locator(`#upload-${PDF_REQUIREMENT}`)
      .setInputFiles({ name: "profil-lks.pdf", mimeType: "application/pdf", buffer: pdfBytes });
    const queue = lks.page.getByTestId("upload-queue");
    await queue.locator('[data-testid="upload-item"]:not([data-state="preparing"])').waitFor();
    await cdp.send("Network.emulateNetworkConditions", {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await queue.getByTestId("upload-offline").waitFor();
    await queue.locator('[data-testid="upload-item"][data-state="offline"]').waitFor();
    expect(await queue.getByTestId("upload-item").innerText()).toContain("Menunggu sinyal, akan lanjut sendiri");
    await shot(lks.page, "documents-offline", false);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 400,
      downloadThroughput: 50_000,
      uploadThroughput: 50_000,
    });
    await queue.getByTestId("upload-offline").waitFor({ state: "detached" });

    // Then the photo (downscaled in the browser before it is queued).
    await lks.page
      .locator(`#upload-${PHOTO_REQUIREMENT}`)
      .setInputFiles({ name: "IMG_20260214_101500.jpg", mimeType: "image/jpeg", buffer: photo });
    await queue.getByTestId("upload-item").filter({ hasText: "IMG_20260214_101500" }).waitFor();
    await queue
      .getByTestId("upload-saved")
      .waitFor({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        await shot(lks.page, "documents-failure");
        throw new Error(
          `${String(error)}\n${await lks.page.locator("main").innerText()}\n${lks.pageErrors.join("\n")}`,
        );
      }); // "Foto diperkecil dari … menjadi … (hemat …%)"
    const savedText = await queue.getByTestId("upload-saved").innerText();
    expect(savedText).toMatch(/Foto diperkecil dari .* menjadi .* \(hemat \d+%\)/);
    await lks.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="upload-item"][data-state="preparing"]').length === 0,
    );

    // 3. Reload as soon as the server holds part of the PDF (and not all of it).
    const midway = await new Promise<TusEvent>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no partial PATCH within 40 s (connection: ${connection}); tus events: ${JSON.stringify(events)}`,
            ),
          ),
        40_000,
      );
      const check = setInterval(() => {
        const post = events.find((e) => e.method === "POST" && e.status === 201 && e.length === pdfBytes.length);
        const patch = events.find(
          (e) => e.method === "PATCH" && e.status === 204 && e.responseOffset !== null && post && e.url === post.url,
        );
        if (post && patch && patch.responseOffset! > 0 && patch.responseOffset! < post.length!) {
          clearInterval(check);
          clearTimeout(timer);
          resolve(patch);
        }
      }, 50);
    });
    const pdfUpload = events.find((e) => e.method === "POST" && e.url === midway.url)!;
    await shot(lks.page, "documents-uploading-slow3g", false);
    await lks.page.reload();
    const afterReload = events.length;

    // 4. No file is picked again: the queue on the device resumes from the server's offset.
    await lks.page.getByRole("heading", { level: 1, name: setup.name }).waitFor();
    await waitForStatus(lks.page, PDF_REQUIREMENT, "Sudah diunggah");
    await waitForStatus(lks.page, PHOTO_REQUIREMENT, "Sudah diunggah");
    const resumed = events.slice(afterReload).filter((e) => e.url === midway.url);
    expect(
      resumed[0]?.method,
      `after the reload the PDF's upload is asked for its offset: ${JSON.stringify(resumed)}`,
    ).toBe("HEAD");
    expect(resumed[0]!.responseOffset).toBeGreaterThan(0);
    const firstPatchAfter = resumed.find((e) => e.method === "PATCH");
    expect(firstPatchAfter?.requestOffset, "the PDF continues where the server stopped, not from 0").toBeGreaterThan(0);
    expect(
      events.slice(afterReload).filter((e) => e.method === "POST" && e.url === midway.url).length,
      "the PDF's upload is not created again after the reload",
    ).toBe(0);
    expect(
      events.filter((e) => e.method === "POST" && e.status === 201 && e.length === pdfBytes.length).length,
      "one upload created for the PDF",
    ).toBe(1);
    expect(
      scripts.some((s) => tusClient(s.body)),
      "tus-js-client is loaded once an upload starts",
    ).toBe(true);

    // 5. The checklist: sizes and pages before any download, the photo's thumbnail, download links.
    await fullSpeed(cdp);
    const pdfItem = item(lks.page, PDF_REQUIREMENT);
    expect(await pdfItem.getByTestId("doc-filename").innerText()).toBe("profil-lks.pdf");
    expect(await pdfItem.getByTestId("doc-meta").innerText()).toMatch(/^\d+ KB · 3 halaman · Versi 1$/);
    const download = await pdfItem.getByTestId("doc-download").getAttribute("href");
    const stored = await lks.page.request.get(download!);
    expect(stored.status()).toBe(200);
    expect((await stored.body()).equals(pdfBytes), "the stored PDF is byte for byte the one picked").toBe(true);
    const photoItem = item(lks.page, PHOTO_REQUIREMENT);
    expect(await photoItem.getByTestId("doc-filename").innerText()).toBe("IMG_20260214_101500.webp");
    const thumb = photoItem.getByTestId("doc-thumb");
    await thumb.waitFor();
    // The thumbnail loads lazily, once near the screen (the list of missing documents above the
    // checklist pushes it below the fold).
    await thumb.scrollIntoViewIfNeeded();
    await lks.page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="doc-formulir_b"] [data-testid="doc-thumb"]');
      return img?.complete && img.naturalWidth > 0;
    });
    const natural = await thumb.evaluate((img) => [
      (img as HTMLImageElement).naturalWidth,
      (img as HTMLImageElement).naturalHeight,
    ]);
    expect(Math.max(...natural)).toBeLessThanOrEqual(160);
    await lks.page.getByTestId("upload-queue").getByText("Semua berkas terkirim.").waitFor();
    await shot(lks.page, "documents-uploaded");

    // The same on a 360 px phone: nothing wider than the screen.
    const phone = await open(browser, { width: 360, height: 740 });
    await login(phone.page, setup.email, setup.password);
    await phone.page.goto(applicationPath);
    await waitForStatus(phone.page, PHOTO_REQUIREMENT, "Sudah diunggah");
    await item(phone.page, PHOTO_REQUIREMENT).getByTestId("doc-thumb").waitFor();
    await shot(phone.page, "mobile-documents-uploaded");
    const wide = await phone.page.evaluate(() =>
      [...document.querySelectorAll("main *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
    );
    expect(await overflowsHorizontally(phone.page), `wider than the screen: ${wide.join(", ")}`).toBe(false);

    // Refusals say what to do. A file type the requirement does not take is refused on the device…
    await lks.page
      .locator("#upload-akta_pendirian")
      .setInputFiles({ name: "catatan.txt", mimeType: "text/plain", buffer: Buffer.from("bukan dokumen") });
    expect(await item(lks.page, "akta_pendirian").getByTestId("upload-error").innerText()).toBe(
      "Jenis berkas ini tidak diterima untuk dokumen ini. Gunakan PDF.",
    );
    // …a "PDF" whose bytes are not a PDF by the server (415 file-type-mismatch on the first PATCH)…
    await lks.page.locator("#upload-akta_pendirian").setInputFiles({
      name: "akta.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(`bukan PDF ${randomBytes(8).toString("hex")}`.repeat(50)),
    });
    const mismatch = queue.locator('[data-testid="upload-item"][data-requirement="akta_pendirian"]');
    await mismatch.locator('[data-testid="upload-failure"]').waitFor();
    expect(await mismatch.getByTestId("upload-failure").innerText()).toContain(
      "Isi berkas tidak sesuai dengan jenisnya",
    );
    await mismatch.getByRole("button", { name: /^Hapus/ }).click();
    await mismatch.waitFor({ state: "detached" });
    // …and a file the LKS already stored is linked without sending a byte again.
    const patchesBefore = events.filter((e) => e.method === "PATCH").length;
    await lks.page
      .locator("#upload-surat_permohonan")
      .setInputFiles({ name: "profil-lks.pdf", mimeType: "application/pdf", buffer: pdfBytes });
    const duplicate = queue.locator('[data-testid="upload-item"][data-requirement="surat_permohonan"]');
    await duplicate.and(lks.page.locator('[data-state="duplicate"]')).waitFor();
    expect(await duplicate.innerText()).toContain("Sudah pernah diunggah");
    await waitForStatus(lks.page, "surat_permohonan", "Sudah diunggah");
    expect(events.filter((e) => e.method === "PATCH").length, "no bytes sent for a file already stored").toBe(
      patchesBefore,
    );
    await shot(lks.page, "documents-refusals", false);
    // Replacing a file keeps the earlier version, listed (who, when, size) under the current one.
    await lks.page
      .locator("#upload-surat_permohonan")
      .setInputFiles({ name: "surat-permohonan.pdf", mimeType: "application/pdf", buffer: await makePdf() });
    const letterItem = item(lks.page, "surat_permohonan");
    await letterItem.getByTestId("doc-filename").filter({ hasText: "surat-permohonan.pdf" }).waitFor();
    await letterItem.locator("summary").filter({ hasText: "Versi sebelumnya (1)" }).click();
    expect(await letterItem.locator(".versions li").innerText()).toMatch(
      /profil-lks\.pdf · \d+ KB · 3 halaman · Versi 1\s+Diunggah Siti Rahmawati, .* WIB/,
    );

    // 6. The rest of the required documents arrive (through the API: this test's uploads are the
    //    three above), then the LKS submits; the Kota Tangerang verifier accepts the photo and returns
    //    the PDF with a note.
    const rest = await uploadRequiredDocuments(setup, TENANT, setup.applicationId);
    expect(rest).not.toContain(PDF_REQUIREMENT);
    expect(rest).not.toContain(PHOTO_REQUIREMENT);
    await lks.page.reload();
    await waitForStatus(lks.page, rest[0]!, "Sudah diunggah");
    await lks.page.getByTestId("appl-actions").getByRole("button", { name: "Ajukan", exact: true }).click();
    await lks.page.getByRole("dialog").getByTestId("action-confirm").click();
    await lks.page.getByTestId("appl-step").filter({ hasText: "Verifikasi Dinsos kabupaten/kota" }).waitFor();

    const dinsos = await open(browser);
    await login(dinsos.page, "dinsos.kota-tangerang@akrab.test");
    await actAs(dinsos.page, "Verifikator Dinsos");
    await dinsos.page.goto(applicationPath);
    await waitForStatus(dinsos.page, PHOTO_REQUIREMENT, "Sudah diunggah");
    expect(await item(dinsos.page, PDF_REQUIREMENT).getByTestId("doc-meta").innerText()).toContain("3 halaman");
    await item(dinsos.page, PHOTO_REQUIREMENT)
      .getByRole("button", { name: /^Terima Formulir B/ })
      .click();
    await waitForStatus(dinsos.page, PHOTO_REQUIREMENT, "Diterima");
    await dinsos.page.getByTestId("appl-notice").filter({ hasText: "diterima" }).waitFor();
    const pdfReview = item(dinsos.page, PDF_REQUIREMENT);
    await pdfReview.getByRole("button", { name: /^Kembalikan Profil LKS/ }).click();
    // A note is required: sending without one says so at the field.
    await pdfReview.getByRole("button", { name: "Kirim pengembalian" }).click();
    await pdfReview.locator(".field-error").filter({ hasText: "minimal 3 karakter" }).waitFor();
    await pdfReview.getByLabel("Alasan dikembalikan (wajib)").fill(RETURN_NOTE);
    await shot(dinsos.page, "documents-verifier-return", false);
    // The per-document return form is inline: on a 320 or 360 px phone it stays within the width.
    const desktop = dinsos.page.viewportSize();
    for (const width of [320, 360]) {
      await dinsos.page.setViewportSize({ width, height: 640 });
      const form = pdfReview.getByLabel("Alasan dikembalikan (wajib)");
      await form.scrollIntoViewIfNeeded();
      const box = await form.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width, `return form at ${width}px: ${JSON.stringify(box)}`).toBe(
        true,
      );
      expect(await overflowsHorizontally(dinsos.page)).toBe(false);
    }
    if (desktop) await dinsos.page.setViewportSize(desktop);
    await pdfReview.getByRole("button", { name: "Kirim pengembalian" }).click();
    await waitForStatus(dinsos.page, PDF_REQUIREMENT, "Dikembalikan");
    expect(await pdfReview.getByTestId("doc-thread").innerText()).toContain(RETURN_NOTE);
    await shot(dinsos.page, "documents-verifier-reviewed");

    // 7. The LKS sees the verdicts and the note (on the phone).
    await phone.page.reload();
    await waitForStatus(phone.page, PDF_REQUIREMENT, "Dikembalikan");
    expect(await statusOf(phone.page, PHOTO_REQUIREMENT)).toBe("Diterima");
    expect(await item(phone.page, PDF_REQUIREMENT).getByTestId("doc-thread").innerText()).toContain(RETURN_NOTE);
    expect(await overflowsHorizontally(phone.page)).toBe(false);
    await item(phone.page, PDF_REQUIREMENT).scrollIntoViewIfNeeded();
    await shot(phone.page, "mobile-documents-returned", false);

    for (const session of [lks, phone, dinsos]) {
      expect(session.cspViolations).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      await session.context.close();
    }
    console.log(
      `[documents] photo ${photo.length} B → "${savedText}"; PDF ${pdfBytes.length} B, reloaded at offset ${midway.responseOffset}/${pdfUpload.length}; ` +
        `connection ${connection}; application page first load ${(pageWeight / 1024).toFixed(1)} KB gzip JS; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
