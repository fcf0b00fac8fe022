import { InstrumentDetail } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { presentInstrument } from "../../services/instruments.ts";
import { instrumentForApplication } from "../../services/self-assessment.ts";
import { ApplicationParam, visibleApplication } from "./show.ts";

const ApplicationInstrument = InstrumentDetail.extend({
  pinned: z.boolean().openapi({
    description:
      "True once the application is submitted (this version is then its for good); before that, the version submission would pin now",
  }),
}).openapi("ApplicationInstrument");

export const applicationInstrumentRoute = createRoute({
  method: "get",
  operationId: "applications.instrument",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/instrument",
  tags: ["Applications"],
  summary: "The instrument version the application is assessed on",
  description:
    "After the first submission, the pinned version (never changes). Before it, the published version that applies to the LKS's types now; 404 when none does yet.",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(ApplicationInstrument, "The instrument version"), ...problems(401, 404) },
});

export const applicationInstrument: RouteHandler<typeof applicationInstrumentRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const { row, pinned } = await instrumentForApplication(c.get("scope"), app);
  return c.json({ ...presentInstrument(row), pinned }, 200);
};
