import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication } from "../../bench/photo.ts";
import {
  apiFetch,
  apiSignIn,
  baseUrl,
  controlledByServiceWorker,
  DEMO_PASSWORD,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
  uploadRequiredDocuments,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const BUILD = new URL("../../web/build/", import.meta.url);
const BUDGET_BYTES = 80 * 1024;
/** The sign-in page's first load (issue 11: ≤ 50 KB gzip of JS+CSS for /login and each role's home). */
const LOGIN_BUDGET_BYTES = 50 * 1024;

describe("app shell", () => {
  test("security headers on the shell; CSP without 'unsafe-inline' or 'unsafe-eval'", async () => {
    for (const path of ["/", "/login", "/invite/abc"]) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.status).toBe(200);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
    const asset = await fetch(`${baseUrl()}/favicon.svg`);
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
    // The header file configures the Worker; it is not served.
    expect(await (await fetch(`${baseUrl()}/_headers`)).text()).not.toContain("Content-Security-Policy");
  });

  /**
   * Sums the gzip (-9) size of the JS and CSS a fresh context fetches for `path` (no cache, no service
   * worker yet), signed in as `signInAs` (with the demo password unless `password` is given).
   */
  async function firstLoad(
    label: string,
    path: string,
    ready: (page: Page) => Promise<void>,
    signInAs?: string,
    password = DEMO_PASSWORD,
    budget = BUDGET_BYTES,
  ) {
    const { page, context, cspViolations } = await open(browser, { width: 360, height: 740 });
    if (signInAs) {
      const response = await page.request.post("/api/v1/auth/login", {
        data: { email: signInAs, password },
        headers: { origin: baseUrl() },
      });
      expect(response.ok()).toBe(true);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const urls = new Map<string, string>();
    const wire = new Map<string, number>();
    cdp.on("Network.responseReceived", (event) => {
      if (event.type === "Script" || event.type === "Stylesheet") urls.set(event.requestId, event.response.url);
    });
    cdp.on("Network.loadingFinished", (event) => {
      wire.set(event.requestId, event.encodedDataLength);
    });
    await page.goto(path, { waitUntil: "networkidle" });
    await ready(page);

    let gzip = 0;
    let onWire = 0;
    const files: string[] = [];
    for (const [id, url] of urls) {
      const file = new URL(url).pathname;
      if (file.startsWith("/api/")) continue;
      const bytes = await readFile(new URL(`.${file}`, BUILD));
      gzip += gzipSync(bytes, { level: 9 }).length;
      onWire += wire.get(id) ?? 0;
      files.push(file);
    }
    console.info(
      `[budget] ${label} first load: ${files.length} JS/CSS files, ${(gzip / 1024).toFixed(1)} KB gzip (-9), ` +
        `${(onWire / 1024).toFixed(1)} KB on the wire incl. headers; budget ${budget / 1024} KB\n  ` +
        files.map((file) => file.replace("/_app/immutable/", "")).join(" "),
    );
    expect(files.some((file) => file.endsWith(".css"))).toBe(true);
    expect(gzip).toBeLessThanOrEqual(budget);
    expect(cspViolations).toEqual([]);
    await context.close();
  }

  test(`first load of /login stays within ${LOGIN_BUDGET_BYTES / 1024} KB gzip of JS+CSS`, async () => {
    await firstLoad(
      "/login",
      "/login",
      (page) => page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor(),
      undefined,
      undefined,
      LOGIN_BUDGET_BYTES,
    );
  });

  test("the sign-in page: ?next= after signing in, the certificate check and the registry link", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser, { width: 360, height: 740 });
    await page.goto("/login?next=%2Fperubahan");
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "login-360");
    // The public registry (a Worker page) and the certificate check, for people without an account.
    expect(await page.getByTestId("registry-link").getAttribute("href")).toBe("/registri");
    await page.getByLabel("Nomor sertifikat").fill("0000/BALKS/X/I/2026");
    await page.getByRole("button", { name: "Periksa" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/verifikasi/"));
    await page.goBack();
    await page.getByLabel("Email").fill("lks@akrab.test");
    await page.getByLabel("Kata sandi", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel("Tampilkan kata sandi").check();
    expect(await page.getByLabel("Kata sandi", { exact: true }).getAttribute("type")).toBe("text");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((url) => url.pathname === "/perubahan");
    // A next outside the app is not followed.
    await page.context().clearCookies();
    await page.goto("/login?next=%2F%2Fevil.example");
    await page.getByLabel("Email").fill("lks@akrab.test");
    await page.getByLabel("Kata sandi", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
    expect(page.url()).toBe(`${baseUrl()}/`);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();

    const desktop = await open(browser, { width: 1280, height: 900 });
    await desktop.page.goto("/login?loggedOut=1");
    await desktop.page.getByText("Anda telah keluar.").waitFor();
    await shot(desktop.page, "login-desktop");
    await desktop.context.close();
  });

  test(`first load of / signed in (Dinsos admin) stays within ${BUDGET_BYTES / 1024} KB gzip of JS+CSS`, async () => {
    await firstLoad(
      "/ (signed in)",
      "/",
      async (page) => {
        await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
        // The role's home (loaded lazily) with its LKS list and the member list is there too.
        await page.getByTestId("tile-registry").waitFor();
        await page.waitForLoadState("networkidle");
      },
      "dinsos.kota-tangerang@akrab.test",
    );
  });

  test(`first load of /laporan (BALKS: coverage with the province map) stays within ${BUDGET_BYTES / 1024} KB gzip of JS+CSS`, async () => {
    await firstLoad(
      "/laporan (BALKS)",
      "/laporan",
      async (page) => {
        // The report's own chunk (map, charts, tables) is part of what the reader waits for.
        await page.getByTestId("province-map").waitFor();
        await page.getByTestId("areas-table").waitFor();
        await page.waitForLoadState("networkidle");
      },
      "balks@akrab.test",
    );
  });

  test(`first load of /t/{tenant}/permohonan/{id} (LKS operator and Dinsos verifier) stays within ${BUDGET_BYTES / 1024} KB gzip of JS+CSS`, async () => {
    // A fresh LKS with its own draft application: the demo LKS's applications are moved by
    // applications.test.ts while files run side by side.
    const setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Muat");
    const path = `/t/${setup.tenant}/permohonan/${setup.applicationId}`;
    const opened = async (page: Page) => {
      await page.getByRole("heading", { level: 1, name: setup.name }).waitFor();
      await page.getByTestId("checklist").waitFor();
    };
    // The operator's draft: the checklist with an upload control per document, the letter form.
    await firstLoad(
      "/t/{tenant}/permohonan/{id} (LKS operator, draft)",
      path,
      async (page) => {
        await opened(page);
        await page.getByTestId("doc-profil_lks").getByText("Pilih berkas").waitFor();
        // The letter's form fields load when the letter (below the checklist) comes near the screen.
        await page.locator("#letter-heading").waitFor();
        await page.waitForLoadState("networkidle");
      },
      setup.email,
      setup.password,
    );

    // Submitted, it is the verifier's: the workflow actions and Terima/Kembalikan per document.
    const signedIn = await apiFetch("/api/v1/auth/login", {
      method: "POST",
      body: { email: setup.email, password: setup.password },
    });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    await uploadRequiredDocuments(setup, setup.tenant, setup.applicationId);
    const api = `/api/v1/t/${setup.tenant}/applications/${setup.applicationId}`;
    const { version } = (await (await apiFetch(api, { cookie })).json()) as { version: number };
    const submitted = await apiFetch(`${api}/transitions`, {
      method: "POST",
      cookie,
      body: { action: "submit", expectedVersion: version },
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    await firstLoad(
      "/t/{tenant}/permohonan/{id} (Dinsos verifier, submitted)",
      path,
      async (page) => {
        await opened(page);
        await page.getByTestId("appl-actions").waitFor();
        await page.waitForLoadState("networkidle");
      },
      "dinsos.kota-tangerang@akrab.test",
    );
  });

  test(`first load of the other signed-in and sign-up pages stays within ${BUDGET_BYTES / 1024} KB gzip of JS+CSS`, async () => {
    // A pending Dinsos sign-up for its review page, in a city the onboarding tests do not pick
    // (they take Kota Serang or the first city without a tenant).
    const { items } = (await (await apiFetch("/api/v1/public/regions")).json()) as {
      items: { name: string; code: string; kind: string; tenantStatus: string }[];
    };
    const region = items
      .filter((r) => r.kind === "city" && r.tenantStatus === "not_onboarded" && r.name !== "Kota Serang")
      .at(-1);
    expect(region).toBeDefined();
    const created = await apiFetch("/api/v1/public/tenant-signups", {
      method: "POST",
      body: {
        regionCode: region!.code,
        officeName: "Dinas Sosial Uji Muat",
        officialEmail: `uji.muat.${Date.now()}@contoh.test`,
        contactName: "Uji Muat",
        contactPhone: "0811 0000 0001",
      },
    });
    expect(created.status).toBe(201);
    const { id: signupId } = (await created.json()) as { id: string };
    // An LKS with its own draft application for the self-assessment page (its operator fills it in).
    const lks = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Muat Penilaian");

    // The demo asesor's page in BALKS's registry (issue 13).
    const { cookie: balksCookie } = await apiSignIn("balks@akrab.test");
    const registry = await apiFetch("/api/v1/national/asesors?limit=100", { cookie: balksCookie });
    const { items: asesors } = (await registry.json()) as { items: { id: string; email: string }[] };
    const rinaId = asesors.find((a) => a.email === "asesor@akrab.test")!.id;
    const heading = (name: string | RegExp) => async (page: Page) => {
      await page.getByRole("heading", { level: 1, name }).waitFor();
      await page.waitForLoadState("networkidle");
    };
    const dinsos = "dinsos.kota-tangerang@akrab.test";
    const pages: [path: string, ready: (page: Page) => Promise<void>, signInAs?: string, password?: string][] = [
      ["/daftar-dinsos", heading("Pendaftaran Dinas Sosial")],
      [
        "/lks",
        async (page) => {
          await heading("Registri LKS")(page);
          await page.getByTestId("lks-list").waitFor();
        },
        dinsos,
      ],
      ["/permohonan", heading("Permohonan masuk"), dinsos],
      ["/permohonan/baru", heading("Ajukan akreditasi"), "lks@akrab.test"],
      ["/t/kota-tangerang/dinsos/alur-kerja", heading("Alur kerja"), dinsos],
      ["/t/kota-tangerang/dinsos/audit", heading("Log audit"), dinsos],
      ["/t/kota-tangerang/dinsos/dokumen", heading("Daftar dokumen"), dinsos],
      ["/t/kota-tangerang/dinsos/pengguna", heading("Pengguna Dinsos"), dinsos],
      ["/t/kota-tangerang/dinsos/profil", heading("Profil Dinas Sosial"), dinsos],
      ["/balks/instrumen", heading("Instrumen akreditasi"), "balks@akrab.test"],
      ["/balks/instrumen/lksa-2025-1", heading(/Instrumen akreditasi LKSA/), "balks@akrab.test"],
      ["/balks/instrumen/impor", heading("Impor instrumen"), "balks@akrab.test"],
      ["/balks/instrumen/bandingkan", heading("Bandingkan versi"), "balks@akrab.test"],
      ["/balks/asesor", heading("Registri asesor"), "balks@akrab.test"],
      [`/balks/asesor/${rinaId}`, heading("Dr. Rina Asesor"), "balks@akrab.test"],
      // The application fixtures/asesor-assignment.sql puts at asesor assignment.
      ["/balks/tim/kab-batang/e2e00013-0000-4000-8000-000000000013", heading("Tim asesor"), "balks@akrab.test"],
      ["/penugasan", heading("Penugasan saya"), "asesor@akrab.test"],
      ["/admin", heading("Administrasi platform"), "admin@akrab.test"],
      ["/admin/outbox", heading("Kotak keluar email"), "admin@akrab.test"],
      [`/admin/pendaftaran/${signupId}`, heading("Dinas Sosial Uji Muat"), "admin@akrab.test"],
      [
        `/t/${lks.tenant}/permohonan/${lks.applicationId}/penilaian-mandiri`,
        async (page) => {
          await heading("Penilaian mandiri (Formulir A)")(page);
          await page.getByTestId("sa-standard").waitFor();
        },
        lks.email,
        lks.password,
      ],
      // The visit scoring page of the lead of fixtures/visit-scoring.sql's team.
      [
        "/penugasan/e2e00016-0000-4000-8000-0000000000d1",
        async (page) => {
          await heading("Penilaian visitasi")(page);
          await page.getByTestId("visit-standard").waitFor();
        },
        "asesor.ketua@akrab.test",
      ],
    ];
    for (const [path, ready, signInAs, password] of pages) {
      await firstLoad(
        path
          .replace(signupId, "{id}")
          .replace(`/t/${lks.tenant}/`, "/t/{tenant}/")
          .replace("/t/kota-tangerang/dinsos/", "/t/{tenant}/dinsos/")
          .replace(lks.applicationId, "{id}")
          .replace(rinaId, "{id}")
          .replace("kab-batang/e2e00013-0000-4000-8000-000000000013", "{tenant}/{id}")
          .replace("e2e00016-0000-4000-8000-0000000000d1", "{assignmentId}"),
        path,
        ready,
        signInAs,
        password,
      );
    }
  }, 180_000);

  test("service worker: registered, then a reload fetches no shell bytes from the network", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser);
    await page.goto("/login");
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
    const scope = await page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.scope)");
    expect(scope).toBe(`${baseUrl()}/`);
    // Wait until this page is controlled (the worker claims open pages on activation).
    await controlledByServiceWorker(page);

    const fromNetwork: string[] = [];
    const fromWorker: string[] = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin !== baseUrl() || url.pathname.startsWith("/api/")) return;
      (response.fromServiceWorker() ? fromWorker : fromNetwork).push(url.pathname);
    });
    await page.reload({ waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
    expect(fromNetwork).toEqual([]);
    expect(fromWorker).toContain("/login");
    expect(fromWorker.some((path) => path.endsWith(".js"))).toBe(true);
    expect(fromWorker.some((path) => path.endsWith(".css"))).toBe(true);

    // Logged in, a client-side route change and a full navigation still need no shell bytes.
    await login(page, "lks@akrab.test");
    fromNetwork.length = 0;
    await page.goto("/", { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
    expect(fromNetwork).toEqual([]);

    // The API is never answered from the cache: it still sees the session ending.
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    expect(await page.evaluate("fetch('/api/v1/auth/me').then((r) => r.status)")).toBe(401);

    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("offline, the shell still opens from the cache", async () => {
    const { page, context } = await open(browser);
    await page.goto("/login");
    await controlledByServiceWorker(page);
    await context.setOffline(true);
    // The sign-in page is a document of its own: the worker keeps it too.
    await page.goto("/login?next=%2Fperubahan");
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
    await page.getByTestId("registry-link").waitFor();
    await page.goto("/reset-password");
    await page.getByRole("heading", { level: 1, name: "Atur ulang kata sandi" }).waitFor();
    await page.getByText(/Anda sedang offline/).waitFor();
    await context.setOffline(false);
    await context.close();
  });

  test("the API's health endpoint answers (sanity)", async () => {
    expect((await apiFetch("/api/health")).status).toBe(200);
  });
});
