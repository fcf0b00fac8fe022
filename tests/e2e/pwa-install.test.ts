/**
 * The installable app on the device: what the service worker precaches first and what after
 * sign-in, the manifest and its icons, the install offer and the iPhone notice, the sign-in page
 * opening offline on a repeat visit, and Background Sync sending a waiting change with no page open.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication } from "../../bench/photo.ts";
import { firstPrecache, homePrecache } from "../../web/first-precache.ts";
import { LinkShaper } from "../support/link-shaper.ts";
import {
  apiFetch,
  baseUrl,
  controlledByServiceWorker,
  login,
  launch,
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

const IMMUTABLE = fileURLToPath(new URL("../../web/build/_app/immutable/", import.meta.url));
const isImmutable = (path: string) => path.startsWith("/_app/immutable/");

/** The paths in the service worker's shell cache. */
function shellCache(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const key = (await caches.keys()).find((name) => name.startsWith("akrab-shell-"));
    if (!key) return [];
    return (await (await caches.open(key)).keys()).map((request) => new URL(request.url).pathname);
  });
}

/** Fires a `beforeinstallprompt` as Chromium would (headless Chromium does not); true when the page kept it. */
function offerInstall(page: Page, outcome: "accepted" | "dismissed"): Promise<boolean> {
  return page.evaluate((choice) => {
    const event = new Event("beforeinstallprompt", { cancelable: true }) as Event & Record<string, unknown>;
    event.prompt = () => {
      const w = window as unknown as { prompted?: number };
      w.prompted = (w.prompted ?? 0) + 1;
      return Promise.resolve();
    };
    event.userChoice = Promise.resolve({ outcome: choice });
    dispatchEvent(event);
    return event.defaultPrevented;
  }, outcome);
}

/** Waits until the signed-in page's device part ran for the `n`th signed-in load of this device. */
function deviceReady(page: Page, n: number): Promise<unknown> {
  return page.waitForFunction((count) => localStorage.getItem("akrab.pwa.signed-in-loads") === String(count), n);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
  return [view.getUint32(16), view.getUint32(20)];
}

describe("installable app: precache split, manifest, install offer, device notices, Background Sync", () => {
  test("the first install caches only what /login and the signed-in shell need, no role's home; the rest arrives after sign-in", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    const requested = new Set<string>();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === baseUrl()) requested.add(url.pathname);
    });
    await page.goto("/login");
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
    await controlledByServiceWorker(page);

    const all = readdirSync(IMMUTABLE, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const first = firstPrecache();
    const cached = (await shellCache(page)).filter(isImmutable);
    console.info(`[precache] first install: ${cached.length} of ${all.length} build files (first set ${first.length})`);
    for (const path of first) expect(cached, path).toContain(path);
    // Anything else cached was fetched by the page itself once the worker controlled it (on demand).
    for (const path of cached) expect(first.includes(path) || requested.has(path), path).toBe(true);
    expect(cached.length).toBeLessThan(all.length / 2);
    expect((await shellCache(page)).some((path) => path.endsWith(".png"))).toBe(false);
    // No role's home: whose it is is unknown on the sign-in page (the signed-in page names it).
    const homes = homePrecache();
    expect(Object.keys(homes).sort()).toEqual(["lks", "national", "platform", "tenant"]);
    for (const [kind, files] of Object.entries(homes)) {
      expect(files.length, kind).toBeGreaterThan(0);
      expect(
        cached.filter((path) => files.includes(path)),
        kind,
      ).toEqual([]);
    }

    // Signed in, with the link idle, the worker fetches the rest (file by file: the icons may come last).
    await login(page, "lks@akrab.test");
    await expect
      .poll(
        async () => {
          const cache = await shellCache(page);
          return { immutable: cache.filter(isImmutable).length, icon: cache.includes("/icons/icon-192.png") };
        },
        { timeout: 45_000 },
      )
      .toEqual({ immutable: all.length, icon: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);

  test("signing in, the worker fetches the person's home in one request (its pack) and the home opening takes its files from it, none over the link one by one", async () => {
    // Through the link shaper, which sees every request of the page and the worker (and who made it).
    const shaper = new LinkShaper({ target: baseUrl(), rttMs: 100, kbitPerSecond: 100_000 });
    const base = await shaper.start();
    const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 }, locale: "id-ID" });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto("/login");
      await controlledByServiceWorker(page);
      const from = performance.now();
      await page.getByLabel("Email").fill("dinsos.kota-tangerang@akrab.test");
      await page.getByLabel("Kata sandi", { exact: true }).fill("Akrab-Demo-2026!");
      await page.getByRole("button", { name: "Masuk" }).click();
      await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor({ timeout: 30_000 });
      const exchanges = shaper.between(from);
      const tenant = homePrecache().tenant ?? [];
      expect(tenant.length).toBeGreaterThan(5);
      expect(
        exchanges.filter((exchange) => exchange.path.startsWith("/_app/home-packs/")).map((e) => [e.path, e.by]),
      ).toEqual([[expect.stringMatching(/^\/_app\/home-packs\/tenant\.[\w-]+\.json$/), "worker"]]);
      expect(exchanges.filter((exchange) => tenant.includes(exchange.path)).map((exchange) => exchange.path)).toEqual(
        [],
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await shaper.stop();
    }
  }, 90_000);

  test("with no service worker, the home asks for its role's code with its data, not once the data is there", async () => {
    const shaper = new LinkShaper({ target: baseUrl(), rttMs: 300, kbitPerSecond: 100_000 });
    const base = await shaper.start();
    const context = await browser.newContext({ baseURL: base, serviceWorkers: "block", locale: "id-ID" });
    try {
      const page = await context.newPage();
      await page.goto("/login");
      const from = performance.now();
      await page.getByLabel("Email").fill("dinsos.kota-tangerang@akrab.test");
      await page.getByLabel("Kata sandi", { exact: true }).fill("Akrab-Demo-2026!");
      await page.getByRole("button", { name: "Masuk" }).click();
      await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor({ timeout: 30_000 });
      const exchanges = shaper.between(from);
      const tenant = homePrecache().tenant ?? [];
      const homeCode = exchanges.filter((exchange) => tenant.includes(exchange.path));
      const reads = exchanges.filter((exchange) =>
        /^\/api\/v1\/(me\/work|t\/[^/]+\/(setup|certificates|lks))/.test(exchange.path),
      );
      expect(reads.length).toBeGreaterThanOrEqual(3);
      expect(homeCode.length).toBeGreaterThan(0);
      // Its first file went on the link before the home's last read was answered.
      expect(Math.min(...homeCode.map((e) => e.startedAt))).toBeLessThan(Math.max(...reads.map((e) => e.answeredAt)));
    } finally {
      await context.close();
      await shaper.stop();
    }
  }, 90_000);

  test("signed in with data saver on: the person's home is kept with its later parts (not the rest), and a reload offline shows it", async () => {
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    const requested = new Set<string>();
    page.on("request", (request) => requested.add(new URL(request.url()).pathname));
    await page.goto("/login");
    await page.evaluate(() => localStorage.setItem("akrab.dataSaver", "on"));
    await controlledByServiceWorker(page);
    const all = readdirSync(IMMUTABLE, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const homes = homePrecache();
    const tenant = homes.tenant ?? [];
    // Files only the other roles' homes need.
    const others = Object.entries(homes)
      .filter(([kind]) => kind !== "tenant")
      .flatMap(([, files]) => files)
      .filter((path) => !tenant.includes(path));

    // A Dinsos admin: the page names the tenant home, whose files come next with the parts it loads
    // later (the invite form and member list below the fold, not fetched by this page at 360 px with
    // data saver); the rest does not come (data saver).
    await login(page, "dinsos.jakarta@akrab.test");
    const home = page.getByRole("heading", { level: 1, name: /Selamat datang/ });
    await home.waitFor();
    await page.getByTestId("tile-registry").waitFor();
    await expect
      .poll(
        async () => {
          const cached = await shellCache(page);
          return tenant.filter((path) => !cached.includes(path));
        },
        { timeout: 30_000 },
      )
      .toEqual([]);
    expect(tenant.filter((path) => !requested.has(path)).length).toBeGreaterThan(0);
    // Time enough for the rest to have started, were it asked for (the device part ran: it counts the load).
    await page.waitForFunction(() => localStorage.getItem("akrab.pwa.signed-in-loads") === "1");
    await page.waitForTimeout(2000);
    const cached = (await shellCache(page)).filter(isImmutable);
    console.info(`[precache] signed in with data saver: ${cached.length} of ${all.length} build files`);
    expect(cached.length).toBeLessThan(all.length / 2);
    expect(cached.filter((path) => others.includes(path))).toEqual([]);

    // The link goes: a reload shows the home (the greeting comes with the role's home) from the device.
    await context.setOffline(true);
    await page.reload();
    await home.waitFor();
    await page.getByTestId("tile-registry").waitFor();
    await context.setOffline(false);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);

  test("a repeat visit opens /login from the device, offline too", async () => {
    const { page, context } = await open(browser, { width: 360, height: 740 });
    await page.goto("/login");
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByLabel("Email").waitFor();
    await page.getByLabel("Kata sandi", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    await context.setOffline(false);
    await context.close();
  });

  test("installable: the manifest and its icons resolve, and Chromium finds no installability error", async () => {
    const { page, context } = await open(browser, { width: 360, height: 740 });
    await page.goto("/login");
    await controlledByServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { url } = (await cdp.send("Page.getAppManifest")) as { url: string };
    expect(new URL(url).pathname).toBe("/manifest.webmanifest");
    const manifest = (await (await fetch(url)).json()) as {
      id: string;
      name: string;
      description: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ id: "/", start_url: "/", display: "standalone" });
    expect(manifest.description.length).toBeGreaterThan(20);
    const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
    expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    for (const icon of pngs) {
      const response = await fetch(`${baseUrl()}${icon.src}`);
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get("content-type")).toContain("image/png");
      expect(pngSize(new Uint8Array(await response.arrayBuffer())).join("x")).toBe(icon.sizes);
    }
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    // A Playwright context is an incognito profile, where Chromium never installs; nothing else may be missing.
    expect(installabilityErrors.filter((error) => error.errorId !== "in-incognito")).toEqual([]);
    await context.close();
  });

  test("the install offer comes after sign-in on a second visit; dismissed, it stays away on this device", async () => {
    const { page, context, pageErrors, cspViolations } = await open(browser, { width: 360, height: 740 });
    const offer = page.getByTestId("install-offer");
    await login(page, "admin@akrab.test");
    // First signed-in visit: the browser's offer is kept, not shown yet.
    expect(await offerInstall(page, "dismissed")).toBe(true);
    await deviceReady(page, 1);
    await page.waitForTimeout(300);
    expect(await offer.count()).toBe(0);

    // Second visit: offered.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
    expect(await offerInstall(page, "dismissed")).toBe(true);
    await offer.getByRole("heading", { name: "Pasang Akrab di layar utama" }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-install-offer", false);

    // "Pasang" opens the browser's own dialog; declined there, it is remembered like "Nanti saja".
    await offer.getByRole("button", { name: "Pasang" }).click();
    await offer.waitFor({ state: "detached" });
    expect(await page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
    expect(await offerInstall(page, "dismissed")).toBe(true);
    await deviceReady(page, 3);
    await page.waitForTimeout(300);
    expect(await offer.count()).toBe(0);

    // Asked again (the remembered choice cleared): "Nanti saja" closes it for good too.
    await page.evaluate(() => localStorage.removeItem("akrab.pwa.install-dismissed"));
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
    await offerInstall(page, "accepted");
    await offer.getByRole("button", { name: "Nanti saja" }).click();
    await offer.waitFor({ state: "detached" });
    expect(await page.evaluate(() => localStorage.getItem("akrab.pwa.install-dismissed"))).not.toBeNull();

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test("iPhone Safari outside the home screen: the 7-day notice, dismissible and remembered", async () => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: 360, height: 740 },
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    });
    const page = await context.newPage();
    await login(page, "lks@akrab.test");
    const notice = page.getByTestId("ios-notice");
    await notice.getByText(/Safari menghapus data sebuah situs web setelah sekitar 7 hari/).waitFor();
    await notice.getByText(/Tambahkan ke Layar Utama/).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-ios-notice", false);
    await notice.getByRole("button", { name: "Mengerti" }).click();
    await notice.waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
    await deviceReady(page, 2);
    await page.waitForTimeout(300);
    expect(await notice.count()).toBe(0);
    await context.close();

    // Not on iPhone (this Chromium): no notice.
    const desktop = await open(browser, { width: 360, height: 740 });
    await login(desktop.page, "lks@akrab.test");
    await deviceReady(desktop.page, 1);
    await desktop.page.waitForTimeout(300);
    expect(await desktop.page.getByTestId("ios-notice").count()).toBe(0);
    await desktop.context.close();
  });

  test("Background Sync: a change saved offline is sent by the service worker with no page open", async () => {
    const setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Sinkron");
    const { page, context } = await open(browser, { width: 360, height: 740 });
    await login(page, setup.email, setup.password);
    await controlledByServiceWorker(page);
    await page.goto(`/t/${setup.tenant}/lks/${setup.lksId}`);
    await page.getByRole("heading", { level: 1, name: setup.name }).waitFor();
    await page.waitForLoadState("networkidle");

    await context.setOffline(true);
    await page.getByRole("button", { name: "Ubah profil" }).click();
    await page.getByLabel("Telepon").fill("0813 7777 8888");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByTestId("lks-notice").getByText("Disimpan di perangkat").waitFor();
    // The outbox asked for a sync (Chromium has SyncManager).
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
            sync: { getTags(): Promise<string[]> };
          };
          return registration.sync.getTags();
        }),
      )
      .toContain("akrab-outbox");

    // The page is closed; the link comes back; the browser fires the sync (here through DevTools).
    await page.close();
    const blank = await context.newPage();
    const cdp = await context.newCDPSession(blank);
    const registrationId = new Promise<string>((resolve) =>
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const ours = registrations.find((r: { scopeURL: string }) => r.scopeURL === `${baseUrl()}/`);
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send("ServiceWorker.enable");
    await context.setOffline(false);
    await cdp.send("ServiceWorker.dispatchSyncEvent", {
      origin: baseUrl(),
      registrationId: await registrationId,
      tag: "akrab-outbox",
      lastChance: false,
    });

    const signedIn = await apiFetch("/api/v1/auth/login", {
      method: "POST",
      body: { email: setup.email, password: setup.password },
    });
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const lksApi = `/api/v1/t/${setup.tenant}/lks/${setup.lksId}`;
    await expect
      .poll(
        async () =>
          ((await (await apiFetch(lksApi, { cookie })).json()) as { profile: { phone: string } }).profile.phone,
        { timeout: 20_000 },
      )
      .toBe("+6281377778888");
    // And it left the outbox on the device.
    const again = await context.newPage();
    await again.goto("/login");
    // (The worker deletes it right after the server's answer: the poll above may see the server first.)
    const left = () =>
      again.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const request = indexedDB.open("akrab-offline");
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const count = request.result.transaction("outbox").objectStore("outbox").count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      );
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
    await context.close();
  }, 120_000);
  test("Background Sync holds a workflow action while its application's files wait, and moves it to the version the letter's send gave", async () => {
    const setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Tunggu Berkas");
    const appPath = `/t/${setup.tenant}/permohonan/${setup.applicationId}`;
    const { page, context } = await open(browser, { width: 360, height: 740 });
    await login(page, setup.email, setup.password);
    await controlledByServiceWorker(page);
    await page.goto(appPath);
    await page.locator("#letter-heading").scrollIntoViewIfNeeded(); // the letter's fields load near the screen
    await page.getByTestId("letter-form").waitFor();
    await page.waitForLoadState("networkidle");

    // The letter is saved offline (a change of kind "letter" in the outbox).
    await context.setOffline(true);
    const summary = "Ringkasan dikirim oleh service worker.";
    await page.locator("#f-letter-summary").fill(summary);
    await page.getByRole("button", { name: "Simpan surat" }).click();
    await page.getByText("Disimpan di perangkat").waitFor();
    await page.close();

    /** Runs `fn` in a page of the app with no sync loop (/login), then closes it (the worker asks no page). */
    type Edit = "add" | "drop-upload" | "read";
    const onDevice = async <T>(
      fn: (arg: { applicationId: string; edit: Edit }) => Promise<T>,
      edit: Edit,
    ): Promise<T> => {
      const login = await context.newPage();
      await login.goto("/login");
      const result = await login.evaluate(fn, { applicationId: setup.applicationId, edit });
      await login.close();
      return result;
    };
    type Row = { id: string; kind: string; state: string; attempts: number; expectedVersion: number };
    /** The outbox's rows, or with `edit` an edit of the stores first (in one transaction). */
    const outbox = (edit: Edit) =>
      onDevice(
        ({ applicationId, edit }) =>
          new Promise<Row[]>((resolve, reject) => {
            const request = indexedDB.open("akrab-offline");
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const tx = request.result.transaction(["outbox", "uploads"], "readwrite");
              const store = tx.objectStore("outbox");
              const all = store.getAll();
              all.onsuccess = () => {
                const rows = all.result as (Row & Record<string, unknown>)[];
                const letter = rows.find((row) => row.kind === "letter");
                if (edit === "add" && letter) {
                  // A submit queued just before the letter, based on the same version, while a file
                  // for this application is still in the upload queue.
                  store.put({
                    ...letter,
                    id: "queued-submit",
                    key: crypto.randomUUID(),
                    kind: "action",
                    label: "Ajukan",
                    values: { action: "submit" },
                    base: {},
                    createdAt: (letter.createdAt as number) - 1,
                    attempts: 0,
                    lastError: null,
                  });
                  tx.objectStore("uploads").put({
                    id: "waiting-file",
                    userId: letter.userId,
                    tenant: letter.tenant,
                    target: { applicationId, requirement: "akta_pendirian" },
                    label: "Akta pendirian",
                    filename: "akta.pdf",
                    filetype: "application/pdf",
                    size: 10,
                    originalSize: 10,
                    sha256: "",
                    maxBytes: 1_000_000,
                    acceptedTypes: ["pdf"],
                    uploadUrl: null,
                    offset: 0,
                    documentId: null,
                    state: "queued",
                    failure: null,
                    createdAt: Date.now(),
                  });
                }
                if (edit === "drop-upload") tx.objectStore("uploads").delete("waiting-file");
              };
              tx.oncomplete = () =>
                resolve(
                  (all.result as Row[]).map(({ id, kind, state, attempts, expectedVersion }) => ({
                    id,
                    kind,
                    state,
                    attempts,
                    expectedVersion,
                  })),
                );
              tx.onerror = () => reject(tx.error);
              tx.onabort = () => reject(tx.error);
            };
          }),
        edit,
      );
    const [letter] = await outbox("add");
    expect(letter).toMatchObject({ kind: "letter", state: "pending" });

    const blank = await context.newPage();
    const cdp = await context.newCDPSession(blank);
    const registrationId = new Promise<string>((resolve) =>
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const ours = registrations.find((r: { scopeURL: string }) => r.scopeURL === `${baseUrl()}/`);
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send("ServiceWorker.enable");
    await context.setOffline(false);
    const sync = async () =>
      cdp.send("ServiceWorker.dispatchSyncEvent", {
        origin: baseUrl(),
        registrationId: await registrationId,
        tag: "akrab-outbox",
        lastChance: false,
      });
    await sync();

    const signedIn = await apiFetch("/api/v1/auth/login", {
      method: "POST",
      body: { email: setup.email, password: setup.password },
    });
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const appApi = `/api/v1/t/${setup.tenant}/applications/${setup.applicationId}`;
    const application = async () =>
      (await (await apiFetch(appApi, { cookie })).json()) as {
        version: number;
        status: string;
        letter: { summary?: string } | null;
      };
    await expect.poll(async () => (await application()).letter?.summary, { timeout: 20_000 }).toBe(summary);
    const { version, status } = await application();

    // The letter went; the older submit was passed over untouched (its file is not there yet) and
    // now carries the version the letter's send answered (the record moved by this person's change).
    await expect
      .poll(() => outbox("read"), { timeout: 10_000 })
      .toEqual([{ id: "queued-submit", kind: "action", state: "pending", attempts: 0, expectedVersion: version }]);
    expect((await application()).status).toBe(status);

    // The file is no longer waiting: the next sync sends the submit (the server answers it).
    await outbox("drop-upload");
    await sync();
    await expect
      .poll(async () => (await outbox("read")).map((row) => row.attempts > 0 || row.state !== "pending"), {
        timeout: 20_000,
      })
      .not.toEqual([false]);
    await context.close();
  }, 120_000);
});
