/**
 * An asesor's declining of an invitation as a change for the outbox, loaded when they send one. An
 * asesor may be in a panti with no signal when they find they cannot take it: the reason is written
 * to the device first, sent with an idempotency key when the link returns, and listed on /perubahan
 * meanwhile. No version guards it: the server takes an answer only while the invitation waits for
 * one, and refuses a later one with its reason (shown there, never dropped).
 */
import type { MyAssignment } from "#lib/api-types.ts";
import { m } from "#lib/paraglide/messages.js";
import { loadSync } from "./load-sync.ts";
import type { Outcome } from "./outbox.ts";
import { pendingFor } from "./state.svelte.ts";

export async function saveDecline(
  assignment: MyAssignment,
  reason: string,
): Promise<{ outcome: Outcome; result?: unknown }> {
  const sync = await loadSync();
  const sent = await sync.submitChange({
    kind: "decline",
    tenant: assignment.tenant.slug,
    targetId: assignment.id,
    label: m.asr_label_decline({ name: assignment.lks.name }),
    href: "/penugasan",
    values: { reason },
    base: {},
    expectedVersion: 0,
  });
  // Refused while the asesor watched: they see the reason at the form, so it does not stay in the list.
  const waiting = sent.outcome.kind === "refused" ? pendingFor("decline", assignment.id) : undefined;
  if (waiting) await sync.discard(waiting);
  return sent;
}
