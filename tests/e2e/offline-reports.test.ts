import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, login, open, wholeShellOnDevice } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The banner's "Data per …" (the report's own freshness line has the same test id, outside the banner). */
const keptDate = (page: Page) => page.getByTestId("offline-banner").getByTestId("data-as-of");
const DRILL = "/laporan?province=36&list=lks";

/** Holds the server's answers to `pattern` until `release` is called (a slow link, made certain). */
async function hold(page: Page, pattern: RegExp) {
  const held: Route[] = [];
  let released = false;
  await page.route(pattern, (route) => (released ? route.continue() : void held.push(route)));
  return {
    count: () => held.length,
    release: async () => {
      released = true;
      for (const route of held) await route.continue();
    },
  };
}

describe("reports and the asesor registry through the device's store (load in +page.ts)", () => {
  test("BALKS at 360 px: a visited view opens at once with its date while the server answers, and offline after a reload", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, "balks@akrab.test");
    const map = page.getByTestId("province-map");
    const rows = page.getByTestId("asr-row");
    const drill = page.getByTestId("drill-list").locator("li");

    // Online, nothing kept yet: each page waits on the server, and says no date.
    await page.goto("/laporan");
    await map.waitFor();
    await page.goto(DRILL);
    await drill.first().waitFor({ timeout: 30_000 });
    await page.goto("/balks/asesor");
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await keptDate(page).count()).toBe(0);
    const asesorNames = await rows.locator("h2").allInnerTexts();
    expect(asesorNames.length).toBeGreaterThan(0);

    // A slow server: the kept report and registry show at once, dated; the server's answer takes the date away.
    const report = await hold(page, /\/api\/v1\/national\/reports\/coverage/);
    await page.goto("/laporan");
    await map.waitFor({ timeout: 30_000 });
    await keptDate(page)
      .getByText(/^Data per \d/)
      .waitFor();
    expect(report.count()).toBeGreaterThan(0);
    await report.release();
    await expect.poll(() => keptDate(page).count(), { timeout: 15_000 }).toBe(0);

    const registry = await hold(page, /\/api\/v1\/national\/asesors\?/);
    await page.goto("/balks/asesor");
    await rows.first().waitFor({ timeout: 30_000 });
    await keptDate(page)
      .getByText(/^Data per \d/)
      .waitFor();
    expect(registry.count()).toBeGreaterThan(0);
    await registry.release();
    await expect.poll(() => keptDate(page).count(), { timeout: 15_000 }).toBe(0);

    // Offline: a reload of each opens with the data it had, and its date.
    await wholeShellOnDevice(page);
    await context.setOffline(true);
    await page.reload();
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.locator("h2").allInnerTexts()).toEqual(asesorNames);
    await keptDate(page)
      .getByText(/^Data per \d/)
      .waitFor();

    await page.goto("/laporan");
    await map.waitFor({ timeout: 30_000 });
    expect(await map.locator("a[data-province]").count()).toBe(38);
    await keptDate(page)
      .getByText(/^Data per \d/)
      .waitFor();
    await page.reload();
    await map.waitFor({ timeout: 30_000 });
    await keptDate(page)
      .getByText(/^Data per \d/)
      .waitFor();

    // The list behind a figure, from its URL, too.
    await page.goto(DRILL);
    await drill.first().waitFor({ timeout: 30_000 });
    await keptDate(page)
      .getByText(/^Data per \d/)
      .waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
