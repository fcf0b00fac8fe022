import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { demoSeedStatements } from "./scripts/demo-data.ts";
import ContractReporter from "./tests/support/contract-reporter.ts";

// Worker integration tests run inside workerd with real D1 and R2 (storage isolated per test file).
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          TEST_SEED: await demoSeedStatements(),
        },
      },
    })),
  ],
  test: {
    include: ["tests/worker/**/*.test.ts"],
    setupFiles: ["./tests/worker/setup.ts"],
    reporters: ["default", new ContractReporter()],
  },
});
