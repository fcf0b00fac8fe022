/**
 * A small typed client for the Akrab API.
 *
 * - Same-origin only: the Worker serves both this app and /api, so the browser
 *   authenticates with the HttpOnly session cookie the API sets. The token in the
 *   login response is deliberately ignored and never written to JS-readable storage.
 * - Errors are RFC 9457 problem+json; they become an `ApiError` carrying the fields.
 * - A failed connection (offline, dropped link) becomes `ApiError` with status 0.
 */
import { getLocale } from "#lib/paraglide/runtime.js";

export const API_BASE = "/api/v1";

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  /** Seconds from the Retry-After header (429/503), when present. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.type = problem.type ?? "about:blank";
    this.title = problem.title ?? "";
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = retryAfter;
  }

  /** The message for one form field, if the API reported one. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path === `/${path}` || e.path.endsWith(`.${path}`))
      ?.message;
  }

  /**
   * All field messages keyed by dotted path ("address.villageCode", "board.0.idNumber"),
   * with `prefix` (e.g. "lks.") removed; JSON-pointer paths ("/lks/npwp") are accepted too.
   * Paths outside the prefix are left out. The first message per path wins.
   */
  fieldErrors(prefix = ""): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.errors) {
      let path = error.path.startsWith("/") ? error.path.slice(1).replaceAll("/", ".") : error.path;
      if (prefix) {
        if (!path.startsWith(prefix)) continue;
        path = path.slice(prefix.length);
      }
      if (!(path in out)) out[path] = error.message;
    }
    return out;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

type FetchFn = typeof fetch;

let onUnauthorized: (() => void) | null = null;

/**
 * Called when a signed-in page gets 401 from the API (the session expired or was revoked
 * elsewhere), so the app can send the user to the login page instead of showing an error.
 * Auth endpoints are exempt: their 401s are answers, not expiry.
 */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  /** SvelteKit's `fetch` inside load functions; the global one otherwise. */
  fetch?: FetchFn;
  signal?: AbortSignal;
  query?: Record<string, string | number | null | undefined>;
  /** Extra request headers (e.g. X-Attach-Token). */
  headers?: Record<string, string>;
}

/** A request body sent as bytes (a PDF, an image) instead of JSON. */
export interface RawBody {
  bytes: Blob | ArrayBuffer;
  contentType: string;
}

function isRawBody(body: unknown): body is RawBody {
  return typeof body === "object" && body !== null && "bytes" in body && "contentType" in body;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function buildUrl(path: string, query?: RequestOptions["query"]): string {
  let url = path.startsWith("/api/") ? path : `${API_BASE}${path}`;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = {
    accept: "application/json, application/problem+json",
    "accept-language": getLocale(),
  };
  Object.assign(headers, options.headers);
  const init: RequestInit = { method, headers, credentials: "same-origin", cache: "no-store" };
  if (options.signal) init.signal = options.signal;
  if (isRawBody(body)) {
    headers["content-type"] = body.contentType;
    init.body = body.bytes;
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await doFetch(buildUrl(path, options.query), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, { type: "urn:akrab:network", title: "Network error" });
  }

  if (response.status === 204 || response.status === 205) return undefined as T;

  const contentType = response.headers.get("content-type") ?? "";
  const isJson = contentType.includes("json");
  let payload: unknown = null;
  if (isJson) {
    try {
      payload = await response.json();
    } catch {
      payload = null;
    }
  }

  if (response.status === 401 && onUnauthorized && !path.startsWith("/auth/")) onUnauthorized();

  if (!response.ok) {
    const problem: Problem = payload && typeof payload === "object" ? (payload as Problem) : {};
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get("retry-after")));
  }
  if (!isJson) {
    // A bodiless success (e.g. 202 Accepted) carries no data. HTML, though, means the
    // request never reached the API (the SPA fallback answered): a server problem.
    if (contentType.includes("text/html")) {
      throw new ApiError(502, { type: "urn:akrab:unexpected-response", title: "Unexpected response" });
    }
    return undefined as T;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("POST", path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("PUT", path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("PATCH", path, body ?? {}, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>("DELETE", path, undefined, options),
  /** PUT of raw bytes (a letter PDF, a logo image). */
  putBytes: <T>(path: string, body: RawBody, options?: RequestOptions) => request<T>("PUT", path, body, options),
};

/** Encodes one path segment (tenant slug, token). */
export const seg = (value: string) => encodeURIComponent(value);
