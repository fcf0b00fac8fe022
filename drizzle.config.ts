import { defineConfig } from "drizzle-kit";

// Migrations are generated here, reviewed by hand, and applied by `wrangler d1 migrations apply`.
export default defineConfig({
  dialect: "sqlite",
  schema: "./packages/db/src/schema.ts",
  out: "./migrations",
});
