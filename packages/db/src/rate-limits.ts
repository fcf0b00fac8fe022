import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { rateLimits } from "./schema.ts";

export interface WindowCount {
  count: number;
  /** Seconds until the window resets. */
  resetsIn: number;
}

/**
 * Counts a hit in a fixed window with one UPSERT, so concurrent requests cannot both read
 * the same count (D1 runs each statement atomically).
 */
export async function countHit(db: Db, key: string, windowSeconds: number, now = Date.now()): Promise<WindowCount> {
  const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = excluded.window_start THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  return { count: row?.count ?? 1, resetsIn: windowStart + windowSeconds - Math.floor(now / 1000) };
}

/** Takes back a hit that turned out not to count (a successful login). */
export function forgiveHit(db: Db, key: string) {
  return db
    .update(rateLimits)
    .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
    .where(sql`${rateLimits.key} = ${key}`);
}

export function deleteExpiredWindows(db: Db, olderThanEpochSeconds: number) {
  return db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${olderThanEpochSeconds}`);
}
