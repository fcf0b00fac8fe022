import { Health } from "@akrab/contracts";
import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../../lib/router.ts";
import { jsonResponse } from "../../lib/openapi.ts";

export const API_VERSION = "1.0.0";

const healthRoute = createRoute({
  method: "get",
  operationId: "health.get",
  path: "/api/health",
  tags: ["Operations"],
  summary: "Liveness and version",
  responses: { 200: jsonResponse(Health, "The Worker is up") },
});

export const healthRoutes = createRouter().openapi(healthRoute, (c) =>
  c.json(
    { status: "ok" as const, version: `akrab@${API_VERSION}`, apiVersion: "v1", environment: c.env.ENVIRONMENT },
    200,
  ),
);
