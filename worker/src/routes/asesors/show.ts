import { AsesorDetail } from "@akrab/contracts";
import type { NationalScope } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { presentAffiliation, presentAsesor } from "../../services/asesors.ts";
import { AsesorParam, REGISTRY_READERS } from "./params.ts";

export const showAsesorRoute = createRoute({
  method: "get",
  operationId: "asesors.show",
  path: "/api/v1/national/asesors/{asesorId}",
  tags: ["Asesors"],
  summary: "One asesor: profile, declared ties, current and past assignments",
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_READERS })] as const,
  request: { params: AsesorParam },
  responses: { 200: jsonResponse(AsesorDetail, "The asesor"), ...problems(400, 401, 404) },
});

export const asesorNotFound = () => notFound("Asesor tidak ditemukan / Asesor not found");

/** The asesor with ties and assignments, as the detail shows it (also the answer of every registry write). */
export async function asesorDetail(scope: Pick<NationalScope, "asesors">, id: string) {
  const row = await scope.asesors.find(id);
  if (!row) throw asesorNotFound();
  const [affiliations, assignments] = await Promise.all([
    scope.asesors.affiliationsOf([row.id]),
    scope.asesors.assignmentsOf(row.id),
  ]);
  return {
    ...presentAsesor(row),
    affiliations: affiliations.map(presentAffiliation),
    assignments: assignments.map((a) => ({
      id: a.assignment.id,
      applicationId: a.assignment.applicationId,
      tenant: { slug: a.tenantSlug, name: a.tenantName },
      lks: { id: a.lksId, name: a.lksName },
      step: a.step,
      open: a.open === 1,
      role: a.assignment.role,
      status: a.assignment.status,
      assignedAt: a.assignment.assignedAt,
    })),
  };
}

export const showAsesor: RouteHandler<typeof showAsesorRoute, NationalEnv> = async (c) =>
  c.json(await asesorDetail(c.get("national"), c.req.valid("param").asesorId), 200);
