import { CursorQuery, TenantOverview, pageOf } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { presentTenant } from "./present.ts";

export const listTenantsRoute = createRoute({
  method: "get",
  operationId: "tenants.list",
  path: "/api/v1/national/tenants",
  tags: ["Tenant onboarding"],
  summary: "Every tenant, by Kemendagri code (national roles)",
  security: bearerSecurity,
  middleware: [
    national({ roles: ["platform_admin", "balks_secretariat", "balks_decider", "national_viewer"] }),
  ] as const,
  request: { query: CursorQuery },
  responses: {
    200: jsonResponse(pageOf(TenantOverview, "TenantPage"), "One page of tenants"),
    ...problems(400, 401, 404),
  },
});

export const listTenantsHandler: RouteHandler<typeof listTenantsRoute, NationalEnv> = async (c) => {
  const { tenants } = c.get("national");
  const page = await tenants.list(c.req.valid("query"));
  if (!page) throw unknownCursor();
  const parents = await tenants.slugs(page.items.flatMap((t) => (t.parentId ? [t.parentId] : [])));
  return c.json(
    {
      nextCursor: page.nextCursor,
      items: page.items.map((t) => presentTenant(t, t.parentId ? (parents.get(t.parentId) ?? null) : null)),
    },
    200,
  );
};
