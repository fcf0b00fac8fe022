import { InstrumentDetail } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { applicableVersionId, presentInstrument } from "../../services/instruments.ts";
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
  const scope = c.get("scope");
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const id =
    app.instrumentVersionId ?? (await applicableVersionId(scope, (await scope.lks.find(app.lksId))?.types ?? []));
  const row = id ? await scope.instruments.find(id) : null;
  if (!row) throw notFound("Belum ada instrumen untuk jenis LKS ini / No instrument for this LKS type yet");
  return c.json({ ...presentInstrument(row), pinned: app.instrumentVersionId !== null }, 200);
};
