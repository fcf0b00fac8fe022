/**
 * Loads the demo data into the local D1 database (the one `wrangler dev` uses).
 * Usage: tsx scripts/seed-local.ts [--persist-to DIR]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { demoSeedStatements } from "./demo-data.ts";

const { values } = parseArgs({ options: { "persist-to": { type: "string" } } });
const dir = mkdtempSync(join(tmpdir(), "akrab-seed-"));
try {
  const file = join(dir, "seed.sql");
  writeFileSync(file, `${(await demoSeedStatements()).join("\n")}\n`);
  const persist = values["persist-to"] ? ["--persist-to", values["persist-to"]] : [];
  execFileSync("wrangler", ["d1", "execute", "DB", "--local", "--file", file, ...persist], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log("Demo data loaded (existing rows left unchanged).");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
