import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { keyset, toPage } from "./pagination.ts";
import { notifications } from "./schema.ts";

/** A user's in-app notifications, newest first, with how many are unread. */
export async function listNotifications(db: Db, userId: string, page: { cursor?: string | undefined; limit: number }) {
  const after = keyset(page.cursor, "desc", [notifications.createdAt, notifications.id]);
  if (!after) return null;
  const [rows, [unread]] = await db.batch([
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), after.where))
      .orderBy(...after.orderBy)
      .limit(page.limit + 1),
    db
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { ...toPage(rows, page.limit, (n) => [n.createdAt, n.id]), unread: unread?.n ?? 0 };
}

/** Marks the user's own notifications read (all, or up to and including `upTo`). */
export function markNotificationsRead(db: Db, userId: string, upTo?: string) {
  return db
    .update(notifications)
    .set({ readAt: isoNow() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        upTo ? sql`${notifications.createdAt} <= ${upTo}` : undefined,
      ),
    );
}

/** An in-app notification for one user (a batch item: it goes in the batch of what it tells of). */
export function notifyUser(
  db: Db,
  input: { userId: string; tenantId: string | null; title: string; body: string; link: string },
) {
  return db.insert(notifications).values({ ...input, id: newId(), createdAt: isoNow(), readAt: null });
}
