/**
 * A small typed client for the Akrab API.
 *
 * - Same-origin only: the Worker serves both this app and /api, so the browser
 *   authenticates with the HttpOnly session cookie the API sets. The token in the
 *   login response is deliberately ignored and never written to JS-readable storage.
 * - Errors are RFC 9457 problem+json; they become an `ApiError` carrying the fields.
 * - A failed connection (offline, dropped link) becomes `ApiError` with status 0.
 * - Typed by the route: `api.get("/t/{tenant}/applications/{applicationId}", { params })` takes the
 *   path, query and body the OpenAPI document lists for that operation and returns its 2xx body
 *   (`api-schema.d.ts`, generated from the document by `npm run api:types`). The typing is types
 *   only, so it costs the browser no byte; a change of the API that breaks a call fails the web's
 *   type-check.
 */
import type { paths } from "#lib/api-schema.d.ts";
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
  conflicts?: { field: string; server: unknown; client: unknown }[];
  version?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  /** On a 409 to a change sent with its base values: the fields someone else changed differently. */
  readonly conflicts: NonNullable<Problem["conflicts"]>;
  /** On a 409 to a stale save of versioned settings (StaleSaveProblem): the version saved now. */
  readonly version: number | null;
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
    this.conflicts = Array.isArray(problem.conflicts) ? problem.conflicts : [];
    this.version = typeof problem.version === "number" ? problem.version : null;
    this.retryAfter = retryAfter;
  }

  /** The message for one form field, if the API reported one. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path === `/${path}` || e.path.endsWith(`.${path}`))?.message;
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

/**
 * Where GET answers are kept for reading offline (`#lib/offline`, set once signed in): each answer
 * is stored by URL, and a GET that cannot reach the server answers from it.
 */
export interface ReadCache {
  /** Whose store it is (a person's id): the order of the answers kept is counted per store. */
  owner: string;
  get(url: string): Promise<unknown>;
  /** Settles once the answer is kept (a write's caller waits for it: a reload right after reads it). */
  put(url: string, data: unknown): Promise<void>;
}

let readCache: ReadCache | null = null;
/** Requests are numbered when sent; an answer is kept only if none asked later of that URL was kept before it. */
let asked = 0;
/** By URL, the number of the request whose answer the store in use keeps now. */
let kept = new Map<string, number>();

export function setReadCache(cache: ReadCache | null): void {
  if (cache?.owner !== readCache?.owner) kept = new Map();
  readCache = cache;
}

/**
 * Keeps the answer to request `number` as the GET answer of `url`, unless the store keeps an answer
 * asked later already: answers arrive in any order, and a read asked before a save (or a later read)
 * but answered after it would otherwise put the older state back on the device, shown by the next
 * reload without a link.
 */
function keep(url: string, number: number, data: unknown): Promise<void> | undefined {
  if (!readCache || (kept.get(url) ?? 0) > number) return undefined;
  kept.set(url, number);
  return readCache.put(url, data);
}

interface RequestOptions {
  /** SvelteKit's `fetch` inside load functions; the global one otherwise. */
  fetch?: FetchFn;
  signal?: AbortSignal;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
  /** Values of the path's `{placeholders}`; each is URL-encoded. */
  params?: Record<string, string | number>;
  /** false: a lost link is an error, never the device's kept answer (a page that already shows it asks for fresh). */
  fromDevice?: boolean;
  /**
   * A GET's answer is kept on the device unless false (data that must not outlive the screen, e.g. the
   * emails of the outbox with their sign-in links). A write's only when true: its answer is the
   * resource's new state, kept as the answer to a GET of the same URL, so that a page read through the
   * device (a reload) never shows the state from before the write.
   */
  keep?: boolean;
}

/** A request body sent as bytes (a PDF, an image) instead of JSON. */
interface RawBody<ContentType extends string = string> {
  bytes: Blob | ArrayBuffer;
  contentType: ContentType;
}

// ---- Types of the API's operations, from the generated document types ----

/** The document's paths as the web writes them: under /api/v1 without that prefix, /api/… as they are. */
type Paths = { [K in keyof paths as K extends `${typeof API_BASE}${infer Rest}` ? Rest : K]: paths[K] };
type Method = "get" | "post" | "put" | "patch" | "delete";
/** The paths that have an operation for `M`. */
export type PathFor<M extends Method> = {
  [P in keyof Paths]: Paths[P][M] extends undefined ? never : P;
}[keyof Paths];
type Operation<P extends keyof Paths, M extends Method> = NonNullable<Paths[P][M]>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206;
/** What `request` resolves to for one response: its JSON body, or undefined (bodiless or not JSON). */
type JsonBody<R> = R extends { content: { "application/json": infer B } } ? B : undefined;
type Responses<O> = O extends { responses: infer R } ? R : never;
type SuccessBody<O> = { [S in keyof Responses<O> & SuccessStatus]: JsonBody<Responses<O>[S]> }[keyof Responses<O> &
  SuccessStatus];
/** The 2xx body of `M path`, e.g. `ResponseOf<"get", "/auth/me">`. */
export type ResponseOf<M extends Method, P extends PathFor<M>> = SuccessBody<Operation<P, M>>;

type RequestContent<O> = O extends { requestBody?: infer B } ? (B extends { content: infer C } ? C : never) : never;
/** The JSON request body of an operation: undefined when it takes none, `| undefined` when optional. */
type JsonRequest<O> = [RequestContent<O>] extends [never]
  ? undefined
  : RequestContent<O> extends { "application/json": infer B }
    ? O extends { requestBody: object }
      ? B
      : B | undefined
    : never;

type PathParams<O> = O extends { parameters: { path: infer T } } ? T : never;
type Query<O> = O extends { parameters: { query?: infer T } } ? NonNullable<T> : never;
/** Optional query values may also be null or "": the client leaves those out of the URL. */
type QueryInput<Q> = { [K in keyof Q]: undefined extends Q[K] ? Q[K] | null | "" : Q[K] };

/** An object type with no fields: `NoFields extends T` holds when every field of T is optional. */
type NoFields = Record<never, never>;

/** Options of one call: `params` fills the path's `{placeholders}`, `query` is the operation's own. */
type CallOptions<O> = Omit<RequestOptions, "query"> &
  ([PathParams<O>] extends [never] ? { params?: never } : { params: PathParams<O> }) &
  ([Query<O>] extends [never] ? { query?: never } : { query?: QueryInput<Query<O>> });
/** Options are required exactly when the path has placeholders (or the query has required values). */
type OptionsArg<O> = NoFields extends CallOptions<O> ? [options?: CallOptions<O>] : [options: CallOptions<O>];
/** Body then options; a body the operation does not need may be left out when the options may too. */
type BodyArgs<O> =
  undefined extends JsonRequest<O>
    ? NoFields extends CallOptions<O>
      ? [body?: JsonRequest<O>, options?: CallOptions<O>]
      : [body: JsonRequest<O>, options: CallOptions<O>]
    : [body: JsonRequest<O>, ...OptionsArg<O>];

/** The paths whose PUT takes bytes, with the media types each accepts. */
type BytesPath = {
  [P in PathFor<"put">]: "application/json" extends keyof RequestContent<Operation<P, "put">> ? never : P;
}[PathFor<"put">];

/** The paths whose POST takes bytes (an instrument workbook), with the media types each accepts. */
type BytesPostPath = {
  [P in PathFor<"post">]: [RequestContent<Operation<P, "post">>] extends [never]
    ? never
    : "application/json" extends keyof RequestContent<Operation<P, "post">>
      ? never
      : P;
}[PathFor<"post">];

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

/** Fills `{name}` placeholders from `params`, each value URL-encoded. */
function fillPath(path: string, params: RequestOptions["params"] = {}): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    // A missing value is a bug in the caller (the types require it), never a request to send.
    if (value === undefined) throw new Error(`api: no value for {${name}} in ${path}`);
    return encodeURIComponent(String(value));
  });
}

function buildUrl(path: string, options: Pick<RequestOptions, "params" | "query"> = {}): string {
  const filled = fillPath(path, options.params);
  let url = filled.startsWith("/api/") ? filled : `${API_BASE}${filled}`;
  const query = options.query;
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

async function request(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<unknown> {
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

  const url = buildUrl(path, options); // outside the try: a missing path value is a bug, not a lost link
  const number = ++asked;
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    const stored = method === "GET" && readCache && options.fromDevice !== false ? await readCache.get(url) : undefined;
    if (stored !== undefined) return stored;
    throw new ApiError(0, { type: "urn:akrab:network", title: "Network error" });
  }

  if (response.status === 204 || response.status === 205) return undefined;

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
    return undefined;
  }
  if (method === "GET" && options.keep !== false) void keep(url, number, payload);
  else if (method !== "GET" && options.keep === true) await keep(url, number, payload);
  return payload;
}

/** The typed options as `request` reads them (their precise types were checked at the call). */
const loose = (options: object | undefined) => options as RequestOptions | undefined;

/**
 * The API, typed by path and method. The body a call resolves to is the operation's 2xx JSON body
 * as the document states it, so it is only as trustworthy as the document: the Worker tests check
 * every response they see against it.
 */
export const api = {
  get: <P extends PathFor<"get">>(path: P, ...[options]: OptionsArg<Operation<P, "get">>) =>
    request("GET", path, undefined, loose(options)) as Promise<ResponseOf<"get", P>>,
  post: <P extends PathFor<"post">>(path: P, ...[body, options]: BodyArgs<Operation<P, "post">>) =>
    request("POST", path, body ?? {}, loose(options)) as Promise<ResponseOf<"post", P>>,
  put: <P extends Exclude<PathFor<"put">, BytesPath>>(path: P, ...[body, options]: BodyArgs<Operation<P, "put">>) =>
    request("PUT", path, body ?? {}, loose(options)) as Promise<ResponseOf<"put", P>>,
  patch: <P extends PathFor<"patch">>(path: P, ...[body, options]: BodyArgs<Operation<P, "patch">>) =>
    request("PATCH", path, body ?? {}, loose(options)) as Promise<ResponseOf<"patch", P>>,
  delete: <P extends PathFor<"delete">>(path: P, ...[options]: OptionsArg<Operation<P, "delete">>) =>
    request("DELETE", path, undefined, loose(options)) as Promise<ResponseOf<"delete", P>>,
  /** PUT of raw bytes (a letter PDF, a logo image) in one of the media types the operation accepts. */
  putBytes: <P extends BytesPath>(
    path: P,
    body: RawBody<keyof RequestContent<Operation<P, "put">> & string>,
    ...[options]: OptionsArg<Operation<P, "put">>
  ) => request("PUT", path, body, loose(options)) as Promise<ResponseOf<"put", P>>,
  /** POST of raw bytes (an XLSX or CSV workbook) in one of the media types the operation accepts. */
  postBytes: <P extends BytesPostPath>(
    path: P,
    body: RawBody<keyof RequestContent<Operation<P, "post">> & string>,
    ...[options]: OptionsArg<Operation<P, "post">>
  ) => request("POST", path, body, loose(options)) as Promise<ResponseOf<"post", P>>,
};

/**
 * The URL of a GET operation for a link or an image (a download, the CSV export, a logo): the
 * browser fetches it itself, with the session cookie.
 */
export function apiHref<P extends PathFor<"get">>(path: P, ...[options]: OptionsArg<Operation<P, "get">>): string {
  return buildUrl(path, loose(options));
}
