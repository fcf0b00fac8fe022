import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow } from "./client.ts";
import { decodeCursor, toPage } from "./pagination.ts";
import { notifications } from "./schema.ts";

/** A user's in-app notifications, newest first, with how many are unread. */
export async function listNotifications(db: Db, userId: string, page: { cursor?: string | undefined; limit: number }) {
  const after = page.cursor ? decodeCursor(page.cursor, 2) : undefined;
  if (after === null) return null;
  const [rows, [unread]] = await db.batch([
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), after ? or(lt(notifications.createdAt, after[0]!), and(eq(notifications.createdAt, after[0]!), lt(notifications.id, after[1]!))) : undefined))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(page.limit + 1),
    db.select({ n: sql<number>`count(*)` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { ...toPage(rows, page.limit, (n) => [n.createdAt, n.id]), unread: unread?.n ?? 0 };
}

/** Marks the user's own notifications read (all, or up to and including `upTo`). */
export function markNotificationsRead(db: Db, userId: string, upTo?: string) {
  return db
    .update(notifications)
    .set({ readAt: isoNow() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), upTo ? sql`${notifications.createdAt} <= ${upTo}` : undefined));
}
