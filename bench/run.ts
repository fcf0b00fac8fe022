/**
 * `npm run bench` (builds the web app first). Prints:
 *  - first-load page weight of the login and home pages (gzip bytes of JS, CSS, HTML);
 *  - API latency on local workerd: /api/health and an authenticated tenant-scoped list, at 1 and
 *    50 connections, against a hello-world Worker measured in the same run behind the same proxy;
 *  - resumable uploads: tus throughput on loopback, and bytes on the wire / file size when the
 *    connection is cut every 300–900 KiB; a phone photo's size after the browser downscales it;
 *  - scoring in the domain: one 220-indicator answer set, and 10,000 of them (µs each; `bench/scoring.ts`);
 *  - the deployable bundle size from `wrangler deploy --dry-run`;
 *  - the sign-in page and the home on 2G and slow 3G links (a link shaper on the app's port + 1), first
 *    and repeat visits and the service worker's first set (`link.ts`).
 * `AKRAB_BENCH_ONLY=link` runs only the last section (no seeded applications, no hello-world Worker);
 * `AKRAB_BENCH_ONLY=pack` only the visit pack of one LKS with 30 evidence items on 2G and slow 3G (`pack.ts`);
 * `AKRAB_BENCH_ONLY=registry` only the public registry API on the national dataset and the /registri page's weight (`registry.ts`);
 * `AKRAB_BENCH_ONLY=export` only the export writers: 25,000 rows as XLSX and CSV in Node and in workerd (`export.ts`).
 * Figures, not pass/fail: compare ratios measured in one run (the wrangler dev proxy dominates).
 */
import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/support/chromium.ts";
import { startLocalServer } from "../tests/support/local-server.ts";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { d1RoundTrips, load, type LoadResult } from "./load.ts";
import { applicationsSql, benchApplicationId } from "./seed-applications.ts";
import { benchSlowLinks } from "./link.ts";
import { benchPack, packSql } from "./pack.ts";
import { measurePage } from "./page-weight.ts";
import { benchPhotoDownscale } from "./photo.ts";
import { benchReports } from "./reports.ts";
import { benchRegistry } from "./registry.ts";
import { benchScoring } from "./scoring.ts";
import { benchExports } from "./export.ts";
import { benchUploadFaults, benchUploadThroughput } from "./uploads.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const APP_PORT = Number(process.env.AKRAB_BENCH_APP_PORT ?? 8790);
const HELLO_PORT = Number(process.env.AKRAB_BENCH_HELLO_PORT ?? 8791);
const REQUESTS = { 1: 300, 50: 3000 } as const;
const DEMO = { email: "dinsos.kota-tangerang@akrab.test", password: "Akrab-Demo-2026!" };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number, base: number | undefined) => (base ? (value / base).toFixed(2) : "–");

async function startHelloWorld(): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    "wrangler",
    [
      "dev",
      "-c",
      "bench/hello-world/wrangler.toml",
      "--ip",
      "127.0.0.1",
      "--port",
      String(HELLO_PORT),
      "--show-interactive-dev-session=false",
    ],
    {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
      detached: true,
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${HELLO_PORT}/`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => process.kill(-child.pid!, "SIGTERM") };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  process.kill(-child.pid!, "SIGKILL");
  throw new Error("hello-world worker did not start");
}

async function measureLatency(name: string, url: string, headers?: Record<string, string>) {
  await load(url, { connections: 10, requests: 100, headers }); // warm-up: isolate, D1 connection, JIT
  const roundTrips = await d1RoundTrips(url, { headers });
  const rows: (LoadResult & { name: string; roundTrips: number | null })[] = [];
  for (const connections of [1, 50] as const)
    rows.push({ name, roundTrips, ...(await load(url, { connections, requests: REQUESTS[connections], headers })) });
  return rows;
}

function bundleSize(): string {
  const out = execFileSync("wrangler", ["deploy", "--dry-run", "--env", "production", "--outdir", ".wrangler/dist"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  return out.match(/Total Upload:[^\n]*/)?.[0] ?? "unknown";
}

if (process.env.AKRAB_BENCH_ONLY === "link") {
  const app = await startLocalServer({ port: APP_PORT });
  try {
    const browser = await launchChromium();
    await benchSlowLinks(browser, app.url, DEMO);
    await browser.close();
  } finally {
    await app.stop();
  }
  process.exit(0);
}

if (process.env.AKRAB_BENCH_ONLY === "pack") {
  const dir = mkdtempSync(join(tmpdir(), "akrab-bench-pack-"));
  const file = join(dir, "pack.sql");
  writeFileSync(file, packSql());
  const app = await startLocalServer({ port: APP_PORT, extraSqlFiles: [file] });
  rmSync(dir, { recursive: true, force: true });
  try {
    const browser = await launchChromium();
    await benchPack(browser, app.url);
    await browser.close();
  } finally {
    await app.stop();
  }
  process.exit(0);
}

if (process.env.AKRAB_BENCH_ONLY === "reports") {
  await benchReports(await startHelloWorld());
  process.exit(0);
}

if (process.env.AKRAB_BENCH_ONLY === "registry") {
  await benchRegistry();
  process.exit(0);
}

if (process.env.AKRAB_BENCH_ONLY === "export") {
  await benchExports();
  process.exit(0);
}

const APPLICATIONS = 5000;
const TRANSITIONS = 1000;
const seedDir = mkdtempSync(join(tmpdir(), "akrab-bench-"));
const seedFile = join(seedDir, "applications.sql");
writeFileSync(seedFile, applicationsSql(APPLICATIONS));
const app = await startLocalServer({ port: APP_PORT, extraSqlFiles: [seedFile] });
rmSync(seedDir, { recursive: true, force: true });
const hello = await startHelloWorld();
try {
  const browser = await launchChromium();
  const login = await measurePage(browser, `${app.url}/login`, "/login");
  const home = await measurePage(browser, `${app.url}/`, "/ (home, signed in)", async (page) => {
    const res = await page.request.post(`${app.url}/api/v1/auth/login`, { data: DEMO, headers: { origin: app.url } });
    if (!res.ok()) throw new Error(`bench login failed: ${res.status()}`);
  });
  await browser.close();

  const session = (await (
    await fetch(`${app.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(DEMO),
    })
  ).json()) as { token: string };
  const auth = { authorization: `Bearer ${session.token}` };
  const latency = [
    ...(await measureLatency("hello-world Worker", hello.url)),
    ...(await measureLatency("GET /api/health", `${app.url}/api/health`)),
    // Signed in, no handler query: what authentication alone costs (its one D1 round trip).
    ...(await measureLatency("GET /api/v1/auth/me (auth)", `${app.url}/api/v1/auth/me`, auth)),
    ...(await measureLatency(
      "GET /api/v1/t/kota-tangerang/lks (auth)",
      `${app.url}/api/v1/t/kota-tangerang/lks`,
      auth,
    )),
    ...(await measureLatency(
      `GET …/inbox, ${APPLICATIONS} applications (auth)`,
      `${app.url}/api/v1/t/kota-tangerang/inbox`,
      auth,
    )),
    ...(await measureLatency(
      `GET …/inbox?overdue=true (auth)`,
      `${app.url}/api/v1/t/kota-tangerang/inbox?overdue=true`,
      auth,
    )),
  ];
  // Each transition moves a different application once (recommend, version 1 → 2), 20 clients at a time.
  const transitions = await load(
    (i) => ({
      url: `${app.url}/api/v1/t/kota-tangerang/applications/${benchApplicationId(i + 1)}/transitions`,
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `bench-transition-${i}` },
      body: JSON.stringify({ action: "recommend", expectedVersion: 1 }),
    }),
    { connections: 20, requests: TRANSITIONS, headers: auth },
  );
  const transitionTrips = await d1RoundTrips(
    `${app.url}/api/v1/t/kota-tangerang/applications/${benchApplicationId(TRANSITIONS + 1)}/transitions`,
    {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "idempotency-key": "bench-transition-count" },
      body: JSON.stringify({ action: "recommend", expectedVersion: 1 }),
    },
  );
  latency.push({ name: "POST …/transitions (recommend)", roundTrips: transitionTrips, ...transitions });

  console.log("\nPage weight, first load (gzip)");
  console.table(
    [login, home].map((w) => ({
      page: w.page,
      JS: kb(w.js),
      CSS: kb(w.css),
      "JS+CSS": kb(w.js + w.css),
      HTML: kb(w.html),
      files: w.files,
    })),
  );

  console.log("API latency on local workerd (wrangler dev)");
  // "D1 trips": round trips of one request (the first is the principal with the tenant; the rest are the handler's own).
  // The transitions run at 20 connections, where no hello-world figure exists to compare with.
  const helloP50 = (c: number) => latency.find((r) => r.name.startsWith("hello-world") && r.connections === c)?.p50;
  console.table(
    latency.map((r) => ({
      endpoint: r.name,
      conns: r.connections,
      "D1 trips": r.roundTrips ?? "–",
      requests: r.requests,
      p50: ms(r.p50),
      p95: ms(r.p95),
      p99: ms(r.p99),
      "p50 / hello": ratio(r.p50, helloP50(r.connections)),
      "req/s": Math.round(r.requestsPerSecond),
      errors: r.errors ? `${r.errors} ${JSON.stringify(r.errorStatuses)}` : 0,
    })),
  );

  await benchUploadThroughput(app.url);
  await benchUploadFaults(app.url);
  await benchPhotoDownscale(app.url);
  benchScoring();
  await benchExports();

  const linkBrowser = await launchChromium();
  await benchSlowLinks(linkBrowser, app.url, DEMO);
  await linkBrowser.close();

  console.log(`Deployable bundle (wrangler deploy --dry-run): ${bundleSize()}`);
} finally {
  hello.stop();
  await app.stop();
}
