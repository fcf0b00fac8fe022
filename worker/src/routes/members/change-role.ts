import { Member, RoleChange } from "@akrab/contracts";
import { abortIfNothingChanged, isGuardAbort } from "@akrab/db";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem, notFound } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";

export const changeRoleRoute = createRoute({
  method: "patch",
  operationId: "members.changeRole",
  path: "/api/v1/t/{tenant}/members/{membershipId}",
  tags: ["Members"],
  summary: "Change the role of one membership",
  description:
    "An LKS operator membership stays bound to its LKS and cannot be turned into a Dinsos role (invite instead). The last tenant admin cannot be demoted.",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam.extend({ membershipId: z.string().min(1).max(64) }), body: jsonBody(RoleChange) },
  responses: { 200: jsonResponse(Member, "The changed membership"), ...problems(400, 401, 403, 404, 409) },
});

export const changeRole: RouteHandler<typeof changeRoleRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { membershipId } = c.req.valid("param");
  const { role } = c.req.valid("json");
  const membership = await scope.findMembership(membershipId);
  if (!membership) throw notFound();
  if ((membership.role === "lks_operator") !== (role === "lks_operator")) {
    throw new Problem(
      "validation",
      "Peran operator LKS tidak dapat ditukar dengan peran Dinsos / LKS operator and Dinsos roles cannot be swapped",
      {
        errors: [{ path: "role", message: "Undang ulang dengan peran baru / Invite again with the new role" }],
      },
    );
  }
  if (
    membership.role === "tenant_admin" &&
    role !== "tenant_admin" &&
    (await scope.countMembersWithRole("tenant_admin")) <= 1
  ) {
    throw lastAdmin();
  }
  if (membership.role !== role) {
    await db
      .batch([
        scope.changeRole(membershipId, role),
        abortIfNothingChanged(db),
        audit(c, {
          action: "member.role_changed",
          tenantId: scope.tenant.id,
          targetType: "membership",
          targetId: membershipId,
          data: { userId: membership.userId, from: membership.role, to: role },
        }),
      ])
      .catch((error: unknown) => {
        if (String(error).includes("UNIQUE constraint failed"))
          throw new Problem(
            "conflict",
            "Pengguna ini sudah memegang peran tersebut / The user already holds that role",
          );
        if (isGuardAbort(error)) throw lastAdmin();
        throw error;
      });
  }
  const member = (await scope.listMembers()).find((m) => m.membershipId === membershipId);
  if (!member) throw notFound();
  return c.json(member, 200);
};

function lastAdmin(): Problem {
  return new Problem("conflict", "Admin terakhir tidak dapat diturunkan / The last tenant admin cannot be demoted");
}
