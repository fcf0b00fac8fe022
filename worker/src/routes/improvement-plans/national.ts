import {
  ImprovementPlanView,
  ImprovementReview,
  OpenPlanPage,
  OpenPlanQuery,
  SupervisionSettings,
} from "@akrab/contracts";
import {
  applicationPath,
  DEFAULT_SUPERVISION_RULES,
  itemTransition,
  jakartaDay,
  supervisionRulesProblems,
  type SupervisionRules,
} from "@akrab/domain";
import { isGuardAbort } from "@akrab/db";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems, staleSaveResponse } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { type FieldWords, notFound, Problem, staleSave } from "../../middleware/problem/index.ts";
import { TeamParam } from "../asesors/params.ts";
import { itemMovedOn, movedOnAtGuard, planNotFound, presentPlan } from "./present.ts";
import { reviewReason } from "./tenant.ts";

const READERS = ["balks_secretariat", "balks_decider", "national_viewer", "platform_admin"] as const;
/** BALKS may review an item too ("Dinsos first, BALKS may also"), and sets the supervision rules. */
const REVIEWERS = ["balks_secretariat", "balks_decider"] as const;

export const openPlansRoute = createRoute({
  method: "get",
  operationId: "improvementPlans.open",
  path: "/api/v1/national/improvement-plans",
  tags: ["Supervision"],
  summary: "Open improvement plans across tenants (an item not yet accepted), oldest first",
  description:
    "Cursor-paginated. `overdue=true` keeps plans with an item past its due day (computed today, Asia/Jakarta); `tenant` narrows to one tenant by slug.",
  security: bearerSecurity,
  middleware: [national({ roles: READERS })] as const,
  request: { query: OpenPlanQuery },
  responses: { 200: jsonResponse(OpenPlanPage, "A page of open plans"), ...problems(400, 401, 403) },
});

export const openPlans: RouteHandler<typeof openPlansRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const query = c.req.valid("query");
  const today = jakartaDay();
  // An unknown tenant is a filter that matches nothing, as any other value would.
  const tenantId = query.tenant ? ((await scope.tenants.bySlug(query.tenant))?.id ?? "-") : undefined;
  const page = await scope.supervision.open(
    { tenantId, overdueOn: query.overdue === "true" ? today : undefined },
    today,
    { cursor: query.cursor, limit: query.limit },
  );
  if (!page)
    throw new Problem("validation", "Kursor tidak valid / Invalid cursor", {
      errors: [
        { path: "cursor", message: "Pakai nextCursor dari halaman sebelumnya / Use the previous page's nextCursor" },
      ],
    });
  return c.json(
    {
      items: page.items.map((r) => ({
        id: r.plan.id,
        applicationId: r.plan.applicationId,
        tenant: { slug: r.tenantSlug, name: r.tenantName },
        lks: { id: r.plan.lksId, name: r.lksName },
        createdAt: r.plan.createdAt,
        items: Number(r.items),
        openItems: Number(r.open),
        overdueItems: Number(r.overdue),
        nextDueOn: r.nextDue,
      })),
      nextCursor: page.nextCursor,
    },
    200,
  );
};

const NationalItemParam = TeamParam.extend({ itemId: z.string().min(1).max(64) });

export const nationalReviewRoute = createRoute({
  method: "post",
  operationId: "improvementPlans.nationalReview",
  path: "/api/v1/national/improvement-plans/{tenant}/{applicationId}/items/{itemId}/review",
  tags: ["Supervision"],
  summary: "BALKS accepts an answered item or returns it with a reason",
  description:
    "The Dinsos reviews first; BALKS may as well (a plan must not stall on a Dinsos that does not answer). Same rules as the Dinsos's review: an answered item, `expectedVersion` the item's, a reason to return. Send an Idempotency-Key.",
  security: bearerSecurity,
  middleware: [national({ roles: REVIEWERS, write: true })] as const,
  request: { params: NationalItemParam, body: jsonBody(ImprovementReview) },
  responses: {
    200: jsonResponse(ImprovementPlanView, "The plan after the review"),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const nationalReview: RouteHandler<typeof nationalReviewRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { tenant, applicationId, itemId } = c.req.valid("param");
  const body = c.req.valid("json");
  const site = await scope.tenants.bySlug(tenant);
  if (site?.status !== "active") throw notFound();
  const read = async () => {
    const found = await scope.supervision.ofApplication(applicationId);
    if (!found || found.plan.tenantId !== site.id) throw planNotFound();
    return found;
  };
  const found = await read();
  const item = found.items.find((i) => i.id === itemId);
  if (!item) throw notFound("Butir rencana perbaikan tidak ditemukan / No such improvement item");
  const reason = reviewReason(body);
  const moved = itemTransition(item.state, body.decision, [...REVIEWERS]);
  if (!moved.ok || item.version !== body.expectedVersion) throw itemMovedOn(item, jakartaDay(), body);
  const to = moved.to === "accepted" ? "accepted" : "returned";
  const operators = await scope.write.scopeOf(site).lks.operators(found.plan.lksId);
  const link = applicationPath(tenant, applicationId);
  await scope.write
    .batch([
      ...scope.write.supervision.review(item, { to, reason, by: c.get("principal").user.id, as: "balks" }),
      audit(c, {
        action: to === "accepted" ? "improvement.accepted" : "improvement.returned",
        tenantId: found.plan.tenantId,
        targetType: "improvement_item",
        targetId: item.id,
        data: { applicationId, reason, by: "balks" },
      }),
      ...operators.map((p) =>
        scope.write.scopeOf(site).applications.notify({
          userId: p.userId,
          title:
            to === "accepted"
              ? "Butir perbaikan diterima BALKS / Improvement item accepted by BALKS"
              : "Butir perbaikan dikembalikan BALKS / Improvement item returned by BALKS",
          body: reason ?? item.text.slice(0, 200),
          link,
        }),
      ),
    ])
    .catch(movedOnAtGuard(read, item.id, body));
  return c.json(presentPlan(await read(), jakartaDay(), { answer: false, review: "national" }), 200);
};

const SettingsView = SupervisionSettings.extend({ version: z.number().int(), defaults: SupervisionSettings }).openapi(
  "SupervisionSettingsView",
);
const SettingsUpdate = SupervisionSettings.extend({ expectedVersion: z.number().int().min(1) }).openapi(
  "SupervisionSettingsUpdate",
);

/** The settings in words, for a stale save's problem. */
const SETTINGS_WORDS: Record<keyof SupervisionRules, FieldWords> = {
  correctionDays: ["tenggat bukti perbaikan", "the days to show a correction"],
  planDays: ["tenggat rencana perbaikan", "the days to answer with a plan"],
  remindBeforeDays: ["pengingat sebelum tenggat", "the reminder before the due day"],
  escalateDinsosAfterDays: ["eskalasi ke Dinsos", "the escalation to the Dinsos"],
  escalateBalksAfterDays: ["eskalasi ke BALKS", "the escalation to BALKS"],
};

export const supervisionSettingsRoute = createRoute({
  method: "get",
  operationId: "supervision.settings",
  path: "/api/v1/national/supervision-settings",
  tags: ["Supervision"],
  summary: "BALKS's supervision settings: days given per item and the reminder and escalation thresholds",
  security: bearerSecurity,
  middleware: [national({ roles: READERS })] as const,
  responses: { 200: jsonResponse(SettingsView, "The settings now, and the defaults"), ...problems(401, 403) },
});

export const supervisionSettings: RouteHandler<typeof supervisionSettingsRoute, NationalEnv> = async (c) => {
  const rules = await c.get("national").supervision.rules();
  return c.json({ ...rules, defaults: DEFAULT_SUPERVISION_RULES }, 200);
};

export const updateSupervisionSettingsRoute = createRoute({
  method: "put",
  operationId: "supervision.updateSettings",
  path: "/api/v1/national/supervision-settings",
  tags: ["Supervision"],
  summary: "Change the days and thresholds for plans made from now on (items keep the due day they were given)",
  description:
    "`expectedVersion` must be the settings' current version: if someone saved since, nothing changes and the answer is a 409 StaleSaveProblem: the `version` saved now and each differing field's value saved now next to the one sent (`conflicts`); sending again what is already saved answers 200. Audited. Send an Idempotency-Key.",
  security: bearerSecurity,
  middleware: [national({ roles: REVIEWERS, write: true })] as const,
  request: { body: jsonBody(SettingsUpdate) },
  responses: {
    200: jsonResponse(SettingsView, "The settings now"),
    ...problems(400, 401, 403),
    ...staleSaveResponse(),
  },
});

export const updateSupervisionSettings: RouteHandler<typeof updateSupervisionSettingsRoute, NationalWriteEnv> = async (
  c,
) => {
  const scope = c.get("national");
  const { expectedVersion, ...rules } = c.req.valid("json");
  const wrong = supervisionRulesProblems(rules);
  if (wrong.length > 0)
    throw new Problem("validation", wrong.map((w) => w.message).join("; "), {
      errors: wrong.map((w) => ({ path: w.field, message: w.message })),
    });
  const answer = (now: SupervisionRules & { version: number }) =>
    c.json({ ...now, defaults: DEFAULT_SUPERVISION_RULES }, 200);
  const current = await scope.supervision.rules();
  if (current.version !== expectedVersion)
    return answer(staleSave("supervisionSettings", current, rules, SETTINGS_WORDS));
  try {
    await scope.write.batch([
      scope.write.supervision.updateRules(rules, expectedVersion, c.get("principal").user.id),
      scope.write.abortIfNothingChanged(),
      audit(c, {
        action: "supervision.settings_changed",
        tenantId: null,
        targetType: "supervision_settings",
        targetId: "1",
        data: rules,
      }),
    ]);
  } catch (error) {
    // Someone saved between the read and this write.
    if (!isGuardAbort(error)) throw error;
    return answer(staleSave("supervisionSettings", await scope.supervision.rules(), rules, SETTINGS_WORDS));
  }
  return answer({ ...rules, version: expectedVersion + 1 });
};
