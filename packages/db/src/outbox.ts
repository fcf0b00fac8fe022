import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { decodeCursor, toPage, type Page } from "./pagination.ts";
import { outbox } from "./schema.ts";

export interface OutgoingEmail {
  tenantId: string | null;
  recipient: string;
  subject: string;
  body: string;
}

export type OutboxMessage = typeof outbox.$inferSelect;

/** Returned unexecuted: an email is queued in the same batch as the change that caused it. */
export function enqueueEmail(db: Db, email: OutgoingEmail) {
  return db.insert(outbox).values({ id: newId(), channel: "email", status: "pending", createdAt: isoNow(), sentAt: null, ...email });
}

/** Newest first, for the operators' view of the queue. */
export async function listOutbox(db: Db, opts: { cursor?: string | undefined; limit: number }): Promise<Page<OutboxMessage> | null> {
  const after = opts.cursor ? decodeCursor(opts.cursor, 2) : undefined;
  if (after === null) return null;
  const rows = await db
    .select()
    .from(outbox)
    .where(after ? or(lt(outbox.createdAt, after[0]!), and(eq(outbox.createdAt, after[0]!), lt(outbox.id, after[1]!))) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(opts.limit + 1);
  return toPage(rows, opts.limit, (m) => [m.createdAt, m.id]);
}
