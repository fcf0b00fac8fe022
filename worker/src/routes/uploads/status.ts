import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { continuableUpload, recordCompletedUpload } from "../../services/documents.ts";
import { UploadParam, gone, progressHeaders, tusHeaders, uploadSession } from "./tus.ts";

export const uploadStatusRoute = createRoute({
  method: "get",
  operationId: "uploads.status",
  path: "/api/v1/t/{tenant}/uploads/{uploadId}",
  tags: ["Uploads (tus)"],
  summary: "Where an upload stands (tus HEAD): resume from Upload-Offset",
  description:
    "The answer is all in the headers; the body is empty (Content-Length: 0), so clients keep their connection.",
  security: bearerSecurity,
  request: { params: UploadParam },
  responses: {
    200: { description: "Upload-Offset and Upload-Length", headers: tusHeaders },
    ...problems(401, 404),
    410: { description: "Terminated, expired or failed" },
  },
});

/** No body: Content-Length 0 lets HTTP clients keep the connection after a HEAD. */
const EMPTY = { "content-length": "0" };

export const uploadStatus: RouteHandler<typeof uploadStatusRoute, TenantEnv> = async (c) => {
  const upload = await continuableUpload(c, c.req.valid("param").uploadId);
  if (upload.status === "completed") {
    return c.body(null, 200, { ...progressHeaders(upload, null), ...EMPTY });
  }
  if (upload.status !== "receiving") throw gone();
  const state = await uploadSession(c, upload.id).state();
  if (state?.status !== "receiving") {
    // Finished in the Durable Object but not yet recorded (the completing request was cut off).
    if (state?.completion) {
      const documentId = await recordCompletedUpload(c, upload, state.completion);
      return c.body(null, 200, { ...progressHeaders({ ...upload, documentId }, null), ...EMPTY });
    }
    // No state at all: the upload never got its Durable Object (creation failed half-way).
    if (!state) await c.get("scope").documents.finishUpload(upload.id, "failed");
    throw gone();
  }
  return c.body(null, 200, { ...progressHeaders(upload, state), ...EMPTY });
};
