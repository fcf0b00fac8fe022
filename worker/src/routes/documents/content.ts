import { MIME_TYPES } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { bearerSecurity, binaryContent, problems } from "../../lib/openapi.ts";
import { parseRange } from "../../lib/range.ts";
import { Problem, notFound } from "../../middleware/problem/index.ts";
import { visibleDocument } from "../../services/documents.ts";
import { DocumentParam, VersionQuery } from "./params.ts";

export const documentContentRoute = createRoute({
  method: "get",
  operationId: "documents.content",
  path: "/api/v1/t/{tenant}/documents/{documentId}/content",
  tags: ["Documents"],
  summary: "Download a document (Range requests resume a download cut off on a bad link)",
  description:
    "Streamed from R2 with ETag (the SHA-256), Accept-Ranges and Content-Disposition. Every download is recorded in the audit log.",
  security: bearerSecurity,
  request: { params: DocumentParam, query: VersionQuery },
  responses: {
    200: {
      description: "The file, as the type its bytes were detected to be",
      content: binaryContent(Object.values(MIME_TYPES)),
    },
    206: { description: "The requested byte range", content: binaryContent(Object.values(MIME_TYPES)) },
    304: { description: "Not modified (If-None-Match)" },
    ...problems(401, 404),
    416: { description: "Range not satisfiable" },
  },
});

export const documentContent: RouteHandler<typeof documentContentRoute, TenantEnv> = async (c) => {
  const document = await visibleDocument(c, c.req.valid("param").documentId);
  const versionNumber = c.req.valid("query").version ?? document.currentVersion;
  const version = await c.get("scope").documents.version(document.id, versionNumber);
  if (!version) throw notFound();
  const etag = `"${version.sha256}"`;
  const headers: Record<string, string> = { etag, "accept-ranges": "bytes", "cache-control": "private, no-cache" };
  if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);

  const ifRange = c.req.header("if-range");
  const range = ifRange === undefined || ifRange === etag ? parseRange(c.req.header("range"), version.size) : null;
  if (range === "unsatisfiable")
    throw new Problem("range-not-satisfiable", "Rentang byte di luar berkas / Byte range outside the file", {
      headers: { "content-range": `bytes */${version.size}` },
    });

  const object = await c.env.DOCS.get(
    version.r2Key,
    range ? { range: { offset: range.start, length: range.end - range.start + 1 } } : {},
  );
  if (!object) throw new Problem("internal", `Stored file of document ${document.id} v${version.version} is missing`);
  await audit(c, {
    action: "document.downloaded",
    tenantId: document.tenantId,
    targetType: "document",
    targetId: document.id,
    data: { version: version.version, ...(range ? { range: `${range.start}-${range.end}` } : {}) },
  });
  Object.assign(headers, {
    "content-type": version.contentType,
    "content-disposition": contentDisposition(version.filename),
  });
  if (!range) return c.body(object.body, 200, { ...headers, "content-length": String(version.size) });
  return c.body(object.body, 206, {
    ...headers,
    "content-length": String(range.end - range.start + 1),
    "content-range": `bytes ${range.start}-${range.end}/${version.size}`,
  });
};
