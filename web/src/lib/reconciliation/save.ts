/**
 * A reconciliation write (the lead's proposal, a member's answer, the lead's report, a signature) as a change for the
 * outbox, loaded with the reconciliation panel: written to the device first, then sent by
 * `offline/send.ts` with an Idempotency-Key and the sheet's version it was based on.
 */
import type { ReconciliationView } from "#lib/components/assessment/types.ts";
import { loadSync } from "#lib/offline/load-sync.ts";
import type { Outcome } from "#lib/offline/outbox.ts";
import { m } from "#lib/paraglide/messages.js";
import { scoringHref } from "#lib/visit/score-change.ts";
import {
  reconciliationChange,
  type ProposalValues,
  type ReconciliationPlace,
  type ReportValues,
  type ResponseValues,
} from "./change.ts";

export async function saveReconciliationChange(
  view: ReconciliationView,
  assignmentId: string,
  place: ReconciliationPlace,
  values: ProposalValues | ResponseValues | ReportValues | Record<string, never>,
  from: ReconciliationView = view,
): Promise<{ outcome: Outcome; result?: unknown }> {
  const name = view.lks.name;
  const label =
    place.kind === "proposal"
      ? m.rk_label_proposal({ code: place.indicator, name })
      : place.kind === "response"
        ? m.rk_label_response({ code: place.indicator, name })
        : place.kind === "report"
          ? m.rk_label_report({ name })
          : m.rk_label_sign({ name });
  return (await loadSync()).submitChange(
    reconciliationChange(view, assignmentId, place, values, { label, href: scoringHref(assignmentId) }, from),
  );
}
