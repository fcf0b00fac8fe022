/**
 * Certificates in the app (issue 14), on a 360 px phone: the LKS sees its certificate's live status
 * on the application page and downloads the PDF; its Dinsos records the hand-over (a date the API
 * refuses is shown at the field); BALKS revokes with a reason in a confirm dialog, and the LKS's
 * section then says "Dicabut" with the reason. The sign-in page offers the certificate check first.
 */
import { readFile } from "node:fs/promises";
import { PDFDocument } from "pdf-lib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiFetch, apiSignIn, launch, login, open, overflowsHorizontally } from "./helpers.ts";

const APPLICATION = "e2e00014-0000-4000-8000-000000000015"; // fixtures/certificate-app.sql
const PAGE = `/t/kota-tangerang/permohonan/${APPLICATION}`;
const PHONE = { width: 360, height: 740 };
const REASON = "Pengasuhan anak tidak sesuai standar setelah pemeriksaan lapangan";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("certificates in the app", () => {
  // Three people's sessions one after another: 15 s on a quiet machine, over 60 s with the machine loaded.
  test("the LKS downloads its certificate, the Dinsos records the hand-over, BALKS revokes and the LKS reads why", {
    timeout: 180_000,
  }, async () => {
    const balksApi = await apiSignIn("balks@akrab.test");
    const issued = await apiFetch(`/api/v1/t/kota-tangerang/applications/${APPLICATION}/transitions`, {
      method: "POST",
      cookie: balksApi.cookie,
      body: { action: "issue_certificate", expectedVersion: 1 },
    });
    expect(issued.status, await issued.clone().text()).toBe(200);

    // The LKS, on a phone: the status in words, the PDF with its size, the public link.
    const lks = await open(browser, PHONE);
    await login(lks.page, "lks@akrab.test");
    await lks.page.goto(PAGE);
    const section = lks.page.getByTestId("certificate-section");
    await section.waitFor();
    expect(await lks.page.getByTestId("certificate-status").textContent()).toBe("Aktif");
    const number = ((await lks.page.getByTestId("certificate-number").textContent()) ?? "").trim();
    expect(number).toMatch(/\d{4}$/);
    const link = lks.page.getByTestId("certificate-download");
    expect(await link.textContent()).toMatch(/Unduh sertifikat \(PDF\) · \d+ KB/);
    expect(await lks.page.getByTestId("certificate-verify").getAttribute("href")).toBe(
      `/verifikasi/${number.split("/").map(encodeURIComponent).join("/")}`,
    );
    expect(await section.textContent()).toContain("belum dicatat Dinsos");
    expect(await overflowsHorizontally(lks.page)).toBe(false);

    const [download] = await Promise.all([lks.page.waitForEvent("download"), link.click()]);
    const bytes = await readFile((await download.path()) ?? "");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toContain(number);
    expect(pdf.getPageCount()).toBe(1);

    // The Dinsos records the hand-over; a date before the issue is refused by the API, at the field.
    const dinsos = await open(browser, PHONE);
    await login(dinsos.page, "dinsos.kota-tangerang@akrab.test");
    await dinsos.page.goto(PAGE);
    await dinsos.page.getByTestId("certificate-section").waitFor();
    await dinsos.page.getByLabel("Tanggal serah terima").fill("2020-01-02");
    await dinsos.page.getByLabel("Diserahkan kepada").fill("Sri Wahyuni, Ketua Yayasan");
    await dinsos.page.getByRole("button", { name: "Catat serah terima" }).click();
    await dinsos.page
      .locator("#cert-handover-on-error")
      .getByText(/Antara tanggal terbit dan hari ini/)
      .waitFor();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
    await dinsos.page.getByLabel("Tanggal serah terima").fill(today);
    await dinsos.page.getByRole("button", { name: "Catat serah terima" }).click();
    await dinsos.page
      .getByTestId("certificate-handover")
      .getByText(/kepada Sri Wahyuni, Ketua Yayasan/)
      .waitFor();
    // Only BALKS suspends or revokes.
    expect(await dinsos.page.getByRole("button", { name: "Cabut sertifikat" }).count()).toBe(0);
    await dinsos.context.close();

    // BALKS, on a desktop: revokes with a reason in the confirm dialog (too short a reason is named at the field).
    const balks = await open(browser);
    await login(balks.page, "balks@akrab.test");
    await balks.page.goto(PAGE);
    await balks.page.getByTestId("certificate-section").waitFor();
    await balks.page.getByRole("button", { name: "Cabut sertifikat" }).click();
    const dialog = balks.page.getByRole("dialog");
    await dialog.getByLabel("Alasan").fill("Singkat");
    await dialog.getByTestId("certificate-event-confirm").click();
    await dialog.getByText("Tulis alasannya (minimal 10 huruf)").waitFor();
    await dialog.getByLabel("Alasan").fill(REASON);
    await dialog.getByTestId("certificate-event-confirm").click();
    await balks.page.getByTestId("certificate-status").getByText("Dicabut", { exact: true }).waitFor();
    expect(await balks.page.getByTestId("certificate-reason").textContent()).toContain(REASON);
    // A revocation is final: no further suspend or revoke is offered.
    expect(await balks.page.getByRole("button", { name: "Cabut sertifikat" }).count()).toBe(0);
    await balks.page.getByTestId("certificate-section").screenshot({ path: shotPath("certificate-section-desktop") });
    expect(balks.pageErrors).toEqual([]);
    await balks.context.close();

    // The LKS's section now says why.
    await lks.page.reload();
    await lks.page.getByTestId("certificate-status").getByText("Dicabut", { exact: true }).waitFor();
    expect(await lks.page.getByTestId("certificate-reason").textContent()).toContain(REASON);
    await lks.page
      .getByTestId("certificate-handover")
      .getByText(/Sri Wahyuni/)
      .waitFor();
    expect(await overflowsHorizontally(lks.page)).toBe(false);
    await lks.page.getByTestId("certificate-section").screenshot({ path: shotPath("certificate-section-360") });
    expect(lks.cspViolations).toEqual([]);
    expect(lks.pageErrors).toEqual([]);
    await lks.context.close();

    // Someone not signed in checks the number first thing on the sign-in page.
    const visitor = await open(browser, PHONE);
    await visitor.page.goto("/login");
    const check = visitor.page.getByRole("heading", { name: "Cek akreditasi LKS" });
    const signIn = visitor.page.getByRole("heading", { level: 1, name: "Masuk" });
    expect((await check.boundingBox())!.y).toBeLessThan((await signIn.boundingBox())!.y);
    await visitor.page.getByLabel("Nomor sertifikat").fill(number);
    await visitor.page.getByRole("button", { name: "Periksa" }).click();
    await visitor.page.waitForURL((url) => url.pathname.startsWith("/verifikasi/"));
    await visitor.page.getByText("Dicabut", { exact: true }).waitFor();
    expect(await visitor.page.content()).toContain(REASON);
    await visitor.context.close();
  });

  test("BALKS keeps the number format and signer; a format the API refuses is named at its field", async () => {
    const balks = await open(browser, PHONE);
    await login(balks.page, "balks@akrab.test");
    await balks.page.goto("/balks/instrumen");
    const settings = balks.page.getByTestId("certificate-settings");
    const format = settings.getByLabel("Format nomor");
    await format.waitFor();
    const original = await format.inputValue();
    expect(original).toContain("{seq");
    // Without {seq} the API refuses (numbers would repeat): the problem sits under the field, nothing is saved.
    await format.fill("BALKS/{grade}/{year}");
    await settings.getByRole("button", { name: "Simpan pengaturan" }).click();
    await balks.page.locator("#cs-numberTemplate-error").waitFor();
    expect(await format.getAttribute("aria-invalid")).toBe("true");
    const after = await apiFetch("/api/v1/national/certificate-settings", {
      cookie: (await apiSignIn("balks@akrab.test")).cookie,
    });
    expect(((await after.json()) as { numberTemplate: string }).numberTemplate).toBe(original);
    // The format as it was (other tests' certificates are numbered meanwhile) saves, with its example.
    await format.fill(original);
    await settings.getByRole("button", { name: "Simpan pengaturan" }).click();
    await settings.getByText("Pengaturan sertifikat disimpan.").waitFor();
    expect(await settings.getByTestId("certificate-settings-example").textContent()).toMatch(/\d/);
    expect(await overflowsHorizontally(balks.page)).toBe(false);
    await settings.screenshot({ path: shotPath("certificate-settings-360") });
    expect(balks.pageErrors).toEqual([]);
    await balks.context.close();
  });
  test("a save on settings someone saved meanwhile: another's change is shown at its field to take over; this form's own change saves again by itself", async () => {
    const PATH = "/api/v1/national/certificate-settings";
    type Settings = { numberTemplate: string; signerName: string; signerPosition: string; version: number };
    const cookie = (await apiSignIn("balks@akrab.test")).cookie;
    const read = async () => (await (await apiFetch(PATH, { cookie })).json()) as Settings;
    // Another editor's save, on the version saved now.
    const saveOther = async (change: Partial<Settings>) => {
      const { version, ...values } = await read();
      const other = await apiFetch(PATH, {
        method: "PUT",
        cookie,
        body: { ...values, ...change, expectedVersion: version },
      });
      expect(other.status, await other.clone().text()).toBe(200);
    };
    const original = await read();
    const balks = await open(browser, PHONE);
    try {
      await login(balks.page, "balks@akrab.test");
      await balks.page.goto("/balks/instrumen");
      const settings = balks.page.getByTestId("certificate-settings");
      const position = settings.getByLabel("Jabatan penanda tangan");
      const name = settings.getByLabel("Nama penanda tangan");
      const save = settings.getByRole("button", { name: "Simpan pengaturan" });
      await position.waitFor();
      expect(await position.inputValue()).toBe(original.signerPosition);

      // Someone saves the same values meanwhile: only this form changed the position, so it is saved
      // on the version saved now, nothing to choose.
      await saveOther({});
      await position.fill("Wakil Ketua BALKS");
      await save.click();
      await settings.getByText("Pengaturan sertifikat disimpan.").waitFor();
      expect(await read()).toMatchObject({ signerPosition: "Wakil Ketua BALKS", version: original.version + 2 });
      expect(await settings.getByTestId("cs-signerPosition-current").count()).toBe(0);

      // Someone changes the signer's name meanwhile: nothing is saved, their name is shown at its field,
      // the position this form changed is not marked.
      await saveOther({ signerName: "Dr. Sari Dewi" });
      await position.fill(original.signerPosition);
      await save.click();
      const current = settings.getByTestId("cs-signerName-current");
      await current.waitFor();
      expect(await current.innerText()).toContain("Dr. Sari Dewi");
      await settings.getByText(/Pengaturan sertifikat ini telah diubah orang lain.*nama penanda tangan/).waitFor();
      expect(await settings.getByTestId("cs-signerPosition-current").count()).toBe(0);
      expect(await read()).toMatchObject({ signerName: "Dr. Sari Dewi", signerPosition: "Wakil Ketua BALKS" });
      expect(await overflowsHorizontally(balks.page)).toBe(false);

      // Taking theirs over keeps this form's position, and saves on the version saved now.
      await settings.getByRole("button", { name: "Pakai yang tersimpan sekarang" }).click();
      expect(await name.inputValue()).toBe("Dr. Sari Dewi");
      expect(await current.count()).toBe(0);
      await save.click();
      await settings.getByText("Pengaturan sertifikat disimpan.").waitFor();
      expect(await read()).toMatchObject({ signerName: "Dr. Sari Dewi", signerPosition: original.signerPosition });
      expect(balks.pageErrors).toEqual([]);
    } finally {
      await balks.context.close();
      // The signer as it was, for the certificates other tests issue.
      await saveOther({ signerName: original.signerName, signerPosition: original.signerPosition });
    }
  });
});

const shotPath = (name: string) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;
