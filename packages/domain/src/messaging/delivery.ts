/**
 * How the outbox delivers a message: the lease a sender holds while it tries, how long it waits
 * after a failure, and when it gives up. One place, so the job, the admin page and the tests agree.
 */

/** Channels a message can go out on. Email is always on; the others need a provider configured. */
export const MESSAGE_CHANNELS = ["email", "whatsapp", "sms"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * pending: waiting for its first try; sending: claimed by a run (leased); sent; failed: a try
 * failed and another is scheduled; dead: given up (attempts used up, or the provider refused it
 * for good). Only failed and dead messages can be put back by a platform admin.
 */
export const MESSAGE_STATUSES = ["pending", "sending", "sent", "failed", "dead"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Tries before a message is dead-lettered. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** Wait before try n+1 after try n failed (n = 1..4): 1 min, 5 min, 30 min, 2 h. */
export const RETRY_BACKOFF_SECONDS = [60, 300, 1800, 7200] as const;

/**
 * A run that claimed a message and then died (Worker evicted mid-send) loses it after this long;
 * the next run may then try again. Longer than any one provider call is allowed to take.
 */
export const DELIVERY_LEASE_SECONDS = 120;

/** Messages one run claims; a cron run every minute sends at most this many. */
export const DELIVERY_BATCH_SIZE = 25;

/** Longest provider reason kept on the row (providers sometimes answer with whole HTML pages). */
export const MAX_FAILURE_REASON_LENGTH = 500;

export type FailureOutcome = { status: "failed"; nextAttemptAt: number } | { status: "dead"; nextAttemptAt: null };

/**
 * After try number `attempts` (1-based, already counted) failed at `now` (ms): when to try again,
 * or dead when the tries are used up or the provider said retrying cannot help.
 */
export function afterFailedAttempt(attempts: number, now: number, permanent = false): FailureOutcome {
  if (permanent || attempts >= MAX_DELIVERY_ATTEMPTS) return { status: "dead", nextAttemptAt: null };
  // The index is clamped to the table, so the fallback only satisfies the type.
  const index = Math.max(0, Math.min(attempts, RETRY_BACKOFF_SECONDS.length) - 1);
  const wait = RETRY_BACKOFF_SECONDS[index] ?? RETRY_BACKOFF_SECONDS[0];
  return { status: "failed", nextAttemptAt: now + wait * 1000 };
}

/** Whether an admin's retry puts the message back in the queue (otherwise it changes nothing). */
export function canRetryMessage(status: MessageStatus): boolean {
  return status === "failed" || status === "dead";
}

/** An HTTP provider's answer: 408 and 429 and 5xx are worth another try; other 4xx are not. */
export function isPermanentHttpFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** The reason as stored: one line, bounded. */
export function failureReason(reason: string): string {
  const line = reason.replace(/\s+/g, " ").trim() || "unknown error";
  return line.length > MAX_FAILURE_REASON_LENGTH ? `${line.slice(0, MAX_FAILURE_REASON_LENGTH - 1)}…` : line;
}
