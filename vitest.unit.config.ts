import { defineConfig } from "vitest/config";

// Pure domain rules and the Worker's runtime-free pieces (middleware beside its test): plain Node, fast.
export default defineConfig({
  test: { include: ["packages/*/src/**/*.test.ts", "worker/src/**/*.test.ts"], environment: "node" },
});
