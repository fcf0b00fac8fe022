import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication, type LksWithApplication } from "../../bench/photo.ts";
import {
  apiFetch,
  apiSignIn,
  baseUrl,
  controlledByServiceWorker,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface HistoryEntry {
  id: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

const IMMUTABLE = fileURLToPath(new URL("../../web/build/_app/immutable/", import.meta.url));
describe("offline: reading what was seen, changes kept on the device, per-field conflicts", () => {
  // A fresh LKS with its own operator and draft application: the demo LKS (lks@akrab.test) is moved
  // and edited by other test files running side by side, which would make this one's conflicts theirs.
  let setup: LksWithApplication;
  beforeAll(async () => {
    setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Luring");
  });

  test("read offline with the data's date; edit offline; reopen; conflict chosen; each field saved once", async () => {
    const { page, context, pageErrors, cspViolations } = await open(browser, { width: 360, height: 740 });
    const lksPath = `/t/${setup.tenant}/lks/${setup.lksId}`;
    const appPath = `/t/${setup.tenant}/permohonan/${setup.applicationId}`;
    const lksApi = `/api/v1/t/${setup.tenant}/lks/${setup.lksId}`;
    const appApi = `/api/v1/t/${setup.tenant}/applications/${setup.applicationId}`;
    const appHeading = (p: Page) => p.getByRole("heading", { level: 1, name: setup.name }).waitFor();

    // Online: the home, the application and the LKS profile are seen once (and stored on the device).
    await login(page, setup.email, setup.password);
    await controlledByServiceWorker(page);
    await page.getByTestId("lks-home-status").waitFor();
    await page.goto(appPath);
    await appHeading(page);
    await page.locator("#letter-heading").scrollIntoViewIfNeeded(); // the letter's fields load near the screen
    await page.getByTestId("letter-form").waitFor();
    await page.waitForLoadState("networkidle");
    await page.goto(lksPath);
    await appHeading(page);
    await page.waitForLoadState("networkidle");
    const reader = (await apiSignIn(setup.email, setup.password)).cookie;
    const before = (await (await apiFetch(lksApi, { cookie: reader })).json()) as { profile: Record<string, unknown> };
    const historyOf = async (cookie: string) =>
      ((await (await apiFetch(`${lksApi}/history?limit=50`, { cookie })).json()) as { items: HistoryEntry[] }).items;
    const seen = new Set((await historyOf(reader)).map((entry) => entry.id));

    // Signed in and idle once, the service worker has fetched the rest of the app (it precaches
    // only /login and the home on install): the parts these pages load later are there offline.
    const buildFiles = readdirSync(IMMUTABLE, { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    ).length;
    const cachedFiles = () =>
      page.evaluate(async () => {
        const key = (await caches.keys()).find((name) => name.startsWith("akrab-shell-"));
        const requests = key ? await (await caches.open(key)).keys() : [];
        return requests.filter((r) => new URL(r.url).pathname.startsWith("/_app/immutable/")).length;
      });
    await expect.poll(cachedFiles, { timeout: 45_000 }).toBe(buildFiles);

    // Offline, a reload of each shows its data with the date it was fetched.
    await context.setOffline(true);
    for (const [path, ready] of [
      ["/", (p: Page) => p.getByTestId("lks-home-status").waitFor()],
      [appPath, (p: Page) => p.getByTestId("checklist").waitFor()],
      [lksPath, appHeading],
    ] as const) {
      await page.goto(path);
      await ready(page);
      await page
        .getByTestId("data-as-of")
        .getByText(/^Data per \d/)
        .waitFor();
    }
    await page.getByText("Anda sedang offline.").first().waitFor();

    // Two profile fields and the letter are edited offline: kept on the device.
    const phone = "0813 1111 2222";
    const phoneStored = "+6281311112222"; // the API keeps phone numbers in one form
    const email = "luring@contoh.test";
    await page.getByRole("button", { name: "Ubah profil" }).click();
    await page.getByLabel("Telepon").fill(phone);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByTestId("lks-notice").getByText("Disimpan di perangkat").waitFor();
    expect(await page.locator("main").innerText()).toContain(phone);

    await page.goto(appPath);
    await page.locator("#letter-heading").scrollIntoViewIfNeeded();
    await page.getByTestId("letter-form").waitFor();
    const summary = "Ringkasan yang ditulis tanpa sinyal.";
    await page.locator("#f-letter-summary").fill(summary);
    await page.getByRole("button", { name: "Simpan surat" }).click();
    await page.getByText("Disimpan di perangkat").waitFor();

    // The page is closed and opened again (still offline): both changes are listed as not sent.
    await page.close();
    const again = await context.newPage();
    again.on("pageerror", (error) => pageErrors.push(String(error)));
    const consoleLines: string[] = [];
    again.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    await again.goto("/");
    await again
      .getByTestId("unsent-count")
      .getByText(/^2 perubahan belum terkirim sejak \d/)
      .waitFor();
    await shot(again, "mobile-offline-banner", false);
    await again.getByTestId("unsent-count").getByRole("link", { name: "Lihat" }).click();
    await again.getByRole("heading", { level: 1, name: "Perubahan belum terkirim" }).waitFor();
    const items = again.getByTestId("outbox-item");
    expect(await items.count()).toBe(2);
    for (const state of await again.getByTestId("outbox-state").allInnerTexts())
      expect(state).toContain("Menunggu sambungan");
    expect(await overflowsHorizontally(again)).toBe(false);
    await shot(again, "mobile-offline-outbox");

    // Meanwhile another device (online) changes the phone, one of the same fields.
    const otherPhone = "021 5559999";
    const otherStored = "+62215559999";
    const elsewhere = (await apiSignIn(setup.email, setup.password)).cookie;
    const current = (await (await apiFetch(lksApi, { cookie: elsewhere })).json()) as {
      version: number;
      profile: Record<string, unknown>;
    };
    const patched = await apiFetch(lksApi, {
      method: "PATCH",
      cookie: elsewhere,
      body: { profile: { ...current.profile, phone: otherPhone }, expectedVersion: current.version },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);

    // Online again: the letter goes through; the phone is a conflict shown with both values.
    await context.setOffline(false);
    const conflicts = again.getByTestId("conflicts");
    await conflicts.waitFor({ timeout: 30_000 }).catch(async (error) => {
      throw new Error(
        `no conflict shown: ${await again.locator("main").innerText()} ${pageErrors.join(" | ")} ${consoleLines.join(" | ")}`,
        {
          cause: error,
        },
      );
    });
    await again.getByTestId("outbox-item").filter({ hasText: "Surat permohonan" }).waitFor({ state: "detached" });
    const row = conflicts.locator("[data-field='phone']");
    expect(await row.innerText()).toContain(otherStored);
    expect(await row.innerText()).toContain(phoneStored);
    expect(await conflicts.locator("[data-field='email']").count()).toBe(0);
    expect(await overflowsHorizontally(again)).toBe(false);
    await shot(again, "mobile-offline-conflict");

    // The operator keeps their own phone: sent once, and the list is empty.
    await row.getByLabel(phoneStored).check();
    await again.getByRole("button", { name: "Simpan pilihan" }).click();
    await again.getByTestId("outbox-empty").waitFor();
    expect(await again.getByTestId("unsent-count").count()).toBe(0);

    const cookie = (await apiSignIn(setup.email, setup.password)).cookie;
    const saved = (await (await apiFetch(lksApi, { cookie })).json()) as { profile: Record<string, unknown> };
    expect(saved.profile).toMatchObject({ phone: phoneStored, email });
    const letter = (await (await apiFetch(appApi, { cookie })).json()) as { letter: Record<string, unknown> };
    expect(letter.letter.summary).toBe(summary);

    // The server's history: the other device's phone, then the chosen one, and the email once.
    const history = (await historyOf(cookie)).filter((entry) => !seen.has(entry.id));
    expect(history.map((entry) => entry.field).sort()).toEqual(["email", "phone", "phone"]);
    const of = (field: string) => history.filter((entry) => entry.field === field).reverse();
    expect(of("email").map((e) => [e.oldValue, e.newValue])).toEqual([[before.profile.email, email]]);
    expect(of("phone").map((e) => [e.oldValue, e.newValue])).toEqual([
      [before.profile.phone, otherStored],
      [otherStored, phoneStored],
    ]);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 180_000);
});
