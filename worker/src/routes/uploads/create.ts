import { CreatedUpload } from "@akrab/contracts";
import { MAX_UPLOAD_BYTES, documentTypeOfMime, filenameForType } from "@akrab/domain";
import { newId } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { linkVersion, resolveSlot } from "../../services/documents.ts";
import { appendBytes } from "./append.ts";
import {
  OFFSET_CONTENT_TYPE,
  integerHeader,
  parseMetadata,
  progressHeaders,
  requireTusVersion,
  tusHeaders,
  uploadSession,
  uploadUrl,
} from "./tus.ts";

const MB = 1024 * 1024;

export const createUploadRoute = createRoute({
  method: "post",
  operationId: "uploads.create",
  path: "/api/v1/t/{tenant}/uploads",
  tags: ["Uploads (tus)"],
  summary: "Create a tus upload (Upload-Length, Upload-Metadata: filename, filetype, sha256 and the target)",
  description:
    "Upload-Metadata carries `filename`, `filetype`, `sha256` (hex of the whole file) and the target: `applicationId` + `requirement`, `applicationId` + `indicator`, or `lksId` + `profileField`. " +
    "When this LKS already holds a file with that SHA-256, the document is linked at once: the answer has Upload-Offset = Upload-Length and Akrab-Duplicate: true, and no bytes need to be sent. " +
    "Bytes may follow in the same request (creation-with-upload, Content-Type application/offset+octet-stream).",
  security: bearerSecurity,
  request: { params: TenantParam },
  responses: {
    201: {
      description: "Created; Location is the upload's URL",
      headers: {
        ...tusHeaders,
        Location: { schema: { type: "string" } },
        "Akrab-Duplicate": { schema: { type: "string" } },
      },
      content: { "application/json": { schema: CreatedUpload } },
    },
    ...problems(400, 401, 403, 404),
    412: { description: "Tus-Resumable missing or not 1.0.0" },
    413: { description: "Larger than the requirement allows" },
    415: { description: "A file type the requirement does not accept" },
  },
});

export const createUpload: RouteHandler<typeof createUploadRoute, TenantEnv> = async (c) => {
  requireTusVersion(c);
  if (c.req.header("upload-defer-length") !== undefined)
    throw new Problem("bad-request", "Upload-Defer-Length tidak didukung / Upload-Defer-Length is not supported");
  const length = integerHeader(c, "upload-length");
  const { meta, target } = parseMetadata(c.req.header("upload-metadata"));
  const { slot, rule } = await resolveSlot(c, target);
  if (length === 0)
    throw new Problem("validation", "Berkas kosong / The file is empty", {
      errors: [{ path: "Upload-Length", message: "Harus lebih dari 0 / Must be more than 0" }],
    });
  const maxBytes = Math.min(rule.maxBytes, MAX_UPLOAD_BYTES);
  if (length > maxBytes) {
    throw new Problem(
      "payload-too-large",
      `Berkas terlalu besar: maksimum ${formatMb(maxBytes)} MB / The file is too large: at most ${formatMb(maxBytes)} MB`,
    );
  }
  const declared = documentTypeOfMime(meta.filetype);
  if (!declared || !rule.acceptedTypes.includes(declared)) {
    throw new Problem(
      "unsupported-media-type",
      `Jenis berkas tidak diterima; yang diterima: ${rule.acceptedTypes.join(", ")} / File type not accepted; accepted: ${rule.acceptedTypes.join(", ")}`,
    );
  }

  const scope = c.get("scope");
  const store = scope.documents;
  const principal = c.get("principal");
  const { upload, insert } = store.newUpload({
    id: newId(),
    lksId: slot.lksId,
    applicationId: slot.applicationId,
    requirement: slot.requirement,
    indicator: slot.indicator,
    profileField: slot.profileField,
    assignmentId: slot.assignmentId,
    capture: slot.capture,
    // The bytes must sniff as the declared type to complete, so its extension is the content's.
    filename: filenameForType(meta.filename, declared),
    declaredType: meta.filetype,
    length,
    sha256: meta.sha256,
    createdBy: principal.user.id,
  });
  const location = uploadUrl(c, upload.id);

  // Content this LKS already holds is linked again without a byte sent. Content of another LKS
  // is stored once too, but only after its bytes arrive: knowing a hash is no proof of holding the file.
  const existing = await store.findBlob(meta.sha256);
  if (
    existing &&
    existing.size === length &&
    documentTypeOfMime(existing.contentType) === declared &&
    (await store.blobHeldByLks(existing.id, slot.lksId))
  ) {
    await insert;
    const documentId = await linkVersion(c, upload, existing);
    return c.json({ id: upload.id, offset: length, length, duplicate: true, documentId }, 201, {
      location,
      "akrab-duplicate": "true",
      ...progressHeaders({ length, documentId }, null),
    });
  }

  const db = c.get("db");
  await db.batch([
    insert,
    audit(c, {
      action: "upload.created",
      tenantId: scope.tenant.id,
      targetType: "lks",
      targetId: slot.lksId,
      data: { uploadId: upload.id, length, filename: upload.filename },
    }),
  ]);
  const state = await uploadSession(c, upload.id).init({
    uploadId: upload.id,
    tenantId: scope.tenant.id,
    key: `t/${scope.tenant.id}/uploads/${upload.id}`,
    length,
    sha256: meta.sha256,
    declaredType: meta.filetype,
    rule,
  });
  const headers =
    c.req.header("content-type") === OFFSET_CONTENT_TYPE
      ? await appendBytes(c, upload, 0, c.var.body ?? null)
      : progressHeaders(upload, state);
  return c.json(
    {
      id: upload.id,
      offset: Number(headers["upload-offset"]),
      length,
      duplicate: false,
      documentId: headers["akrab-document-id"] ?? null,
    },
    201,
    { location, ...headers },
  );
};

function formatMb(bytes: number): string {
  return (bytes / MB).toLocaleString("id-ID", { maximumFractionDigits: 1 });
}
