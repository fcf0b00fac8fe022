/**
 * The app on a slow link, in real Chromium: how long until the sign-in form is usable on a first
 * visit (with the service worker installing over the same link) and until the worker's first set is
 * cached, on a repeat visit, and the home after sign-in; bytes on the wire for each.
 *
 * Chromium opens the app through a link shaper (tests/support/link-shaper.ts): a TCP proxy on the
 * app's port + 1 that every requester goes through from its first byte, the pages and the service
 * worker alike. One queue per direction shared by all connections (one radio: requests in parallel
 * share the rate), the round trip added to every request. DevTools' emulation could not do this: it
 * throttles a target once Playwright announces it, after a service worker's first requests, and each
 * target got the whole rate to itself.
 */
import http from "node:http";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { type Exchange, LinkShaper, idleExchangeMs } from "../tests/support/link-shaper.ts";
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

/**
 * One line per request of a step, in the order they reached the link: when it started and when its
 * answer's last byte arrived (ms from the step's start), bytes received, who asked (page or worker)
 * and on which connection. What waits for what shows as a request starting when another ends.
 */
function waterfall(title: string, exchanges: Exchange[], from: number, until: number): string {
  const at = (time: number) => String(Math.round(time - from)).padStart(6);
  const lines = exchanges.map((exchange) => {
    const end = exchange.answeredAt ? at(exchange.answeredAt) : "     …";
    const path = exchange.path.replace(/^\/_app\/immutable\//, "…/").slice(0, 70);
    return (
      `${at(exchange.startedAt)} → ${end} ms ${kb(exchange.received).padStart(8)} ` +
      `${exchange.by.padEnd(6)} c${String(exchange.connection).padEnd(3)} ${exchange.method} ${path}`
    );
  });
  return [`${title} (usable at ${Math.round(until - from)} ms):`, ...lines].join("\n");
}

/** The same link as DevTools' network emulation takes it (the visit pack's bench, which has no service worker). */
export const conditions = (link: Link) => ({
  offline: false,
  latency: link.rttMs,
  downloadThroughput: (link.kbitPerSecond * 1000) / 8,
  uploadThroughput: (link.kbitPerSecond * 1000) / 8,
});

/** Bytes that reached the browser for these exchanges (answers' heads and bodies) so far. */
const received = (exchanges: Exchange[]) => exchanges.reduce((sum, exchange) => sum + exchange.received, 0);
const byWorker = (exchanges: Exchange[]) => exchanges.filter((exchange) => exchange.by === "worker");
/** "3 requests, 1 answered": how many went on the link, and how many answers had begun to arrive. */
const requests = (exchanges: Exchange[]) =>
  `${exchanges.length} request${exchanges.length === 1 ? "" : "s"}, ${exchanges.filter((e) => e.received > 0).length} answered`;
const WORKER_SCRIPT = "/service-worker.js";

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The largest build file: a known size to check the link with. */
function knownFile(): { path: string; bytes: number } {
  const dir = join(WEB, "build", "_app", "immutable", "chunks");
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".js"))
    .map((name) => ({ path: `/_app/immutable/chunks/${name}`, bytes: statSync(join(dir, name)).size }));
  return files.sort((a, b) => b.bytes - a.bytes)[0]!;
}

/**
 * The link's own check: one known-size file (uncompressed, a connection of its own) must take one
 * round trip plus its bytes at the link's rate, no less (else something bypasses the shaper) and
 * not much more.
 */
async function checkLink(shaper: LinkShaper, base: string, link: Link): Promise<string> {
  const file = knownFile();
  const before = shaper.exchanges.length;
  const ms = await timed(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = http.get(`${base}${file.path}`, { agent: false }, (response) => {
          response.resume();
          response.on("end", () => resolve());
        });
        request.on("error", reject);
      }),
  );
  const exchange = shaper.exchanges[before];
  if (!exchange) throw new Error("bench: the link check's request did not cross the shaper");
  const expected = idleExchangeMs(link, exchange.sent, exchange.received);
  const off = ms - expected;
  if (off < -20 || off > 500) {
    throw new Error(
      `bench: the link shaper is off: ${(ms / 1000).toFixed(2)} s, expected ${(expected / 1000).toFixed(2)} s`,
    );
  }
  return (
    `link check, ${link.name}: GET ${file.path.split("/").at(-1)} (${kb(file.bytes)} file, ` +
    `${kb(exchange.received)} + ${kb(exchange.sent)} sent on the wire) took ${(ms / 1000).toFixed(2)} s; ` +
    `RTT + bytes / rate = ${(expected / 1000).toFixed(2)} s`
  );
}

/** The sign-in form is usable once its button is enabled (the page's script enables it when it runs). */
const signInForm = (page: Page) => page.getByRole("button", { name: "Masuk", disabled: false }).waitFor();

/** The app's port + 1: where the link shaper listens while it runs. */
const shaperPort = (appUrl: string) => Number(new URL(appUrl).port) + 1;

async function onLink(
  browser: Browser,
  appUrl: string,
  link: Link,
  user: { email: string; password: string },
): Promise<{ rows: Row[]; check: string; waterfall: string }> {
  const rows: Row[] = [];
  const shaper = new LinkShaper({ target: appUrl, rttMs: link.rttMs, kbitPerSecond: link.kbitPerSecond });
  const base = await shaper.start(shaperPort(appUrl));
  const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 }, locale: "id-ID" });
  try {
    const check = await checkLink(shaper, base, link);

    // First visit: nothing on the device; the service worker installs over the same link.
    let page = await context.newPage();
    const start = performance.now();
    await page.goto("/login", { waitUntil: "commit" });
    await signInForm(page);
    const usable = performance.now();
    const untilUsable = shaper.between(start);
    const workerBytesThen = received(byWorker(untilUsable));
    rows.push({
      link: link.name,
      step: "/login, first visit: form usable",
      ms: usable - start,
      bytes: received(untilUsable),
      note: `${requests(untilUsable)}${workerBytesThen ? `; ${kb(workerBytesThen)} of it the worker's` : ""}`,
    });
    // Installed and activated: the worker claims the page in `activate`, and is "activated" after it.
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", undefined, {
      timeout: 300_000,
      polling: 100,
    });
    const activated = performance.now();
    // The worker's: its script's fetch and the fetches it made itself (a request it only relays for
    // the page carries the page as referrer and counts as the page's).
    const worker = byWorker(shaper.between(start));
    const firstWorkerRequest = worker[0]?.startedAt ?? activated;
    const script = received(worker.filter((exchange) => exchange.path === WORKER_SCRIPT));
    rows.push({
      link: link.name,
      step: "  service worker: first set cached (activated)",
      ms: activated - start,
      bytes: received(worker),
      note:
        `its script ${kb(script)} + the set ${kb(received(worker) - script)} in ${worker.length} requests ` +
        `from +${((firstWorkerRequest - start) / 1000).toFixed(1)} s; page and worker: ${kb(received(shaper.between(start)))}`,
    });
    await page.close();

    // Repeat visit of /login: from the device.
    page = await context.newPage();
    let from = performance.now();
    const repeat = await timed(async () => {
      await page.goto("/login", { waitUntil: "commit" });
      await signInForm(page);
    });
    rows.push({
      link: link.name,
      step: "/login, repeat visit: form usable",
      ms: repeat,
      bytes: received(shaper.between(from)),
      note: `from the device; ${requests(shaper.between(from))} by then`,
    });

    // Sign in on the link; then a repeat visit of the home.
    from = performance.now();
    const signIn = await timed(async () => {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Kata sandi", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Masuk" }).click();
      await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor({ timeout: 120_000 });
    });
    const signInExchanges = shaper.between(from);
    const signInWaterfall = waterfall(`sign in → home, ${link.name}`, signInExchanges, from, from + signIn);
    rows.push({
      link: link.name,
      step: "sign in → home usable",
      ms: signIn,
      bytes: received(signInExchanges),
      note: `${requests(signInExchanges)}; ${kb(received(byWorker(signInExchanges)))} of it the worker's own`,
    });
    await page.close();
    page = await context.newPage();
    from = performance.now();
    const home = await timed(async () => {
      await page.goto("/", { waitUntil: "commit" });
      await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor({ timeout: 120_000 });
    });
    const homeExchanges = shaper.between(from);
    rows.push({
      link: link.name,
      step: "/ (home), repeat visit: usable",
      ms: home,
      bytes: received(homeExchanges),
      note: `shell and kept data from the device; ${requests(homeExchanges)} by then`,
    });
    return { rows, check, waterfall: signInWaterfall };
  } finally {
    await context.close();
    await shaper.stop();
  }
}

/**
 * The sign-in page's critical request chain in round trips: through the shaper with a 1 s round
 * trip and no rate cap, the seconds until the form is usable are the round trips it waited on one
 * after another (DevTools' initiators cannot tell: module imports all show "about:client").
 * wrangler dev speaks HTTP/1.1, so the browser sends six requests at a time: the number of files
 * counts here too, which it would not over HTTP/2 at the edge.
 */
async function signInRoundTrips(browser: Browser, appUrl: string): Promise<number> {
  const shaper = new LinkShaper({ target: appUrl, rttMs: 1000, kbitPerSecond: 1e9 });
  const base = await shaper.start(shaperPort(appUrl));
  const context = await browser.newContext({ baseURL: base, serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const ms = await timed(async () => {
      await page.goto("/login", { waitUntil: "commit" });
      await signInForm(page);
    });
    return ms / 1000;
  } finally {
    await context.close();
    await shaper.stop();
  }
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
  const checks: string[] = [];
  const waterfalls: string[] = [];
  for (const link of LINKS) {
    const { rows: linkRows, check, waterfall: signIn } = await onLink(browser, baseUrl, link, user);
    rows.push(...linkRows);
    checks.push(check);
    waterfalls.push(signIn);
  }
  console.log(
    "\nSlow links (Chromium through a link shaper on loopback: every request of the pages and the service worker " +
      "throttled from its first byte; the round trip added to each request, one queue per direction shared by all " +
      "connections; bytes on the wire: answers' heads and bodies received; TCP handshakes and slow start not modelled)",
  );
  for (const check of checks) console.log(check);
  console.table(
    rows.map((row) => ({
      link: row.link,
      step: row.step,
      time: `${(row.ms / 1000).toFixed(2)} s`,
      "bytes on the wire": `${(row.bytes / 1024).toFixed(1)} KB`,
      note: row.note,
    })),
  );
  for (const lines of waterfalls) console.log(`\n${lines}`);
  console.log(
    `/login critical request chain: ${trips.toFixed(1)} round trips until the form is usable (through the shaper: 1 s round trip, no rate cap)`,
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
