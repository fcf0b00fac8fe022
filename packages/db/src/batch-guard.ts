import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";

/**
 * Place right after a conditional UPDATE in a D1 batch (one transaction on one connection): if
 * that UPDATE changed no row (a stale version, a status that moved on), this statement violates
 * batch_guards' CHECK and the whole batch rolls back, so nothing after it lands either.
 */
export function abortIfNothingChanged(db: Db) {
  return db.run(sql`INSERT INTO batch_guards (ok) SELECT 0 WHERE changes() = 0`);
}

export function isGuardAbort(error: unknown): boolean {
  return String(error).includes("batch_guards");
}
