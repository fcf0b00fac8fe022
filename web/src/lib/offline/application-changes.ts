/**
 * A verifier's review of one document and a workflow action as changes for the outbox, loaded when
 * the person confirms one (not with the application page). Written to the device first, sent with
 * an idempotency key and the application's version they were based on: if the application moved
 * meanwhile, the server refuses them and /perubahan shows its reason (never applied to a new state).
 */
import { applicationPath } from "@akrab/domain";
import type { Application, AvailableAction } from "#lib/api-types.ts";
import { pickLabel } from "#lib/pick-label.ts";
import { m } from "#lib/paraglide/messages.js";
import { loadSync } from "./load-sync.ts";
import { pendingFor } from "./state.svelte.ts";
import type { Outcome } from "./outbox.ts";
import type { TransitionValues } from "./send.ts";

type Sent = { outcome: Outcome; result?: unknown };

/**
 * Refused while the person watched (online): they see the reason where they acted, so it does not
 * also stay in the list of unsent changes. One refused later (sent from the device) stays there.
 */
async function seen(sent: Sent, kind: "checklist" | "action", targetId: string, ref?: string): Promise<Sent> {
  if (sent.outcome.kind !== "refused") return sent;
  const waiting = pendingFor(kind, targetId, ref);
  if (waiting) await (await loadSync()).discard(waiting);
  return sent;
}

export async function saveReviewChange(
  app: Application,
  document: { key: string; name: string },
  values: { decision: "accept" | "return"; comment?: string },
): Promise<Sent> {
  const sent = await (await loadSync()).submitChange({
    kind: "checklist",
    tenant: app.tenant.slug,
    targetId: app.id,
    ref: document.key,
    label: m.offline_label_review({ doc: document.name, name: app.lks.name }),
    href: applicationPath(app.tenant.slug, app.id),
    values,
    base: {},
    expectedVersion: app.version,
  });
  return seen(sent, "checklist", app.id, document.key);
}

export async function saveActionChange(
  app: Application,
  action: AvailableAction,
  values: TransitionValues,
): Promise<Sent> {
  const sent = await (await loadSync()).submitChange({
    kind: "action",
    tenant: app.tenant.slug,
    targetId: app.id,
    label: m.offline_label_action({ action: pickLabel(action.label), name: app.lks.name }),
    href: applicationPath(app.tenant.slug, app.id),
    values,
    base: {},
    expectedVersion: app.version,
  });
  return seen(sent, "action", app.id);
}
