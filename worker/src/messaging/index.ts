import type { Bindings } from "../env.ts";
import type { Channel } from "./channel.ts";
import { emailChannel } from "./email.ts";
import { httpChannel } from "./http.ts";

export type { Channel, SendResult } from "./channel.ts";
export { emailChannel } from "./email.ts";
export { httpChannel } from "./http.ts";

/** Sender address when MAIL_FROM is not set (it must be on a domain verified for Email Service). */
const DEFAULT_MAIL_FROM = "noreply@akrab.id";

/**
 * The channels this deployment can deliver on. Email needs the `EMAIL` binding; the HTTP provider
 * (WhatsApp by default, or SMS) is on only when both MESSAGING_HTTP_URL and MESSAGING_HTTP_TOKEN
 * are set. Messages on a channel that is off stay pending, visible in the outbox, until it is on.
 */
export function configuredChannels(env: Bindings): Channel[] {
  const channels: Channel[] = [];
  if (env.EMAIL) channels.push(emailChannel(env.EMAIL, env.MAIL_FROM ?? DEFAULT_MAIL_FROM));
  if (env.MESSAGING_HTTP_URL && env.MESSAGING_HTTP_TOKEN) {
    const name = env.MESSAGING_HTTP_CHANNEL === "sms" ? "sms" : "whatsapp";
    channels.push(httpChannel({ name, url: env.MESSAGING_HTTP_URL, token: env.MESSAGING_HTTP_TOKEN }));
  }
  return channels;
}
