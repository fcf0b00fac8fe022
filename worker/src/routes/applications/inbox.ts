import { CursorQuery, InboxPage, InboxQuery } from "@akrab/contracts";
import type { ApplicationStore, MembershipView, Tenant } from "@akrab/db";
import { availableActions, isOverdue, rolesForStep, stepOf, type WorkflowDefinition } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { grantsOf } from "../../services/applications.ts";
import { TenantParam } from "../../lib/params.ts";

export const inboxRoute = createRoute({
  method: "get",
  operationId: "applications.inbox",
  path: "/api/v1/t/{tenant}/inbox",
  tags: ["Applications"],
  summary: "Waiting for me: applications at a step where the caller can act, most urgent first, with the total",
  description:
    "Dinsos staff see their kab/kota step; a province sees its kab/kota's applications at the province step (filter by `area`); LKS operators see their own applications waiting for them.",
  security: bearerSecurity,
  request: { params: TenantParam, query: CursorQuery.extend(InboxQuery.shape) },
  responses: { 200: jsonResponse(InboxPage, "One page of the inbox"), ...problems(400, 401, 404) },
});

/**
 * For each tenant the caller can see from here, the steps of its published workflows at which the
 * caller's roles are offered an action.
 */
export function waitingFor(
  definitions: Awaited<ReturnType<ApplicationStore["definitionsOf"]>>,
  memberships: readonly MembershipView[],
  tenant: Tenant,
  readable: readonly string[],
) {
  const grants = grantsOf(memberships);
  const lksIds = [...new Set(grants.flatMap((g) => (g.role === "lks_operator" && g.lksId ? [g.lksId] : [])))];
  return readable.flatMap((tenantId) => {
    const place = {
      tenantId,
      tenantLevel: tenantId === tenant.id ? tenant.level : ("kabkota" as const),
      parentTenantId: tenantId === tenant.id ? tenant.parentId : tenant.id,
      lksId: "",
    };
    const steps = new Set<string>();
    const lksSteps = new Set<string>();
    for (const { definition: def } of definitions.filter((d) => d.tenantId === tenantId)) {
      for (const step of def.steps) {
        if (step.terminal) continue;
        if (step.actor === "lks") {
          if (lksIds.length > 0 && availableActions(def, step.id, ["lks_operator"]).length > 0) lksSteps.add(step.id);
        } else if (availableActions(def, step.id, rolesForStep(step.actor, grants, place)).length > 0) {
          steps.add(step.id);
        }
      }
    }
    return [
      { tenantIds: [tenantId], steps: [...steps].sort() },
      { tenantIds: [tenantId], steps: [...lksSteps].sort(), lksIds },
    ];
  });
}

/**
 * Tenants waiting at the same steps share one clause: a province with thirty-odd kab/kota stays
 * far below D1's 100 bound parameters per query.
 */
export function grouped(waiting: { tenantIds: string[]; steps: string[]; lksIds?: string[] }[]) {
  const groups = new Map<string, { tenantIds: string[]; steps: string[]; lksIds?: string[] }>();
  for (const w of waiting) {
    const key = `${w.steps.join(",")}|${w.lksIds?.join(",") ?? "*"}`;
    const group = groups.get(key);
    if (group) group.tenantIds.push(...w.tenantIds);
    else groups.set(key, { ...w, tenantIds: [...w.tenantIds] });
  }
  return [...groups.values()];
}

export const inbox: RouteHandler<typeof inboxRoute, TenantEnv> = async (c) => {
  const scope = c.get("scope");
  const { cursor, limit, step, area, overdue } = c.req.valid("query");
  const readable = scope.readableTenantIds;
  const areaId = area ? await scope.readableTenantIdOf(area) : undefined;
  const definitions = await scope.applications.definitionsOf(readable);
  const waiting = grouped(waitingFor(definitions, c.get("principal").memberships, scope.tenant, readable));
  const page = await scope.applications.inbox(
    {
      waiting,
      step,
      tenantId: area ? (areaId ?? "none") : undefined,
      overdueAt: overdue === "true" ? new Date().toISOString() : undefined,
    },
    { cursor, limit },
  );
  if (!page) throw unknownCursor();
  const now = Date.now();
  const labels = new Map<string, WorkflowDefinition>();
  for (const d of definitions) labels.set(`${d.tenantId}:${d.version}`, d.definition);
  return c.json(
    {
      total: page.total,
      nextCursor: page.nextCursor,
      items: page.items.map((a) => {
        const def = labels.get(`${a.tenantId}:${a.workflowVersion}`);
        const stepDef = def && stepOf(def, a.step);
        return {
          id: a.id,
          lks: { id: a.lksId, name: a.lksName },
          tenant: { slug: a.tenantSlug, name: a.tenantName },
          kind: a.kind,
          step: { id: a.step, label: stepDef?.label ?? { id: a.step, en: a.step } },
          stepDueAt: a.stepDueAt,
          overdue: isOverdue(a.stepDueAt, now),
          version: a.version,
        };
      }),
    },
    200,
  );
};
