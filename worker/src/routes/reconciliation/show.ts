import { ReconciliationView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { applicationForTeam } from "../../services/asesors.ts";
import { presentReconciliation, reconciliationState } from "../../services/reconciliation.ts";
import { TeamParam } from "../asesors/params.ts";
import { BALKS_READERS, TeamAssignmentParam, teamPlace } from "./access.ts";

const DESCRIPTION = [
  "Once every accepted team member has submitted their blind sheet (before that: 409 naming who has not), each indicator's levels side by side with the domain's flags",
  "(a difference of two rubric levels or more, any difference on a safeguarding indicator, one blank, different findings). Unflagged indicators settle at the lower level;",
  "flagged ones at the lead's proposal once every member agreed. The blind sheets are never changed. `result` is what the rules give on the reconciled levels.",
].join(" ");

export const teamReconciliationRoute = createRoute({
  method: "get",
  operationId: "me.reconciliation",
  path: "/api/v1/me/assignments/{assignmentId}/reconciliation",
  tags: ["Decisions"],
  summary: "The team's reconciliation sheet (an accepted team member)",
  description: DESCRIPTION,
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"] })] as const,
  request: { params: TeamAssignmentParam },
  responses: { 200: jsonResponse(ReconciliationView, "The reconciliation sheet"), ...problems(401, 404, 409) },
});

export const teamReconciliation: RouteHandler<typeof teamReconciliationRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { asesorId, place } = await teamPlace(c, c.req.valid("param").assignmentId);
  const state = await reconciliationState(scope.decisions, scope.instruments, place);
  return c.json(presentReconciliation(place, state, asesorId), 200);
};

export const nationalReconciliationRoute = createRoute({
  method: "get",
  operationId: "national.reconciliation",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/reconciliation",
  tags: ["Decisions"],
  summary: "An application's reconciliation sheet (BALKS secretariat and deciders)",
  description: DESCRIPTION,
  security: bearerSecurity,
  middleware: [national({ roles: BALKS_READERS })] as const,
  request: { params: TeamParam },
  responses: { 200: jsonResponse(ReconciliationView, "The reconciliation sheet"), ...problems(400, 401, 404, 409) },
});

export const nationalReconciliation: RouteHandler<typeof nationalReconciliationRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { tenant, applicationId } = c.req.valid("param");
  const place = await applicationForTeam(scope, tenant, applicationId);
  const state = await reconciliationState(scope.decisions, scope.instruments, place);
  return c.json(presentReconciliation(place, state, null), 200);
};
