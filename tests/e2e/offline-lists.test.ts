import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication, type LksWithApplication } from "../../bench/photo.ts";
import { apiFetch, apiSignIn, baseUrl, launch, login, open, wholeShellOnDevice } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const dated = (page: Page) =>
  page
    .getByTestId("data-as-of")
    .getByText(/^Data per \d/)
    .waitFor({ timeout: 30_000 });

describe("lists through load and the device's store (360 px)", () => {
  // Its own LKS (each with a draft application), named alike so one registry search finds them.
  const prefix = `Panti Daftar ${Date.now().toString(36)}`;
  let first: LksWithApplication;
  beforeAll(async () => {
    first = await registerLksWithApplication(baseUrl(), prefix);
  }, 120_000);

  test("the operator's inbox, filtered in the URL: online the kept page at once with its date, the server's replacing it; offline a reload shows it", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    // The step the draft waits at, as the server names it: the filter the URL carries.
    const { cookie } = await apiSignIn(first.email, first.password);
    const inbox = (await (await apiFetch(`/api/v1/t/${first.tenant}/inbox`, { cookie })).json()) as {
      items: { id: string; step: { id: string } }[];
    };
    const step = inbox.items.find((item) => item.id === first.applicationId)?.step.id;
    expect(step).toBeTruthy();

    await login(page, first.email, first.password);
    await wholeShellOnDevice(page);
    const row = page.getByTestId("inbox").getByRole("link", { name: first.name });
    await page.goto(`/permohonan?step=${step}`);
    await row.waitFor();
    await page.waitForLoadState("networkidle");

    // A slow link: the inbox's answer is held back. The page does not wait for it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await context.route(`**/api/v1/t/${first.tenant}/inbox**`, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await row.waitFor({ timeout: 30_000 });
    await dated(page);
    expect(await page.locator("#f-step").inputValue()).toBe(step);
    release();
    await expect.poll(() => page.getByTestId("data-as-of").count(), { timeout: 30_000 }).toBe(0);
    await row.waitFor();
    await context.unroute(`**/api/v1/t/${first.tenant}/inbox**`);

    // Offline, a reload: the rows with their date, the filter still chosen.
    await context.setOffline(true);
    await page.reload();
    await row.waitFor({ timeout: 30_000 });
    await dated(page);
    expect(await page.locator("#f-step").inputValue()).toBe(step);
    expect(new URL(page.url()).search).toBe(`?step=${step}`);
    await expect.poll(() => page.getByTestId("inbox-count").innerText()).toMatch(/\d/);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  test("the Dinsos's registry, searched in the URL, reloads offline with its rows and date; online the server's (with a newer LKS) replaces it", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, "dinsos.kota-tangerang@akrab.test");
    await wholeShellOnDevice(page);
    const searched = `/lks?q=${encodeURIComponent(prefix)}`;
    const list = page.getByTestId("lks-list");
    await page.goto(searched);
    await list.getByRole("link", { name: first.name }).waitFor();
    await page.waitForLoadState("networkidle");

    await context.setOffline(true);
    await page.reload();
    await list.getByRole("link", { name: first.name }).waitFor({ timeout: 30_000 });
    await dated(page);
    expect(await page.locator("#filter-q").inputValue()).toBe(prefix);
    expect(await list.getByRole("listitem").count()).toBe(1);

    // Meanwhile another LKS of the same name is registered and verified; the device does not know it yet.
    const second = await registerLksWithApplication(baseUrl(), prefix);
    await page.waitForTimeout(500);
    expect(await list.getByRole("link", { name: second.name }).count()).toBe(0);

    // The link is back: the server's answer replaces the kept one without a reload.
    await context.setOffline(false);
    await list.getByRole("link", { name: second.name }).waitFor({ timeout: 30_000 });
    expect(await list.getByRole("listitem").count()).toBe(2);
    // (The banner's date stays until the next navigation: the session itself was read from the device.)
    await page.reload();
    await list.getByRole("link", { name: second.name }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("data-as-of").count(), { timeout: 30_000 }).toBe(0);

    // Never read on this device, offline: the list says so in place, under the page's own title.
    await context.setOffline(true);
    await page.locator("#filter-status").selectOption({ index: 2 });
    await page.getByTestId("not-kept").waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { level: 1, name: "Registri LKS" }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
