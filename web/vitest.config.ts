import { defineConfig } from "vitest/config";

/**
 * Unit tests of the web app's plain modules (API client, formatting, roles) in Node.
 * No SvelteKit/Paraglide plugins: `npm run test -w web` compiles the messages first,
 * and `#lib/*` resolves through package.json "imports".
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
