import { DecisionCreate, NationalDecisionView } from "@akrab/contracts";
import {
  applicationPath,
  decisionProblems,
  departsFromComputed,
  applyTransition,
  GRADE_LABELS,
  jakartaDay,
  planItemsFrom,
  plenaryProblems,
  slaDueAt,
  validUntil,
  type AccreditationDecision,
  type Grade,
} from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { changedMeanwhile, Problem } from "../../middleware/problem/index.ts";
import { definitionFor } from "../../services/applications.ts";
import { applicationForTeam } from "../../services/asesors.ts";
import { DECISION_ACTIONS, DECISION_STEP, decisionRules, nationalDecisionView } from "../../services/decisions.ts";
import { accreditationDecisionEmail } from "../../services/mail.ts";
import { reconciledResult, reconciliationState, refused } from "../../services/reconciliation.ts";
import { TeamParam } from "../asesors/params.ts";

export const decideRoute = createRoute({
  method: "post",
  operationId: "national.decide",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/decision",
  tags: ["Decisions"],
  summary: "Record the plenary decision (accredit with a grade, or not accredited) and move the application",
  description: [
    "Only a BALKS decider, only at the decision step. The domain's rules judge it against the computed outcome on the reconciled levels:",
    "a departure needs a `justification` (50 characters by default); accrediting over a safeguarding finding or on incomplete scores is refused;",
    "not accredited needs its reasons and what to fix; the plenary needs a real date, a quorum and a vote that carried. Each refusal is a 400 naming the field, changing nothing.",
    "The decision, the move (`accredit` or `decline`), the timeline, the audit and the messages to the LKS and its Dinsos are one D1 batch.",
    "`expectedVersion` is the application's version (409 when stale). Validity runs from the plenary date for the years the instrument's grade rules give. Send an Idempotency-Key.",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national({ roles: ["balks_decider"], write: true })] as const,
  request: { params: TeamParam, body: jsonBody(DecisionCreate) },
  responses: { 201: jsonResponse(NationalDecisionView, "The recorded decision"), ...problems(400, 401, 404, 409) },
});

export const decide: RouteHandler<typeof decideRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { tenant, applicationId } = c.req.valid("param");
  const body = c.req.valid("json");
  const place = await applicationForTeam(scope, tenant, applicationId);
  const app = place.application;
  if (await scope.decisions.decision(app.id))
    throw new Problem("conflict", "Permohonan ini sudah diputuskan / This application was already decided");
  if (app.step !== DECISION_STEP)
    throw new Problem(
      "conflict",
      "Keputusan diambil pada tahap keputusan akreditasi / The decision is made at the accreditation decision step",
    );
  if (app.version !== body.expectedVersion) throw changedMeanwhile("application");

  const state = await reconciliationState(scope.decisions, scope.instruments, place);
  const computed = reconciledResult(state);
  const justification = body.justification?.trim() ? body.justification.trim() : null;
  const decision: AccreditationDecision =
    body.kind === "accredit"
      ? { kind: "accredit", grade: body.grade as Grade, reasons: body.reasons, justification }
      : { kind: "not_accredited", reasons: body.reasons, toFix: body.toFix, justification };
  const rules = decisionRules();
  const wrong = [
    ...decisionProblems(computed, decision, rules),
    ...plenaryProblems(body.plenary, rules, jakartaDay()).map((p) => ({ ...p, field: `plenary.${p.field}` })),
  ];
  if (wrong.length > 0) throw refused(wrong);

  const site = scope.write.scopeOf(place.tenant);
  const def = await definitionFor(site.applications, app);
  const moved = applyTransition(def, app.step, DECISION_ACTIONS[body.kind], {
    roles: ["balks_decider"],
    comment: body.reasons,
    checklistComplete: true,
  });
  if (!moved.ok)
    throw new Problem("conflict", "Alur kerja permohonan tidak mengizinkan keputusan ini / The workflow refuses this");
  const grade = decision.kind === "accredit" ? decision.grade : null;
  const until = grade ? validUntil(body.plenary.date, grade, state.instrument.gradeRules) : null;
  const now = new Date().toISOString();
  const { row, insert } = scope.write.decisions.recordDecision({
    tenantId: app.tenantId,
    applicationId: app.id,
    kind: body.kind,
    grade,
    reasons: body.reasons,
    toFix: decision.kind === "not_accredited" ? decision.toFix.filter((t) => t.trim() !== "") : [],
    justification,
    departsFromComputed: departsFromComputed(computed, decision),
    computed: { total: computed.total, outcome: computed.outcome, grade: computed.grade },
    plenary: body.plenary,
    validFrom: grade ? body.plenary.date : null,
    validUntil: until,
    decidedBy: c.get("principal").user.id,
  });

  // The LKS's operators and its Dinsos are told, by email and in the app, with the recommendations.
  const [operators, dinsos, supervision] = await Promise.all([
    site.lks.operators(app.lksId),
    site.applications.holders(app.tenantId, ["dinsos_verifier", "dinsos_head"]),
    scope.supervision.rules(),
  ]);
  // Supervision (issue 14): what the decision recommends, and for "not accredited" what it said to
  // fix, becomes the LKS's improvement plan, in this batch so a decision never lands without it.
  const improvementPlan = scope.write.supervision.createPlan(
    { tenantId: app.tenantId, applicationId: app.id, lksId: app.lksId, decisionId: row.id },
    planItemsFrom({ toFix: row.toFix, decidedOn: body.plenary.date }, state.recommendations, supervision),
  );
  const path = applicationPath(place.tenant.slug, app.id);
  const link = `${new URL(c.req.url).origin}${path}`;
  const people = [...new Map([...operators, ...dinsos].map((p) => [p.userId, p])).values()];
  const gradeLine = grade ? { grade, label: GRADE_LABELS[grade], validUntil: until } : null;
  const messages = people.flatMap((p) => [
    scope.write.enqueueEmail(
      accreditationDecisionEmail({
        to: p.email,
        lksName: place.lks.name,
        grade: gradeLine,
        reasons: body.reasons,
        toFix: row.toFix,
        recommendations: state.recommendations,
        link,
      }),
    ),
    site.applications.notify({
      userId: p.userId,
      title: `${place.lks.name}: ${moved.to.label.id}`,
      body: grade ? `Predikat ${grade} (${GRADE_LABELS[grade].id})` : "Tidak terakreditasi",
      link: path,
    }),
  ]);

  await scope.write
    .batch([
      site.applications.move(app.id, body.expectedVersion, {
        step: moved.to.id,
        open: moved.to.terminal ? 0 : 1,
        stepEnteredAt: now,
        stepDueAt: slaDueAt(now, moved.to.slaDays),
      }),
      scope.write.abortIfNothingChanged(),
      insert,
      ...improvementPlan,
      site.applications.event({
        applicationId: app.id,
        action: moved.transition.action,
        fromStep: app.step,
        toStep: moved.to.id,
        actorUserId: c.get("principal").user.id,
        comment: body.reasons || null,
        items: null,
      }),
      audit(c, {
        action: "application.decided",
        tenantId: app.tenantId,
        targetType: "application",
        targetId: app.id,
        data: { decisionId: row.id, kind: body.kind, grade, departsFromComputed: row.departsFromComputed },
      }),
      ...messages,
    ])
    .catch(staleOnGuardAbort("application"));

  const after = { ...place, application: { ...app, step: moved.to.id, version: app.version + 1 } };
  return c.json(await nationalDecisionView(scope, after), 201);
};
