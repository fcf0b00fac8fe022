import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { actAs, launch, login, open, wholeShellOnDevice } from "./helpers.ts";

const MISSING = "Dinas Sosial ini tidak ditemukan, atau Anda bukan adminnya.";
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Dinsos Provinsi Banten administers prov-banten and is seconded to kab-pandeglang as a verifier only.
describe("a Dinsos's own pages under /t/{tenant}/dinsos/…", () => {
  test("by path from the home; an old /dinsos/… link goes to the administered tenant's; another tenant's reads as missing", async () => {
    const { page, context, pageErrors } = await open(browser);
    await login(page, "dinsos.banten@akrab.test");
    await actAs(page, "Admin Dinsos");
    await page.getByTestId("tile-users").click();
    await page.waitForURL((url) => url.pathname === "/t/prov-banten/dinsos/pengguna", { waitUntil: "commit" });
    await page.getByRole("heading", { level: 1, name: "Pengguna Dinsos" }).waitFor();
    await page.getByTestId("member-admin-list").getByText("Dinsos Provinsi Banten").first().waitFor();

    // An old link names no tenant: acting as the seconded verifier of Pandeglang (not administered
    // there), it opens prov-banten's page, the query kept.
    const switcher = page.getByLabel("Bertindak sebagai");
    const pandeglang = await switcher.locator('optgroup[label*="Pandeglang"] option').first().getAttribute("value");
    expect(pandeglang).toBeTruthy();
    await switcher.selectOption(pandeglang ?? "");
    await page.goto("/dinsos/audit?action=auth.");
    await page.waitForURL((url) => url.pathname === "/t/prov-banten/dinsos/audit", { waitUntil: "commit" });
    expect(new URL(page.url()).searchParams.get("action")).toBe("auth.");
    await page.getByRole("heading", { level: 1, name: "Log audit" }).waitFor();
    // The filter came along (a sign-in is nobody's tenant's event: none in the tenant's log).
    expect(await page.getByLabel("Jenis kegiatan").inputValue()).toBe("auth.");
    await page.getByText("Tidak ada catatan yang cocok.").waitFor();

    // A tenant the person is a member of but does not administer, and one they have nothing to do with: missing, in place.
    for (const path of [
      "/t/kab-pandeglang/dinsos/pengguna",
      "/t/kota-tangerang/dinsos/profil",
      "/t/kota-tangerang/dinsos/dokumen",
    ]) {
      await page.goto(path);
      await page.getByTestId("read-missing").getByText(MISSING).waitFor();
      expect(await page.getByTestId("member-admin-list").count(), path).toBe(0);
      expect(await page.getByLabel("Nama kantor").count(), path).toBe(0);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  test("offline, the users page reloads from the device with its data and date; an old link too", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, "dinsos.banten@akrab.test");
    await actAs(page, "Admin Dinsos");
    await page.goto("/t/prov-banten/dinsos/pengguna");
    const members = page.getByTestId("member-admin-list");
    await members.getByText("Dinsos Provinsi Banten").first().waitFor();
    await page.waitForLoadState("networkidle");
    await wholeShellOnDevice(page, 150_000); // the whole shell: slow when the machine is busy

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Pengguna Dinsos" }).waitFor();
    await members.getByText("Dinsos Provinsi Banten").first().waitFor();
    await page
      .getByTestId("data-as-of")
      .getByText(/^Data per \d/)
      .waitFor();

    // The old link, still offline: the shell from the device, the app's redirect, the kept members.
    await page.goto("/dinsos/pengguna");
    await page.waitForURL((url) => url.pathname === "/t/prov-banten/dinsos/pengguna", { waitUntil: "commit" });
    await members.getByText("Dinsos Provinsi Banten").first().waitFor();
    await page.getByTestId("data-as-of").waitFor();

    // Back online, the server's answer replaces the kept one and the date goes.
    await context.setOffline(false);
    await page.reload();
    await members.getByText("Dinsos Provinsi Banten").first().waitFor();
    await expect.poll(() => page.getByTestId("data-as-of").count(), { timeout: 15_000 }).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
