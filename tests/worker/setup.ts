import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach } from "vitest";
import { contractStats } from "./contract.ts";

// Runs once per test file (each file gets its own storage): schema, regions, then the demo data.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await env.DB.batch(env.TEST_SEED.map((statement) => env.DB.prepare(statement)));

// Each test reports how many responses the contract check saw (see tests/support/contract-reporter.ts).
let reported = 0;
afterEach(({ task }) => {
  task.meta.contractChecked = contractStats.checked - reported;
  reported = contractStats.checked;
});

declare module "vitest" {
  interface TaskMeta {
    contractChecked?: number;
  }
}
