import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvToSheets, sheetsToCsv, type SheetName } from "@akrab/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiFetch, apiSignIn, baseUrl, launch, login, open, overflowsHorizontally, shot } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Column letter of a 0-based index (A…Z is enough for the template's sheets). */
const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * Built from the LKSPD 2012 version: an LKSPD instrument under the older regulation, so publishing
 * it never changes which version other tests' applications pin (the newest regulation wins).
 */
const FROM = "lkspd-2012-1";

describe("BALKS manages instruments", () => {
  test("the secretariat imports a workbook with errors (listed by sheet, row and column, nothing saved), fixes it, edits an indicator, compares, and the decider publishes", async () => {
    const id = `lkspd-e2e-${Date.now().toString(36)}`;
    const name = `Instrumen LKSPD uji ${id}`;
    const { cookie } = await apiSignIn("balks@akrab.test");

    // The workbook: the template filled with FROM, as the import page offers it, with a new id.
    const template = await fetch(`${baseUrl()}/api/v1/national/instruments/template?format=csv&from=${FROM}`, {
      headers: { cookie, origin: baseUrl() },
    });
    expect(template.status).toBe(200);
    const read = csvToSheets(await template.text());
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const sheets = read.sheets as Record<SheetName, string[][]>;
    const setMeta = (key: string, value: string) => {
      const row = sheets.Instrumen.find((r) => r[0] === key);
      if (row) row[1] = value;
      else sheets.Instrumen.push([key, value]);
    };
    setMeta("id", id);
    setMeta("nama_id", name);
    setMeta("nama_en", `LKSPD test instrument ${id}`);
    setMeta("versi_asal", FROM);
    const indicatorHeader = sheets.Indikator[0]!;
    const oldCode = indicatorHeader.indexOf("kode_lama");
    if (oldCode >= 0) for (const row of sheets.Indikator.slice(1)) row[oldCode] = "";

    // Two mistakes: a rubric level without its Indonesian descriptor, and an indicator code used twice.
    const descriptorColumn = sheets.Rubrik[0]!.indexOf("deskriptor_id");
    const descriptor = sheets.Rubrik[1]![descriptorColumn]!;
    sheets.Rubrik[1]![descriptorColumn] = "";
    sheets.Indikator.push([...sheets.Indikator[1]!]);
    const duplicateRow = sheets.Indikator.length;
    const dir = mkdtempSync(join(tmpdir(), "akrab-instrument-"));
    const file = join(dir, "instrumen.csv");
    writeFileSync(file, sheetsToCsv(sheets));

    const { page, context, cspViolations, pageErrors } = await open(browser);
    await login(page, "balks@akrab.test");
    await page.getByTestId("tile-instruments").click();
    await page.getByRole("heading", { level: 1, name: "Instrumen akreditasi" }).waitFor();
    const published = page.locator(`[data-testid="instr-row"][data-id="${FROM}"]`);
    await expect.poll(() => published.getByTestId("instr-status").innerText()).toBe("Terbit");
    await shot(page, "instruments-list");

    await page.getByTestId("instr-import-link").click();
    await page.getByRole("heading", { level: 1, name: "Impor instrumen" }).waitFor();
    await page.getByTestId("instr-file").setInputFiles(file);
    await page.getByTestId("instr-import-submit").click();
    await page.getByTestId("instr-import-problems").waitFor();
    const cells = await page
      .getByTestId("instr-import-problem")
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent?.trim())));
    expect(cells).toContainEqual(["Rubrik", "2", letter(descriptorColumn), expect.stringContaining("deskriptor")]);
    expect(cells).toContainEqual([
      "Indikator",
      String(duplicateRow),
      "A",
      expect.stringContaining("lebih dari sekali"),
    ]);
    await page.getByTestId("instr-import-error").getByText("tidak ada yang tersimpan").waitFor();
    await shot(page, "instruments-import-problems");
    // Nothing was saved.
    expect((await apiFetch(`/api/v1/national/instruments/${id}`, { cookie })).status).toBe(404);

    // Fixed, the same file imports as a new draft.
    sheets.Rubrik[1]![descriptorColumn] = descriptor;
    sheets.Indikator.pop();
    writeFileSync(file, sheetsToCsv(sheets));
    await page.getByTestId("instr-file").setInputFiles(file);
    await page.getByTestId("instr-import-submit").click();
    await page.waitForURL((url) => url.pathname === `/balks/instrumen/${id}`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.getByTestId("instr-status").innerText()).toBe("Draf");
    await page.getByTestId("instr-notice").getByText("diimpor").waitFor();
    await page.getByTestId("instr-default-label").getByText("bukan bobot resmi BALKS").waitFor();

    // Edit one indicator: a weight out of range is refused at its field and the typing stays.
    const code = sheets.Indikator[1]![0]!;
    const weight = Number(sheets.Indikator[1]![indicatorHeader.indexOf("bobot")]);
    const newWeight = weight === 3 ? 2 : 3;
    const newText = `Teks indikator diubah oleh uji ${id}`;
    const indicator = page.locator(`[data-testid="instr-indicator"][data-code="${code}"]`);
    await indicator.getByTestId("instr-edit").click();
    const editor = indicator.getByTestId("instr-editor");
    await editor.getByLabel("Teks indikator (Bahasa Indonesia)").fill(newText);
    await editor.getByLabel("Bobot", { exact: true }).fill("7");
    await editor.getByTestId("instr-edit-save").click();
    await editor.getByTestId("instr-field-error").filter({ hasText: "1–4" }).waitFor();
    expect(await editor.getByLabel("Bobot", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await editor.getByLabel("Teks indikator (Bahasa Indonesia)").inputValue()).toBe(newText);
    await shot(page, "instruments-edit-problem", false);
    await editor.getByLabel("Bobot", { exact: true }).fill(String(newWeight));
    // Without a connection the save fails plainly and nothing typed is lost; back online it goes through.
    await context.setOffline(true);
    await editor.getByTestId("instr-edit-save").click();
    await editor.getByTestId("instr-edit-error").getByText("Isian Anda tetap di formulir").waitFor();
    expect(await editor.getByLabel("Teks indikator (Bahasa Indonesia)").inputValue()).toBe(newText);
    expect(await editor.getByLabel("Bobot", { exact: true }).inputValue()).toBe(String(newWeight));
    await context.setOffline(false);
    await editor.getByTestId("instr-edit-save").click();
    await page.getByTestId("instr-notice").getByText(`Indikator ${code} tersimpan`).waitFor();
    await indicator.getByText(newText).waitFor();
    await indicator.getByText(`Bobot ${newWeight}`).waitFor();

    // Compare with the published version it came from: the edited indicator is listed as changed.
    await page.getByTestId("instr-compare-base").click();
    await page.waitForURL((url) => url.pathname === "/balks/instrumen/bandingkan");
    const changed = page.getByTestId("instr-changed").locator(`li[data-code="${code}"]`);
    await changed.waitFor();
    expect(await changed.innerText()).toMatch(/teks.*bobot|bobot.*teks/);
    await shot(page, "instruments-compare");

    // The decider publishes (this BALKS officer holds both roles); the version is then read-only.
    await page.goto(`/balks/instrumen/${id}`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByTestId("instr-publish").click();
    const dialog = page.getByTestId("instr-publish-dialog");
    await dialog.getByText("tidak dapat diubah lagi").waitFor();
    await dialog.getByTestId("instr-publish-confirm").click();
    await page.getByTestId("instr-readonly").waitFor();
    expect(await page.getByTestId("instr-status").innerText()).toBe("Terbit");
    expect(await page.getByTestId("instr-edit").count()).toBe(0);
    expect(await page.getByTestId("instr-publish").count()).toBe(0);
    const stored = (await (await apiFetch(`/api/v1/national/instruments/${id}`, { cookie })).json()) as {
      status: string;
    };
    expect(stored.status).toBe("published");
    await shot(page, "instruments-published");

    // The next change starts as a new draft from the published version, from the list.
    await page.goto("/balks/instrumen");
    const row = page.locator(`[data-testid="instr-row"][data-id="${id}"]`);
    expect(await row.getByTestId("instr-status").innerText()).toBe("Terbit");
    await row.getByTestId("instr-create-draft").click();
    await page.waitForURL(
      (url) => /^\/balks\/instrumen\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(`/${id}`),
    );
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.getByTestId("instr-status").innerText()).toBe("Draf");
    expect(await page.getByTestId("instr-edit").count()).toBeGreaterThan(0);
    await page.getByTestId("instr-compare-base").waitFor();

    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();

    // At 360 px the published version and the other pages read without sideways scrolling.
    const phone = await open(browser, { width: 360, height: 740 });
    await login(phone.page, "balks@akrab.test");
    await phone.page.goto(`/balks/instrumen/${id}`);
    await phone.page.getByRole("heading", { level: 1, name }).waitFor();
    await phone.page.getByTestId("instr-rules").waitFor();
    expect(await overflowsHorizontally(phone.page)).toBe(false);
    await shot(phone.page, "instruments-version-360");
    for (const [path, heading] of [
      ["/balks/instrumen", "Instrumen akreditasi"],
      ["/balks/instrumen/impor", "Impor instrumen"],
      [`/balks/instrumen/bandingkan?dari=${FROM}&ke=${id}`, "Bandingkan versi"],
    ] as const) {
      await phone.page.goto(path);
      await phone.page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await phone.page.waitForLoadState("networkidle");
      expect(await overflowsHorizontally(phone.page), path).toBe(false);
    }
    expect(phone.cspViolations).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    await phone.context.close();
  }, 180_000);
});
