import { Checklist, ChecklistReplace } from "@akrab/contracts";
import { APPLICATION_KINDS, OWNERSHIP_GROUPS, requirementMisfit } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";

const params = TenantParam.extend({ kind: z.enum(APPLICATION_KINDS) });
/** A tenant keeps one checklist for community LKS and one for government units (issue 17). */
const query = z.object({
  ownership: z
    .enum(OWNERSHIP_GROUPS)
    .default("community")
    .openapi({ description: "Whose checklist: community LKS (default) or government units" }),
});

export const getChecklistRoute = createRoute({
  method: "get",
  operationId: "workflow.checklistGet",
  path: "/api/v1/t/{tenant}/checklists/{kind}",
  tags: ["Workflow"],
  summary: "The tenant's document checklist for first accreditations or renewals, of community LKS or government units",
  security: bearerSecurity,
  request: { params, query },
  responses: { 200: jsonResponse(Checklist, "Checklist"), ...problems(401, 404) },
});

export const getChecklist: RouteHandler<typeof getChecklistRoute, TenantEnv> = async (c) => {
  const rows = await c.get("scope").applications.checklist(c.req.valid("param").kind, c.req.valid("query").ownership);
  return c.json(
    {
      items: rows.map(({ key, name, description, nameEn, descriptionEn, required, acceptedTypes, maxBytes }) => ({
        key,
        name,
        description,
        nameEn,
        descriptionEn,
        required,
        acceptedTypes,
        maxBytes,
      })),
    },
    200,
  );
};

export const putChecklistRoute = createRoute({
  method: "put",
  operationId: "workflow.checklistPut",
  path: "/api/v1/t/{tenant}/checklists/{kind}",
  tags: ["Workflow"],
  summary: "Replace the checklist (tenant admins); applications already started keep their copy",
  description:
    "A government units' checklist refuses the documents only a community LKS has (akta_pendirian, sk_kemenkumham, npwp, rekening_bank); a community checklist refuses the government decree (sk_pendirian_unit, sk_penempatan_kepala).",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params, query, body: jsonBody(ChecklistReplace) },
  responses: { 200: jsonResponse(Checklist, "Saved"), ...problems(400, 401, 403, 404) },
});

export const putChecklist: RouteHandler<typeof putChecklistRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { kind } = c.req.valid("param");
  const { ownership } = c.req.valid("query");
  const { items } = c.req.valid("json");
  const errors = items.flatMap((item, index) => {
    const misfit = requirementMisfit(ownership, item.key);
    return misfit ? [{ path: `items.${index}.key`, message: misfit }] : [];
  });
  if (errors.length > 0) {
    throw new Problem(
      "validation",
      "Daftar dokumen memuat dokumen yang tidak berlaku untuk kepemilikan ini / The checklist has documents that do not apply to this ownership",
      { errors },
    );
  }
  const [first, ...rest] = scope.applications.replaceChecklist(kind, ownership, items);
  await db.batch([
    first,
    ...rest,
    audit(c, {
      action: "checklist.replaced",
      tenantId: scope.tenant.id,
      targetType: "checklist",
      targetId: kind,
      data: { items: items.length, ownership },
    }),
  ]);
  return c.json({ items }, 200);
};
