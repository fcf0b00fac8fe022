import type { OutboxMessage as Row } from "@akrab/db";
import type { OutboxMessage } from "@akrab/contracts";

/** What operators see of a message: no HTML (the text says the same) and no lease internals. */
export function presentOutboxMessage(m: Row): OutboxMessage {
  const {
    id,
    channel,
    recipient,
    subject,
    body,
    status,
    attempts,
    lastAttemptAt,
    nextAttemptAt,
    lastError,
    sentAt,
    createdAt,
  } = m;
  return {
    id,
    channel,
    recipient,
    subject,
    body,
    status,
    attempts,
    lastAttemptAt,
    nextAttemptAt,
    lastError,
    sentAt,
    createdAt,
  };
}
