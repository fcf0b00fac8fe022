import { defineConfig } from "vitest/config";

/**
 * End-to-end tests: the real Worker (wrangler dev, local D1) serving the built web app,
 * driven by Debian's Chromium through playwright-core. Run `npm run build` first.
 */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    pool: "forks",
    // Each file drives its own browser; four at a time keeps wrangler's proxy responsive.
    maxWorkers: 4,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
