import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { demoSeedStatements } from "./scripts/demo-data.ts";
import ContractReporter from "./tests/support/contract-reporter.ts";
import { startMessagingStub } from "./tests/support/messaging-provider.ts";

/** Middleware tests that need real D1 (beside their middleware, as hono keeps them; unit config excludes them). */
const WORKERD_MIDDLEWARE_TESTS = "worker/src/middleware/{auth,tenant,national,idempotency}/index.test.ts";

// Worker integration tests run inside workerd with real D1 and R2 (storage isolated per test file).
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          TEST_SEED: await demoSeedStatements(),
          TEST_MESSAGING_URL: `${await startMessagingStub()}/messages`,
        },
        // A second, real send_email binding that refuses all but one address: a provider failure.
        email: {
          send_email: [
            { name: "EMAIL" },
            { name: "EMAIL_REFUSING", allowed_destination_addresses: ["only@akrab.test"] },
          ],
        },
      },
    })),
  ],
  test: {
    include: ["tests/worker/**/*.test.ts", WORKERD_MIDDLEWARE_TESTS],
    setupFiles: ["./tests/worker/setup.ts"],
    // A test here is dozens of requests through workerd with real D1 (an application's whole path, with
    // its documents and self-assessment); on a shared two-core machine 5 s fails them for load alone.
    testTimeout: 20_000,
    reporters: ["default", new ContractReporter()],
  },
});
