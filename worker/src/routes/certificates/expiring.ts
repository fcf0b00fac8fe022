import { CursorQuery, ExpiringCertificate, ExpiringQuery, pageOf } from "@akrab/contracts";
import { addCalendarDays, daysBetween, jakartaDay } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";

export const expiringCertificatesRoute = createRoute({
  method: "get",
  operationId: "certificates.expiring",
  path: "/api/v1/t/{tenant}/certificates/expiring",
  tags: ["Certificates"],
  summary: "The tenant's LKS whose accreditation ends soon, soonest first",
  description:
    "Certificates still in force (not revoked, suspended or superseded by a later one) whose last valid day is between today (Jakarta) and `within` days ahead: the LKS to remind of re-accreditation.",
  security: bearerSecurity,
  middleware: [requireTenantRole("dinsos_verifier", "dinsos_head", "tenant_admin")] as const,
  request: { params: TenantParam, query: CursorQuery.extend(ExpiringQuery.shape) },
  responses: {
    200: jsonResponse(pageOf(ExpiringCertificate, "ExpiringCertificatePage"), "One page of certificates"),
    ...problems(400, 401, 404),
  },
});

export const expiringCertificates: RouteHandler<typeof expiringCertificatesRoute, TenantEnv> = async (c) => {
  const { within, cursor, limit } = c.req.valid("query");
  const today = jakartaDay();
  const page = await c
    .get("scope")
    .certificates.endingBetween(today, addCalendarDays(today, within), { cursor, limit });
  if (!page) throw unknownCursor();
  return c.json(
    {
      nextCursor: page.nextCursor,
      items: page.items.map(({ certificate: row, tenantSlug }) => ({
        number: row.number,
        tenant: tenantSlug,
        lksId: row.lksId,
        lksName: row.lksName,
        grade: row.grade,
        validUntil: row.validUntil,
        daysLeft: daysBetween(today, row.validUntil),
        applicationId: row.applicationId,
      })),
    },
    200,
  );
};
