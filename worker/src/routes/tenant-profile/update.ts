import { expectRow } from "@akrab/db";
import { TenantProfile, TenantProfileUpdate } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";
import { presentTenantProfile } from "./present.ts";

export const updateProfileRoute = createRoute({
  method: "patch",
  operationId: "tenantProfile.update",
  path: "/api/v1/t/{tenant}/profile",
  tags: ["Tenant administration"],
  summary: "Edit the tenant's name, address and contact (tenant admins)",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam, body: jsonBody(TenantProfileUpdate) },
  responses: { 200: jsonResponse(TenantProfile, "Updated profile"), ...problems(400, 401, 403, 404) },
});

export const updateProfile: RouteHandler<typeof updateProfileRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const changes = c.req.valid("json");
  const before = scope.tenant;
  const changed = Object.fromEntries(
    Object.entries(changes).filter(
      ([key, value]) => value !== undefined && before[key as keyof typeof before] !== value,
    ),
  );
  if (Object.keys(changed).length === 0) return c.json(await presentTenantProfile(db, before), 200);
  const [[updated]] = await db.batch([
    scope.updateProfile(changed),
    audit(c, {
      action: "tenant.profile_updated",
      tenantId: before.id,
      targetType: "tenant",
      targetId: before.id,
      data: Object.fromEntries(
        Object.keys(changed).map((key) => [key, { from: before[key as keyof typeof before], to: changed[key] }]),
      ),
    }),
  ]);
  return c.json(await presentTenantProfile(db, expectRow(updated, "Tenant")), 200);
};
