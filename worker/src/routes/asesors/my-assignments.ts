import { AssignmentAnswer, MyAssignment, MyAssignments } from "@akrab/contracts";
import { isGuardAbort, type NationalScope } from "@akrab/db";
import { conflictDeclaration } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound, Problem } from "../../middleware/problem/index.ts";
import { applicationForTeam, conflictRules } from "../../services/asesors.ts";
import { rankedFor } from "./candidates.ts";
import { AssignmentParam } from "./params.ts";

export const myAssignmentsRoute = createRoute({
  method: "get",
  operationId: "me.assignments",
  path: "/api/v1/me/assignments",
  tags: ["Asesors"],
  summary: "The signed-in asesor's assignments, with the no-conflict declaration to sign or the one signed",
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"] })] as const,
  responses: { 200: jsonResponse(MyAssignments, "Assignments, oldest first"), ...problems(401, 404) },
});

/** The asesor's assignments as they see them: a declaration to sign, or the one they signed, kept as signed. */
async function assignmentsOfCaller(
  scope: Pick<NationalScope, "asesors" | "visitPlans">,
  user: { id: string; email: string },
) {
  const asesor = await scope.asesors.ofUser(user);
  if (!asesor) return { asesor: null, items: [] };
  const rows = await scope.asesors.assignmentsOf(asesor.id);
  // The planned day shows on an accepted assignment only: until then the asesor sees what the
  // declaration needs, nothing of the visit.
  const stops = await scope.visitPlans.activeStops(
    rows.filter((a) => a.assignment.status === "accepted").map((a) => a.assignment.applicationId),
  );
  const items = rows.map((a) => ({
    id: a.assignment.id,
    applicationId: a.assignment.applicationId,
    tenant: { slug: a.tenantSlug, name: a.tenantName },
    lks: { id: a.lksId, name: a.lksName, regionCode: a.lksRegionCode, types: a.lksTypes },
    step: a.step,
    open: a.open === 1,
    role: a.assignment.role,
    status: a.assignment.status,
    assignedAt: a.assignment.assignedAt,
    declaration: a.assignment.declaration ?? conflictDeclaration(asesor.name, a.lksName, conflictRules()),
    declaredAt: a.assignment.declaredAt,
    declineReason: a.assignment.declineReason,
    plannedDate: stops.find((s) => s.applicationId === a.assignment.applicationId)?.visitDate ?? null,
    visitPlanId: stops.find((s) => s.applicationId === a.assignment.applicationId)?.planId ?? null,
  }));
  return { asesor, items };
}

export const myAssignments: RouteHandler<typeof myAssignmentsRoute, NationalEnv> = async (c) => {
  const { items } = await assignmentsOfCaller(c.get("national"), c.get("principal").user);
  return c.json({ items }, 200);
};

export const answerAssignmentRoute = createRoute({
  method: "post",
  operationId: "me.answerAssignment",
  path: "/api/v1/me/assignments/{assignmentId}/answer",
  tags: ["Asesors"],
  summary: "Accept an assignment, signing the no-conflict declaration for that LKS, or decline it with a reason",
  description:
    "Accepting keeps the declaration's statements as shown, with the time signed. An assignment already answered is a 409 and changes nothing. Send an Idempotency-Key: a retry gets the first answer back.",
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"], write: true })] as const,
  request: { params: AssignmentParam, body: jsonBody(AssignmentAnswer) },
  responses: { 200: jsonResponse(MyAssignment, "The assignment after the answer"), ...problems(400, 401, 404, 409) },
});

const alreadyAnswered = () =>
  new Problem("conflict", "Penugasan ini sudah dijawab / This assignment was already answered");

export const answerAssignment: RouteHandler<typeof answerAssignmentRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const user = c.get("principal").user;
  const { assignmentId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { asesor, items } = await assignmentsOfCaller(scope, user);
  const mine = items.find((a) => a.id === assignmentId);
  // Another asesor's assignment is as missing as one that does not exist.
  if (!asesor || !mine) throw notFound("Penugasan tidak ditemukan / Assignment not found");
  if (mine.status !== "invited") throw alreadyAnswered();

  if (body.answer === "accept") {
    // A tie declared or recorded since the invitation excludes as it would have then.
    const found = await applicationForTeam(scope, mine.tenant.slug, mine.applicationId);
    const verdict = (await rankedFor(scope, found)).ranked.find((r) => r.asesor.id === asesor.id);
    if (verdict && !verdict.eligible)
      throw new Problem(
        "conflict",
        "Anda tidak dapat menerima penugasan ini karena konflik kepentingan / You cannot accept this assignment: a conflict of interest",
        {
          errors: verdict.reasons.map((r) => ({
            path: `eligibility.${r.code}`,
            message: `${r.text.id} / ${r.text.en}`,
          })),
        },
      );
  }
  const now = new Date().toISOString();
  const answer =
    body.answer === "accept"
      ? { status: "accepted" as const, declaration: mine.declaration, declaredAt: now }
      : { status: "declined" as const, declineReason: body.reason };
  await scope.write
    .batch([
      scope.write.asesors.respond(assignmentId, asesor.id, answer),
      scope.write.abortIfNothingChanged(),
      audit(c, {
        action: body.answer === "accept" ? "application.team_accepted" : "application.team_declined",
        tenantId: null,
        targetType: "application",
        targetId: mine.applicationId,
        data: { assignmentId, ...(body.answer === "decline" ? { reason: body.reason } : {}) },
      }),
    ])
    .catch((error: unknown) => {
      // Answered meanwhile (on another device): the guard rolled the batch back.
      if (isGuardAbort(error)) throw alreadyAnswered();
      throw error;
    });
  const after = (await assignmentsOfCaller(scope, user)).items.find((a) => a.id === assignmentId);
  return c.json(after ?? mine, 200);
};
