import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { continuableUpload } from "../../services/documents.ts";
import { UploadParam, gone, requireTusVersion, uploadSession } from "./tus.ts";

export const terminateRoute = createRoute({
  method: "delete",
  operationId: "uploads.terminate",
  path: "/api/v1/t/{tenant}/uploads/{uploadId}",
  tags: ["Uploads (tus)"],
  summary: "Cancel an unfinished upload (tus termination): its bytes are discarded",
  description:
    "A finished upload's document stays: documents are never deleted by cancelling the upload that brought them.",
  security: bearerSecurity,
  request: { params: UploadParam },
  responses: {
    204: { description: "Cancelled" },
    ...problems(401, 403, 404),
    410: { description: "Already terminated, expired or failed" },
  },
});

export const terminate: RouteHandler<typeof terminateRoute, TenantEnv> = async (c) => {
  const store = c.get("scope").documents;
  const upload = await continuableUpload(c, c.req.valid("param").uploadId);
  requireTusVersion(c);
  if (upload.status === "completed") return c.body(null, 204);
  if (upload.status !== "receiving") throw gone();
  await uploadSession(c, upload.id).terminate();
  const db = c.get("db");
  await db.batch([
    store.finishUpload(upload.id, "terminated"),
    audit(c, {
      action: "upload.terminated",
      tenantId: upload.tenantId,
      targetType: "lks",
      targetId: upload.lksId,
      data: { uploadId: upload.id },
    }),
  ]);
  return c.body(null, 204);
};
