import { abortIfNothingChanged, isGuardAbort } from "@akrab/db";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { Problem, notFound } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";

export const removeMemberRoute = createRoute({
  method: "delete",
  operationId: "members.remove",
  path: "/api/v1/t/{tenant}/members/{membershipId}",
  tags: ["Members"],
  summary: "Deactivate a membership: the user loses that role in this tenant",
  description:
    "The account and everything it did stay (the audit log keeps the record). The last tenant admin cannot be removed.",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam.extend({ membershipId: z.string().min(1).max(64) }) },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
});

export const removeMember: RouteHandler<typeof removeMemberRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { membershipId } = c.req.valid("param");
  const membership = await scope.findMembership(membershipId);
  if (!membership) throw notFound();
  if (membership.role === "tenant_admin" && (await scope.countMembersWithRole("tenant_admin")) <= 1) {
    throw lastAdmin();
  }
  await db
    .batch([
      scope.removeMembership(membershipId),
      abortIfNothingChanged(db),
      audit(c, {
        action: "member.removed",
        tenantId: scope.tenant.id,
        targetType: "membership",
        targetId: membershipId,
        data: { userId: membership.userId, role: membership.role },
      }),
    ])
    .catch((error: unknown) => {
      throw isGuardAbort(error) ? lastAdmin() : error;
    });
  return c.body(null, 204);
};

function lastAdmin(): Problem {
  return new Problem("conflict", "Admin terakhir tidak dapat dinonaktifkan / The last tenant admin cannot be removed");
}
