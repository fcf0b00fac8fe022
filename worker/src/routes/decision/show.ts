import { NationalDecisionView, TenantDecisionView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { applicationForTeam } from "../../services/asesors.ts";
import { nationalDecisionView, presentDecision } from "../../services/decisions.ts";
import { findingsOf } from "../../services/reconciliation.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";
import { TeamParam } from "../asesors/params.ts";
import { BALKS_READERS } from "../reconciliation/access.ts";

export const nationalDecisionRoute = createRoute({
  method: "get",
  operationId: "national.decision",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/decision",
  tags: ["Decisions"],
  summary: "The decider's page: the decision once recorded, the computed grade with its reasons, safeguarding findings",
  description:
    "Everything is computed from the reconciled sheet by the domain's rules; `decision` is null until recorded. A 409 while the team has not all submitted.",
  security: bearerSecurity,
  middleware: [national({ roles: BALKS_READERS })] as const,
  request: { params: TeamParam },
  responses: {
    200: jsonResponse(NationalDecisionView, "The decision and its grounds"),
    ...problems(400, 401, 404, 409),
  },
});

export const nationalDecision: RouteHandler<typeof nationalDecisionRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { tenant, applicationId } = c.req.valid("param");
  const place = await applicationForTeam(scope, tenant, applicationId);
  return c.json(await nationalDecisionView(scope, place), 200);
};

export const tenantDecisionRoute = createRoute({
  method: "get",
  operationId: "applications.decision",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/decision",
  tags: ["Decisions"],
  summary:
    "BALKS's decision on the application, with the team's strengths and recommendations (the LKS and its Dinsos)",
  description:
    "Whoever sees the application reads it; `decision` is null (and the team's text empty) until BALKS decided. The asesors' individual levels are never part of it.",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(TenantDecisionView, "The decision"), ...problems(401, 404) },
});

export const tenantDecision: RouteHandler<typeof tenantDecisionRoute, TenantEnv> = async (c) => {
  const scope = c.get("scope");
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const [decision, reconciliation] = await Promise.all([
    scope.decisions.decision(app.id),
    scope.decisions.reconciliation(app.id),
  ]);
  // Before the decision nothing of the team's sheet reaches the tenant: it is BALKS's to release.
  if (!decision) return c.json({ decision: null, strengths: "", recommendations: "", findings: [] }, 200);
  return c.json(
    {
      decision: presentDecision(decision),
      strengths: reconciliation?.strengths ?? "",
      recommendations: reconciliation?.recommendations ?? "",
      findings: reconciliation ? findingsOf(reconciliation.sheet) : [],
    },
    200,
  );
};
