import { ApplicationVisit } from "@akrab/contracts";
import { canActAs } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import type { StoredApplication } from "../../services/applications.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";

/** The Dinsos staff who name the companions of a visit to one of their tenant's LKS. */
export const COMPANION_KEEPERS = ["tenant_admin", "dinsos_verifier", "dinsos_head"] as const;

export const applicationVisitRoute = createRoute({
  method: "get",
  operationId: "applications.visit",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/visit-plan",
  tags: ["Visit plans"],
  summary: "The planned visit to this application's LKS: date, asesor team, notes, and the Dinsos companions",
  description:
    "`plan` is null until BALKS puts the application in an active visit plan. The Dinsos of the application's own tenant may name the companions (`canNameCompanions`).",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(ApplicationVisit, "The planned visit"), ...problems(401, 404) },
});

/** The visit as the application's page shows it. */
export async function visitOf(c: Context<TenantEnv>, app: StoredApplication) {
  const visits = c.get("scope").visits;
  const [planned, team, companions] = await Promise.all([
    visits.planOf(app.id),
    visits.acceptedTeam(app.id),
    visits.companions(app.id),
  ]);
  return {
    plan: planned
      ? {
          id: planned.plan.id,
          date: planned.stop.visitDate,
          notes: planned.plan.notes,
          team: team.map((t) => ({ name: t.name, role: t.role })),
        }
      : null,
    companions: (companions?.companions ?? []).map((p) => ({ name: p.name, position: p.position, phone: p.phone })),
    companionsVersion: companions?.version ?? 0,
    canNameCompanions:
      planned !== null && app.tenantId === c.get("scope").tenant.id && canActAs(c.get("access"), COMPANION_KEEPERS),
  };
}

export const applicationVisit: RouteHandler<typeof applicationVisitRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  return c.json(await visitOf(c, app), 200);
};
