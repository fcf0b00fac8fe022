import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, binaryContent, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { visibleDocument } from "../../services/documents.ts";
import { DocumentParam, VersionQuery } from "./params.ts";

export const documentThumbnailRoute = createRoute({
  method: "get",
  operationId: "documents.thumbnailGet",
  path: "/api/v1/t/{tenant}/documents/{documentId}/thumbnail",
  tags: ["Documents"],
  summary: "The small preview of an image document (404 when it has none)",
  security: bearerSecurity,
  request: { params: DocumentParam, query: VersionQuery },
  responses: {
    200: { description: "JPEG or WebP", content: binaryContent(["image/jpeg", "image/webp"]) },
    ...problems(401, 404),
  },
});

export const documentThumbnail: RouteHandler<typeof documentThumbnailRoute, TenantEnv> = async (c) => {
  const document = await visibleDocument(c, c.req.valid("param").documentId);
  const version = await c
    .get("scope")
    .documents.version(document.id, c.req.valid("query").version ?? document.currentVersion);
  const object = version?.thumbnailKey ? await c.env.DOCS.get(version.thumbnailKey) : null;
  if (!object) throw notFound();
  return c.body(object.body, 200, {
    "content-type": object.httpMetadata?.contentType ?? "image/jpeg",
    "cache-control": "private, no-cache",
    etag: object.httpEtag,
  });
};
