import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import type { Env } from "hono";
import type { AppEnv } from "../env.ts";
import { Problem } from "../middleware/problem/index.ts";

/**
 * Zod failures become one 400 problem listing every offending field, before any handler runs.
 * It reads nothing of the environment, so one hook serves every router's `E`.
 */
function validationProblem<E extends Env>(): Hook<unknown, E, string, unknown> {
  return (result) => {
    if (result.success) return;
    const errors = result.error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || result.target,
      message: issue.message,
    }));
    throw new Problem(
      "validation",
      `Periksa kembali isian: ${errors.map((e) => e.path).join(", ")} / Please check: ${errors.map((e) => e.path).join(", ")}`,
      {
        errors,
      },
    );
  };
}

/**
 * Every resource folder builds its routes on one of these, so validation answers the same everywhere.
 * `E` is what the app-level middleware guarantees on the folder's paths: `TenantEnv` for
 * /api/v1/t/{tenant}/… (principal, access and scope are set), so handlers read them without `!`.
 */
export function createRouter<E extends Env = AppEnv>() {
  return new OpenAPIHono<E>({ defaultHook: validationProblem<E>() });
}
