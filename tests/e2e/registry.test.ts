/**
 * The public registry (issue 14): BALKS issues a certificate; an anonymous phone (360 px) opens
 * /registri, picks the province (the kab/kota list follows), then the kab/kota, finds the LKS, opens
 * its page and from there the certificate's verification page, which says "Aktif". Screenshots at
 * 360 px and on a desktop.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiFetch, apiSignIn, launch, open, overflowsHorizontally, shot } from "./helpers.ts";

const APPLICATION = "e2e00014-0000-4000-8000-000000000016"; // fixtures/registry.sql
const LKS = "Panti Werdha Sejahtera Cipondoh";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the public registry", () => {
  test("an anonymous phone finds a certified LKS by kab/kota, opens its page and its certificate's verification", async () => {
    const balks = await apiSignIn("balks@akrab.test");
    const issued = await apiFetch(`/api/v1/t/kota-tangerang/applications/${APPLICATION}/transitions`, {
      method: "POST",
      cookie: balks.cookie,
      body: { action: "issue_certificate", expectedVersion: 1 },
    });
    expect(issued.status, await issued.clone().text()).toBe(200);

    const phone = await open(browser, { width: 360, height: 740 });
    const { page } = phone;
    await page.goto("/registri");
    await page.getByRole("heading", { name: /Registri LKS terakreditasi/ }).waitFor();
    expect(await page.locator("#kk").isDisabled()).toBe(true);
    // Choosing the province sends the form again (the script), and the kab/kota list is Banten's.
    await Promise.all([page.waitForURL(/province=36/), page.selectOption("#prov", "36")]);
    await page.selectOption("#kk", "36.71");
    await Promise.all([page.waitForURL(/kabKota=36\.71/), page.getByRole("button", { name: /Cari/ }).click()]);
    const result = page.locator("#results").getByRole("link", { name: LKS });
    await result.waitFor();
    expect(await page.locator("#results").textContent()).toContain("Aktif");
    expect(await page.getByRole("link", { name: /Unduh CSV/ }).getAttribute("href")).toBe(
      "/api/v1/public/lks.csv?province=36&kabKota=36.71",
    );
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "registry-search-360");

    await Promise.all([page.waitForURL(/\/registri\/[^?]+$/), result.click()]);
    await page.getByRole("heading", { name: LKS }).waitFor();
    await page.locator("#lks").getByText("Aktif", { exact: true }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "registry-lks-360");
    const certificate = page.locator("ul.list a").first();
    const number = (await certificate.textContent())!;
    expect(number).toMatch(/\/BALKS\/B\//);
    await Promise.all([page.waitForURL(/\/verifikasi\//), certificate.click()]);
    await page.getByText("Aktif", { exact: true }).waitFor();
    expect(await page.content()).toContain(LKS);
    expect(await page.getByRole("link", { name: /Registri LKS terakreditasi/ }).getAttribute("href")).toBe("/registri");
    expect(phone.cspViolations).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    await phone.context.close();

    // Without JavaScript the form still works: province first, then the kab/kota, by GET.
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const noJs = await plain.newPage();
    await noJs.goto(`${new URL(page.url()).origin}/registri?province=36&kabKota=36.71`);
    await noJs.getByRole("link", { name: LKS }).waitFor();
    await plain.close();

    const desktop = await open(browser);
    await desktop.page.goto("/registri?province=36&kabKota=36.71");
    await desktop.page.getByRole("link", { name: LKS }).waitFor();
    await shot(desktop.page, "registry-search-desktop");
    await desktop.page.getByRole("link", { name: LKS }).click();
    await desktop.page.getByRole("heading", { name: LKS }).waitFor();
    await shot(desktop.page, "registry-lks-desktop");
    expect(desktop.cspViolations).toEqual([]);
    await desktop.context.close();
  });
});
