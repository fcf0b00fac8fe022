import { CursorQuery, InboxPage, NationalApplicationQuery } from "@akrab/contracts";
import type { NationalApplicationFilter, NationalScope } from "@akrab/db";
import { NATIONAL_PART, NATIONAL_READERS, isOverdue, stepOf, type Role, type WorkflowDefinition } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";

const NationalListQuery = CursorQuery.extend(NationalApplicationQuery.shape);

export const nationalInboxRoute = createRoute({
  method: "get",
  operationId: "applications.nationalInbox",
  path: "/api/v1/national/inbox",
  tags: ["Applications"],
  summary: "BALKS: applications from every tenant waiting at a national step the caller acts on",
  description: "Filters combine: the province or kab/kota the LKS is in, the step, overdue, the LKS's type.",
  security: bearerSecurity,
  middleware: [national({ roles: ["balks_secretariat", "balks_decider", "asesor"] })] as const,
  request: { query: NationalListQuery },
  responses: { 200: jsonResponse(InboxPage, "One page of the national inbox"), ...problems(400, 401, 404) },
});

export const nationalListRoute = createRoute({
  method: "get",
  operationId: "applications.nationalList",
  path: "/api/v1/national/applications",
  tags: ["Applications"],
  summary: "National readers: every open application of every tenant, at any step, most urgent first (read-only)",
  description: "For BALKS, national viewers and the platform admin. Filters as in the national inbox.",
  security: bearerSecurity,
  middleware: [national({ roles: NATIONAL_READERS })] as const,
  request: { query: NationalListQuery },
  responses: { 200: jsonResponse(InboxPage, "One page of open applications"), ...problems(400, 401, 404) },
});

/** The national steps where one of `roles` takes an action (BALKS's part is the same in every tenant's workflow). */
export function nationalSteps(roles: readonly Role[]): string[] {
  return [
    ...new Set(NATIONAL_PART.transitions.filter((t) => t.roles.some((r) => roles.includes(r))).map((t) => t.from)),
  ];
}

function filterOf(query: {
  province?: string | undefined;
  regency?: string | undefined;
  step?: string | undefined;
  overdue?: string | undefined;
  lksType?: string | undefined;
}): NationalApplicationFilter {
  return {
    province: query.province,
    regency: query.regency,
    step: query.step,
    lksType: query.lksType,
    overdueAt: query.overdue === "true" ? new Date().toISOString() : undefined,
  };
}

const nationalStep = (id: string) => NATIONAL_PART.steps.find((s) => s.id === id);

type Page = NonNullable<Awaited<ReturnType<NationalScope["applications"]["open"]>>>;

/** A page as the inbox shows it; a regional step is labelled by the tenant's own workflow version. */
async function present(scope: NationalScope, page: Page) {
  const tenantIds = [...new Set(page.items.filter((a) => !nationalStep(a.step)).map((a) => a.tenantId))];
  const definitions = new Map<string, WorkflowDefinition>();
  for (const d of await scope.applications.definitionsOf(tenantIds))
    definitions.set(`${d.tenantId}:${d.version}`, d.definition);
  const now = Date.now();
  const labelOf = (a: Page["items"][number]) => {
    const def = definitions.get(`${a.tenantId}:${a.workflowVersion}`);
    return nationalStep(a.step)?.label ?? (def && stepOf(def, a.step)?.label) ?? { id: a.step, en: a.step };
  };
  return {
    total: page.total,
    nextCursor: page.nextCursor,
    items: page.items.map((a) => ({
      id: a.id,
      lks: { id: a.lksId, name: a.lksName },
      tenant: { slug: a.tenantSlug, name: a.tenantName },
      kind: a.kind,
      step: { id: a.step, label: labelOf(a) },
      stepDueAt: a.stepDueAt,
      overdue: isOverdue(a.stepDueAt, now),
      version: a.version,
    })),
  };
}

/**
 * The assignment axis in the inbox: the steps where only the asesor role acts (among the caller's
 * roles) list just the applications whose team the caller is on; BALKS's own steps are not narrowed.
 */
export function assignedSteps(roles: readonly Role[], userId: string): NationalApplicationFilter["assigned"] {
  if (!roles.includes("asesor")) return undefined;
  const others = nationalSteps(roles.filter((r) => r !== "asesor"));
  return { userId, steps: nationalSteps(["asesor"]).filter((s) => !others.includes(s)) };
}

export const nationalInbox: RouteHandler<typeof nationalInboxRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { cursor, limit, ...query } = c.req.valid("query");
  const filter = { ...filterOf(query), assigned: assignedSteps(scope.roles, c.get("principal").user.id) };
  const page = await scope.applications.atSteps(nationalSteps(scope.roles), { cursor, limit }, filter);
  if (!page) throw unknownCursor();
  return c.json(await present(scope, page), 200);
};

export const nationalList: RouteHandler<typeof nationalListRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { cursor, limit, ...query } = c.req.valid("query");
  const page = await scope.applications.open({ cursor, limit }, filterOf(query));
  if (!page) throw unknownCursor();
  return c.json(await present(scope, page), 200);
};
