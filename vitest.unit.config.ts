import { configDefaults, defineConfig } from "vitest/config";

// Pure domain rules and the Worker's runtime-free pieces (middleware beside its test): plain Node, fast.
// Middleware whose test needs D1 runs in workerd instead (vitest.worker.config.ts).
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "worker/src/**/*.test.ts", "tests/support/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "worker/src/middleware/{auth,tenant,national,idempotency}/index.test.ts"],
    environment: "node",
  },
});
