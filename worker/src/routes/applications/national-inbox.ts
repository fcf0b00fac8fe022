import { CursorQuery, InboxPage } from "@akrab/contracts";
import { NATIONAL_PART, isOverdue } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";

export const nationalInboxRoute = createRoute({
  method: "get",
  operationId: "applications.nationalInbox",
  path: "/api/v1/national/inbox",
  tags: ["Applications"],
  summary: "BALKS: applications from every tenant waiting at a national step the caller acts on",
  security: bearerSecurity,
  middleware: [national({ roles: ["balks_secretariat", "balks_decider", "asesor"] })] as const,
  request: { query: CursorQuery },
  responses: { 200: jsonResponse(InboxPage, "One page of the national inbox"), ...problems(400, 401, 404) },
});

export const nationalInbox: RouteHandler<typeof nationalInboxRoute, NationalEnv> = async (c) => {
  // BALKS's part is the same in every tenant's workflow, so the steps come from it directly.
  const { roles, applications } = c.get("national");
  const steps = [
    ...new Set(NATIONAL_PART.transitions.filter((t) => t.roles.some((r) => roles.includes(r))).map((t) => t.from)),
  ];
  const page = await applications.atSteps(steps, c.req.valid("query"));
  if (!page) throw unknownCursor();
  const now = Date.now();
  const labelOf = (id: string) => NATIONAL_PART.steps.find((s) => s.id === id)?.label ?? { id, en: id };
  return c.json(
    {
      total: page.total,
      nextCursor: page.nextCursor,
      items: page.items.map((a) => ({
        id: a.id,
        lks: { id: a.lksId, name: a.lksName },
        tenant: { slug: a.tenantSlug, name: a.tenantName },
        kind: a.kind,
        step: { id: a.step, label: labelOf(a.step) },
        stepDueAt: a.stepDueAt,
        overdue: isOverdue(a.stepDueAt, now),
        version: a.version,
      })),
    },
    200,
  );
};
