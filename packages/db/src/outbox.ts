import { DELIVERY_LEASE_SECONDS, type MessageChannel } from "@akrab/domain";
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { keyset, toPage, type Page } from "./pagination.ts";
import { outbox, tenants } from "./schema.ts";

export interface OutgoingEmail {
  tenantId: string | null;
  recipient: string;
  subject: string;
  /** Plain text, Bahasa Indonesia first, English below. */
  body: string;
  /** The same message as escaped HTML content (no layout, no footer: both are added when sent). */
  html: string;
}

/** A short message for a phone channel (WhatsApp or SMS): text only, to a +62… number. */
export interface OutgoingPhoneMessage {
  tenantId: string | null;
  channel: Exclude<MessageChannel, "email">;
  phone: string;
  subject: string;
  body: string;
}

export type OutboxMessage = typeof outbox.$inferSelect;

/** Returned unexecuted: an email is queued in the same batch as the change that caused it. */
export function enqueueEmail(db: Db, email: OutgoingEmail) {
  return db.insert(outbox).values({ id: newId(), channel: "email", status: "pending", createdAt: isoNow(), ...email });
}

/** Returned unexecuted, like enqueueEmail; delivered only when that channel's provider is configured. */
export function enqueuePhoneMessage(db: Db, message: OutgoingPhoneMessage) {
  const { phone, ...rest } = message;
  return db
    .insert(outbox)
    .values({ id: newId(), status: "pending", createdAt: isoNow(), recipient: phone, html: null, ...rest });
}

/** Newest first, for the operators' view of the queue. */
export async function listOutbox(
  db: Db,
  opts: { cursor?: string | undefined; limit: number },
): Promise<Page<OutboxMessage> | null> {
  const after = keyset(opts.cursor, "desc", [outbox.createdAt, outbox.id]);
  if (!after) return null;
  const rows = await db
    .select()
    .from(outbox)
    .where(after.where)
    .orderBy(...after.orderBy)
    .limit(opts.limit + 1);
  return toPage(rows, opts.limit, (m) => [m.createdAt, m.id]);
}

export async function findOutboxMessage(db: Db, id: string): Promise<OutboxMessage | null> {
  return (await db.query.outbox.findFirst({ where: eq(outbox.id, id) })) ?? null;
}

/**
 * Claims up to `limit` messages that are due on the given channels: pending ones, failed ones
 * whose backoff has passed, and ones whose sender's lease ran out (that run died mid-send). One
 * UPDATE … RETURNING: SQLite runs it as one write, so of two runs at once each message goes to
 * exactly one, which counts the try and holds it under its own token until the lease ends.
 */
export async function claimDueMessages(
  db: Db,
  opts: { channels: readonly MessageChannel[]; limit: number; now: number; claimToken: string },
): Promise<OutboxMessage[]> {
  if (opts.channels.length === 0) return [];
  const now = isoNow(opts.now);
  const due = and(
    inArray(outbox.channel, [...opts.channels]),
    or(
      eq(outbox.status, "pending"),
      and(eq(outbox.status, "failed"), lte(outbox.nextAttemptAt, now)),
      and(eq(outbox.status, "sending"), lte(outbox.leaseUntil, now)),
    ),
  );
  const oldestDue = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(due)
    .orderBy(asc(outbox.createdAt))
    .limit(opts.limit);
  return db
    .update(outbox)
    .set({
      status: "sending",
      attempts: sql`${outbox.attempts} + 1`,
      lastAttemptAt: now,
      leaseUntil: isoNow(opts.now + DELIVERY_LEASE_SECONDS * 1000),
      claimToken: opts.claimToken,
    })
    .where(and(inArray(outbox.id, oldestDue), due))
    .returning();
}

/** Only the run that holds the claim may settle it: a run whose lease ran out changes nothing. */
function heldBy(id: string, claimToken: string) {
  return and(eq(outbox.id, id), eq(outbox.status, "sending"), eq(outbox.claimToken, claimToken));
}

export async function markMessageSent(
  db: Db,
  id: string,
  claimToken: string,
  providerMessageId: string | null,
  now: number,
) {
  await db
    .update(outbox)
    .set({
      status: "sent",
      sentAt: isoNow(now),
      providerMessageId,
      lastError: null,
      nextAttemptAt: null,
      leaseUntil: null,
      claimToken: null,
    })
    .where(heldBy(id, claimToken));
}

export async function markMessageFailed(
  db: Db,
  id: string,
  claimToken: string,
  outcome: { status: "failed" | "dead"; nextAttemptAt: number | null; reason: string },
) {
  await db
    .update(outbox)
    .set({
      status: outcome.status,
      lastError: outcome.reason,
      nextAttemptAt: outcome.nextAttemptAt === null ? null : isoNow(outcome.nextAttemptAt),
      leaseUntil: null,
      claimToken: null,
    })
    .where(heldBy(id, claimToken));
}

/**
 * Returned unexecuted: puts a failed or dead message back in the queue with a fresh set of tries
 * (the last reason stays visible until the next try). Matches nothing for any other status, so a
 * repeated retry changes nothing; follow it with abortIfNothingChanged to keep its audit out too.
 */
export function requeueMessage(db: Db, id: string) {
  return db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: null, leaseUntil: null, claimToken: null })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ["failed", "dead"])));
}

/** Names of the senders (Dinsos) for the footer of the messages a run is about to send. */
export async function tenantNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(inArray(tenants.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
