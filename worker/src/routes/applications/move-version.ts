import { ApplicationView } from "@akrab/contracts";
import { abortIfNothingChanged } from "@akrab/db";
import { canMoveToVersion } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { callerOf, presentApplication } from "../../services/applications.ts";
import { ApplicationParam, changesSinceReturn, visibleApplication } from "./show.ts";

export const moveVersionRoute = createRoute({
  method: "post",
  operationId: "applications.moveVersion",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/workflow-version",
  tags: ["Applications"],
  summary: "Move one in-flight application to another published workflow version (tenant admins)",
  description: "Allowed only if the application's current step exists in that version.",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: {
    params: ApplicationParam,
    body: jsonBody(
      z.object({ version: z.number().int().min(1), expectedVersion: z.number().int().min(1) }).openapi("MoveVersion"),
    ),
  },
  responses: { 200: jsonResponse(ApplicationView, "Moved"), ...problems(400, 401, 403, 404, 409) },
});

export const moveVersion: RouteHandler<typeof moveVersionRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { version, expectedVersion } = c.req.valid("json");
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  // A province sees its kabupaten/kota's applications, but only the owning tenant's admins move them.
  if (app.tenantSlug !== scope.tenant.slug)
    throw new Problem("forbidden", `Bertindak melalui /t/${app.tenantSlug} / Act through the application's own tenant`);
  const target = await scope.applications.workflowVersion(version);
  if (!target)
    throw new Problem("validation", "Versi alur kerja tidak ada / No such workflow version", {
      errors: [{ path: "version", message: "Tidak ada / Not found" }],
    });
  const def = target.definition;
  if (!canMoveToVersion(app.step, def))
    throw new Problem(
      "conflict",
      `Tahap ${app.step} tidak ada di versi ${version} / Step ${app.step} does not exist in version ${version}`,
    );
  await db
    .batch([
      scope.applications.move(app.id, expectedVersion, { workflowVersion: version }),
      abortIfNothingChanged(db),
      audit(c, {
        action: "application.workflow_moved",
        tenantId: app.tenantId,
        targetType: "application",
        targetId: app.id,
        data: { from: app.workflowVersion, to: version },
      }),
    ])
    .catch(staleOnGuardAbort("application"));
  const moved = { ...app, workflowVersion: version, version: expectedVersion + 1 };
  return c.json(presentApplication(moved, def, callerOf(c), await changesSinceReturn(c, moved)), 200);
};
