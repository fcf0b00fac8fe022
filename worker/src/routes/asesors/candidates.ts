import { AsesorCandidates } from "@akrab/contracts";
import type { NationalScope } from "@akrab/db";
import { jakartaDay, rankCandidates } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { applicationForTeam, conflictRules, domainAsesor, lksUnderAssessment } from "../../services/asesors.ts";
import { REGISTRY_KEEPERS_NATIONAL, TeamParam } from "./params.ts";

export const asesorCandidatesRoute = createRoute({
  method: "get",
  operationId: "asesors.candidates",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/asesor-candidates",
  tags: ["Asesors"],
  summary: "Every asesor ranked for this application, each with why they are eligible or excluded (BALKS secretariat)",
  description:
    "Eligible ones first, by how many of the LKS's types they cover, distance (same province first) and open workload; excluded ones follow with every rule that excludes them (a tie within the look-back, the last cycle, the same kab/kota, inactive, no expertise).",
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_KEEPERS_NATIONAL })] as const,
  request: { params: TeamParam },
  responses: { 200: jsonResponse(AsesorCandidates, "Ranked candidates"), ...problems(400, 401, 404) },
});

/** The ranking for the application's LKS: the domain's rules over the registry, as of today in Jakarta. */
export async function rankedFor(
  scope: Pick<NationalScope, "asesors">,
  found: Parameters<typeof lksUnderAssessment>[0],
) {
  const [rows, workload, past] = await Promise.all([
    scope.asesors.all(),
    scope.asesors.openWorkload(),
    scope.asesors.pastAssessments(found.lks.id, found.application.id),
  ]);
  const ties = await scope.asesors.affiliationsOf(rows.map((r) => r.id));
  const candidates = rows.map((row) => ({
    asesor: domainAsesor(row, ties, past),
    openAssignments: workload.get(row.id) ?? 0,
  }));
  return {
    ranked: rankCandidates(candidates, lksUnderAssessment(found), conflictRules(), jakartaDay()),
    /** Registry emails by asesor id (whom to tell). */
    emails: new Map(rows.map((r) => [r.id, r.email])),
  };
}

export const asesorCandidates: RouteHandler<typeof asesorCandidatesRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { tenant, applicationId } = c.req.valid("param");
  const found = await applicationForTeam(scope, tenant, applicationId);
  const { ranked } = await rankedFor(scope, found);
  return c.json(
    {
      lks: { id: found.lks.id, name: found.lks.name, types: found.lks.types, kabKotaCode: found.lks.regionCode },
      items: ranked.map((r) => ({
        asesor: {
          id: r.asesor.id,
          name: r.asesor.name,
          provinceCode: r.asesor.provinceCode,
          kabKotaCode: r.asesor.kabKotaCode,
        },
        eligible: r.eligible,
        reasons: r.reasons,
        typesCovered: r.typesCovered,
        distance: r.distance,
        openAssignments: r.openAssignments,
      })),
    },
    200,
  );
};
