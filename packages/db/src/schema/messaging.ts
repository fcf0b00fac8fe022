import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from "@akrab/domain";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";

/** Messages waiting for delivery; a scheduled job hands them to the channel's provider. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id"),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    /** An email address, or a phone number (+62…) for the WhatsApp/SMS channels. */
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    /** Plain text; the footer naming the sender is added when the message is sent. */
    body: text("body").notNull(),
    /** The HTML body's content (escaped); laid out with its footer when sent. Null for text-only channels. */
    html: text("html"),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull(),
    createdAt: createdAt(),
    sentAt: text("sent_at"),
    /** Tries so far, counted when a run claims the message. */
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: text("last_attempt_at"),
    /** A failed message is not tried again before this time (backoff). */
    nextAttemptAt: text("next_attempt_at"),
    /** The provider's reason for the last failure. */
    lastError: text("last_error"),
    /** While sending: until when the claiming run holds it, and the run's token (see claimDueMessages). */
    leaseUntil: text("lease_until"),
    claimToken: text("claim_token"),
    providerMessageId: text("provider_message_id"),
  },
  (t) => [index("outbox_status_idx").on(t.status, t.createdAt), index("outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

/** In-app notifications with a deep link, next to the outbox's emails. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    tenantId: text("tenant_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link").notNull(),
    createdAt: createdAt(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);
