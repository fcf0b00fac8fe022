/**
 * The app on a slow link, in real Chromium with CDP network emulation: how long until the sign-in
 * form is usable on a first visit (with the service worker installing over the same link) and on a
 * repeat visit, and the home on a repeat visit after sign-in; bytes on the wire for each.
 *
 * The page's requests are throttled through its own DevTools session; the service worker is a target
 * of its own, so it gets the same conditions through the browser's session as soon as it appears
 * (its install fetches share the emulated link instead of running at loopback speed). Both
 * sessions add the latency and cap the rate each on their own, so the link is, if anything, kinder
 * than one shared radio.
 */
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { builtFileNames, measurePage, type PageWeight } from "./page-weight.ts";

const WEB = fileURLToPath(new URL("../web/", import.meta.url));

export interface Link {
  name: string;
  rttMs: number;
  kbitPerSecond: number;
}

/** DevTools' own presets: "2G" as the issue measured it, and Lighthouse's slow 3G (simulated RTT 400 ms, 400 kbit/s). */
export const LINKS: Link[] = [
  { name: "2G (800 ms RTT, 250 kbit/s)", rttMs: 800, kbitPerSecond: 250 },
  { name: "slow 3G (400 ms RTT, 400 kbit/s)", rttMs: 400, kbitPerSecond: 400 },
];

interface Row {
  link: string;
  step: string;
  ms: number;
  bytes: number;
  note: string;
}

export const conditions = (link: Link) => ({
  offline: false,
  latency: link.rttMs,
  downloadThroughput: (link.kbitPerSecond * 1000) / 8,
  uploadThroughput: (link.kbitPerSecond * 1000) / 8,
});

/** Bytes on the wire (headers included) of what one DevTools target fetched, since `reset`. */
class WireBytes {
  total = 0;
  reset() {
    this.total = 0;
  }
  onFinished = (event: { encodedDataLength: number }) => {
    this.total += event.encodedDataLength;
  };
}

async function throttlePage(context: BrowserContext, page: Page, link: Link, wire: WireBytes): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", conditions(link));
  cdp.on("Network.loadingFinished", wire.onFinished);
  return cdp;
}

/**
 * Throttles every service worker target of the browser from the moment it appears (the old,
 * non-flattened attach: Playwright's sessions cannot address a child session otherwise).
 */
async function throttleServiceWorkers(
  browser: Browser,
  link: Link,
  wire: WireBytes,
): Promise<{ stop: () => Promise<void>; throttled: () => number }> {
  const cdp = await browser.newBrowserCDPSession();
  // Service workers throttled so far: a worker gone before the attach, or a failed attach, runs at
  // loopback speed, which would make its install look fast (the row says so rather than hide it).
  let throttled = 0;
  let id = 0;
  const send = (sessionId: string, method: string, params: object) =>
    cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  cdp.on("Target.receivedMessageFromTarget", (event: { message: string }) => {
    const message = JSON.parse(event.message) as { method?: string; params?: { encodedDataLength: number } };
    if (message.method === "Network.loadingFinished" && message.params) wire.onFinished(message.params);
  });
  cdp.on("Target.targetCreated", async (event: { targetInfo: { targetId: string; type: string } }) => {
    if (event.targetInfo.type !== "service_worker") return;
    try {
      const { sessionId } = (await cdp.send("Target.attachToTarget", {
        targetId: event.targetInfo.targetId,
        flatten: false,
      })) as { sessionId: string };
      await send(sessionId, "Network.enable", {});
      await send(sessionId, "Network.emulateNetworkConditions", conditions(link));
      throttled += 1;
    } catch {
      // The worker went before we attached (a version replaced at once): nothing left to throttle.
    }
  });
  await cdp.send("Target.setDiscoverTargets", { discover: true });
  return { stop: () => cdp.detach(), throttled: () => throttled };
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The sign-in form is usable once its button is enabled (the page's script enables it when it runs). */
const signInForm = (page: Page) => page.getByRole("button", { name: "Masuk", disabled: false }).waitFor();

async function onLink(browser: Browser, baseUrl: string, link: Link, user: { email: string; password: string }) {
  const rows: Row[] = [];
  const pageWire = new WireBytes();
  const workerWire = new WireBytes();
  const workers = await throttleServiceWorkers(browser, link, workerWire);
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 360, height: 740 },
    locale: "id-ID",
  });
  try {
    // First visit: nothing on the device; the service worker installs over the same link.
    let page = await context.newPage();
    await throttlePage(context, page, link, pageWire);
    const first = await timed(async () => {
      await page.goto("/login", { waitUntil: "commit" });
      await signInForm(page);
    });
    rows.push({
      link: link.name,
      step: "/login, first visit: form usable",
      ms: first,
      bytes: pageWire.total,
      note: "",
    });
    const installed = await timed(async () => {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 300_000 });
    });
    rows.push({
      link: link.name,
      step: "  service worker installed (first set)",
      ms: first + installed,
      bytes: workerWire.total,
      note: `after the form was usable, same link${workers.throttled() > 0 ? "" : " (worker NOT throttled: figure void)"}`,
    });
    await page.close();

    // Repeat visit of /login: from the device.
    page = await context.newPage();
    pageWire.reset();
    await throttlePage(context, page, link, pageWire);
    const repeat = await timed(async () => {
      await page.goto("/login", { waitUntil: "commit" });
      await signInForm(page);
    });
    rows.push({
      link: link.name,
      step: "/login, repeat visit: form usable",
      ms: repeat,
      bytes: pageWire.total,
      note: "",
    });

    // Sign in on the link; then a repeat visit of the home.
    pageWire.reset();
    const signIn = await timed(async () => {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Kata sandi", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Masuk" }).click();
      await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor({ timeout: 120_000 });
    });
    rows.push({ link: link.name, step: "sign in → home usable", ms: signIn, bytes: pageWire.total, note: "" });
    await page.close();
    page = await context.newPage();
    pageWire.reset();
    await throttlePage(context, page, link, pageWire);
    const home = await timed(async () => {
      await page.goto("/", { waitUntil: "commit" });
      await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor({ timeout: 120_000 });
    });
    rows.push({
      link: link.name,
      step: "/ (home), repeat visit: usable",
      ms: home,
      bytes: pageWire.total,
      note: "shell from the device; the API calls on the link",
    });
  } finally {
    await context.close();
    await workers.stop();
  }
  return rows;
}

/**
 * The sign-in page's critical request chain in round trips: with 1 s of latency and no bandwidth
 * cap, the seconds until the form is usable are the round trips it waited on one after another
 * (DevTools' initiators cannot tell: module imports all show "about:client"). wrangler dev speaks
 * HTTP/1.1, so the browser sends six requests at a time: the number of files counts here too, which
 * it would not over HTTP/2 at the edge.
 */
async function signInRoundTrips(browser: Browser, baseUrl: string): Promise<number> {
  const context = await browser.newContext({ baseURL: baseUrl, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 1000,
    downloadThroughput: 100e6,
    uploadThroughput: 100e6,
  });
  const ms = await timed(async () => {
    await page.goto("/login", { waitUntil: "commit" });
    await signInForm(page);
  });
  await context.close();
  return ms / 1000;
}

/** Each role's home: who signs in to see it (the demo accounts, see the README). */
const HOMES: { label: string; email: string }[] = [
  { label: "/ (home: Dinsos)", email: "dinsos.kota-tangerang@akrab.test" },
  { label: "/ (home: LKS operator)", email: "lks@akrab.test" },
  { label: "/ (home: platform admin)", email: "admin@akrab.test" },
  { label: "/ (home: BALKS)", email: "balks@akrab.test" },
  { label: "/ (home: asesor)", email: "asesor@akrab.test" },
  { label: "/ (home: national viewer)", email: "viewer@akrab.test" },
];

/**
 * The first load of /login and of each role's home in a fresh profile (no cache, no service worker):
 * gzip (-9) of the JS and CSS fetched until the network is idle, the figures the budgets are about
 * (≤ 50 KB for these pages, ≤ 80 KB for every route; tests/e2e/pwa.test.ts holds the 80 KB line).
 */
async function firstLoads(browser: Browser, baseUrl: string, password: string): Promise<PageWeight[]> {
  const rows = [await measurePage(browser, `${baseUrl}/login`, "/login")];
  for (const home of HOMES) {
    rows.push(
      await measurePage(browser, `${baseUrl}/`, home.label, async (page) => {
        const response = await page.request.post(`${baseUrl}/api/v1/auth/login`, {
          data: { email: home.email, password },
          headers: { origin: baseUrl },
        });
        if (!response.ok()) throw new Error(`bench: sign-in of ${home.email} failed (${response.status()})`);
      }),
    );
  }
  return rows;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Why each page loads what it loads: every JS and CSS file of its first load with its gzip size and
 * what it is (a route's node, a chunk group of vite.config.ts, a module), largest first; files every
 * listed page loads are shown once, in the first table ("shared by all").
 */
function printBreakdown(weights: PageWeight[]) {
  const names = builtFileNames(WEB);
  const what = (path: string) =>
    names.get(path) ?? (path.startsWith("/_app/immutable/login/") ? "sign-in page (web/login-page.ts)" : path);
  const signedIn = weights.filter((weight) => weight.page !== "/login");
  const shared = signedIn.length
    ? signedIn[0]!.parts.filter((part) => signedIn.every((w) => w.parts.some((p) => p.path === part.path)))
    : [];
  const sharedPaths = new Set(shared.map((part) => part.path));
  const table = (parts: PageWeight["parts"]) =>
    [...parts]
      .sort((a, b) => b.gzip - a.gzip)
      .map((part) => ({ gzip: kb(part.gzip), file: part.path.replace("/_app/immutable/", ""), what: what(part.path) }));
  const sharedTotal = shared.reduce((sum, part) => sum + part.gzip, 0);
  console.log(`\nFirst loads, file by file. Shared by every role's home (${kb(sharedTotal)}):`);
  console.table(table(shared));
  for (const weight of weights) {
    const own = weight.parts.filter((part) => weight.page === "/login" || !sharedPaths.has(part.path));
    const ownTotal = own.reduce((sum, part) => sum + part.gzip, 0);
    console.log(
      `${weight.page}: ${kb(weight.js + weight.css)} = ${weight.page === "/login" ? "" : `${kb(sharedTotal)} shared + `}${kb(ownTotal)} of its own`,
    );
    console.table(table(own));
  }
}

/** Prints the timings on each link (figures, not pass/fail; aims: sign-in ≤ 3 s first, ≤ 1 s repeat; home ≤ 1 s repeat). */
export async function benchSlowLinks(
  browser: Browser,
  baseUrl: string,
  user: { email: string; password: string },
): Promise<void> {
  const rows: Row[] = [];
  const weights = await firstLoads(browser, baseUrl, user.password);
  const trips = await signInRoundTrips(browser, baseUrl);
  for (const link of LINKS) rows.push(...(await onLink(browser, baseUrl, link, user)));
  console.log("\nSlow links (Chromium, CDP network emulation; the service worker throttled too)");
  console.table(
    rows.map((row) => ({
      link: row.link,
      step: row.step,
      time: `${(row.ms / 1000).toFixed(2)} s`,
      "bytes on the wire": `${(row.bytes / 1024).toFixed(1)} KB`,
      note: row.note,
    })),
  );
  console.log(
    `/login critical request chain: ${trips.toFixed(1)} round trips until the form is usable (1 s latency, no bandwidth cap)`,
  );
  console.log("\nFirst loads (fresh profile, gzip -9; aim: ≤ 50 KB of JS+CSS for /login and each role's home)");
  console.table(
    weights.map((row) => ({
      page: row.page,
      "JS+CSS gzip": kb(row.js + row.css),
      "HTML gzip": kb(row.html),
      files: row.files,
    })),
  );
  printBreakdown(weights);
}
