import type { CertificateRow } from "@akrab/db";
import type { Context } from "hono";
import type { AuthedEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { notFound } from "../../middleware/problem/index.ts";

/** The stored PDF (made once at issue), with its SHA-256 as ETag; every download is audited. */
export async function pdfResponse<E extends AuthedEnv>(c: Context<E>, row: CertificateRow): Promise<Response> {
  const etag = `"${row.pdfSha256}"`;
  const headers: Record<string, string> = { etag, "cache-control": "private, no-cache" };
  if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
  const object = await c.env.DOCS.get(row.pdfKey);
  if (!object) throw notFound("Berkas sertifikat tidak ditemukan / The certificate file is missing");
  await audit(c, {
    action: "certificate.download",
    tenantId: row.tenantId,
    targetType: "certificate",
    targetId: row.id,
    data: { number: row.number },
  });
  return c.body(object.body, 200, {
    ...headers,
    "content-type": "application/pdf",
    "content-length": String(object.size),
    "content-disposition": contentDisposition(`sertifikat-${row.number.replace(/[^A-Za-z0-9-]+/g, "-")}.pdf`),
  });
}
