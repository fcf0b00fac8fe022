import type { Role } from "@akrab/domain";
import { signedOff } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { NationalEnv, TenantEnv } from "../../env.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound, Problem } from "../../middleware/problem/index.ts";
import { applicationForTeam } from "../../services/asesors.ts";
import {
  reconciliationState,
  visitReportInput,
  type Place,
  type ReconciliationState,
} from "../../services/reconciliation.ts";
import { visitReportPdf } from "../../services/visit-report-pdf.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";
import { TeamParam } from "../asesors/params.ts";
import { BALKS_READERS, TeamAssignmentParam, teamPlace } from "./access.ts";

const pdfResponse = {
  200: {
    description: "The visit report (A4 PDF)",
    content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
  },
};

/** Where the visit was and who came along: the day of the application's stop in its visit plan, and the Dinsos staff it named. */
interface Visit {
  dates: string[];
  companions: { name: string; position: string }[];
}

const visitFacts = (
  stop: { visitDate: string } | null | undefined,
  named: { companions: { name: string; position: string }[] } | null | undefined,
): Visit => ({
  dates: stop ? [stop.visitDate] : [],
  companions: (named?.companions ?? []).map(({ name, position }) => ({ name, position })),
});

/** The visit as BALKS and the team read it (the application reached through the national scope first). */
async function nationalVisit(c: Context<NationalEnv>, applicationId: string): Promise<Visit> {
  const plans = c.get("national").visitPlans;
  const [[stop], [named]] = await Promise.all([plans.activeStops([applicationId]), plans.companions([applicationId])]);
  return visitFacts(stop, named);
}

async function pdf(
  c: Context,
  place: Place,
  state: ReconciliationState,
  viewer: { asesorId: string | null; roles: readonly Role[] },
  visit: Visit,
) {
  if (!signedOff(state.sheet).signedOff)
    throw new Problem(
      "conflict",
      "Laporan visitasi tersedia setelah rekonsiliasi ditandatangani seluruh tim / The visit report is available once the whole team signed the reconciliation",
    );
  const bytes = await visitReportPdf(visitReportInput(place, state, viewer, visit));
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": "application/pdf",
    "content-disposition": contentDisposition(`laporan-visitasi-${place.application.id}.pdf`),
  });
}

export const teamVisitReportRoute = createRoute({
  method: "get",
  operationId: "me.visitReport",
  path: "/api/v1/me/assignments/{assignmentId}/visit-report.pdf",
  tags: ["Decisions"],
  summary: "The visit report as a PDF, once the team signed the reconciliation (an accepted team member)",
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"] })] as const,
  request: { params: TeamAssignmentParam },
  responses: { ...pdfResponse, ...problems(401, 404, 409) },
});

export const teamVisitReport: RouteHandler<typeof teamVisitReportRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { asesorId, place } = await teamPlace(c, c.req.valid("param").assignmentId);
  const state = await reconciliationState(scope.decisions, scope.instruments, place);
  const visit = await nationalVisit(c, place.application.id);
  return pdf(c, place, state, { asesorId, roles: ["asesor"] }, visit) as never;
};

export const nationalVisitReportRoute = createRoute({
  method: "get",
  operationId: "national.visitReport",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/visit-report.pdf",
  tags: ["Decisions"],
  summary: "The visit report as a PDF, once the team signed the reconciliation (BALKS)",
  security: bearerSecurity,
  middleware: [national({ roles: BALKS_READERS })] as const,
  request: { params: TeamParam },
  responses: { ...pdfResponse, ...problems(400, 401, 404, 409) },
});

export const nationalVisitReport: RouteHandler<typeof nationalVisitReportRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { tenant, applicationId } = c.req.valid("param");
  const place = await applicationForTeam(scope, tenant, applicationId);
  const state = await reconciliationState(scope.decisions, scope.instruments, place);
  const visit = await nationalVisit(c, place.application.id);
  return pdf(c, place, state, { asesorId: null, roles: scope.roles }, visit) as never;
};

export const tenantVisitReportRoute = createRoute({
  method: "get",
  operationId: "applications.visitReport",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/visit-report.pdf",
  tags: ["Decisions"],
  summary: "The visit report as a PDF for the Dinsos, once BALKS has decided",
  description:
    "The reconciled levels, result, findings, strengths, recommendations and signatures; never the asesors' individual blind levels. For the Dinsos (its own staff, its province, national readers) once BALKS decided, and for the assigned team once it signed; a 404 to anyone else.",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { ...pdfResponse, ...problems(401, 404, 409) },
});

/** The Dinsos's staff (any role but the LKS operator's), its province, or a national reader. */
export function dinsosReader(access: TenantEnv["Variables"]["access"]): boolean {
  if (access.via === "province" || access.via === "national") return true;
  return access.via === "member" && access.roles.some((r) => r !== "lks_operator" && r !== "asesor");
}

export const tenantVisitReport: RouteHandler<typeof tenantVisitReportRoute, TenantEnv> = async (c) => {
  const access = c.get("access");
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const scope = c.get("scope");
  // The team reads it here too once signed off (without the blind levels; its full copy is under
  // /me/assignments); the Dinsos only after the decision; the LKS's operator never.
  const team = access.via === "assignment";
  if (!team && !(dinsosReader(access) && (await scope.decisions.decision(app.id)))) throw notFound();
  const place: Place = {
    application: app,
    tenant: { slug: app.tenantSlug, name: app.tenantName },
    lks: { id: app.lksId, name: app.lksName },
  };
  const state = await reconciliationState(scope.decisions, scope.instruments, place);
  const [plan, named] = await Promise.all([scope.visits.planOf(app.id), scope.visits.companions(app.id)]);
  return pdf(c, place, state, { asesorId: null, roles: access.roles }, visitFacts(plan?.stop, named)) as never;
};
