import { isPermanentHttpFailure, type MessageChannel } from "@akrab/domain";
import { mailFooter } from "../services/mail.ts";
import type { Channel, OutboundMessage, SendResult } from "./channel.ts";

/** A provider that takes longer than this is treated as down; the message is tried again later. */
const HTTP_TIMEOUT_MS = 15_000;

/**
 * A generic HTTP messaging provider (a WhatsApp Business or SMS gateway, or a small relay in
 * front of one): one JSON POST per message with a bearer token. The message id goes along as
 * `Idempotency-Key`, so a provider that honours it never delivers a retried message twice.
 */
export function httpChannel(config: { name: Exclude<MessageChannel, "email">; url: string; token: string }): Channel {
  return {
    name: config.name,
    async send(message: OutboundMessage): Promise<SendResult> {
      const text = `${message.subject}\n\n${message.text}\n\n${mailFooter(message.senderName).text}`;
      let res: Response;
      try {
        res = await fetch(config.url, {
          method: "POST",
          headers: {
            authorization: `Bearer ${config.token}`,
            "content-type": "application/json",
            "idempotency-key": message.id,
          },
          body: JSON.stringify({ channel: config.name, to: message.recipient, text, reference: message.id }),
          signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
        });
      } catch (error) {
        return {
          ok: false,
          reason: `${config.name} provider unreachable: ${error instanceof Error ? error.message : String(error)}`,
          permanent: false,
        };
      }
      const answer = await res.text().catch(() => "");
      if (!res.ok) {
        return {
          ok: false,
          reason: `HTTP ${res.status}: ${answer.slice(0, 300)}`,
          permanent: isPermanentHttpFailure(res.status),
        };
      }
      return { ok: true, providerMessageId: providerId(answer) };
    },
  };
}

/** Providers name their message `id` or `messageId`; anything else is kept as "no id". */
function providerId(answer: string): string | null {
  try {
    const body = JSON.parse(answer) as { id?: unknown; messageId?: unknown };
    const id = body.id ?? body.messageId;
    return typeof id === "string" || typeof id === "number" ? String(id) : null;
  } catch {
    return null;
  }
}
