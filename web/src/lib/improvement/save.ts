/**
 * The LKS's answer to an improvement-plan item as a change for the outbox, loaded when the person
 * sends it: written to the device first, then sent by `offline/send.ts` with an Idempotency-Key and
 * the item's version it was based on (the application page's first load does not carry it).
 */
import { applicationPath } from "@akrab/domain";
import type { ImprovementItem } from "#lib/components/assessment/types.ts";
import { loadSync } from "#lib/offline/load-sync.ts";
import type { Outcome } from "#lib/offline/outbox.ts";
import { m } from "#lib/paraglide/messages.js";
import { improvementChange, type ImprovementValues } from "./change.ts";

export async function saveImprovementAnswer(
  app: { tenant: string; applicationId: string; lksName: string },
  item: Pick<ImprovementItem, "id" | "note" | "version" | "position">,
  values: ImprovementValues,
): Promise<{ outcome: Outcome; result?: unknown }> {
  const label = m.imp_label_answer({ position: String(item.position + 1), name: app.lksName });
  return (await loadSync()).submitChange(
    improvementChange(app, item, values, { label, href: applicationPath(app.tenant, app.applicationId) }),
  );
}
