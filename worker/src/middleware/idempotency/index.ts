import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@akrab/db";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env.ts";
import { Problem } from "../problem/index.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * Honours the Idempotency-Key header on state-changing requests: the first request with a key
 * does the work and its answer is stored; a retry with the same key and body gets that answer
 * back (Idempotent-Replayed: true) and changes nothing. Keys are scoped to the caller, the
 * method and the path. Server errors release the key so the retry can run for real.
 */
export const idempotency = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (!key || SAFE_METHODS.has(c.req.method)) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new Problem("validation", "Idempotency-Key harus 8–128 karakter huruf, angka, - _ . : / Idempotency-Key must be 8–128 characters", {
        errors: [{ path: "Idempotency-Key", message: "Format tidak valid / Invalid format" }],
      });
    }
    const db = c.get("db");
    const scope = `${c.get("principal")?.user.id ?? "anonymous"} ${c.req.method} ${new URL(c.req.url).pathname}`;
    const body = await c.req.raw.clone().arrayBuffer();
    const requestHash = [...new Uint8Array(await crypto.subtle.digest("SHA-256", body))].map((b) => b.toString(16).padStart(2, "0")).join("");

    const existing = await claimIdempotencyKey(db, scope, key, requestHash);
    if (existing) {
      if (existing.requestHash !== requestHash) {
        throw new Problem("conflict", "Idempotency-Key ini sudah dipakai untuk permintaan lain / This Idempotency-Key was used for a different request");
      }
      if (existing.status === 0) throw new Problem("conflict", "Permintaan yang sama masih diproses / The same request is still being processed", { headers: { "retry-after": "2" } });
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
    const text = await c.res.clone().text();
    await completeIdempotencyKey(db, scope, key, { status: c.res.status, body: text, type: c.res.headers.get("content-type") });
  });
