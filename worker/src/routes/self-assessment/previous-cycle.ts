import { PreviousCycleView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { reconciledAnswers } from "@akrab/domain";
import { previousCycleOf } from "../../services/self-assessment.ts";
import { dinsosReader } from "../reconciliation/visit-report.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";

export const previousCycleRoute = createRoute({
  method: "get",
  operationId: "selfAssessment.previousCycle",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment/previous-cycle",
  tags: ["Self-assessment"],
  summary: "A re-accreditation beside the LKS's previous completed cycle, indicator by indicator",
  description:
    "The previous cycle is the LKS's newest earlier application that reached BALKS's decision. Each cycle is scored on its own pinned instrument; indicators are paired across versions through the code map (a renumbered indicator is one row). Without an earlier completed cycle, `previous` is null and `rows` empty. Whoever sees the application reads it. `reconciled` adds the asesor team's reconciled levels of each cycle and how each moved (up, down, same) for BALKS and national readers, and for the Dinsos once BALKS has decided that cycle; never for the LKS's operators.",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(PreviousCycleView, "The two cycles side by side"), ...problems(401, 404) },
});

export const showPreviousCycle: RouteHandler<typeof previousCycleRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const scope = c.get("scope");
  const access = c.get("access");
  // The reconciled levels are BALKS's material: the Dinsos reads a cycle's once it is decided (as the visit report).
  const reconciledOf = async (applicationId: string) => {
    if (!dinsosReader(access)) return null;
    if (access.via !== "national" && !(await scope.decisions.decision(applicationId))) return null;
    const stored = await scope.decisions.reconciliation(applicationId);
    return stored ? reconciledAnswers(stored.sheet).levels : {};
  };
  return c.json(await previousCycleOf(scope, app, reconciledOf), 200);
};
