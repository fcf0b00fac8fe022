import { DocumentView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { presentDocument, visibleDocument } from "../../services/documents.ts";
import { DocumentParam } from "./params.ts";

export const showDocumentRoute = createRoute({
  method: "get",
  operationId: "documents.show",
  path: "/api/v1/t/{tenant}/documents/{documentId}",
  tags: ["Documents"],
  summary: "A document with every version (who, when, size, hash, PDF page count)",
  security: bearerSecurity,
  request: { params: DocumentParam },
  responses: { 200: jsonResponse(DocumentView, "The document"), ...problems(401, 404) },
});

export const showDocument: RouteHandler<typeof showDocumentRoute, TenantEnv> = async (c) => {
  const document = await visibleDocument(c, c.req.valid("param").documentId);
  return c.json(presentDocument(document, await c.get("scope").documents.versionsOf([document.id])), 200);
};
