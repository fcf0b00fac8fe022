import { TeamSheets } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { balksApplication, myVisit, teamSheets } from "../../services/visit-scoring.ts";
import { AssignmentParam, TeamParam } from "../asesors/params.ts";
import { SHEET_READERS, TAG } from "./params.ts";

const BLIND =
  "Blind: nobody sees another's sheet until every accepted member of the team has submitted (`sheet` is null until then); who has submitted is shown.";

export const myTeamSheetsRoute = createRoute({
  method: "get",
  operationId: "visit.teamSheets",
  path: "/api/v1/me/assignments/{assignmentId}/team-sheets",
  tags: [TAG],
  summary: "The team's score sheets as a member sees them: their own always, the others' once all have submitted",
  description: BLIND,
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"] })] as const,
  request: { params: AssignmentParam },
  responses: { 200: jsonResponse(TeamSheets, "The team's sheets"), ...problems(401, 404) },
});

export const myTeamSheets: RouteHandler<typeof myTeamSheetsRoute, NationalEnv> = async (c) => {
  const visit = await myVisit(c, c.req.valid("param").assignmentId);
  const viewer = { asesorId: visit.author.asesorId, roles: ["asesor" as const], editor: visit.author.assignmentId };
  return c.json(await teamSheets(visit, viewer), 200);
};

export const balksSheetsRoute = createRoute({
  method: "get",
  operationId: "visit.balksSheets",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/sheets",
  tags: [TAG],
  summary: "The team's score sheets as BALKS sees them: none until every accepted member has submitted",
  description: BLIND,
  security: bearerSecurity,
  middleware: [national({ roles: SHEET_READERS })] as const,
  request: { params: TeamParam },
  responses: { 200: jsonResponse(TeamSheets, "The team's sheets"), ...problems(401, 404) },
});

export const balksSheets: RouteHandler<typeof balksSheetsRoute, NationalEnv> = async (c) => {
  const { tenant, applicationId } = c.req.valid("param");
  const reached = await balksApplication(c, tenant, applicationId);
  const viewer = { asesorId: null, roles: c.get("national").roles, editor: null };
  return c.json(await teamSheets(reached, viewer), 200);
};
