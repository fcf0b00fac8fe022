/**
 * `AKRAB_BENCH_ONLY=reports npm run bench` (issue 15): the report API on the national dataset
 * (`scripts/seed-national.ts`: 552 tenants, 25,000 LKS, 15,000 applications) on local workerd —
 * the national dashboard (coverage + pipeline), a province drill-down, and the LKS and application
 * lists behind a figure — p50/p95 at 1 and 20 connections, beside a hello-world Worker measured in the same run.
 */
import { startLocalServer } from "../tests/support/local-server.ts";
import { load, type LoadResult } from "./load.ts";

const PORT = Number(process.env.AKRAB_BENCH_REPORTS_PORT ?? 8861);
const REQUESTS = { 1: 100, 20: 300 } as const;
const ms = (v: number) => `${v.toFixed(1)} ms`;

/**
 * The hello-world Worker is measured first and stopped before the app starts, so both can share
 * one port (the machine is shared: one port per engineer); the ratio is still of the same run.
 */
export async function benchReports(hello: { url: string; stop(): void }) {
  const rows: (LoadResult & { name: string })[] = [];
  try {
    await load(hello.url, { connections: 5, requests: 30 });
    for (const connections of [1, 20] as const)
      rows.push({
        name: "hello-world Worker",
        ...(await load(hello.url, { connections, requests: REQUESTS[connections] })),
      });
  } finally {
    hello.stop();
  }
  // Let the hello-world Worker release the port.
  await new Promise((r) => setTimeout(r, 2000));
  const started = performance.now();
  const app = await startLocalServer({
    port: PORT,
    timeoutMs: 300_000,
    extraCommands: [["tsx", "scripts/seed-national.ts"]],
  });
  console.log(`National dataset seeded and server up in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  try {
    const login = async (email: string) =>
      (
        (await (
          await fetch(`${app.url}/api/v1/auth/login`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ email, password: "Akrab-Demo-2026!" }),
          })
        ).json()) as { token: string }
      ).token;
    const balks = { authorization: `Bearer ${await login("balks@akrab.test")}` };
    // The roll-ups of all 552 tenants, as the minute cron would make them.
    const refreshStart = performance.now();
    for (;;) {
      const res = (await (
        await fetch(`${app.url}/api/v1/national/reports/refresh`, {
          method: "POST",
          headers: { ...balks, origin: app.url },
        })
      ).json()) as { refreshed: number; remaining: number };
      if (res.remaining === 0) break;
    }
    console.log(`Roll-ups of every tenant recomputed in ${((performance.now() - refreshStart) / 1000).toFixed(1)} s`);

    const viewer = { authorization: `Bearer ${await login("viewer@akrab.test")}` };
    const banten = { authorization: `Bearer ${await login("dinsos.banten@akrab.test")}` };
    const targets: [string, string, Record<string, string> | undefined][] = [
      ["national coverage", `${app.url}/api/v1/national/reports/coverage`, viewer],
      ["national pipeline", `${app.url}/api/v1/national/reports/pipeline`, viewer],
      ["province drill-down (Banten, its Dinsos)", `${app.url}/api/v1/t/prov-banten/reports/coverage`, banten],
      ["national, province filter (Jawa Barat)", `${app.url}/api/v1/national/reports/coverage?province=32`, viewer],
      [
        // Grades need the certificates table (another branch); until then decided LKS count as verified.
        "LKS behind a figure (verified, Jawa Barat)",
        `${app.url}/api/v1/national/reports/lks?category=verified&province=32&limit=50`,
        viewer,
      ],
      [
        "applications behind a figure (waiting in Dinsos verification, all)",
        `${app.url}/api/v1/national/reports/applications?step=kabkota_verification&limit=50`,
        viewer,
      ],
      [
        "LKS behind a figure (never applied, all)",
        `${app.url}/api/v1/national/reports/lks?category=never_applied`,
        viewer,
      ],
    ];
    for (const [name, url, headers] of targets) {
      await load(url, { connections: 5, requests: 30, headers });
      for (const connections of [1, 20] as const)
        rows.push({ name, ...(await load(url, { connections, requests: REQUESTS[connections], headers })) });
    }
    const hello = (c: number) => rows.find((r) => r.name.startsWith("hello") && r.connections === c)?.p50;
    console.log("Report API on the national dataset (local workerd, wrangler dev)");
    console.table(
      rows.map((r) => ({
        endpoint: r.name,
        conns: r.connections,
        requests: r.requests,
        p50: ms(r.p50),
        p95: ms(r.p95),
        "p50 / hello": (r.p50 / (hello(r.connections) ?? r.p50)).toFixed(2),
        "req/s": Math.round(r.requestsPerSecond),
        errors: r.errors ? `${r.errors} ${JSON.stringify(r.errorStatuses)}` : 0,
      })),
    );
  } finally {
    await app.stop();
  }
}
