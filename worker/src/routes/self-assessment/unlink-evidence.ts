import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { writableApplication } from "./access.ts";
import { evidenceOf, IndicatorEvidenceList } from "./link-evidence.ts";
import { IndicatorParam } from "./save-answer.ts";

export const unlinkEvidenceRoute = createRoute({
  method: "delete",
  operationId: "selfAssessment.unlinkEvidence",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment/answers/{indicator}/evidence/{documentId}",
  tags: ["Self-assessment"],
  summary: "Unlink a linked document from an indicator (the document itself stays)",
  description: "404 when the document is not linked to the indicator (a file uploaded to it is its own, not a link).",
  security: bearerSecurity,
  request: { params: IndicatorParam.extend({ documentId: z.string().min(1).max(64) }) },
  responses: { 200: jsonResponse(IndicatorEvidenceList, "The indicator's evidence"), ...problems(401, 403, 404) },
});

export const unlinkEvidence: RouteHandler<typeof unlinkEvidenceRoute, TenantEnv> = async (c) => {
  const { applicationId, indicator, documentId } = c.req.valid("param");
  const app = await writableApplication(c, applicationId);
  const links = await c.get("scope").selfAssessment.links(app.id);
  if (!links.some((l) => l.indicator === indicator && l.documentId === documentId))
    throw notFound("Dokumen ini tidak ditautkan ke indikator / The document is not linked to the indicator");
  await c.get("db").batch([
    c.get("scope").selfAssessment.unlink(app.id, indicator, documentId),
    audit(c, {
      action: "application.evidence_unlinked",
      tenantId: app.tenantId,
      targetType: "application",
      targetId: app.id,
      data: { indicator, documentId },
    }),
  ]);
  return c.json(await evidenceOf(c, app, indicator), 200);
};
