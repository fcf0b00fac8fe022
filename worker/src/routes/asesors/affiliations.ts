import { AffiliationCreate, AsesorDetail } from "@akrab/contracts";
import { affiliationProblems } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound, Problem } from "../../middleware/problem/index.ts";
import { AffiliationParam, AsesorParam, REGISTRY_KEEPERS_NATIONAL } from "./params.ts";
import { asesorDetail, asesorNotFound } from "./show.ts";

export const addAffiliationRoute = createRoute({
  method: "post",
  operationId: "asesors.addAffiliation",
  path: "/api/v1/national/asesors/{asesorId}/affiliations",
  tags: ["Asesors"],
  summary: "Record a tie the asesor declared (organisation, foundation, LKS, employment, family), with dates",
  description:
    "A tie names the LKS or the organisation/foundation it is with (a foundation by its NPWP, as on the LKS's profile); it then excludes the asesor from that LKS within BALKS's look-back. Send an Idempotency-Key.",
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_KEEPERS_NATIONAL, write: true })] as const,
  request: { params: AsesorParam, body: jsonBody(AffiliationCreate) },
  responses: { 201: jsonResponse(AsesorDetail, "The asesor with the tie"), ...problems(400, 401, 404) },
});

export const addAffiliation: RouteHandler<typeof addAffiliationRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { asesorId } = c.req.valid("param");
  const tie = c.req.valid("json");
  if (!(await scope.asesors.find(asesorId))) throw asesorNotFound();
  const wrong = affiliationProblems(tie);
  if (wrong.length > 0)
    throw new Problem("validation", "Hubungan yang dinyatakan tidak lengkap / The declared tie is incomplete", {
      errors: wrong.map((p) => ({ path: p.field, message: `${p.text.id} / ${p.text.en}` })),
    });
  const created = scope.write.asesors.addAffiliation({ asesorId, ...tie });
  await scope.write.batch([
    created.insert,
    audit(c, {
      action: "asesor.affiliation_added",
      tenantId: null,
      targetType: "asesor",
      targetId: asesorId,
      data: { affiliationId: created.row.id, kind: tie.kind },
    }),
  ]);
  return c.json(await asesorDetail(scope, asesorId), 201);
};

export const removeAffiliationRoute = createRoute({
  method: "delete",
  operationId: "asesors.removeAffiliation",
  path: "/api/v1/national/asesors/{asesorId}/affiliations/{affiliationId}",
  tags: ["Asesors"],
  summary: "Remove a tie recorded by mistake (BALKS secretariat; an ended tie gets an end date instead)",
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_KEEPERS_NATIONAL, write: true })] as const,
  request: { params: AffiliationParam },
  responses: { 200: jsonResponse(AsesorDetail, "The asesor without the tie"), ...problems(401, 404) },
});

export const removeAffiliation: RouteHandler<typeof removeAffiliationRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { asesorId, affiliationId } = c.req.valid("param");
  if (!(await scope.asesors.find(asesorId))) throw asesorNotFound();
  const ties = await scope.asesors.affiliationsOf([asesorId]);
  if (!ties.some((t) => t.id === affiliationId)) throw notFound("Hubungan tidak ditemukan / Tie not found");
  await scope.write.batch([
    scope.write.asesors.removeAffiliation(asesorId, affiliationId),
    audit(c, {
      action: "asesor.affiliation_removed",
      tenantId: null,
      targetType: "asesor",
      targetId: asesorId,
      data: { affiliationId },
    }),
  ]);
  return c.json(await asesorDetail(scope, asesorId), 200);
};
