import { ImprovementAnswer, ImprovementPlanView, ImprovementReview } from "@akrab/contracts";
import type { ImprovementPlanWithItems } from "@akrab/db";
import { canActAs, itemTransition, jakartaDay, type Role, type TenantAccess, applicationPath } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { notFound, Problem } from "../../middleware/problem/index.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";
import { itemMovedOn, movedOnAtGuard, planNotFound, presentPlan } from "./present.ts";

/** Who reviews on the tenant route: the LKS's own Dinsos (BALKS reviews on its national route). */
const DINSOS_REVIEWERS = ["dinsos_verifier", "dinsos_head"] as const satisfies readonly Role[];
const BALKS_REVIEWERS = ["balks_secretariat", "balks_decider"] as const satisfies readonly Role[];

const ItemParam = ApplicationParam.extend({ itemId: z.string().min(1).max(64) });

/**
 * The plan as the caller reaches it. Asesors reach a tenant's application through their
 * assignment, but supervision is not theirs: for them, as for another tenant or another LKS, it
 * does not exist.
 */
async function reachedPlan(c: Context<TenantEnv>, applicationId: string) {
  if (c.get("access").via === "assignment") throw notFound();
  const app = await visibleApplication(c, applicationId);
  const found = await c.get("scope").supervision.ofApplication(app.id);
  if (!found) throw planNotFound();
  return found;
}

function mayOf(access: TenantAccess, ownTenantId: string, found: ImprovementPlanWithItems) {
  const answer =
    access.via === "member" && canActAs(access, ["lks_operator"]) && access.lksIds.includes(found.plan.lksId);
  const dinsos = canActAs(access, [...DINSOS_REVIEWERS]) && found.plan.tenantId === ownTenantId;
  const balks = access.via === "national" && access.roles.some((r) => (BALKS_REVIEWERS as readonly Role[]).includes(r));
  return { answer, review: dinsos ? ("tenant" as const) : balks ? ("national" as const) : null };
}

const planOut = (c: Context<TenantEnv>, found: ImprovementPlanWithItems) =>
  presentPlan(found, jakartaDay(), mayOf(c.get("access"), c.get("scope").tenant.id, found));

export const tenantPlanRoute = createRoute({
  method: "get",
  operationId: "improvementPlan.show",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/improvement-plan",
  tags: ["Supervision"],
  summary: "The improvement plan the decision's recommendations started: items, due days, answers and reviews",
  description:
    "The LKS reads its own, its Dinsos the tenant's, BALKS every one; asesors none (404). A 404 too when the decision carried nothing to follow up. `overdue` is computed today.",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(ImprovementPlanView, "The plan"), ...problems(401, 404) },
});

export const tenantPlan: RouteHandler<typeof tenantPlanRoute, TenantEnv> = async (c) => {
  const found = await reachedPlan(c, c.req.valid("param").applicationId);
  return c.json(planOut(c, found), 200);
};

function itemOf(found: ImprovementPlanWithItems, itemId: string) {
  const item = found.items.find((i) => i.id === itemId);
  if (!item) throw notFound("Butir rencana perbaikan tidak ditemukan / No such improvement item");
  return item;
}

export const answerItemRoute = createRoute({
  method: "post",
  operationId: "improvementPlan.answer",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/improvement-plan/items/{itemId}/answer",
  tags: ["Supervision"],
  summary: "The LKS answers an item with a note and evidence documents",
  description: [
    "Only the LKS's own operators, on an open or returned item. The evidence is the documents uploaded to the item's own keys (`improvement:{itemId}:{name}` as the upload's requirement)",
    "and any other documents of this LKS named in `documentIds`; together they replace the previous answer's. `expectedVersion` is the item's (409 with the item as it is now when stale). Send an Idempotency-Key.",
  ].join(" "),
  security: bearerSecurity,
  request: { params: ItemParam, body: jsonBody(ImprovementAnswer) },
  responses: {
    200: jsonResponse(ImprovementPlanView, "The plan after the answer"),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const answerItem: RouteHandler<typeof answerItemRoute, TenantEnv> = async (c) => {
  const { applicationId, itemId } = c.req.valid("param");
  const body = c.req.valid("json");
  const scope = c.get("scope");
  const found = await reachedPlan(c, applicationId);
  const item = itemOf(found, itemId);
  const today = jakartaDay();
  if (!mayOf(c.get("access"), scope.tenant.id, found).answer)
    throw new Problem("forbidden", "Butir dijawab operator LKS ini / The LKS's own operators answer an item");
  const moved = itemTransition(item.state, "answer", ["lks_operator"]);
  if (!moved.ok || item.version !== body.expectedVersion) throw itemMovedOn(item, today, body);
  // Files uploaded to the item's own evidence keys count without being named: a phone that sent
  // them from its queue may not know their ids when the answer goes.
  const uploaded = (await scope.documents.documentsOfApplication(applicationId))
    .filter((d) => d.requirement?.startsWith(`improvement:${item.id}:`))
    .map((d) => d.id);
  const documentIds = [...new Set([...body.documentIds, ...uploaded])];
  const documents = await Promise.all(documentIds.map((id) => scope.documents.findDocument(id)));
  const wrong = documents.flatMap((d, i) => (d?.lksId === found.plan.lksId ? [] : [i]));
  if (wrong.length > 0)
    throw new Problem("validation", "Bukti harus dokumen LKS ini / Evidence must be documents of this LKS", {
      errors: wrong.map((i) => ({
        path: `documentIds.${i}`,
        message: "Dokumen tidak ditemukan pada LKS ini / No such document of this LKS",
      })),
    });
  const dinsos = await scope.applications.holders(found.plan.tenantId, [...DINSOS_REVIEWERS]);
  const link = applicationPath(c.req.valid("param").tenant, applicationId);
  await c
    .get("db")
    .batch([
      ...scope.supervision.answer(item, { note: body.note, documentIds, by: c.get("principal").user.id }),
      audit(c, {
        action: "improvement.answered",
        tenantId: found.plan.tenantId,
        targetType: "improvement_item",
        targetId: item.id,
        data: { applicationId, documentIds },
      }),
      ...dinsos.map((p) =>
        scope.applications.notify({
          userId: p.userId,
          title: "Rencana perbaikan dijawab / Improvement item answered",
          body: item.text.slice(0, 200),
          link,
        }),
      ),
    ])
    .catch(movedOnAtGuard(() => reachedPlan(c, applicationId), item.id, body));
  const after = await reachedPlan(c, applicationId);
  return c.json(planOut(c, after), 200);
};

/** Returning needs a reason the LKS can act on; accepting needs none. */
export function reviewReason(body: { decision: "accept" | "return"; reason?: string | undefined }): string | null {
  const reason = body.reason?.trim() ?? "";
  if (body.decision === "return" && reason.length < 10)
    throw new Problem("validation", "Alasan pengembalian wajib diisi / A return needs its reason", {
      errors: [
        {
          path: "reason",
          message:
            "Tulis apa yang masih kurang (minimal 10 karakter) / Say what is still missing (at least 10 characters)",
        },
      ],
    });
  return reason === "" ? null : reason;
}

export const reviewItemRoute = createRoute({
  method: "post",
  operationId: "improvementPlan.review",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/improvement-plan/items/{itemId}/review",
  tags: ["Supervision"],
  summary: "The Dinsos accepts an answered item (closing it) or returns it with a reason",
  description:
    "Only the LKS's own Dinsos (verifier or head), on an answered item; BALKS reviews on its national route. `expectedVersion` is the item's (409 with the item as it is now when stale). Send an Idempotency-Key.",
  security: bearerSecurity,
  request: { params: ItemParam, body: jsonBody(ImprovementReview) },
  responses: {
    200: jsonResponse(ImprovementPlanView, "The plan after the review"),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const reviewItem: RouteHandler<typeof reviewItemRoute, TenantEnv> = async (c) => {
  const { applicationId, itemId } = c.req.valid("param");
  const body = c.req.valid("json");
  const scope = c.get("scope");
  const found = await reachedPlan(c, applicationId);
  const item = itemOf(found, itemId);
  if (mayOf(c.get("access"), scope.tenant.id, found).review !== "tenant")
    throw new Problem("forbidden", "Butir ditinjau Dinsos LKS ini / The LKS's own Dinsos reviews an item");
  const reason = reviewReason(body);
  const moved = itemTransition(item.state, body.decision, [...DINSOS_REVIEWERS]);
  if (!moved.ok || item.version !== body.expectedVersion) throw itemMovedOn(item, jakartaDay(), body);
  const to = moved.to === "accepted" ? "accepted" : "returned";
  const operators = await scope.lks.operators(found.plan.lksId);
  const link = applicationPath(c.req.valid("param").tenant, applicationId);
  await c
    .get("db")
    .batch([
      ...scope.supervision.review(item, { to, reason, by: c.get("principal").user.id, as: "dinsos" }),
      audit(c, {
        action: to === "accepted" ? "improvement.accepted" : "improvement.returned",
        tenantId: found.plan.tenantId,
        targetType: "improvement_item",
        targetId: item.id,
        data: { applicationId, reason, by: "dinsos" },
      }),
      ...operators.map((p) =>
        scope.applications.notify({
          userId: p.userId,
          title:
            to === "accepted"
              ? "Butir perbaikan diterima / Improvement item accepted"
              : "Butir perbaikan dikembalikan / Improvement item returned",
          body: reason ?? item.text.slice(0, 200),
          link,
        }),
      ),
    ])
    .catch(movedOnAtGuard(() => reachedPlan(c, applicationId), item.id, body));
  return c.json(planOut(c, await reachedPlan(c, applicationId)), 200);
};
