import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makePdf } from "../support/tus-node-client.ts";
import {
  DEMO_PASSWORD,
  actAs,
  apiFetch,
  insideViewport,
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

// ---------- API helpers (Node): make the test independent of what other runs left behind ----------

async function apiLogin(email: string): Promise<string> {
  const response = await apiFetch("/api/v1/auth/login", { method: "POST", body: { email, password: DEMO_PASSWORD } });
  expect(response.status, `login ${email}`).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.includes("akrab_session"));
  return cookie!.split(";")[0]!;
}

interface Found {
  id: string;
  tenant: { slug: string };
}
async function inbox(cookie: string, path: string): Promise<Found[]> {
  const response = await apiFetch(path, { cookie });
  if (response.status !== 200) return [];
  return ((await response.json()) as { items: Array<Found & { lks: { name: string } }> }).items.filter(
    (i) => i.lks.name === "Panti Asuhan Kasih Bunda",
  );
}

async function act(cookie: string, app: Found, action: string, extra: Record<string, unknown> = {}): Promise<void> {
  const base = `/api/v1/t/${app.tenant.slug}/applications/${app.id}`;
  const current = (await (await apiFetch(base, { cookie })).json()) as { version: number };
  const response = await apiFetch(`${base}/transitions`, {
    method: "POST",
    cookie,
    body: { action, expectedVersion: current.version, ...extra },
  });
  expect(response.status, `${action}: ${await response.clone().text()}`).toBe(200);
}

const RETURN = {
  comment: "Dibersihkan oleh tes e2e",
  items: [{ kind: "letter", ref: "number", message: "Dibersihkan oleh tes" }],
};

/** Withdraws Kasih Bunda's open application, wherever in the workflow an earlier run left it. */
async function withdrawOpenApplication(): Promise<void> {
  const lks = await apiLogin("lks@akrab.test");
  const kota = await apiLogin("dinsos.kota-tangerang@akrab.test");
  const province = await apiLogin("dinsos.banten@akrab.test");
  const balks = await apiLogin("balks@akrab.test");
  for (let round = 0; round < 6; round++) {
    const own = await inbox(lks, "/api/v1/t/kota-tangerang/inbox");
    if (own[0]) {
      await act(lks, own[0], "withdraw");
      continue;
    }
    const atKota = await inbox(kota, "/api/v1/t/kota-tangerang/inbox");
    if (atKota[0]) {
      await act(kota, atKota[0], "return", RETURN);
      continue;
    }
    const atProvince = await inbox(province, "/api/v1/t/prov-banten/inbox");
    if (atProvince[0]) {
      await act(province, atProvince[0], "return", RETURN);
      continue;
    }
    const national = await apiFetch("/api/v1/national/inbox", { cookie: balks });
    const atBalks = (
      (await national.json()) as { items: Array<Found & { lks: { name: string }; step: { id: string } }> }
    ).items.find((i) => i.lks.name === "Panti Asuhan Kasih Bunda");
    if (atBalks) {
      await act(
        balks,
        atBalks,
        atBalks.step.id === "admin_check" ? "return" : "accept",
        atBalks.step.id === "admin_check" ? RETURN : {},
      );
      continue;
    }
    return;
  }
}

async function confirmDialog(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-confirm").click();
  await dialog.waitFor({ state: "hidden" });
}

async function stepIs(page: Page, label: string): Promise<void> {
  await page.getByTestId("appl-step").filter({ hasText: label }).waitFor();
}

describe("accreditation application: submit, return for revision, resubmit, recommend", () => {
  // Four signed-in people and a dozen pages: about 15 s alone, up to a minute when every e2e file runs at once.
  test("an LKS applies, Kota Tangerang returns it with two items, the LKS resubmits, Dinsos and the province recommend it to BALKS", {
    timeout: 150_000,
  }, async () => {
    await withdrawOpenApplication();

    // 1. The LKS operator opens an application from its home and submits it.
    const lks = await open(browser);
    await login(lks.page, "lks@akrab.test");
    await lks.page.getByTestId("tile-apply").click();
    await lks.page.getByRole("heading", { level: 1, name: "Ajukan akreditasi" }).waitFor();
    await lks.page.getByLabel("Nomor surat").fill("012/PAKB/2026");
    await lks.page.getByLabel("Tanggal surat").fill("2026-01-05");
    await lks.page.getByLabel("Nama penanda tangan").fill("Maria Suryani");
    await lks.page.getByLabel("Jabatan penanda tangan").fill("Ketua Yayasan");
    await lks.page.getByLabel(/Ringkasan/).fill("Pengajuan akreditasi pertama.");
    await lks.page.getByTestId("draft-note").filter({ hasText: "Draf tersimpan" }).waitFor();
    await shot(lks.page, "application-letter-form");
    await lks.page.getByRole("button", { name: "Buat permohonan" }).click();
    await lks.page.waitForURL((url) => /^\/t\/[^/]+\/permohonan\/[^/]+$/.test(url.pathname));
    await stepIs(lks.page, "Draf");
    await lks.page.getByTestId("doc-profil_lks").getByText("Pilih berkas").waitFor();
    const applicationUrl = lks.page.url();
    // Submitting needs every required document (uploading is documents.test.ts's subject: here
    // they go through the API); until then the page lists what is missing.
    await lks.page.getByTestId("appl-missing").waitFor();
    // The application's page is /t/{tenant}/permohonan/{id}.
    const [, , createdTenant, , createdId] = new URL(applicationUrl).pathname.split("/");
    await uploadRequiredDocuments({ email: "lks@akrab.test" }, createdTenant!, createdId!);
    await lks.page.reload();
    await lks.page
      .getByTestId("doc-profil_lks")
      .getByTestId("doc-status")
      .filter({ hasText: "Sudah diunggah" })
      .waitFor();
    expect(await lks.page.getByTestId("appl-missing").count()).toBe(0);
    await lks.page.getByTestId("appl-actions").getByRole("button", { name: "Ajukan", exact: true }).click();
    await lks.page.getByRole("dialog").getByRole("heading", { name: "Ajukan" }).waitFor();
    await expectDialogFitsPhones(lks.page, "submit dialog");
    await confirmDialog(lks.page);
    await stepIs(lks.page, "Verifikasi Dinsos kabupaten/kota");
    await lks.page.getByTestId("appl-notice").waitFor();
    await shot(lks.page, "application-submitted");

    // 2. The Kota Tangerang verifier finds it in the inbox and returns it with two items.
    const dinsos = await open(browser);
    await login(dinsos.page, "dinsos.kota-tangerang@akrab.test");
    await actAs(dinsos.page, "Verifikator Dinsos");
    await dinsos.page.getByTestId("tile-inbox").click();
    await dinsos.page.getByRole("heading", { level: 1, name: "Permohonan masuk" }).waitFor();
    await dinsos.page
      .getByTestId("inbox-count")
      .filter({ hasText: /\d+ permohonan menunggu/ })
      .waitFor();
    await shot(dinsos.page, "inbox-kota");
    await dinsos.page.getByTestId("inbox").getByRole("link", { name: "Panti Asuhan Kasih Bunda" }).click();
    await stepIs(dinsos.page, "Verifikasi Dinsos kabupaten/kota");
    await dinsos.page.getByRole("button", { name: "Kembalikan untuk perbaikan" }).click();
    const dialog = dinsos.page.getByRole("dialog");
    // Nothing listed yet: the dialog says what is missing instead of sending.
    await dialog.getByTestId("action-confirm").click();
    await dialog.getByText("Tindakan ini memerlukan catatan.").waitFor();
    await dialog.locator("#ri-kind-0").selectOption("document");
    await dialog.locator("#ri-ref-0").selectOption({ index: 1 });
    const returnedKey = await dialog.locator("#ri-ref-0").inputValue();
    await dialog.locator("#ri-msg-0").fill("Scan akta tidak terbaca, mohon unggah ulang.");
    await dialog.getByRole("button", { name: /Tambah butir/ }).click();
    await dialog.locator("#ri-kind-1").selectOption("letter");
    await dialog.locator("#ri-ref-1").selectOption("number");
    await dialog.locator("#ri-msg-1").fill("Nomor surat tidak sesuai dengan kop surat.");
    await dialog.getByLabel("Catatan (wajib)").fill("Mohon lengkapi dua hal berikut.");
    await shot(dinsos.page, "application-return-dialog", false);
    await expectDialogFitsPhones(dinsos.page, "return dialog with two items");
    await confirmDialog(dinsos.page);
    await stepIs(dinsos.page, "Perbaikan oleh LKS");
    await dinsos.page.getByTestId("appl-todo").waitFor();

    // 3. The operator sees the to-do list (each item beside what it refers to), corrects the letter
    //    number in place and resubmits.
    const phone = await open(browser, { width: 360, height: 740 });
    await login(phone.page, "lks@akrab.test");
    await phone.page.getByTestId("tile-application").click();
    await stepIs(phone.page, "Perbaikan oleh LKS");
    const todo = phone.page.getByTestId("appl-todo");
    // A document's note is shown once, in its thread in the checklist; the to-do list points at it.
    expect(await todo.innerText()).not.toContain("Scan akta tidak terbaca");
    expect(await todo.innerText()).toContain("Lihat catatan pada dokumen");
    expect(await todo.innerText()).toContain("Nomor surat tidak sesuai");
    await phone.page.getByTestId("doc-note").filter({ hasText: "Scan akta tidak terbaca" }).waitFor();
    expect(await phone.page.getByText("Scan akta tidak terbaca", { exact: false }).count()).toBe(1);
    expect(await overflowsHorizontally(phone.page)).toBe(false);
    await shot(phone.page, "mobile-application-todo");
    // The letter item points at the letter's field, with the verifier's note beside it.
    await todo.getByRole("link", { name: /Perbaiki di surat permohonan/ }).click();
    const number = phone.page.locator("#f-letter-number");
    // The letter's fields load first if they had not come near the screen yet (a chunk fetched on a
    // busy machine can take seconds: expect.poll's own 1 s was too short under load).
    await expect
      .poll(() => phone.page.evaluate(() => document.activeElement?.id), { timeout: 15_000 })
      .toBe("f-letter-number");
    await phone.page.getByTestId("letter-note").filter({ hasText: "Nomor surat tidak sesuai" }).waitFor();
    expect(await number.inputValue()).toBe("012/PAKB/2026");
    // The browser's own check lands at the field.
    await number.fill(" ");
    await phone.page.getByRole("button", { name: "Simpan surat" }).click();
    await phone.page.locator("#f-letter-number-error").filter({ hasText: "Wajib diisi." }).waitFor();
    // Meanwhile another field of the letter changes on another device: the stale page's save merges
    // field by field (each field sent with its value as loaded), keeping both changes.
    const apiBase = `/api/v1${new URL(applicationUrl).pathname.replace("/permohonan/", "/applications/")}`;
    const operatorCookie = await apiLogin("lks@akrab.test");
    const stored = (await (await apiFetch(apiBase, { cookie: operatorCookie })).json()) as {
      version: number;
      letter: Record<string, string>;
    };
    const elsewhere = await apiFetch(`${apiBase}/letter`, {
      method: "PUT",
      cookie: operatorCookie,
      body: {
        letter: { ...stored.letter, summary: "Pengajuan akreditasi pertama (diperbarui)." },
        expectedVersion: stored.version,
      },
    });
    expect(elsewhere.status, await elsewhere.clone().text()).toBe(200);
    await number.fill("013/PAKB/2026");
    await phone.page.getByRole("button", { name: "Simpan surat" }).click();
    await phone.page.getByTestId("appl-notice").filter({ hasText: "Surat permohonan disimpan." }).waitFor();
    expect(await phone.page.locator("#f-letter-summary").inputValue()).toBe(
      "Pengajuan akreditasi pertama (diperbarui).",
    );
    expect(await number.inputValue()).toBe("013/PAKB/2026");
    expect(await overflowsHorizontally(phone.page)).toBe(false);
    await shot(phone.page, "mobile-application-letter-corrected");
    // The returned document holds the resubmission back until a new version is there: the page
    // says so, and the operator replaces it from the phone.
    const resubmit = phone.page.getByRole("button", { name: "Ajukan ulang" });
    expect(await phone.page.getByTestId("appl-missing").innerText()).toContain("dikembalikan, unggah ulang");
    expect(await resubmit.isDisabled()).toBe(true);
    await phone.page
      .locator(`#upload-${returnedKey}`)
      .setInputFiles({ name: "akta-pindai-ulang.pdf", mimeType: "application/pdf", buffer: makePdf(6000) });
    await phone.page
      .getByTestId(`doc-${returnedKey}`)
      .getByTestId("doc-status")
      .filter({ hasText: "Sudah diunggah" })
      .waitFor();
    await phone.page.getByTestId("appl-missing").waitFor({ state: "detached" });
    await resubmit.click();
    await confirmDialog(phone.page);
    await stepIs(phone.page, "Verifikasi Dinsos kabupaten/kota");

    // 4. The verifier sees it back, with the corrected letter number among the changes, and recommends it.
    await dinsos.page.reload();
    await stepIs(dinsos.page, "Verifikasi Dinsos kabupaten/kota");
    const changes = dinsos.page.getByTestId("appl-changes").locator("li").filter({ hasText: "Nomor surat" });
    expect((await changes.innerText()).replace(/\s+/g, " ")).toMatch(
      /Nomor surat .*012\/PAKB\/2026 → .*013\/PAKB\/2026/,
    );
    await shot(dinsos.page, "application-changes-since-return");
    await dinsos.page.getByRole("button", { name: "Rekomendasikan", exact: true }).click();
    await confirmDialog(dinsos.page);
    await stepIs(dinsos.page, "Verifikasi Dinsos provinsi");

    // 5. The province head finds it among its kab/kota's applications and recommends it to BALKS.
    const province = await open(browser);
    await login(province.page, "dinsos.banten@akrab.test");
    await actAs(province.page, "Kepala Dinsos");
    await province.page.getByTestId("tile-inbox").click();
    await province.page.getByLabel("Kabupaten/kota").selectOption("kota-tangerang");
    await province.page.waitForURL((url) => url.searchParams.get("area") === "kota-tangerang");
    await province.page.getByTestId("inbox").getByRole("link", { name: "Panti Asuhan Kasih Bunda" }).click();
    await stepIs(province.page, "Verifikasi Dinsos provinsi");
    await province.page.getByRole("button", { name: "Rekomendasikan ke BALKS" }).click();
    await confirmDialog(province.page);
    await stepIs(province.page, "Penerimaan di BALKS");

    // 6. The timeline shows every step, with who acted and the return's items (its code loads
    //    once it comes near the screen, below the checklist and the letter).
    await province.page.getByRole("heading", { level: 2, name: "Riwayat permohonan" }).scrollIntoViewIfNeeded();
    const timeline = province.page.getByTestId("timeline");
    await timeline.getByTestId("timeline-entry").nth(7).waitFor();
    const entries = await timeline.getByTestId("timeline-entry").allInnerTexts();
    expect(entries.map((e) => e.split("\n")[0])).toEqual([
      "Permohonan dibuat",
      "Diajukan",
      "Dikembalikan untuk perbaikan",
      "Surat permohonan diperbaiki",
      "Surat permohonan diperbaiki",
      "Diajukan ulang",
      "Direkomendasikan",
      "Direkomendasikan",
    ]);
    const all = entries.join("\n");
    expect(all).toContain("Operator Kasih Bunda");
    expect(all).toContain("Dinsos Kota Tangerang");
    expect(all).toContain("Dinsos Provinsi Banten");
    expect(all).toContain("Nomor surat tidak sesuai dengan kop surat.");
    expect(all).toContain("012/PAKB/2026 → 013/PAKB/2026");
    expect(all).toMatch(/WIB/);
    await shot(province.page, "application-timeline");

    // The LKS's page shows the same state; BALKS has it in its national inbox.
    await lks.page.goto(applicationUrl);
    await stepIs(lks.page, "Penerimaan di BALKS");
    const balks = await open(browser);
    await login(balks.page, "balks@akrab.test");
    await balks.page.getByTestId("tile-national-inbox").click();
    await balks.page.getByTestId("inbox").getByRole("link", { name: "Panti Asuhan Kasih Bunda" }).waitFor();
    await shot(balks.page, "inbox-national");

    for (const session of [lks, dinsos, phone, province, balks]) {
      expect(session.cspViolations).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      await session.context.close();
    }
  });
});

/** The open dialog lies inside the screen of a 320 and a 360 px phone (then the page gets its size back). */
async function expectDialogFitsPhones(page: Page, what: string) {
  const before = page.viewportSize();
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 640 });
    expect(await insideViewport(page.getByRole("dialog")), `${what} at ${width}px`).toMatchObject({ inside: true });
  }
  if (before) await page.setViewportSize(before);
}
