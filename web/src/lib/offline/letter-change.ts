/**
 * The application letter as a change for the outbox, loaded when the person saves the letter: the
 * application page's first load stays within its budget (the merge helper and these texts wait).
 */
import { applicationPath, baseOf } from "@akrab/domain";
import type { Application } from "#lib/api-types.ts";
import { m } from "#lib/paraglide/messages.js";
import type { Outcome } from "./outbox.ts";
import { loadSync } from "./load-sync.ts";

/**
 * Writes the letter to the device, then sends it with each changed field's value as loaded, so the
 * server merges it with whatever changed meanwhile. `waiting` says why it was not sent (yet).
 */
export async function saveLetterChange(
  current: Application,
  values: Record<string, unknown>,
): Promise<{ outcome: Outcome; result?: unknown; waiting: string }> {
  const loaded = current.letter as Record<string, unknown>;
  const sent = await (await loadSync()).submitChange({
    kind: "letter",
    tenant: current.tenant.slug,
    targetId: current.id,
    label: m.offline_label_letter({ name: current.lks.name }),
    href: applicationPath(current.tenant.slug, current.id),
    values,
    base: Object.fromEntries(Object.keys(baseOf(loaded, values)).map((f) => [f, loaded[f] ?? null])),
    expectedVersion: current.version,
  });
  return {
    ...sent,
    waiting: sent.outcome.kind === "conflict" ? m.offline_conflict_notice() : m.offline_saved_device(),
  };
}
