import { expectRow } from "@akrab/db";

import { sniffFileType } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { resolveSlot, visibleDocument } from "../../services/documents.ts";
import { DocumentParam } from "./params.ts";

/** Thumbnails are made in the browser (longest side ≤ 160 px, a few KB) before the original is sent. */
export const THUMBNAIL_MAX_BYTES = 64 * 1024;

const imageBody = { schema: z.string().openapi({ format: "binary" }) };

export const putThumbnailRoute = createRoute({
  method: "put",
  operationId: "documents.thumbnailPut",
  path: "/api/v1/t/{tenant}/documents/{documentId}/thumbnail",
  tags: ["Documents"],
  summary: "Store the small preview of the current version (JPEG or WebP, at most 64 KB), made in the browser",
  security: bearerSecurity,
  request: {
    params: DocumentParam,
    body: { required: true, content: { "image/jpeg": imageBody, "image/webp": imageBody } },
  },
  responses: { 204: { description: "Thumbnail stored" }, ...problems(400, 401, 403, 404) },
});

export const putThumbnail: RouteHandler<typeof putThumbnailRoute, TenantEnv> = async (c) => {
  const document = await visibleDocument(c, c.req.valid("param").documentId);
  await resolveSlot(c, document);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const type = sniffFileType(bytes.subarray(0, 4096));
  if (type !== "image/jpeg" && type !== "image/webp")
    throw new Problem(
      "unsupported-media-type",
      "Pratinjau harus gambar JPEG atau WebP / The preview must be a JPEG or WebP image",
    );
  const store = c.get("scope").documents;
  const version = expectRow(await store.version(document.id, document.currentVersion), "Current version");
  const key = `t/${document.tenantId}/thumbnails/${version.blobId}`;
  await c.env.DOCS.put(key, bytes, { httpMetadata: { contentType: type } });
  const db = c.get("db");
  await db.batch([
    store.setThumbnail(version.blobId, key, bytes.length),
    audit(c, {
      action: "document.thumbnail_stored",
      tenantId: document.tenantId,
      targetType: "document",
      targetId: document.id,
      data: { version: version.version, size: bytes.length },
    }),
  ]);
  return c.body(null, 204);
};
