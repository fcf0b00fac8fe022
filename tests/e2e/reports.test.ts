import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, launch, login, open, overflowsHorizontally, shot, text } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  // The report figures are roll-ups the minute cron refreshes for tenants whose records changed;
  // wrangler dev fires no cron by itself, so the test runs it once over the demo data.
  const response = await fetch(`${baseUrl()}/__scheduled?cron=${encodeURIComponent("* * * * *")}`);
  expect(await response.text()).toContain("Ran scheduled event");
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORTS = [
  { name: "360", viewport: { width: 360, height: 740 } },
  { name: "desktop", viewport: { width: 1280, height: 900 } },
] as const;

describe("reports dashboard (issue 15)", () => {
  for (const { name, viewport } of VIEWPORTS) {
    test(`BALKS at ${name}: home tile → map → Banten → Kota Tangerang → a figure → the LKS behind it; the table downloads as XLSX`, {
      timeout: 120_000,
    }, async () => {
      const { page, context, cspViolations, pageErrors } = await open(browser, viewport);
      await login(page, "balks@akrab.test");
      await page.getByTestId("tile-reports").click();
      await page.getByRole("heading", { level: 1, name: "Laporan akreditasi" }).waitFor();
      const map = page.getByTestId("province-map");
      await map.waitFor();
      // 38 provinces, each a tile; the figures are also a table, and every figure says how fresh it is.
      expect(await map.locator("a[data-province]").count()).toBe(38);
      expect(await page.getByTestId("data-as-of").innerText()).toMatch(
        /^Data per \d{1,2} \w{3} \d{4} \d{2}:\d{2} WIB$/,
      );
      expect(await page.getByTestId("areas-table").locator("tbody tr").count()).toBe(38);
      await shot(page, `reports-national-${name}`);
      expect(await overflowsHorizontally(page)).toBe(false);

      // The province on the map: the URL holds the view, the table now lists Banten's kab/kota.
      await map.locator('a[data-province="36"]').click();
      await page.waitForURL((url) => url.pathname === "/laporan" && url.searchParams.get("province") === "36");
      await page.getByRole("heading", { level: 2, name: /Banten/ }).waitFor();
      const rows = page.getByTestId("areas-table").locator("tbody tr");
      await page.locator('[data-testid="areas-table"] tr[data-area="36.71"]').waitFor();
      for (const code of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-area")))) {
        expect(code).toMatch(/^36\.\d{2}$/);
      }

      // The kab/kota, then its total: the LKS list behind the figure, on the same route.
      await page.locator('[data-testid="areas-table"] tr[data-area="36.71"]').getByTestId("area-link").click();
      await page.waitForURL((url) => url.searchParams.get("regency") === "36.71");
      await page.getByRole("heading", { level: 2, name: /Tangerang/ }).waitFor();
      const total = Number((await page.getByTestId("here-total").innerText()).replace(/\D/g, ""));
      expect(total).toBeGreaterThan(0);
      await page.getByTestId("here-total").click();
      await page.waitForURL(
        (url) => url.searchParams.get("list") === "lks" && url.searchParams.get("regency") === "36.71",
      );
      const list = page.getByTestId("drill-list");
      await list.getByRole("link", { name: "Panti Asuhan Kasih Bunda" }).waitFor();
      // Only Kota Tangerang's LKS: none of Lebak's.
      expect(await text(page)).not.toContain("Rangkasbitung");
      expect(await page.getByTestId("report-trail").innerText()).toMatch(/Indonesia.*Banten.*Tangerang/s);

      // The list's XLSX: a zip holding the sheet.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("xlsx-lks").click()]);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
      expect(bytes.includes(Buffer.from("xl/worksheets/sheet1.xml"))).toBe(true);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

      // Shared: the same URL in a fresh page shows the same view.
      const shared = page.url();
      await page.goto(shared);
      await page.getByTestId("drill-list").getByRole("link", { name: "Panti Asuhan Kasih Bunda" }).waitFor();
      expect(cspViolations).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  }

  for (const { name, viewport } of VIEWPORTS) {
    test(`BALKS at ${name}: a pipeline figure → the applications behind it, as many as it says; asesor pairs`, {
      timeout: 120_000,
    }, async () => {
      const { page, context, cspViolations, pageErrors } = await open(browser, viewport);
      await login(page, "balks@akrab.test");
      await page.goto("/laporan?view=pipeline");
      const steps = page.locator('section[aria-labelledby="steps-heading"] ul.bars').first();
      const figure = steps.locator("a").first();
      await figure.waitFor();
      const count = Number((await figure.innerText()).replace(/\D/g, ""));
      expect(count).toBeGreaterThan(0);
      await shot(page, `reports-pipeline-${name}`);
      await figure.click();
      // The URL holds the list and exactly the figure's query.
      await page.waitForURL(
        (url) => url.searchParams.get("list") === "applications" && url.searchParams.get("step") !== null,
      );
      const list = page.getByTestId("application-list");
      await list.locator("ul.rows li").first().waitFor();
      expect(await list.getByTestId("application-list-what").innerText()).toMatch(/^Menunggu di tahap /);
      expect(await list.locator("ul.rows li").count()).toBe(Math.min(count, 50));
      // Each row opens its application, at its tenant's path (not the old `?t=` link that redirects).
      expect(await list.locator("ul.rows li a").first().getAttribute("href")).toMatch(
        /^\/t\/[a-z0-9-]+\/permohonan\/[^/?]+$/,
      );
      await shot(page, `reports-applications-${name}`);
      expect(await overflowsHorizontally(page)).toBe(false);
      // Shared: the same URL shows the same list; back to the figures.
      await page.goto(page.url());
      await page.getByTestId("application-list").locator("ul.rows li").first().waitFor();
      await page.getByRole("link", { name: /Kembali ke angka/ }).click();
      await page.waitForURL((url) => url.searchParams.get("list") === null);
      await steps.locator("a").first().waitFor();

      // Asesor work: the flags per pair as a table (or that there are none yet).
      await page.getByTestId("tab-asesors").click();
      await page.getByTestId("asesor-pairs").waitFor();
      await shot(page, `reports-asesors-${name}`);
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(cspViolations).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  }

  test("a province Dinsos sees only its own kab/kota, and no national map", { timeout: 90_000 }, async () => {
    const { page, context } = await open(browser, { width: 360, height: 740 });
    await login(page, "dinsos.banten@akrab.test");
    await page.getByLabel("Bertindak sebagai").selectOption({ index: 0 });
    await page.getByRole("heading", { level: 2, name: "Dinas Sosial Provinsi Banten" }).waitFor();
    // A Dinsos reaches its reports from its registry.
    await page.getByTestId("tile-registry").click();
    await page.getByTestId("reports-link").click();
    const rows = page.getByTestId("areas-table").locator("tbody tr");
    await page.locator('[data-testid="areas-table"] tr[data-area="36.71"]').waitFor();
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-area")));
    expect(codes.length).toBeGreaterThan(1);
    for (const code of codes) expect(code).toMatch(/^36\.\d{2}$/);
    expect(await page.getByTestId("province-map").count()).toBe(0);
    await shot(page, "reports-province-360");
    await context.close();
  });

  test("/statistik needs no sign-in: aggregates by province and type, small counts as <5 with the reason", {
    timeout: 60_000,
  }, async () => {
    const { page, context } = await open(browser, { width: 360, height: 740 });
    await page.goto("/login");
    await page.getByTestId("stat-link").click();
    await page.getByRole("heading", { level: 1, name: "Statistik akreditasi LKS" }).waitFor();
    const table = page.getByTestId("stat-provinces");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(38);
    // The demo's few LKS per province are all below 5: shown as "<5", never as the number.
    const cells = await table.locator("td.n").allInnerTexts();
    for (const cell of cells)
      expect(cell === "<5" || Number(cell.replace(/\D/g, "")) === 0 || Number(cell.replace(/\D/g, "")) >= 5).toBe(true);
    expect(cells).toContain("<5");
    expect(await text(page)).toContain("ditampilkan sebagai");
    await shot(page, "statistik-360");
    await context.close();
  });
});
