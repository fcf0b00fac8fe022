import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { recordCompletedUpload } from "../../services/documents.ts";
import { UploadParam, gone, progressHeaders, tusHeaders, uploadSession } from "./tus.ts";

const UploadStatus = z
  .object({ id: z.string(), offset: z.number().int(), length: z.number().int(), documentId: z.string().nullable() })
  .openapi("UploadStatus");

export const uploadStatusRoute = createRoute({
  method: "get",
  path: "/api/v1/t/{tenant}/uploads/{uploadId}",
  tags: ["Uploads (tus)"],
  summary: "Where an upload stands (tus HEAD answers with the same headers): resume from Upload-Offset",
  security: bearerSecurity,
  request: { params: UploadParam },
  responses: { 200: { description: "Upload-Offset and Upload-Length", headers: tusHeaders, content: { "application/json": { schema: UploadStatus } } }, ...problems(401, 404), 410: { description: "Terminated, expired or failed" } },
});

export const uploadStatus: RouteHandler<typeof uploadStatusRoute, AppEnv> = async (c) => {
  const upload = await c.get("scope").documents.findUpload(c.req.valid("param").uploadId);
  if (!upload) throw notFound();
  if (upload.status === "completed") {
    return c.json({ id: upload.id, offset: upload.length, length: upload.length, documentId: upload.documentId }, 200, progressHeaders(upload, null));
  }
  if (upload.status !== "receiving") throw gone();
  const state = await uploadSession(c, upload.id).state();
  if (!state || state.status !== "receiving") {
    // Finished in the Durable Object but not yet recorded (the completing request was cut off).
    if (state?.completion) {
      const documentId = await recordCompletedUpload(c, upload, state.completion);
      return c.json({ id: upload.id, offset: upload.length, length: upload.length, documentId }, 200, progressHeaders({ ...upload, documentId }, null));
    }
    // No state at all: the upload never got its Durable Object (creation failed half-way).
    if (!state) await c.get("scope").documents.finishUpload(upload.id, "failed");
    throw gone();
  }
  return c.json({ id: upload.id, offset: state.offset, length: upload.length, documentId: null }, 200, progressHeaders(upload, state));
};
