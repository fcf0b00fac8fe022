import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, login, open, overflowsHorizontally, shot } from "./helpers.ts";

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
    await page.waitForURL((url) => /^\/lks\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/baru"));
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
    await page.waitForURL((url) => url.pathname.startsWith("/permohonan/") && url.pathname !== "/permohonan/baru");
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
});
