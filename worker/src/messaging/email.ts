import { emailDocument, mailFooter } from "../services/mail.ts";
import type { Channel, OutboundMessage, SendResult } from "./channel.ts";

/** Cloudflare Email Service through the `send_email` binding (simulated and logged by `wrangler dev`). */
export function emailChannel(binding: SendEmail, fromAddress: string): Channel {
  return {
    name: "email",
    async send(message: OutboundMessage): Promise<SendResult> {
      const footer = mailFooter(message.senderName);
      try {
        const { messageId } = await binding.send({
          from: { email: fromAddress, name: message.senderName ? `${message.senderName} via Akrab` : "Akrab BALKS" },
          to: message.recipient,
          subject: message.subject,
          text: `${message.text}\n\n${footer.text}`,
          html: emailDocument(message.subject, message.html ?? "", message.senderName),
          headers: { "X-Akrab-Message": message.id },
        });
        return { ok: true, providerMessageId: messageId };
      } catch (error) {
        // The binding throws with the service's reason (refused recipient, unverified sender,
        // quota); none of it says whether a later try could succeed, so the backoff decides.
        return { ok: false, reason: error instanceof Error ? error.message : String(error), permanent: false };
      }
    },
  };
}
