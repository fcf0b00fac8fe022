import { EvidenceLink, SelfAssessmentEvidence } from "@akrab/contracts";
import { answerRefusal } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { notFound, Problem } from "../../middleware/problem/index.ts";
import type { StoredApplication } from "../../services/applications.ts";
import { instrumentForApplication, selfAssessmentOf } from "../../services/self-assessment.ts";
import { writableApplication } from "./access.ts";
import { IndicatorParam } from "./save-answer.ts";

export const IndicatorEvidenceList = z
  .object({ evidence: z.array(SelfAssessmentEvidence) })
  .openapi("IndicatorEvidenceList");

/** The indicator must be one of the application's instrument (404 otherwise: there is nothing to attach to). */
async function instrumentIndicator(c: Context<TenantEnv>, app: StoredApplication, code: string) {
  const { instrument } = await instrumentForApplication(c.get("scope"), app);
  if (answerRefusal(instrument, code, null))
    throw notFound(
      `Indikator ${code} tidak ada di instrumen permohonan / No indicator ${code} in the application's instrument`,
    );
}

export async function evidenceOf(c: Context<TenantEnv>, app: StoredApplication, code: string) {
  const { evidence } = await selfAssessmentOf(c.get("scope"), app.id);
  return { evidence: evidence.filter((e) => e.indicator === code) };
}

export const linkEvidenceRoute = createRoute({
  method: "post",
  operationId: "selfAssessment.linkEvidence",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment/answers/{indicator}/evidence",
  tags: ["Self-assessment"],
  summary: "Link a document already uploaded (checklist, profile or another indicator) to an indicator as evidence",
  description:
    "No bytes are sent again. The document must belong to the application's LKS. Linking it again changes nothing. New files go through the resumable upload with the `indicator` target instead.",
  security: bearerSecurity,
  request: { params: IndicatorParam, body: jsonBody(EvidenceLink) },
  responses: {
    200: jsonResponse(IndicatorEvidenceList, "The indicator's evidence"),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const linkEvidence: RouteHandler<typeof linkEvidenceRoute, TenantEnv> = async (c) => {
  const { applicationId, indicator } = c.req.valid("param");
  const { documentId } = c.req.valid("json");
  const app = await writableApplication(c, applicationId);
  await instrumentIndicator(c, app, indicator);
  const document = await c.get("scope").documents.findDocument(documentId);
  if (!document || document.lksId !== app.lksId)
    throw new Problem("validation", "Dokumen tidak ditemukan pada LKS ini / No such document of this LKS", {
      errors: [{ path: "documentId", message: "Bukan dokumen LKS ini / Not a document of this LKS" }],
    });
  await c.get("db").batch([
    c.get("scope").selfAssessment.link(app.id, indicator, documentId, c.get("principal").user.id),
    audit(c, {
      action: "application.evidence_linked",
      tenantId: app.tenantId,
      targetType: "application",
      targetId: app.id,
      data: { indicator, documentId },
    }),
  ]);
  return c.json(await evidenceOf(c, app, indicator), 200);
};
