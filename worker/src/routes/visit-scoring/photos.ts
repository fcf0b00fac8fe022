import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { NationalEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { bearerSecurity, binaryContent, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { balksApplication, myVisit, visiblePhoto } from "../../services/visit-scoring.ts";
import { AssignmentParam, TeamParam } from "../asesors/params.ts";
import { SHEET_READERS, TAG } from "./params.ts";

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic"];
const PhotoId = z.object({ documentId: z.string().min(1).max(64) });
const responses = {
  200: { description: "The photo as stored", content: binaryContent(PHOTO_TYPES) },
  304: { description: "Not modified (If-None-Match)" },
  ...problems(401, 404),
};
const BLIND =
  "As blind as the sheets: a member's own photos always, the team's and BALKS's only once every accepted member has submitted. Every download is recorded in the audit log.";

export const myPhotoRoute = createRoute({
  method: "get",
  operationId: "visit.photo",
  path: "/api/v1/me/assignments/{assignmentId}/photos/{documentId}",
  tags: [TAG],
  summary: "A visit photo of the team's sheets, as a member may see it",
  description: BLIND,
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"] })] as const,
  request: { params: AssignmentParam.extend(PhotoId.shape) },
  responses,
});

export const myPhoto: RouteHandler<typeof myPhotoRoute, NationalEnv> = async (c) => {
  const { assignmentId, documentId } = c.req.valid("param");
  const visit = await myVisit(c, assignmentId);
  const viewer = { asesorId: visit.author.asesorId, roles: ["asesor" as const] };
  return send(c, await visiblePhoto(visit, viewer, documentId));
};

export const balksPhotoRoute = createRoute({
  method: "get",
  operationId: "visit.balksPhoto",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/photos/{documentId}",
  tags: [TAG],
  summary: "A visit photo of the team's sheets, as BALKS may see it",
  description: BLIND,
  security: bearerSecurity,
  middleware: [national({ roles: SHEET_READERS })] as const,
  request: { params: TeamParam.extend(PhotoId.shape) },
  responses,
});

export const balksPhoto: RouteHandler<typeof balksPhotoRoute, NationalEnv> = async (c) => {
  const { tenant, applicationId, documentId } = c.req.valid("param");
  const reached = await balksApplication(c, tenant, applicationId);
  return send(c, await visiblePhoto(reached, { asesorId: null, roles: c.get("national").roles }, documentId));
};

/** Photos are small (downscaled on the device, at most 10 MB): sent whole, with an ETag for the cache. */
async function send(c: Context<NationalEnv>, { photo, version }: Awaited<ReturnType<typeof visiblePhoto>>) {
  const etag = `"${version.sha256}"`;
  const headers: Record<string, string> = { etag, "cache-control": "private, no-cache" };
  if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
  const object = await c.env.DOCS.get(version.r2Key);
  if (!object) throw new Problem("internal", `Stored file of photo ${photo.id} v${version.version} is missing`);
  await audit(c, {
    action: "document.downloaded",
    tenantId: photo.tenantId,
    targetType: "document",
    targetId: photo.id,
    data: { version: version.version },
  });
  return c.body(object.body, 200, {
    ...headers,
    "content-type": version.contentType,
    "content-disposition": contentDisposition(version.filename),
    "content-length": String(version.size),
  });
}
