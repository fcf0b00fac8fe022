import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, login, open, overflowsHorizontally, shot } from "./helpers.ts";

const BUILD = new URL("../../web/build/", import.meta.url);
const BUDGET_BYTES = 80 * 1024;

/** Collects the JS and CSS a page fetches; `weight()` is their gzip (-9) size from the build. */
/**
 * The JS/CSS a page fetches from its next load on.
 */
function watchAssets(page: Page) {
  const files = new Set<string>();
  // Counted from the page's next load: what the previous one fetched does not count.
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    files.clear();
  });
  page.on("request", (request) => {
    const type = request.resourceType();
    const path = new URL(request.url()).pathname;
    if ((type !== "script" && type !== "stylesheet") || !path.startsWith("/_app/")) return;
    files.add(path);
  });
  return {
    files,
    weight: () => weightOf([...files]),
  };
}

async function weightOf(files: string[]): Promise<number> {
  let gzip = 0;
  for (const file of files) gzip += gzipSync(await readFile(new URL(`.${file}`, BUILD)), { level: 9 }).length;
  return gzip;
}

/** A one-page PDF: enough for the server's type sniffing and page count. */
function onePagePdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");

/** The government part of the profile form: ownership, kind, owning agency and decree. */
async function fillGovernmentIdentity(page: Page, name: string) {
  await page.getByLabel("Nama LKS").fill(name);
  await page.getByRole("radio", { name: /Pemerintah provinsi/ }).check();
  // Kinds show their Indonesian name with the English one below it.
  await page.getByRole("radio", { name: /Panti sosial milik pemerintah/ }).check();
  await page.getByText("Government-owned residential home").waitFor();
  // A government unit has no legal form, notarial deed or Kemenkumham approval to fill in.
  expect(await page.getByRole("radio", { name: "Yayasan", exact: true }).count()).toBe(0);
  expect(await page.getByLabel("Nomor akta notaris").count()).toBe(0);
  await page.getByLabel("Instansi pemilik").fill("Dinas Sosial Provinsi DKI Jakarta");
  await page.getByLabel(/Nomor SK pendirian/).fill("Pergub 57 Tahun 2022");
  await page.getByLabel("Tanggal SK pendirian").fill("2022-06-20");
  await page.getByLabel("Penerbit SK").fill("Gubernur DKI Jakarta");
}

describe("government units", () => {
  test("the DKI Dinsos registers its own panti on its decree and opens an application for it", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser);
    await login(page, "dinsos.jakarta@akrab.test");
    await page.goto("/lks/baru");
    const name = `Panti Sosial Bina Insan ${digits(4)}`;
    await fillGovernmentIdentity(page, name);
    await page.getByLabel("Alamat jalan").fill("Jl. Tanah Merdeka No. 1, Jakarta Timur");
    await expect.poll(() => page.getByLabel("Provinsi", { exact: true }).inputValue()).toBe("31");
    await page.getByLabel("Kabupaten/kota").selectOption("31.75");
    await page.getByLabel("Kecamatan").selectOption("31.75.01");
    await page.getByLabel("Kelurahan/desa").selectOption("31.75.01.1003");
    await page.getByLabel("Telepon").fill("021 8191234");
    await page.getByLabel("Email", { exact: true }).fill(`panti${digits(4)}@jakarta.test`);
    await page.getByLabel("Nama lengkap").fill("Dra. Endang Purwanti");
    await page.getByLabel("Jabatan").fill("Kepala Panti");
    await page.getByLabel("NIK (nomor KTP)").fill("3175034505680007");
    await page.getByRole("checkbox", { name: "LKS Lanjut Usia" }).check();
    await page.getByRole("radio", { name: "Dalam panti" }).check();
    await page.getByRole("checkbox", { name: "Lanjut usia terlantar", exact: true }).check();
    await page.getByLabel("Kapasitas").fill("250");
    await page.getByLabel("Jumlah penerima manfaat saat ini").fill("231");
    await page.getByLabel("Jumlah pengurus/pekerja").fill("64");
    await shot(page, "government-unit-form");
    await page.getByRole("button", { name: "Simpan ke registri" }).click();

    // Its own Dinsos registered it: it is in the registry at once, with its ownership shown.
    await page.waitForURL((url) => /^\/t\/[^/]+\/lks\/[^/]+$/.test(url.pathname));
    await expect.poll(() => page.getByTestId("lks-status").innerText()).toBe("Terdaftar");
    await page.getByText("Pemerintah provinsi (Provincial government)").waitFor();
    await page.getByText("Pergub 57 Tahun 2022").first().waitFor();
    await shot(page, "government-unit-profile");

    // The Dinsos opens the accreditation application; its checklist is the government one.
    await page.getByTestId("apply-for-unit").click();
    await page.getByRole("heading", { level: 1, name: "Ajukan akreditasi" }).waitFor();
    await page.getByText(name).first().waitFor();
    await page.getByLabel("Nomor surat").fill(`800/${digits(3)}/PSBI/2026`);
    await page.getByLabel("Tanggal surat").fill("2026-01-05");
    await page.getByLabel("Nama penanda tangan").fill("Dra. Endang Purwanti");
    await page.getByLabel("Jabatan penanda tangan").fill("Kepala Panti");
    await page.getByRole("button", { name: "Buat permohonan" }).click();
    await page.waitForURL((url) => /^\/t\/[^/]+\/permohonan\/[^/]+$/.test(url.pathname));
    await page.getByTestId("doc-sk_pendirian_unit").waitFor();
    expect(await page.getByTestId("doc-akta_pendirian").count()).toBe(0);
    expect(await page.getByTestId("doc-npwp").count()).toBe(0);
    await shot(page, "government-unit-application");

    // The registry filters by ownership and labels government units.
    await page.goto("/lks?ownership=government");
    await page.getByTestId("lks-list").getByText(name).waitFor();
    await page.getByTestId("lks-list").getByText("Loka Bina Karya Jakarta Timur").waitFor();
    expect(await page.getByTestId("lks-list").getByText("Yayasan Bina Laras Jakarta Timur").count()).toBe(0);
    await page.getByTestId("ownership").first().waitFor();

    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("at 360 px the government fields and the registry filters fit the screen", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, "dinsos.jakarta@akrab.test");
    await page.goto("/lks/baru");
    await fillGovernmentIdentity(page, "Loka Bina Karya Jakarta Barat");
    await page.getByRole("radio", { name: /Loka Bina Karya/ }).check();
    await shot(page, "government-unit-form-360");
    await page.getByRole("radio", { name: /Pemerintah provinsi/ }).scrollIntoViewIfNeeded();
    await shot(page, "government-unit-identity-360", false);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.goto("/lks?ownership=government");
    await page.getByTestId("lks-list").getByText("Loka Bina Karya Jakarta Timur").waitFor();
    await shot(page, "government-registry-360");
    expect(await overflowsHorizontally(page)).toBe(false);
    // Leave no draft behind for the next run.
    await page.goto("/lks/baru");
    await page.evaluate(() => localStorage.clear());
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the DKI Dinsos uploads its panti's decree on the LKS page and sees it listed with its versions", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser);
    await login(page, "dinsos.jakarta@akrab.test");
    await page.goto("/lks?ownership=government");
    await page.getByTestId("lks-list").getByText("Panti Sosial Tresna Werdha Budi Mulia 1").click();
    await page.waitForURL((url) => /^\/t\/[^/]+\/lks\/[^/]+$/.test(url.pathname));
    const assets = watchAssets(page);
    await page.reload();
    // The route's code is requested before the LKS arrives from the API; the document panel only
    // after it (the LKS form pages are heavier than the 80 KB of the other pages; the panel must not
    // add to their first load).
    await page.getByRole("heading", { level: 1, name: "Panti Sosial Tresna Werdha Budi Mulia 1" }).waitFor();
    const panel = page.getByTestId("profile-documents");
    const decree = panel.getByTestId("profile-doc-decree");
    await decree.waitFor();
    // A government unit keeps its decree, not the community legal documents.
    expect(await panel.getByTestId("profile-doc-deed").count()).toBe(0);
    expect(await panel.getByTestId("profile-doc-npwpCard").count()).toBe(0);
    // The panel is its own chunk, imported dynamically (the build's manifest says so), and requested
    // with its CSS. (When it comes is no measure: with the LKS kept on the device, the page shows it,
    // and asks for the panel, before the server's answer arrives.)
    const manifest = JSON.parse(
      await readFile(new URL("../../web/.svelte-kit/output/client/.vite/manifest.json", import.meta.url), "utf8"),
    ) as Record<string, { file: string; isDynamicEntry?: boolean; css?: string[] }>;
    const panelChunk = manifest["src/lib/components/lks/ProfileDocuments.svelte"];
    expect(panelChunk?.isDynamicEntry).toBe(true);
    const lazy = [panelChunk!.file, ...(panelChunk!.css ?? [])].map((file) => `/${file}`);
    expect(lazy.every((file) => assets.files.has(file))).toBe(true);
    const lazyWeight = await weightOf(lazy);
    console.info(
      `[budget] /lks/{id}: the document panel loads on its own, ${(lazyWeight / 1024).toFixed(1)} KB gzip (-9) ` +
        `in ${lazy.length} files`,
    );
    expect(lazy.length).toBeGreaterThan(0);
    expect(lazyWeight).toBeLessThanOrEqual(12 * 1024);
    // tus-js-client comes only once a file is picked.
    expect([...assets.files].some((file) => file.includes("tus"))).toBe(false);

    const before = await decree.getByTestId("doc-file").count();
    const filename = `pergub-57-2022-${digits(4)}.pdf`;
    await page
      .locator("#upload-decree")
      .setInputFiles({ name: filename, mimeType: "application/pdf", buffer: onePagePdf() });
    await panel.getByTestId("upload-queue").waitFor();
    await expect
      .poll(
        () =>
          decree
            .getByTestId("doc-filename")
            .innerText()
            .catch(() => ""),
        { timeout: 30_000 },
      )
      .toBe(filename);
    expect(await decree.getByTestId("doc-meta").innerText()).toContain("1 halaman");
    expect(await decree.getByTestId("doc-download").getAttribute("href")).toContain("/content");
    if (before > 0) await decree.getByTestId("doc-versions").waitFor();
    await shot(page, "lks-profile-documents");

    // At 360 px the panel fits the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await panel.scrollIntoViewIfNeeded();
    await shot(page, "lks-profile-documents-360", false);
    expect(await overflowsHorizontally(page)).toBe(false);

    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("BALKS registers a Kemensos unit in DKI Jakarta, and the DKI Dinsos reads it without changing it", async () => {
    const balks = await open(browser);
    await login(balks.page, "balks@akrab.test");
    await balks.page.getByTestId("tile-kemensos").click();
    await balks.page.getByRole("heading", { level: 1, name: "Unit Kemensos" }).waitFor();
    const assets = watchAssets(balks.page);
    await balks.page.reload();
    await balks.page.getByTestId("kemensos-register").waitFor();
    const listWeight = await assets.weight();
    console.info(`[budget] /kemensos: ${(listWeight / 1024).toFixed(1)} KB gzip (-9) JS+CSS`);
    expect(listWeight).toBeLessThanOrEqual(BUDGET_BYTES);
    await balks.page.getByTestId("kemensos-register").click();
    await balks.page.getByRole("heading", { level: 1, name: "Daftarkan unit Kemensos" }).waitFor();

    const name = `Sentra Terpadu Pangudi Luhur ${digits(4)}`;
    const page = balks.page;
    await page.getByLabel("Nama LKS").fill(name);
    // The ownership is fixed: no community or Dinsos-owned choice on this form.
    expect(await page.getByRole("radio", { name: /Pemerintah provinsi/ }).count()).toBe(0);
    await page.getByRole("radio", { name: /Sentra\/Balai Kemensos/ }).check();
    await page.getByLabel("Instansi pemilik").fill("Kementerian Sosial RI");
    await page.getByLabel(/Nomor SK pendirian/).fill("Permensos 3 Tahun 2022");
    await page.getByLabel("Tanggal SK pendirian").fill("2022-02-01");
    await page.getByLabel("Penerbit SK").fill("Menteri Sosial");
    await page.getByLabel("Alamat jalan").fill("Jl. Bambu Apus Raya No. 1");
    await page.getByLabel("Provinsi", { exact: true }).selectOption("31");
    await page.getByLabel("Kabupaten/kota").selectOption("31.75");
    await page.getByLabel("Kecamatan").selectOption("31.75.01");
    await page.getByLabel("Kelurahan/desa").selectOption("31.75.01.1003");
    await page.getByLabel("Telepon").fill("021 8400 123");
    await page.getByLabel("Email", { exact: true }).fill(`sentra${digits(4)}@kemensos.test`);
    await page.getByLabel("Nama lengkap").fill("Dr. Hendra Wijaya");
    await page.getByLabel("Jabatan").fill("Kepala Sentra");
    await page.getByLabel("NIK (nomor KTP)").fill("3175031203700004");
    await page.getByRole("checkbox", { name: "LKS Lanjut Usia" }).check();
    await page.getByRole("radio", { name: "Dalam panti" }).check();
    await page.getByRole("checkbox", { name: "Lanjut usia terlantar", exact: true }).check();
    await page.getByLabel("Kapasitas").fill("120");
    await page.getByLabel("Jumlah penerima manfaat saat ini").fill("98");
    await page.getByLabel("Jumlah pengurus/pekerja").fill("40");
    await shot(page, "kemensos-register-form");
    await page.getByRole("button", { name: "Daftarkan unit" }).click();

    // Registered at once into the DKI Jakarta tenant; BALKS may edit it (on the national page).
    await page.waitForURL((url) => /^\/t\/prov-dki-jakarta\/lks\/[^/]+$/.test(url.pathname));
    await expect.poll(() => page.getByTestId("lks-status").innerText()).toBe("Terdaftar");
    const unitUrl = new URL(page.url());
    await page.getByTestId("kemensos-edit").click();
    await page.getByRole("heading", { level: 1, name: "Ubah profil unit Kemensos" }).waitFor();
    await page.getByLabel("Jumlah penerima manfaat saat ini").fill("101");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.waitForURL((url) => url.pathname === unitUrl.pathname);
    await page.getByText("101").first().waitFor();
    await shot(page, "kemensos-unit-balks");
    expect(balks.cspViolations).toEqual([]);
    expect(balks.pageErrors).toEqual([]);
    await balks.context.close();

    // The DKI Dinsos reads it, read-only: no edit, no upload of its decree.
    for (const viewport of [
      { width: 1100, height: 800 },
      { width: 360, height: 740 },
    ]) {
      const dki = await open(browser, viewport);
      await login(dki.page, "dinsos.jakarta@akrab.test");
      await dki.page.goto(`${unitUrl.pathname}${unitUrl.search}`);
      await dki.page.getByRole("heading", { level: 1, name }).waitFor();
      await dki.page.getByTestId("kemensos-readonly").waitFor();
      await dki.page.getByTestId("profile-documents").getByTestId("profile-doc-decree").waitFor();
      expect(await dki.page.getByRole("button", { name: "Ubah profil" }).count()).toBe(0);
      expect(await dki.page.getByTestId("kemensos-edit").count()).toBe(0);
      expect(await dki.page.locator("#upload-decree").count()).toBe(0);
      await shot(dki.page, `kemensos-unit-dinsos-${viewport.width}`);
      expect(await overflowsHorizontally(dki.page)).toBe(false);
      expect(dki.pageErrors).toEqual([]);
      await dki.context.close();
    }
  });
});
