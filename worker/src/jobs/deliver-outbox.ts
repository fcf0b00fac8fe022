import { claimDueMessages, markMessageFailed, markMessageSent, newId, tenantNames, type Db } from "@akrab/db";
import { DELIVERY_BATCH_SIZE, afterFailedAttempt, failureReason } from "@akrab/domain";
import type { Channel, SendResult } from "../messaging/index.ts";

export interface DeliveryReport {
  claimed: number;
  sent: number;
  /** Failed and scheduled for another try. */
  failed: number;
  /** Failed for the last time (or for good): dead-lettered. */
  dead: number;
}

/**
 * Every minute (cron): claims the due messages of the configured channels and hands each to its
 * provider. A message is claimed by one run only (see claimDueMessages); if a run dies after the
 * provider accepted a message but before it was marked sent, the lease runs out and it is sent
 * again: delivery is at least once, which is why the HTTP adapter passes the id as Idempotency-Key.
 */
export async function deliverOutbox(
  db: Db,
  channels: readonly Channel[],
  now = Date.now(),
  limit = DELIVERY_BATCH_SIZE,
): Promise<DeliveryReport> {
  const byName = new Map(channels.map((c) => [c.name, c]));
  const claimToken = newId(now);
  const claimed = await claimDueMessages(db, { channels: [...byName.keys()], limit, now, claimToken });
  const senders = await tenantNames(
    db,
    claimed.flatMap((m) => (m.tenantId ? [m.tenantId] : [])),
  );
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, failed: 0, dead: 0 };
  await Promise.all(
    claimed.map(async (message) => {
      const channel = byName.get(message.channel);
      // Only messages for these channels are claimed.
      if (!channel) throw new Error(`Claimed a message for channel ${message.channel}, which is not configured`);
      const senderName = message.tenantId ? (senders.get(message.tenantId) ?? null) : null;
      let result: SendResult;
      try {
        result = await channel.send({
          id: message.id,
          recipient: message.recipient,
          subject: message.subject,
          text: message.body,
          html: message.html,
          senderName,
        });
      } catch (error) {
        result = { ok: false, reason: error instanceof Error ? error.message : String(error), permanent: false };
      }
      if (result.ok) {
        await markMessageSent(db, message.id, claimToken, result.providerMessageId, now);
        report.sent++;
        return;
      }
      const outcome = afterFailedAttempt(message.attempts, now, result.permanent);
      await markMessageFailed(db, message.id, claimToken, { ...outcome, reason: failureReason(result.reason) });
      report[outcome.status]++;
    }),
  );
  return report;
}
