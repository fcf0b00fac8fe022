import { LksDetail } from "@akrab/contracts";
import { abortIfNothingChanged } from "@akrab/db";
import { nextLksStatus } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { assertMay, expectNext, permissionsOf } from "./permissions.ts";
import { lksDetail } from "./present.ts";
import { LksParam, visibleLks } from "./show.ts";

export const resubmitLksRoute = createRoute({
  method: "post",
  operationId: "lks.resubmit",
  path: "/api/v1/t/{tenant}/lks/{lksId}/resubmit",
  tags: ["LKS registry"],
  summary: "Send a returned registration back to the Dinsos after fixing it",
  security: bearerSecurity,
  request: { params: LksParam },
  responses: { 200: jsonResponse(LksDetail, "Waiting for verification again"), ...problems(401, 403, 404, 409) },
});

export const resubmitLks: RouteHandler<typeof resubmitLksRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { lksId } = c.req.valid("param");
  const lks = await visibleLks(c, lksId);
  assertMay(c, lks, "resubmit", {
    forbidden: "Anda tidak dapat mengajukan ulang LKS ini / You cannot resubmit this LKS",
    status:
      "Hanya pendaftaran yang dikembalikan yang dapat diajukan ulang / Only a returned registration can be resubmitted",
  });
  const next = expectNext(nextLksStatus(lks.status, "resubmit"));
  const actor = c.get("principal").user.id;
  await db
    .batch([
      scope.lks.update(lksId, lks.version, { status: next }),
      abortIfNothingChanged(db),
      ...scope.lks.history(
        lksId,
        [{ field: "status", oldValue: lks.status, newValue: next, note: "Diajukan ulang" }],
        actor,
      ),
      audit(c, { action: "lks.resubmitted", tenantId: scope.tenant.id, targetType: "lks", targetId: lksId }),
    ])
    .catch(staleOnGuardAbort("lks"));
  const after = { ...lks, status: next, version: lks.version + 1 };
  return c.json(lksDetail(after, permissionsOf(c, after)), 200);
};
