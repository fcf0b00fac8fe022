import { UploadMetadata, UploadTarget } from "@akrab/contracts";
import type { UploadRow } from "@akrab/db";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { TenantParam } from "../../lib/params.ts";
import { Problem } from "../../middleware/problem/index.ts";
import type { UploadSession, UploadState } from "../../uploads/upload-session.ts";

/** The tus protocol as this server speaks it (https://tus.io/protocols/resumable-upload). */
export const TUS_VERSION = "1.0.0";
export const TUS_EXTENSIONS = "creation,creation-with-upload,termination,expiration";
export const OFFSET_CONTENT_TYPE = "application/offset+octet-stream";

export const UploadParam = TenantParam.extend({ uploadId: z.string().min(1).max(64) });

export const tusHeaders = {
  "Tus-Resumable": { description: "Always 1.0.0", schema: { type: "string" } },
  "Upload-Offset": { description: "Bytes the server holds", schema: { type: "integer" } },
  "Upload-Expires": {
    description: "When an unfinished upload is abandoned (7 days after its last byte)",
    schema: { type: "string" },
  },
} as const;

/** tus: every request but OPTIONS names the protocol version it speaks. */
export function requireTusVersion(c: Context<TenantEnv>): void {
  if (c.req.header("tus-resumable") !== TUS_VERSION) {
    throw new Problem(
      "precondition-failed",
      `Versi tus tidak didukung; gunakan ${TUS_VERSION} / Unsupported tus version; use ${TUS_VERSION}`,
      { headers: { "tus-version": TUS_VERSION } },
    );
  }
}

export function integerHeader(c: Context<TenantEnv>, name: string, max = Number.MAX_SAFE_INTEGER): number {
  const raw = c.req.header(name);
  if (raw === undefined || !/^\d{1,16}$/.test(raw) || Number(raw) > max) {
    throw new Problem("validation", `Header ${name} harus bilangan bulat / ${name} must be a non-negative integer`, {
      errors: [{ path: name, message: "Bilangan bulat wajib / Integer required" }],
    });
  }
  return Number(raw);
}

/** Upload-Metadata: comma-separated `key base64(value)` pairs. */
export function parseMetadata(header: string | undefined): {
  meta: z.output<typeof UploadMetadata>;
  target: UploadTarget;
} {
  const pairs: Record<string, string> = {};
  const errors: { path: string; message: string }[] = [];
  for (const pair of (header ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value = "", ...rest] = pair.split(" ");
    if (!key || rest.length > 0 || key in pairs) {
      errors.push({ path: "Upload-Metadata", message: `Pasangan tidak valid / Invalid pair: ${pair.slice(0, 40)}` });
      continue;
    }
    try {
      pairs[key] = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
        Uint8Array.from(atob(value), (ch) => ch.charCodeAt(0)),
      );
    } catch {
      errors.push({ path: `Upload-Metadata.${key}`, message: "Bukan base64 UTF-8 / Not base64 of UTF-8" });
    }
  }
  const { filename, filetype, sha256, ...rest } = pairs;
  const meta = UploadMetadata.safeParse({ filename, filetype, sha256 });
  const target = UploadTarget.safeParse(rest);
  for (const issue of [...(meta.error?.issues ?? []), ...(target.error?.issues ?? [])]) {
    errors.push({ path: `Upload-Metadata.${issue.path.map(String).join(".") || "target"}`, message: issue.message });
  }
  if (errors.length > 0 || !meta.success || !target.success) {
    throw new Problem(
      "validation",
      "Upload-Metadata tidak lengkap atau tidak valid / Upload-Metadata is incomplete or invalid",
      { errors },
    );
  }
  return { meta: meta.data, target: target.data };
}

export function uploadSession(c: Context<TenantEnv>, uploadId: string): DurableObjectStub<UploadSession> {
  return c.env.UPLOADS.get(c.env.UPLOADS.idFromName(uploadId));
}

export function uploadUrl(c: Context<TenantEnv>, uploadId: string): string {
  return new URL(`/api/v1/t/${c.get("scope").tenant.slug}/uploads/${uploadId}`, c.req.url).toString();
}

/** The headers that tell a tus client where it stands. */
export function progressHeaders(
  upload: Pick<UploadRow, "length" | "documentId">,
  state: Pick<UploadState, "offset" | "expiresAt"> | null,
): Record<string, string> {
  const offset = state ? state.offset : upload.length;
  return {
    "upload-offset": String(offset),
    "upload-length": String(upload.length),
    ...(state && state.expiresAt > 0 && offset < upload.length
      ? { "upload-expires": new Date(state.expiresAt).toUTCString() }
      : {}),
    ...(upload.documentId ? { "akrab-document-id": upload.documentId } : {}),
    "cache-control": "no-store",
  };
}

export function gone(): Problem {
  return new Problem(
    "gone",
    "Unggahan ini sudah dibatalkan, kedaluwarsa atau gagal; mulai lagi / This upload was cancelled, expired or failed; start again",
  );
}
