import { Timeline, type TimelineEntry } from "@akrab/contracts";
import { isOverdue, slaDueAt, stepOf } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { definitionFor } from "../../services/applications.ts";
import { ApplicationParam, visibleApplication } from "./show.ts";

export const timelineRoute = createRoute({
  method: "get",
  operationId: "applications.timeline",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/timeline",
  tags: ["Applications"],
  summary: "Every step of the application: who, when, comment, how long the previous step took, and its SLA",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(Timeline, "Oldest first"), ...problems(401, 404) },
});

export const timeline: RouteHandler<typeof timelineRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const def = await definitionFor(c.get("scope").applications, app);
  const events = await c.get("scope").applications.timeline(app.id);
  const labelOf = (id: string) => stepOf(def, id)?.label ?? { id, en: id };
  return c.json(
    {
      items: events.map(({ event, actorName }, index) => {
        const previous = events[index - 1]?.event ?? null;
        const previousStep = previous ? stepOf(def, previous.toStep) : undefined;
        const due = previous && previousStep ? slaDueAt(previous.at, previousStep.slaDays) : null;
        return {
          action: event.action,
          from: event.fromStep ? { id: event.fromStep, label: labelOf(event.fromStep) } : null,
          to: { id: event.toStep, label: labelOf(event.toStep) },
          actor: event.actorUserId && actorName ? { id: event.actorUserId, name: actorName } : null,
          comment: event.comment,
          items: (event.items ?? []) as TimelineEntry["items"],
          at: event.at,
          secondsInPreviousStep: previous ? Math.round((Date.parse(event.at) - Date.parse(previous.at)) / 1000) : null,
          previousStepDueAt: due,
          previousStepOverdue: isOverdue(due, event.at),
        };
      }),
    },
    200,
  );
};
