import { WorkSummary } from "@akrab/contracts";
import { childTenantIds, findTenantById, nationalScope, tenantScope } from "@akrab/db";
import { jakartaDay, resolveTenantAccess, visibleLksIds, workPlan, type WorkGroup, type WorkKind } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AuthedEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth/index.ts";
import { grantsOf } from "../../services/applications.ts";
import { grouped, waitingFor } from "../applications/inbox.ts";
import { assignedSteps, nationalSteps } from "../applications/national-inbox.ts";

export const workRoute = createRoute({
  method: "get",
  operationId: "me.work",
  path: "/api/v1/me/work",
  tags: ["Auth"],
  summary: "Everything waiting for the signed-in person, over all their roles and tenants, grouped, with counts",
  description:
    "Counts what each group's inbox and registry would show (applications at a step where a role acts, LKS " +
    "registrations to verify or returned): the home shows it all without switching the role acted in.",
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  responses: {
    200: jsonResponse(WorkSummary, "What waits, per tenant (and the national organisation)"),
    ...problems(401),
  },
});

type Counted = { kind: WorkKind; count: number; overdue: number; membershipId: string };

export const work: RouteHandler<typeof workRoute, AuthedEnv> = async (c) => {
  const db = c.get("db");
  const { memberships } = c.get("principal");
  const grants = memberships.map((m) => ({
    role: m.role,
    tenantId: m.tenant?.id ?? null,
    lksId: m.lks?.id ?? null,
    membershipId: m.id,
  }));
  const nowIso = new Date().toISOString();

  /** A tenant group's counts, read through the same scope (both axes) the tenant routes get. */
  async function tenantCounts(group: WorkGroup & { tenantId: string }): Promise<Counted[] | null> {
    const tenant = await findTenantById(db, group.tenantId);
    const access = tenant && tenant.status === "active" ? resolveTenantAccess(grantsOf(memberships), tenant) : null;
    if (!tenant || !access) return null; // a deactivated tenant: nothing to act on there
    const readable = tenant.level === "province" ? [tenant.id, ...(await childTenantIds(db, tenant.id))] : [tenant.id];
    const scope = tenantScope(db, tenant, { readable, lksIds: visibleLksIds(access) });
    return Promise.all(
      group.kinds.map(async ({ kind, membershipId }): Promise<Counted> => {
        if (kind === "applications") {
          const definitions = await scope.applications.definitionsOf(readable);
          const waiting = grouped(waitingFor(definitions, memberships, tenant, readable));
          const [all, late] = await Promise.all([
            scope.applications.inbox({ waiting }, { limit: 1 }),
            scope.applications.inbox({ waiting, overdueAt: nowIso }, { limit: 1 }),
          ]);
          return { kind, count: all?.total ?? 0, overdue: late?.total ?? 0, membershipId };
        }
        const status = kind === "lks_to_verify" ? "pending_verification" : "returned";
        return { kind, count: await scope.lks.count({ status }, jakartaDay()), overdue: 0, membershipId };
      }),
    );
  }

  async function nationalCounts(group: WorkGroup): Promise<Counted[]> {
    const scope = nationalScope(db, group.roles);
    return Promise.all(
      group.kinds.map(async ({ kind, membershipId }) => {
        const steps = nationalSteps(group.roles);
        // The same narrowing as the inbox: an asesor counts only the applications of their teams.
        const assigned = assignedSteps(group.roles, c.get("principal").user.id);
        const [all, late] = await Promise.all([
          scope.applications.atSteps(steps, { limit: 1 }, { assigned }),
          scope.applications.atSteps(steps, { limit: 1 }, { overdueAt: nowIso, assigned }),
        ]);
        return { kind, count: all?.total ?? 0, overdue: late?.total ?? 0, membershipId };
      }),
    );
  }

  const plan = workPlan(grants);
  const groups = (
    await Promise.all(
      plan.map(async (group) => {
        const items =
          group.tenantId === null
            ? await nationalCounts(group)
            : await tenantCounts({ ...group, tenantId: group.tenantId });
        if (!items) return null;
        const tenant = memberships.find((m) => m.tenant?.id === group.tenantId)?.tenant ?? null;
        return {
          tenant: tenant && {
            slug: tenant.slug,
            name: tenant.name,
            level: tenant.level,
            regionCode: tenant.regionCode,
          },
          roles: group.roles,
          items,
        };
      }),
    )
  ).filter((group) => group !== null);
  const total = groups.reduce((sum, group) => sum + group.items.reduce((s, item) => s + item.count, 0), 0);
  return c.json({ groups, total }, 200);
};
