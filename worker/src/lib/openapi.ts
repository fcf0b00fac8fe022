import { Problem, StaleSaveProblem } from "@akrab/contracts";
import { z } from "@hono/zod-openapi";
import { PROBLEM_TYPES, type ProblemType } from "../middleware/problem/problem.ts";

/** Response entries particular to a route; the ones every route shares are added by `completeDocument`. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, problemResponse(status)]));
}

function problemResponse(status: number) {
  const content = { "application/problem+json": { schema: Problem } };
  return { description: STATUS_DESCRIPTIONS[status] ?? "Problem", content };
}

/**
 * The 409 of a save of versioned settings: a stale save's problem (`StaleSaveProblem`: the version
 * saved now and each differing field), or the idempotency middleware's (a key reused or in flight).
 */
export function staleSaveResponse() {
  const schema = z.union([StaleSaveProblem, Problem]);
  return {
    409: {
      description:
        "Someone saved since `expectedVersion` and the settings saved now differ from the ones sent: nothing is saved (StaleSaveProblem); or an Idempotency-Key reused for another request",
      content: { "application/problem+json": { schema } },
    },
  };
}

/** The same, once the document is generated (schemas are components by then). */
function problemRef(status: number) {
  const schema = { $ref: "#/components/schemas/Problem" };
  return { description: STATUS_DESCRIPTIONS[status] ?? "Problem", content: { "application/problem+json": { schema } } };
}

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input (problem+json with `errors` naming each field)",
  401: "Not signed in, the session has ended, or the Authorization header is malformed",
  403: "Signed in but not allowed to do this, or a cross-site request",
  404: "Not found, or not visible to the caller",
  409: "Conflicts with the current state, or an Idempotency-Key reused for another request",
  410: "Gone",
  412: "Precondition failed",
  413: "Request body over the limit",
  415: "Unsupported media type, or the bytes are not of the declared type",
  416: "Range not satisfiable",
  429: "Too many attempts; see Retry-After",
  460: "Checksum mismatch: the bytes were damaged on the way",
  500: "Unexpected server error or misconfiguration (quote the requestId)",
};

/** What each problem `type` means, for the reference page and the document's description. */
const PROBLEM_MEANINGS: Record<ProblemType, string> = {
  validation: "A field is missing or invalid; `errors` lists each field with a message.",
  "bad-request": "The request could not be read (e.g. malformed JSON).",
  unauthenticated: "No valid session or token: sign in again.",
  "invalid-credentials": "Email or password is wrong.",
  forbidden: "The caller may see this but not do this (role, step or tenant).",
  "csrf-rejected": "A state-changing request came from another site.",
  "email-unverified": "The account's email address must be verified first.",
  "not-found": "No such object, or it belongs to a tenant or LKS the caller cannot reach.",
  "method-not-allowed": "The path exists but not with this method.",
  conflict: "The object changed meanwhile (send the current version), or an Idempotency-Key was reused.",
  gone: "The upload was cancelled, expired or failed: start a new one.",
  "precondition-failed": "A protocol header is wrong (e.g. Tus-Resumable).",
  "payload-too-large": "The body is over the limit of this route.",
  "unsupported-media-type": "Content-Type or file type not accepted here.",
  "file-type-mismatch": "The file's first bytes are not of the type it declares.",
  "range-not-satisfiable": "The requested byte range lies outside the file.",
  "checksum-mismatch": "The SHA-256 of the received bytes differs from the one declared: upload again.",
  "rate-limited": "Too many attempts; wait for Retry-After seconds.",
  internal: "Unexpected server error; quote the requestId to support.",
  misconfigured: "The server or tenant is not set up for this yet (e.g. no workflow).",
};

/** A download that may be any of `types` (the response's Content-Type is the stored file's real type). */
export function binaryContent(types: readonly string[]) {
  return Object.fromEntries(types.map((type) => [type, { schema: { type: "string" as const, format: "binary" } }]));
}

export function jsonBody<T>(schema: T) {
  return { required: true, content: { "application/json": { schema } } } as const;
}

export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}

export const bearerSecurity: Record<string, string[]>[] = [{ Bearer: [] }, { Cookie: [] }];

/** Tag descriptions; a tag a route uses without one here fails the contract test. */
export const TAGS: Record<string, string> = {
  Operations: "Liveness and the API's own description.",
  Auth: "Sign-in, sessions, invitations, email verification and password reset.",
  Public: "Public look-ups used before signing in: regions and areas of Indonesia.",
  "Tenant onboarding": "A Dinas Sosial signs up with its assignment letter; platform admins approve or reject.",
  "Tenant administration": "A tenant's profile, logo, audit log and the national list of tenants.",
  Members: "People of a tenant and their roles; invitations.",
  "LKS registry": "The registry of social welfare institutions (LKS) of a tenant: registration and verification.",
  Workflow: "A tenant's accreditation workflow and document checklists, in versions.",
  Applications: "Accreditation applications moving through the workflow; inboxes and timelines.",
  Notifications: "The signed-in user's in-app notifications.",
  "Uploads (tus)": "Resumable uploads over tus 1.0.0 for phones on bad connections.",
  Documents: "Stored documents: metadata, downloads with Range, thumbnails.",
  Instruments:
    "Accreditation instruments in versions: BALKS drafts, imports, compares and publishes them; tenants read the published ones.",
  "Self-assessment":
    "The LKS's self-assessment of an application (Formulir A answers, Formulir B evidence) and Formulir C, the scoring sheet for the asesor.",
  Certificates:
    "Accreditation certificates: public verification by number, the keys that sign QR payloads, the PDF, the hand-over, and BALKS's suspensions and revocations.",
  Reports:
    "Coverage, pipeline and the lists behind every figure, national and per tenant, with CSV/XLSX exports; the public statistics.",
  Asesors:
    "BALKS's asesor registry and declared ties; candidates ranked with their eligibility; teams per application; an asesor's own assignments and no-conflict declarations.",
  "Visit plans":
    "Routes of asesor visits (one team, one or more LKS across tenants, a date each); the Dinsos names who accompanies each visit.",
  Decisions:
    "After the visit: the team's reconciliation of its blind sheets (flags, proposals, sign-off), the visit report, and BALKS's plenary decision with its validity.",
  Supervision:
    "After the decision: the improvement plan its recommendations start (items with due days), the LKS's answers with evidence, the Dinsos's and BALKS's reviews, BALKS's list of open plans and its supervision settings.",
  "Visit scoring":
    "The asesor's visit: the pack downloaded before leaving signal, the blind score sheet synced from the device (levels, notes, Formulir C's document check, safeguarding findings, photos), its submission, and the team's sheets once all are in.",
};

const SAFE_METHODS = new Set(["get", "head", "options"]);
const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

type Responses = Record<string, { description: string; content?: Record<string, unknown> }>;
export type DocOperation = {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Responses;
  [key: string]: unknown;
};

/**
 * The statuses an operation can answer with because of where it sits, derived in one place from
 * the app's middleware (see app.ts) so a new route is described truthfully without anyone listing
 * them. A route adds only what its own handler throws.
 */
function standardStatuses(path: string, method: string, op: DocOperation): number[] {
  const statuses = new Set<number>([500]);
  if (!path.startsWith("/api/")) return [...statuses];
  // authenticate: a malformed Authorization header or a dead bearer token is refused on every route.
  statuses.add(401);
  if ((op.parameters?.length ?? 0) > 0 || op.requestBody) statuses.add(400);
  // tenant and national middleware: a tenant or object the caller cannot reach is a 404; so is any path id.
  if (/^\/api\/v1\/(t|national)\//.test(path) || path.includes("{")) statuses.add(404);
  if (!SAFE_METHODS.has(method)) {
    statuses.add(403); // csrf
    if (path.startsWith("/api/v1/")) statuses.add(400).add(409); // idempotency: key format, reuse, in flight
    statuses.add(413); // body limit
    if (op.requestBody) statuses.add(415);
  }
  return [...statuses];
}

/**
 * Completes the generated document: the standard problem responses, `security` on every
 * operation (`[]` on public ones), problem+json on error responses that named none, request
 * examples by operationId, and the top-level servers and tags.
 */
export function completeDocument<D extends { paths?: unknown; tags?: unknown; servers?: unknown }>(
  doc: D,
  examples: Record<string, unknown> = {},
): D {
  const used = new Set<string>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, DocOperation>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      for (const status of standardStatuses(path, method, op)) op.responses[status] ??= problemRef(status);
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400 && !response.content) response.content = problemRef(Number(status)).content;
      }
      const body = op.requestBody as { content?: Record<string, { example?: unknown }> } | undefined;
      const json = body?.content?.["application/json"];
      if (json && op.operationId && examples[op.operationId] !== undefined) json.example ??= examples[op.operationId];
      op.security ??= /^\/api\/v1\/(t|national)\//.test(path) ? bearerSecurity : [];
      for (const tag of op.tags ?? []) used.add(tag);
    }
  }
  doc.tags = [...used].map((name) => ({ name, description: TAGS[name] ?? "" }));
  doc.servers = [{ url: "/", description: "The Worker that serves this document (API and web app share one origin)" }];
  return doc;
}

export const PROBLEM_TYPE_LIST = Object.entries(PROBLEM_TYPES).map(([type, { status, title }]) => ({
  type: `urn:akrab:problem:${type}`,
  status,
  title,
  meaning: PROBLEM_MEANINGS[type as ProblemType],
}));
