import { Published } from "@akrab/contracts";
import { composeDefinition, validateRegionalPart } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";

export const publishRoute = createRoute({
  method: "post",
  operationId: "workflow.publish",
  path: "/api/v1/t/{tenant}/workflow/publish",
  tags: ["Workflow"],
  summary: "Publish the draft as the next version (tenant admins)",
  description:
    "Refused (400, with every problem) while the draft has problems. New applications use the new version; in-flight ones keep theirs.",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam },
  responses: { 200: jsonResponse(Published, "Published"), ...problems(400, 401, 403, 404, 409) },
});

export const publish: RouteHandler<typeof publishRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const store = scope.applications;
  const [draft, latest] = await Promise.all([store.draft(), store.latestWorkflow()]);
  if (!draft) throw new Problem("conflict", "Tidak ada draf untuk diterbitkan / There is no draft to publish");
  const regional = draft.regional;
  const found = validateRegionalPart(regional);
  if (found.length > 0) {
    throw new Problem("validation", "Draf alur kerja masih bermasalah / The workflow draft has problems", {
      errors: found.map((p) => ({
        path: p.where.step
          ? `steps.${p.where.step}`
          : p.where.transition !== undefined
            ? `transitions.${p.where.transition}`
            : (p.where.field ?? "regional"),
        message: p.message,
      })),
    });
  }
  const version = (latest?.version ?? 0) + 1;
  const user = c.get("principal").user.id;
  await db
    .batch([
      store.publishWorkflow(version, draft.regional, composeDefinition(regional), user),
      store.deleteDraft(),
      // Publishing is a review: the setup list's workflow step is done (kept from the first time).
      scope.markSetup("workflowReviewedAt"),
      audit(c, {
        action: "workflow.published",
        tenantId: scope.tenant.id,
        targetType: "workflow",
        targetId: scope.tenant.id,
        data: { version },
      }),
    ])
    .catch((error: unknown) => {
      if (String(error).includes("UNIQUE constraint failed"))
        throw new Problem("conflict", "Versi lain baru saja diterbitkan / Another version was just published");
      throw error;
    });
  return c.json({ version }, 200);
};
