/**
 * `npm run seed:national`: loads the national-scale dataset (scripts/national-data.ts) into the
 * local D1 database that `wrangler dev` uses, after the demo data (the demo tenants and users are
 * reused). Safe to run again: every row has a fixed id and is inserted with INSERT OR IGNORE.
 *
 * Usage: tsx scripts/seed-national.ts [--persist-to DIR] [--scale 0.1] [--seed 2026] [--now 2026-12-01T01:00:00Z]
 *
 * Certificates go in only when the certificates table exists (migration 0019), written for the
 * columns it has (`PRAGMA table_info`); otherwise the run says so and loads everything else.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { demoSeedStatements } from "./demo-data.ts";
import { certificateStatements, nationalDataset, type NationalRegion, type TableColumn } from "./national-data.ts";

const { values } = parseArgs({
  options: {
    "persist-to": { type: "string" },
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: "2026" },
    now: { type: "string" },
  },
});
const persist = values["persist-to"] ? ["--persist-to", values["persist-to"]] : [];
const dir = mkdtempSync(join(tmpdir(), "akrab-national-"));

function execute(args: string[]): string {
  return execFileSync("wrangler", ["d1", "execute", "DB", "--local", ...persist, ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 2 ** 20,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
  });
}

/** The rows of each statement, in order. */
function queries(...statements: string[]): unknown[][] {
  const out = JSON.parse(execute(["--json", "--command", statements.join("; ")])) as { results: unknown[] }[];
  return statements.map((_, i) => out[i]?.results ?? []);
}

function runFile(name: string, statements: string[]) {
  const file = join(dir, name);
  writeFileSync(file, `${statements.join("\n")}\n`);
  execute(["--file", file]);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const started = performance.now();
try {
  // Today, as a day boundary (the dataset then stays the same all day) unless --now says otherwise.
  const now = values.now ?? `${new Date().toISOString().slice(0, 10)}T01:00:00.000Z`;
  runFile("demo.sql", await demoSeedStatements());

  // One wrangler run for everything read (each run costs seconds to start).
  const [regions, areaRows, tenants, balksRows, certificateColumns] = queries(
    "SELECT code, name, kind, province_code AS provinceCode, slug FROM regions ORDER BY code",
    "SELECT d.parent_code AS regency, d.code AS district, (SELECT min(v.code) FROM areas v WHERE v.parent_code = d.code) AS village FROM areas d WHERE d.level = 'district' ORDER BY d.code",
    "SELECT id, region_code AS regionCode FROM tenants",
    "SELECT id FROM users WHERE email = 'balks@akrab.test'",
    "PRAGMA table_info(certificates)",
  ) as [
    NationalRegion[],
    { regency: string; district: string; village: string | null }[],
    { id: string; regionCode: string }[],
    { id: string }[],
    TableColumn[],
  ];
  const places = new Map<string, { district: string; village: string }[]>();
  for (const p of areaRows)
    if (p.village)
      places.set(p.regency, [...(places.get(p.regency) ?? []), { district: p.district, village: p.village }]);
  const balks = balksRows[0];
  if (!balks) throw new Error("The demo user balks@akrab.test is missing: run `npm run db:setup` first");
  console.log(`Demo data loaded; regions, areas and tenants read from the local D1 (${seconds(started)}).`);

  const generating = performance.now();
  const data = nationalDataset({
    regions,
    places,
    existingTenants: new Map(tenants.map((t) => [t.regionCode, t.id])),
    balksUserId: balks.id,
    now,
    scale: Number(values.scale),
    seed: Number(values.seed),
  });
  const bytes = data.statements.reduce((n, s) => n + s.length, 0);
  console.log(
    `Generated ${data.statements.length} statements, ${(bytes / 2 ** 20).toFixed(1)} MB of SQL, "today" ${now} (${seconds(generating)}).`,
  );

  const loading = performance.now();
  runFile("national.sql", data.statements);
  console.log(`Loaded into the local D1 (${seconds(loading)}).`);

  if (certificateColumns.length > 0) {
    const certLoading = performance.now();
    runFile("certificates.sql", certificateStatements(data.certificates, certificateColumns));
    console.log(`Loaded ${data.certificates.length} certificates (${seconds(certLoading)}).`);
  } else {
    // The rows depend on the table's columns, so they are written once it exists; the rest is already in.
    console.log(
      `No certificates table yet (migration 0019): the ${data.certificates.length} certificates are left out. Run this again once the table exists (the rest is kept as it is).`,
    );
  }

  console.table(Object.entries(data.counts).map(([rows, n]) => ({ rows, generated: n })));
  const [inDb] = queries(
    "SELECT (SELECT count(*) FROM tenants) AS tenants, (SELECT count(*) FROM lks) AS lks, (SELECT count(*) FROM applications) AS applications, (SELECT count(*) FROM asesors) AS asesors, (SELECT count(*) FROM assessment_assignments) AS assignments",
  );
  console.log("In the local D1 now (demo data included):", inDb?.[0]);
  console.log(`Done in ${seconds(started)}.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
