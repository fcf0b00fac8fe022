import { refreshDirtyReports } from "@akrab/db";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";

const RefreshResult = z
  .object({
    refreshed: z.number().int().openapi({ description: "Tenants recomputed by this call" }),
    remaining: z.number().int().openapi({ description: "Tenants still waiting (call again)" }),
  })
  .openapi("ReportRefreshResult");

export const refreshReportsRoute = createRoute({
  method: "post",
  operationId: "reports.refresh",
  path: "/api/v1/national/reports/refresh",
  tags: ["Reports"],
  summary: "Recompute the report roll-ups of tenants whose records changed, now",
  description:
    "What the minute cron does, on demand (after a bulk import, before a meeting): tenants marked out of date are recomputed from the raw rows for up to 20 s; `remaining` says how many are left. Recomputing is idempotent: a retry changes nothing but the computation time.",
  security: bearerSecurity,
  middleware: [national({ roles: ["balks_secretariat", "platform_admin"] })] as const,
  responses: { 200: jsonResponse(RefreshResult, "What was recomputed"), ...problems(401, 404) },
});

export const refreshReports: RouteHandler<typeof refreshReportsRoute, NationalEnv> = async (c) => {
  const db = c.get("db");
  const refreshed = await refreshDirtyReports(db, Date.now(), 20_000);
  const row = await db.$client
    .prepare("SELECT count(*) AS n FROM report_state WHERE dirty_since IS NOT NULL")
    .first<{ n: number }>();
  return c.json({ refreshed, remaining: row?.n ?? 0 }, 200);
};
