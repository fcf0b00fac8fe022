import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../env.ts";
import { Problem } from "../middleware/problem/index.ts";

/** Zod failures become one 400 problem listing every offending field, before any handler runs. */
const validationProblem: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || result.target,
    message: issue.message,
  }));
  throw new Problem("validation", `Periksa kembali isian: ${errors.map((e) => e.path).join(", ")} / Please check: ${errors.map((e) => e.path).join(", ")}`, {
    errors,
  });
};

/** Every resource folder builds its routes on one of these, so validation answers the same everywhere. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationProblem });
}
