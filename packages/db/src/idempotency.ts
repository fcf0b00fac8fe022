import { and, eq, lt } from "drizzle-orm";
import type { Db } from "./client.ts";
import { expectRow, isoNow } from "./client.ts";
import { idempotencyKeys } from "./schema.ts";

export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;

/**
 * Claims a key for a request. Returns null when this request now owns the key; otherwise the
 * existing record (a finished response to replay, or status 0 while the first is in flight).
 */
export async function claimIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
  requestHash: string,
): Promise<IdempotencyRecord | null> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash, status: 0, responseBody: null, responseType: null, createdAt: isoNow() })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return null;
  const held = await db.query.idempotencyKeys.findFirst({
    where: and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)),
  });
  return expectRow(held, "Idempotency key");
}

export function completeIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
  response: { status: number; body: string; type: string | null },
) {
  return db
    .update(idempotencyKeys)
    .set({ status: response.status, responseBody: response.body, responseType: response.type })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/** A request that failed on the server frees its key so the client's retry can run. */
export function releaseIdempotencyKey(db: Db, scope: string, key: string) {
  return db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, 0)));
}

export function deleteIdempotencyKeysBefore(db: Db, isoTime: string) {
  return db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, isoTime));
}
