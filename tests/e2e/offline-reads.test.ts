import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication, type LksWithApplication } from "../../bench/photo.ts";
import { apiFetch, apiSignIn, baseUrl, launch, login, open, wholeShellOnDevice } from "./helpers.ts";

const APPL_NOT_FOUND = "Permohonan tidak ditemukan atau tidak dapat Anda lihat.";
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("page data through the device's store (load in +page.ts)", () => {
  // Its own LKS and draft application: other files move the demo ones side by side.
  let setup: LksWithApplication;
  beforeAll(async () => {
    setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Baca");
  });

  test("the kept application at once, the server's replacing it online; missing: said in place, loaded once; never kept offline: says so", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    const appPath = `/t/${setup.tenant}/permohonan/${setup.applicationId}`;
    const appApi = `/api/v1/t/${setup.tenant}/applications/${setup.applicationId}`;
    const letterNumber = page.locator("#f-letter-number");
    const openLetter = async () => {
      await page.getByRole("heading", { level: 1, name: setup.name }).waitFor();
      await page.locator("#letter-heading").scrollIntoViewIfNeeded(); // its fields load near the screen
      await page.getByTestId("letter-form").waitFor();
    };

    await login(page, setup.email, setup.password);
    await page.goto(appPath);
    await openLetter();
    await expect.poll(() => letterNumber.inputValue()).toBe("031/PADU/2026");
    await page.waitForLoadState("networkidle");

    // Meanwhile the letter changes on the server (another device of the same operator).
    const { cookie } = await apiSignIn(setup.email, setup.password);
    const current = (await (await apiFetch(appApi, { cookie })).json()) as {
      version: number;
      letter: Record<string, unknown>;
    };
    const changed = await apiFetch(`${appApi}/letter`, {
      method: "PUT",
      cookie,
      body: { letter: { ...current.letter, number: "099/BARU/2026" }, expectedVersion: current.version },
    });
    expect(changed.status).toBe(200);

    // Online, a reload shows the kept application (dated) and then the server's: the new number, no date.
    await page.goto(appPath);
    await openLetter();
    await expect.poll(() => letterNumber.inputValue(), { timeout: 15_000 }).toBe("099/BARU/2026");
    await expect.poll(() => page.getByTestId("data-as-of").count()).toBe(0);

    // A missing application says so, loaded once; so does a page that does not exist (SvelteKit's own
    // 404: any status ≥ 400 makes it check for a new version, and a version read before `init()` made
    // every such page reload itself endlessly; see "boot" in web/vite.config.ts).
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(`/t/${setup.tenant}/permohonan/${randomUUID()}`);
    await page.getByText(APPL_NOT_FOUND).waitFor();
    await page.goto("/halaman-yang-tidak-ada");
    await page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" }).waitFor();
    await page.waitForTimeout(1500);
    expect(loads).toBe(2);

    // Offline, an application never opened on this device: the page says it is not kept here.
    await page.goto("/");
    await wholeShellOnDevice(page);
    await context.setOffline(true);
    await page.evaluate((href) => {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = "elsewhere";
      link.id = "never-kept";
      document.body.append(link);
    }, `/t/${setup.tenant}/permohonan/${randomUUID()}`);
    await page.locator("#never-kept").click();
    await page.getByRole("heading", { level: 1, name: "Belum tersedia offline" }).waitFor(); // lazily loaded text
    await page.getByTestId("not-kept").waitFor();
    // …and the one it opened still shows, with its date.
    await page.goto(appPath);
    await page.getByTestId("checklist").waitFor();
    await page
      .getByTestId("data-as-of")
      .getByText(/^Data per \d/)
      .waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  test("the self-assessment reloads offline with its data and date; one never kept here says so", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    const saPath = `/t/${setup.tenant}/permohonan/${setup.applicationId}/penilaian-mandiri`;
    const saReady = async () => {
      await page
        .getByRole("heading", { level: 1, name: "Penilaian mandiri (Formulir A)" })
        .waitFor({ timeout: 30_000 });
      await page
        .getByTestId("sa-total")
        .getByText(/indikator terisi/)
        .waitFor();
    };
    await login(page, setup.email, setup.password);
    await page.goto(saPath);
    await saReady();
    await page.waitForLoadState("networkidle");
    await wholeShellOnDevice(page);

    await context.setOffline(true);
    await page.reload();
    await saReady();
    await page
      .getByTestId("data-as-of")
      .getByText(/^Data per \d/)
      .waitFor({ timeout: 15_000 });
    // One never opened on this device: said in place, not as a failed request.
    await page.goto(`/t/${setup.tenant}/permohonan/${randomUUID()}/penilaian-mandiri`);
    await page.getByRole("heading", { level: 1, name: "Belum tersedia offline" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("not-kept").waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);

  test("an LKS profile edited online reloads offline as edited (the write's answer kept on the device)", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    const lksPath = `/t/${setup.tenant}/lks/${setup.lksId}`;
    const phone = "0813 7777 1234";
    const phoneStored = "+6281377771234"; // the API keeps phone numbers in one form
    await login(page, setup.email, setup.password);
    await page.goto(lksPath);
    await page.getByRole("heading", { level: 1, name: setup.name }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Ubah profil" }).click();
    await page.getByLabel("Telepon").fill(phone);
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByTestId("lks-notice").getByText("Perubahan disimpan.").waitFor({ timeout: 30_000 });
    await page.getByText(phoneStored).first().waitFor();
    await page.waitForLoadState("networkidle");
    await wholeShellOnDevice(page);

    // Offline, the reload shows the profile as edited, not as the page first read it.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: setup.name }).waitFor({ timeout: 30_000 });
    await page
      .getByTestId("data-as-of")
      .getByText(/^Data per \d/)
      .waitFor({ timeout: 15_000 });
    await page.getByText(phoneStored).first().waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);

  test("an instrument version and a comparison reload offline with their data and date", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, "balks@akrab.test");
    await page.goto("/balks/instrumen");
    const row = page.getByTestId("instr-row").first();
    await row.waitFor({ timeout: 30_000 });
    const [id = "", other = id] = await page
      .getByTestId("instr-row")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id") ?? ""));
    const instrumentPath = `/balks/instrumen/${encodeURIComponent(id)}`;
    const comparePath = `/balks/instrumen/bandingkan?dari=${encodeURIComponent(other)}&ke=${encodeURIComponent(id)}`;
    await page.goto(instrumentPath);
    await page.getByTestId("instr-rules").waitFor({ timeout: 30_000 });
    await page.goto(comparePath);
    await page.getByTestId("instr-comparison").waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    await wholeShellOnDevice(page);

    await context.setOffline(true);
    for (const [path, ready] of [
      [instrumentPath, "instr-rules"],
      [comparePath, "instr-comparison"],
    ] as const) {
      await page.goto(path);
      await page.getByTestId(ready).waitFor({ timeout: 30_000 });
      await page
        .getByTestId("data-as-of")
        .getByText(/^Data per \d/)
        .waitFor({ timeout: 15_000 });
    }
    expect(await page.getByTestId("instr-standard").count()).toBe(0); // the comparison, not the version
    await page.goto(instrumentPath);
    await page.getByTestId("instr-standard").first().waitFor({ timeout: 30_000 });
    // A version never opened on this device: said in place, not as a failed request with a retry.
    await page.goto("/balks/instrumen/belum-pernah-dibuka");
    await page.getByRole("heading", { level: 1, name: "Belum tersedia offline" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("not-kept").waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
