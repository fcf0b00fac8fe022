import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@akrab/db";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env.ts";
import { clientIp } from "../../lib/client-ip.ts";
import { PROBLEM_CONTENT_TYPE, Problem } from "../problem/index.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
/**
 * tus creation and chunks. tus carries its own idempotency: a PATCH names the offset it writes at,
 * so a retried chunk is refused with the server's Upload-Offset (or accepted if it completes the file),
 * and HEAD says where to resume. Their bodies are binary streams the eager-body reader already holds,
 * so they cannot be cloned for a hash, and a stored answer would carry a stale Upload-Offset.
 */
const TUS_PATH = /^\/api\/v1\/t\/[^/]+\/uploads(\/[^/]+)?\/?$/;

const ALREADY_DONE =
  "Permintaan ini sudah diproses; tokennya hanya ditampilkan sekali dan tidak disimpan / " +
  "This request was already processed; its token is shown only once and is not kept";

/** Requests whose answer carries a secret: it is sent once and never stored for replay. */
const withheld = new WeakSet<Request>();

/**
 * A handler whose answer carries a secret (a session token, a one-time attach token) calls this.
 * The secret is then never written to the idempotency table (which would keep it in plain text,
 * where the database otherwise holds only hashes), and a retry with the same key gets a 409 that
 * says the request was done and its secret is shown once, instead of the secret. A replayed secret
 * can only ever reach whoever presents the same key, and a key is no proof of being its first
 * sender: anonymous clients are told apart only by address and user agent (see below), which
 * carrier-grade NAT makes shared among many phones.
 */
export function withholdFromReplay(c: Context<AppEnv>): void {
  withheld.add(c.req.raw);
}

/**
 * The key space a request's key lives in. Signed-in callers have their user id. Anonymous callers
 * (public sign-ups and registrations) have none, so their keys are kept apart per client address
 * and user agent: a retry comes from the same device seconds later, and another client that
 * happens to send, or guesses, the same key and body gets its own key space, not the first
 * client's answer. This only narrows the space; secrets are withheld from replays altogether.
 */
async function keyScope(c: Context<AppEnv>): Promise<string> {
  const userId = c.get("principal")?.user.id;
  const target = `${c.req.method} ${new URL(c.req.url).pathname}`;
  if (userId) return `${userId} ${target}`;
  const client = await sha256Hex(new TextEncoder().encode(`${clientIp(c)}\n${c.req.header("user-agent") ?? ""}`));
  return `anonymous:${client.slice(0, 32)} ${target}`;
}

async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/**
 * Honours the Idempotency-Key header on state-changing requests: the first request with a key
 * does the work and its answer is stored; a retry with the same key and body gets that answer
 * back (Idempotent-Replayed: true) and changes nothing. Keys are scoped to the caller, the
 * method and the path. Server errors release the key so the retry can run for real. tus requests
 * are left to tus's own offsets.
 */
export const idempotency = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (!key || SAFE_METHODS.has(c.req.method) || TUS_PATH.test(c.req.path)) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new Problem(
        "validation",
        "Idempotency-Key harus 8–128 karakter huruf, angka, - _ . : / Idempotency-Key must be 8–128 characters",
        {
          errors: [{ path: "Idempotency-Key", message: "Format tidak valid / Invalid format" }],
        },
      );
    }
    const db = c.get("db");
    const scope = await keyScope(c);
    const requestHash = await sha256Hex(await c.req.raw.clone().arrayBuffer());

    const existing = await claimIdempotencyKey(db, scope, key, requestHash);
    if (existing) {
      if (existing.requestHash !== requestHash) {
        throw new Problem(
          "conflict",
          "Idempotency-Key ini sudah dipakai untuk permintaan lain / This Idempotency-Key was used for a different request",
        );
      }
      if (existing.status === 0)
        throw new Problem(
          "conflict",
          "Permintaan yang sama masih diproses / The same request is still being processed",
          { headers: { "retry-after": "2" } },
        );
      return c.newResponse(existing.responseBody, existing.status as 200, {
        ...(existing.responseType ? { "content-type": existing.responseType } : {}),
        "idempotent-replayed": "true",
      });
    }

    try {
      await next();
    } catch (error) {
      await releaseIdempotencyKey(db, scope, key);
      throw error;
    }
    // Errors thrown in handlers become responses before they reach this point.
    if (c.res.status >= 500) {
      await releaseIdempotencyKey(db, scope, key);
      return;
    }
    if (withheld.has(c.req.raw) && c.res.status < 300) {
      const done = new Problem("conflict", ALREADY_DONE).body({
        instance: new URL(c.req.url).pathname,
        requestId: c.get("requestId"),
      });
      await completeIdempotencyKey(db, scope, key, {
        status: 409,
        body: JSON.stringify(done),
        type: PROBLEM_CONTENT_TYPE,
      });
      return;
    }
    const text = await c.res.clone().text();
    await completeIdempotencyKey(db, scope, key, {
      status: c.res.status,
      body: text,
      type: c.res.headers.get("content-type"),
    });
  });
