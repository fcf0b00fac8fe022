import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication, type LksWithApplication } from "../../bench/photo.ts";
import { baseUrl, launch, login, open, overflowsHorizontally, wholeShellOnDevice } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DINSOS = "dinsos.banten@akrab.test";
/** Under load (2 cores, several browsers) a read and its re-render take seconds, not the default 1 s. */
const SLOW = { timeout: 30_000 };

/** The bell's list as the person sees it (opened, read, closed again). */
async function notifications(page: Page): Promise<string> {
  await page.getByTestId("notif-toggle").click();
  const panel = page.locator("#notif-panel");
  await panel.getByRole("heading", { name: "Notifikasi" }).waitFor();
  // The list the bell asked for when opened: settled once the panel shows items or says there are none.
  await panel.locator("ul, p.muted").first().waitFor();
  const text = await panel.innerText();
  await page.getByTestId("notif-toggle").click();
  return text;
}

/** Offline, a reload shows the home it showed online with the date of its data; back online, the date goes. */
async function offlineAndBack(
  page: Page,
  setOffline: (offline: boolean) => Promise<void>,
  ready: () => Promise<string>,
) {
  await page.waitForLoadState("networkidle");
  const online = await ready();
  const bell = await notifications(page);
  await wholeShellOnDevice(page);

  await setOffline(true);
  await page.reload();
  expect(await ready()).toBe(online);
  await page
    .getByTestId("data-as-of")
    .getByText(/^Data per \d/)
    .waitFor();
  // Notifications seen online read offline too, from the same store (no error in the panel).
  expect(await notifications(page)).toBe(bell);
  expect(await overflowsHorizontally(page)).toBe(false);

  // The link back: the server's answers replace the kept ones, and the date goes.
  await setOffline(false);
  await expect.poll(() => page.getByTestId("data-as-of").count(), SLOW).toBe(0);
  await ready(); // the server's answers now (other tests change the shared registry meanwhile)
}

describe("the home through the device's store (load in +page.ts)", () => {
  test("a Dinsos: the home with its data offline, dated; online the date goes; another membership loads its own home", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, DINSOS);
    const heading = page.locator("#context-heading");
    const home = async () => {
      await page.getByTestId("work-total").waitFor(SLOW);
      const lks = page.locator("section[aria-labelledby='lks-heading']");
      await lks.getByTestId("lks-list").or(lks.getByTestId("list-empty")).first().waitFor(SLOW);
      const work = await page.getByTestId("work-summary").innerText();
      return `${await heading.innerText()}\n${work}\n${await lks.innerText()}`;
    };
    expect(await heading.innerText()).toContain("Banten");

    // Acting for the kabupaten instead: the home reads that membership's data (the load depends on it).
    const select = page.getByLabel("Bertindak sebagai");
    const province = await select.inputValue();
    const pandeglang = await select.locator("optgroup[label*='Pandeglang'] option").first().getAttribute("value");
    if (!pandeglang) throw new Error("dinsos.banten is also a verifier in Pandeglang (scripts/demo-data.ts)");
    await select.selectOption(pandeglang);
    await expect.poll(() => heading.innerText(), SLOW).toContain("Pandeglang");
    const pandeglangLks = await page.getByTestId("lks-list").innerText();
    await select.selectOption(province);
    await expect.poll(() => heading.innerText(), SLOW).toContain("Banten");
    await expect.poll(() => page.getByTestId("lks-list").innerText(), SLOW).not.toBe(pandeglangLks);

    await offlineAndBack(page, (offline) => context.setOffline(offline), home);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);

  describe("an LKS operator", () => {
    // Its own LKS and draft application: other files move the demo ones.
    let setup: LksWithApplication;
    beforeAll(async () => {
      setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Beranda");
    });

    test("the home with its LKS and open application offline, dated; online the date goes", async () => {
      const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
      await login(page, setup.email, setup.password);
      const home = async () => {
        await page.getByTestId("lks-home-status").waitFor(SLOW);
        await page.getByTestId("tile-application").waitFor(SLOW);
        await page.getByTestId("work-total").waitFor(SLOW);
        return page.locator("main .stack").innerText();
      };
      expect(await home()).toContain(setup.name);
      await offlineAndBack(page, (offline) => context.setOffline(offline), home);
      expect(pageErrors).toEqual([]);
      await context.close();
    }, 240_000);
  });
});
