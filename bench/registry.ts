/**
 * `AKRAB_BENCH_ONLY=registry npm run bench` (issue 14): the public registry API on the national
 * dataset (`scripts/seed-national.ts`: 25,000 LKS, 12,000 certificates) on local workerd — a name
 * search, a province + grade filter, and page 3 by cursor — p50/p95 at 1 and 20 connections, each
 * twice: from the edge cache (the same URL again) and past it (every request a distinct URL, so
 * every one queries D1), beside a hello-world Worker measured in the same run on the same port
 * (one port per engineer on the shared machine: the two servers run one after the other). Then the
 * `/registri` page's first-load bytes (gzip, all in) in Chromium.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/support/chromium.ts";
import { startLocalServer } from "../tests/support/local-server.ts";
import { load, type LoadResult } from "./load.ts";
import { measurePage } from "./page-weight.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PORT = Number(process.env.AKRAB_BENCH_REGISTRY_PORT ?? 8861);
const REQUESTS = { 1: 100, 20: 300 } as const;
const ms = (v: number) => `${v.toFixed(1)} ms`;

type Row = LoadResult & { name: string };

async function measure(name: string, target: string | ((i: number) => { url: string })): Promise<Row[]> {
  await load(target, { connections: 5, requests: 30 }); // warm-up: isolate, D1, JIT
  const rows: Row[] = [];
  for (const connections of [1, 20] as const)
    rows.push({ name, ...(await load(target, { connections, requests: REQUESTS[connections] })) });
  return rows;
}

async function helloWorld(): Promise<Row[]> {
  const child = spawn(
    "wrangler",
    [
      "dev",
      "-c",
      "bench/hello-world/wrangler.toml",
      "--ip",
      "127.0.0.1",
      "--port",
      String(PORT),
      "--show-interactive-dev-session=false",
    ],
    { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" }, detached: true, stdio: "ignore" },
  );
  const url = `http://127.0.0.1:${PORT}/`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        if (i > 240) throw new Error("hello-world worker did not start");
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    return await measure("hello-world Worker", url);
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1500)); // the port is free again
  }
}

export async function benchRegistry() {
  const hello = await helloWorld();
  const started = performance.now();
  const app = await startLocalServer({
    port: PORT,
    timeoutMs: 600_000,
    extraCommands: [["tsx", "scripts/seed-national.ts"]],
  });
  console.log(`National dataset seeded and server up in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  try {
    const api = `${app.url}/api/v1/public/lks`;
    const total = async (query: string) => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const page = (await (await fetch(`${api}?${query}&limit=100${cursor ? `&cursor=${cursor}` : ""}`)).json()) as {
          items: unknown[];
          nextCursor: string | null;
        };
        n += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      return n;
    };
    console.log(
      `Registry: ${await total("")} LKS with a certificate; ${await total("province=32&grade=A")} in Jawa Barat with grade A; ${await total("q=kasih")} named "kasih"`,
    );
    // Page 3 of all LKS, 20 a page: the cursor the second page hands out.
    const p1 = (await (await fetch(`${api}?limit=20`)).json()) as { nextCursor: string };
    const p2 = (await (await fetch(`${api}?limit=20&cursor=${p1.nextCursor}`)).json()) as { nextCursor: string };
    const targets: [string, string][] = [
      ["name search (q=kasih)", `${api}?q=kasih`],
      ["province + grade (32, A)", `${api}?province=32&grade=A`],
      ["page 3 by cursor", `${api}?limit=20&cursor=${p2.nextCursor}`],
    ];
    const rows: Row[] = [...hello];
    for (const [name, url] of targets) {
      rows.push(...(await measure(`${name}, edge cache`, url)));
      // A parameter the API ignores but the cache key keeps: every request misses and queries D1.
      rows.push(...(await measure(`${name}, past the cache`, (i) => ({ url: `${url}&run=${Date.now()}-${i}` }))));
    }
    const base = (c: number) => hello.find((r) => r.connections === c)?.p50;
    console.log("Public registry API on the national dataset (local workerd, wrangler dev)");
    console.table(
      rows.map((r) => ({
        endpoint: r.name,
        conns: r.connections,
        requests: r.requests,
        p50: ms(r.p50),
        p95: ms(r.p95),
        "p50 / hello": (r.p50 / (base(r.connections) ?? r.p50)).toFixed(2),
        "req/s": Math.round(r.requestsPerSecond),
        errors: r.errors ? `${r.errors} ${JSON.stringify(r.errorStatuses)}` : 0,
      })),
    );
    const browser = await launchChromium();
    try {
      const weights = [
        await measurePage(browser, `${app.url}/registri`, "/registri"),
        await measurePage(
          browser,
          `${app.url}/registri?province=32&kabKota=32.73`,
          "/registri?province=32&kabKota=32.73",
        ),
      ];
      console.log("First-load bytes (gzip, fresh profile, 360 px)");
      console.table(weights.map((w) => ({ ...w, total: w.js + w.css + w.html })));
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
  }
}
