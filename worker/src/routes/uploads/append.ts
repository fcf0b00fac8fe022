import type { UploadRow } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { continuableUpload, recordCompletedUpload } from "../../services/documents.ts";
import {
  OFFSET_CONTENT_TYPE,
  UploadParam,
  gone,
  integerHeader,
  progressHeaders,
  requireTusVersion,
  tusHeaders,
  uploadSession,
} from "./tus.ts";

export const appendRoute = createRoute({
  method: "patch",
  operationId: "uploads.append",
  path: "/api/v1/t/{tenant}/uploads/{uploadId}",
  tags: ["Uploads (tus)"],
  summary: "Send the next bytes of an upload from Upload-Offset (any chunk size)",
  description:
    "Bytes that arrive before a connection drops are kept: resume with HEAD, then PATCH from the returned Upload-Offset. The request that completes the file gets Akrab-Document-Id. " +
    "415 file-type-mismatch when the first bytes are not the declared type; 460 checksum-mismatch when the SHA-256 differs from the declared one (the upload is then gone).",
  security: bearerSecurity,
  request: {
    params: UploadParam,
    body: { required: true, content: { [OFFSET_CONTENT_TYPE]: { schema: { type: "string", format: "binary" } } } },
  },
  responses: {
    204: { description: "Bytes stored", headers: tusHeaders },
    ...problems(400, 401, 403, 404, 409),
    410: { description: "Terminated, expired or failed" },
    413: { description: "More bytes than Upload-Length" },
    415: { description: "Wrong request content type, or file content not the declared type" },
    460: { description: "Checksum mismatch" },
  },
});

export const append: RouteHandler<typeof appendRoute, TenantEnv> = async (c) => {
  const upload = await continuableUpload(c, c.req.valid("param").uploadId);
  requireTusVersion(c);
  if (c.req.header("content-type") !== OFFSET_CONTENT_TYPE) {
    throw new Problem(
      "unsupported-media-type",
      `Content-Type harus ${OFFSET_CONTENT_TYPE} / Content-Type must be ${OFFSET_CONTENT_TYPE}`,
    );
  }
  const offset = integerHeader(c, "upload-offset");
  if (upload.status === "completed") {
    await c.var.body?.cancel();
    if (offset !== upload.length) throw offsetConflict(upload.length);
    return c.body(null, 204, progressHeaders(upload, null));
  }
  if (upload.status !== "receiving") throw gone();
  return c.body(null, 204, await appendBytes(c, upload, offset, c.var.body ?? null));
};

/** Streams bytes into the upload's Durable Object and answers with where the upload now stands. */
export async function appendBytes(
  c: Context<TenantEnv>,
  upload: UploadRow,
  offset: number,
  body: ReadableStream<Uint8Array> | null,
): Promise<Record<string, string>> {
  const store = c.get("scope").documents;
  const result = await uploadSession(c, upload.id).append(offset, body ?? emptyStream());
  if (result.ok) {
    const completion = result.state.completion;
    if (!completion) return progressHeaders(upload, result.state);
    const documentId = await recordCompletedUpload(c, upload, completion);
    return progressHeaders({ ...upload, documentId }, null);
  }
  switch (result.reason) {
    case "offset-mismatch":
      throw offsetConflict(result.state.offset);
    case "too-long":
      throw new Problem(
        "payload-too-large",
        "Data melebihi panjang yang dinyatakan (Upload-Length) / More bytes than Upload-Length",
      );
    case "gone":
      throw gone();
    case "type-mismatch":
      await store.finishUpload(upload.id, "failed");
      throw new Problem(
        "file-type-mismatch",
        "Isi berkas bukan jenis yang dinyatakan atau tidak diterima untuk dokumen ini / The file's content is not the declared type or not accepted here",
      );
    case "checksum-mismatch":
      await store.finishUpload(upload.id, "failed");
      throw new Problem(
        "checksum-mismatch",
        "Berkas rusak di perjalanan (SHA-256 tidak cocok); unggah ulang / The file was damaged in transit (SHA-256 mismatch); upload it again",
      );
  }
}

function offsetConflict(serverOffset: number): Problem {
  return new Problem(
    "conflict",
    `Offset tidak cocok; server memiliki ${serverOffset} byte / Offset mismatch; the server holds ${serverOffset} bytes`,
    { headers: { "upload-offset": String(serverOffset) } },
  );
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() });
}
