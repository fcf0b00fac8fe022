import { CursorQuery, TenantOverview, pageOf } from "@akrab/contracts";
import { listTenants, tenantSlugs } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { requireNationalRole } from "../../middleware/auth/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { presentTenant } from "./present.ts";

export const listTenantsRoute = createRoute({
  method: "get",
  operationId: "tenants.list",
  path: "/api/v1/national/tenants",
  tags: ["Tenant onboarding"],
  summary: "Every tenant, by Kemendagri code (national roles)",
  security: bearerSecurity,
  middleware: [requireNationalRole("platform_admin", "balks_secretariat", "balks_decider", "national_viewer")] as const,
  request: { query: CursorQuery },
  responses: { 200: jsonResponse(pageOf(TenantOverview, "TenantPage"), "One page of tenants"), ...problems(400, 401, 404) },
});

export const listTenantsHandler: RouteHandler<typeof listTenantsRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const page = await listTenants(db, c.req.valid("query"));
  if (!page) throw unknownCursor();
  const parents = await tenantSlugs(db, page.items.flatMap((t) => (t.parentId ? [t.parentId] : [])));
  return c.json({ nextCursor: page.nextCursor, items: page.items.map((t) => presentTenant(t, t.parentId ? (parents.get(t.parentId) ?? null) : null)) }, 200);
};
