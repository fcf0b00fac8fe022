/**
 * The tus 1.0.0 requests the app makes itself (creation, termination) and the mapping of the
 * server's refusals to what the person is told. The creation POST is done here rather than by
 * tus-js-client so that "already uploaded" (`Akrab-Duplicate: true`) is known before any byte
 * is sent; tus-js-client then gets the Location as `uploadUrl` and does HEAD → PATCH.
 */
import { API_BASE } from "#lib/api.ts";
import type { UploadTarget } from "./store.ts";

const TUS_VERSION = "1.0.0";

// tus requests go through fetch and tus-js-client, not the JSON client: it has no typed path for them.
const uploadsEndpoint = (tenant: string) => `${API_BASE}/t/${encodeURIComponent(tenant)}/uploads`;

/** Base64 of the UTF-8 bytes (file names are often not ASCII). */
export function base64Utf8(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `Upload-Metadata`: comma-separated `key base64(value)` pairs (tus 1.0.0 "creation"). */
export function encodeMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${base64Utf8(value)}`)
    .join(",");
}

/** Why an upload stopped, in the person's terms. */
export type FailureKind =
  | "too_large" // 413
  | "unsupported_type" // 415 unsupported-media-type (declared type not accepted)
  | "type_mismatch" // 415 file-type-mismatch (the bytes are not what the name says)
  | "checksum" // 460 checksum-mismatch
  | "gone" // 410 (or 404 on an upload URL): expired, terminated or failed — start again
  | "forbidden" // 403: not with you now
  | "not_found" // 404 at creation: application/requirement not visible
  | "unauthorized" // 401: signed out
  | "validation" // 400
  | "decode" // the photo could not be read in the browser
  | "storage" // the device's storage refused the queued file
  | "server"; // anything else the server said

export interface Failure {
  kind: FailureKind;
  status: number;
  /** The server's own text ("Indonesian / English"), when it sent one. */
  detail: string | null;
  /** The size that was too large (a refusal made on the device). */
  size?: number;
}

/** Maps an HTTP refusal to a failure kind, by the problem `type` first and the status second. */
export function failureKind(
  status: number,
  problemType: string | null | undefined,
  phase: "create" | "transfer",
): FailureKind {
  const type = (problemType ?? "").toLowerCase();
  if (type.endsWith(":file-type-mismatch")) return "type_mismatch";
  if (type.endsWith(":unsupported-media-type")) return "unsupported_type";
  if (type.endsWith(":checksum-mismatch")) return "checksum";
  if (type.endsWith(":payload-too-large")) return "too_large";
  if (type.endsWith(":gone")) return "gone";
  switch (status) {
    case 413:
      return "too_large";
    case 415:
      return "unsupported_type";
    case 460:
      return "checksum";
    case 410:
      return "gone";
    case 404:
      // An upload URL that is no longer known is as good as expired: start again.
      return phase === "transfer" ? "gone" : "not_found";
    case 403:
      return "forbidden";
    case 401:
      return "unauthorized";
    case 400:
      return "validation";
    default:
      return "server";
  }
}

/** Whether a status from HEAD/PATCH is worth retrying automatically (tus-js-client's `onShouldRetry`). */
export function shouldRetryStatus(status: number): boolean {
  if (status === 0) return true; // no answer: the link dropped
  if (status === 409 || status === 423 || status === 429) return true; // offset moved, locked, slow down
  return status >= 500;
}

/** Reads a problem+json body; anything else gives an empty problem. */
export function parseProblem(body: string | null | undefined): { type: string | null; detail: string | null } {
  if (!body) return { type: null, detail: null };
  try {
    const parsed = JSON.parse(body) as { type?: unknown; detail?: unknown; title?: unknown };
    return {
      type: typeof parsed.type === "string" ? parsed.type : null,
      detail:
        typeof parsed.detail === "string" ? parsed.detail : typeof parsed.title === "string" ? parsed.title : null,
    };
  } catch {
    return { type: null, detail: null };
  }
}

export function failureFrom(status: number, body: string | null | undefined, phase: "create" | "transfer"): Failure {
  const problem = parseProblem(body);
  return { kind: failureKind(status, problem.type, phase), status, detail: problem.detail };
}

/** No answer from the server (offline, dropped): not a failure, the queue waits and retries. */
export class NetworkDown extends Error {
  constructor() {
    super("network");
    this.name = "NetworkDown";
  }
}

export class UploadRefused extends Error {
  constructor(readonly failure: Failure) {
    super(`upload refused: ${failure.kind} (${failure.status})`);
    this.name = "UploadRefused";
  }
}

export interface CreateRequest {
  tenant: string;
  size: number;
  filename: string;
  filetype: string;
  sha256: string;
  target: UploadTarget;
}

export interface Created {
  url: string;
  offset: number;
  duplicate: boolean;
  documentId: string | null;
}

/**
 * The tus creation POST. Resolves with the upload URL, or tells that the server already holds
 * this file for the LKS (`duplicate`: send nothing). Throws `NetworkDown` without an answer and
 * `UploadRefused` for a refusal.
 */
export async function createUpload(
  request: CreateRequest,
  fetchFn: typeof fetch = fetch,
  base = globalThis.location?.href ?? "http://localhost/",
): Promise<Created> {
  const endpoint = uploadsEndpoint(request.tenant);
  let response: Response;
  try {
    response = await fetchFn(endpoint, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: {
        "Tus-Resumable": TUS_VERSION,
        "Upload-Length": String(request.size),
        "Upload-Metadata": encodeMetadata({
          filename: request.filename,
          filetype: request.filetype,
          sha256: request.sha256,
          ...request.target,
        }),
        accept: "application/json, application/problem+json",
      },
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new NetworkDown();
  }
  const text = await response.text().catch(() => "");
  if (response.status !== 201) {
    if (shouldRetryStatus(response.status) && response.status !== 409) throw new NetworkDown();
    throw new UploadRefused(failureFrom(response.status, text, "create"));
  }
  let body: { id?: string; offset?: number; duplicate?: boolean; documentId?: string | null } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // the headers carry the same
  }
  const location = response.headers.get("Location");
  if (!location) throw new UploadRefused({ kind: "server", status: response.status, detail: null });
  const offsetHeader = Number.parseInt(response.headers.get("Upload-Offset") ?? "", 10);
  const duplicate = response.headers.get("Akrab-Duplicate") === "true" || body.duplicate === true;
  return {
    url: new URL(location, new URL(endpoint, base)).toString(),
    offset: Number.isFinite(offsetHeader) ? offsetHeader : (body.offset ?? 0),
    duplicate,
    documentId: response.headers.get("Akrab-Document-Id") ?? body.documentId ?? null,
  };
}

/** tus termination (DELETE). Best effort: an unfinished upload also expires on the server by itself. */
export async function terminateUpload(url: string, fetchFn: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchFn(url, {
      method: "DELETE",
      credentials: "same-origin",
      headers: { "Tus-Resumable": TUS_VERSION },
    });
    return response.status === 204 || response.status === 404 || response.status === 410;
  } catch {
    return false;
  }
}
