import { defineConfig } from "vitest/config";

// Pure domain rules: plain Node, no runtime, fast.
export default defineConfig({
  test: { include: ["packages/*/src/**/*.test.ts"], environment: "node" },
});
