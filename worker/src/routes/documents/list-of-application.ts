import { DocumentList } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { presentDocument } from "../../services/documents.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";

export const applicationDocumentsRoute = createRoute({
  method: "get",
  operationId: "documents.listOfApplication",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/documents",
  tags: ["Documents"],
  summary: "The documents of an application (requirements and indicator evidence) with their versions",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(DocumentList, "The documents"), ...problems(401, 404) },
});

export const applicationDocuments: RouteHandler<typeof applicationDocumentsRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const store = c.get("scope").documents;
  const documents = await store.documentsOfApplication(app.id);
  const versions = await store.versionsOfApplication(app.id);
  return c.json({ items: documents.map((d) => presentDocument(d, versions)) }, 200);
};
