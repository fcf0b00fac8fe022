import type { DocumentSlot } from "@akrab/db";
import { EVIDENCE_RULE, canActAs, improvementEvidenceItem, itemTransition } from "@akrab/domain";
import type { Context } from "hono";
import type { TenantEnv } from "../env.ts";
import { Problem } from "../middleware/problem/index.ts";
import type { StoredApplication } from "./applications.ts";

/**
 * Where an improvement item's evidence lands (issue 14 "Supervision"): a document of the
 * application under the item's own requirement key. The application's workflow is over by then
 * (the decision closed it), so the rule is the item's, not the step's: only the LKS's own
 * operators, and only while the item waits for their answer.
 */
export async function improvementEvidenceSlot(c: Context<TenantEnv>, app: StoredApplication, requirement: string) {
  const itemId = improvementEvidenceItem(requirement);
  const refusedKey = () =>
    new Problem("validation", "Kunci bukti rencana perbaikan tidak valid / Not an improvement evidence key", {
      errors: [
        {
          path: "requirement",
          message: "improvement:{itemId}:{nama} (huruf, angka, - atau _) / improvement:{itemId}:{name}",
        },
      ],
    });
  if (!itemId) throw refusedKey();
  const found = await c.get("scope").supervision.ofApplication(app.id);
  const item = found?.items.find((i) => i.id === itemId);
  if (!found || !item) throw refusedKey();
  const access = c.get("access");
  if (!(access.via === "member" && canActAs(access, ["lks_operator"]) && access.lksIds.includes(app.lksId)))
    throw new Problem("forbidden", "Bukti diunggah operator LKS ini / The LKS's own operators upload evidence");
  if (!itemTransition(item.state, "answer", ["lks_operator"]).ok)
    throw new Problem("conflict", "Butir ini tidak sedang menunggu jawaban / This item is not waiting for an answer");
  const slot: DocumentSlot = {
    lksId: app.lksId,
    applicationId: app.id,
    requirement,
    indicator: null,
    profileField: null,
    assignmentId: null,
    capture: null,
  };
  return { slot, rule: EVIDENCE_RULE };
}
