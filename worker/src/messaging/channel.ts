import type { MessageChannel } from "@akrab/domain";

/** A claimed outbox message, ready for a provider. */
export interface OutboundMessage {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  /** Escaped HTML content without layout; null on text-only channels. */
  html: string | null;
  /** The Dinsos that sends it (its tenant's name), or null for BALKS / the platform. */
  senderName: string | null;
}

/**
 * What a provider said. `permanent` failures (a refused recipient, bad credentials) are
 * dead-lettered at once; the others are tried again after a backoff.
 */
export type SendResult =
  | { ok: true; providerMessageId: string | null }
  | { ok: false; reason: string; permanent: boolean };

/**
 * One way of reaching people. Email is built in; WhatsApp or SMS come from configuration (see
 * configuredChannels). Adding a provider means one more implementation of this, nothing else.
 */
export interface Channel {
  readonly name: MessageChannel;
  send(message: OutboundMessage): Promise<SendResult>;
}
