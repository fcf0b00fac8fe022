import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.ts";

/**
 * Responses to requests sent with an Idempotency-Key, so a retry over a flaky link gets the
 * first answer instead of doing the work again. `status` 0 marks a request still in flight.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    responseBody: text("response_body"),
    responseType: text("response_type"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_created_idx").on(t.createdAt)],
);

/**
 * Never holds a row: inserting one fails its CHECK, which aborts the whole D1 batch. See
 * batch-guard.ts: it lets a batch roll back when a conditional write found nothing to change.
 */
export const batchGuards = sqliteTable("batch_guards", { ok: integer("ok").notNull() }, (t) => [
  check("batch_guards_never", sql`${t.ok} = 1`),
]);
