/**
 * A self-assessment answer (one indicator's level and note) as a change for the outbox, loaded
 * with the editable self-assessment page: written to the device first, then sent by `send.ts` as
 * the batch PUT with the answer's version it started from and each changed field's value then.
 */
import { m } from "#lib/paraglide/messages.js";
import { selfAssessmentHref, type AnswerValues } from "#lib/self-assessment.ts";
import { loadSync } from "./load-sync.ts";
import type { Outcome } from "./outbox.ts";

export async function saveAnswerChange(
  app: { id: string; tenant: string; lksName: string },
  indicator: string,
  values: AnswerValues,
  base: Partial<AnswerValues>,
  baseVersion: number,
): Promise<{ outcome: Outcome; result?: unknown }> {
  return (await loadSync()).submitChange({
    kind: "answer",
    tenant: app.tenant,
    targetId: app.id,
    ref: indicator,
    label: m.sa_label_answer({ code: indicator, name: app.lksName }),
    href: selfAssessmentHref(app.id, app.tenant, indicator),
    values: { ...values },
    base: { ...base },
    expectedVersion: baseVersion,
  });
}
