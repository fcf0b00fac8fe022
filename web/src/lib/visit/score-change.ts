/**
 * One place of the asesor's sheet as a change for the outbox, loaded when the asesor first changes
 * something on the scoring page: written to the device first, then sent by `offline/send.ts` as the
 * sheet's batch PUT with the version it started from and each changed field's value then.
 */
import { loadSync } from "#lib/offline/load-sync.ts";
import type { Outcome } from "#lib/offline/outbox.ts";
import { m } from "#lib/paraglide/messages.js";
import { placeOf } from "./sheet.ts";

export const scoringHref = (assignmentId: string, anchor?: string) =>
  `/penugasan/${encodeURIComponent(assignmentId)}${anchor ? `#${anchor}` : ""}`;

export async function saveScoreChange(
  visit: { assignmentId: string; tenant: string; lksName: string },
  ref: string,
  values: object,
  base: object,
  baseVersion: number,
  anchor?: string,
): Promise<{ outcome: Outcome; result?: unknown }> {
  const place = placeOf(ref);
  const name = visit.lksName;
  return (await loadSync()).submitChange({
    kind: "score",
    tenant: visit.tenant,
    targetId: visit.assignmentId,
    ref,
    label:
      place.kind === "entry"
        ? m.visit_label_score({ code: place.indicator, name })
        : place.kind === "check"
          ? m.visit_label_check({ code: place.code, name })
          : m.visit_label_finding({ name }),
    href: scoringHref(visit.assignmentId, anchor),
    values: { ...values },
    base: { ...base },
    expectedVersion: baseVersion,
  });
}
