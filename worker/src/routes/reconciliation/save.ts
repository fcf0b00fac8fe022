import type { ReconciliationView } from "@akrab/contracts";
import type { ReconciliationSheet } from "@akrab/domain";
import type { Context } from "hono";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { changedMeanwhile, Problem } from "../../middleware/problem/index.ts";
import {
  presentReconciliation,
  RECONCILING_STEPS,
  reconciliationState,
  type Place,
  type ReconciliationState,
} from "../../services/reconciliation.ts";
import { teamPlace } from "./access.ts";

/** The caller's place on the team and the sheet as it stands, for a write (refused once the scores went on). */
export async function forWrite(c: Context<NationalWriteEnv>, assignmentId: string, expectedVersion: number) {
  const scope = c.get("national");
  const { asesorId, place } = await teamPlace(c, assignmentId);
  const state = await reconciliationState(scope.decisions, scope.instruments, place);
  if (!RECONCILING_STEPS.includes(place.application.step))
    throw new Problem(
      "conflict",
      "Nilai sudah dikirim ke pengambil keputusan; lembar rekonsiliasi tidak dapat diubah lagi / The scores went to the decider; the reconciliation can no longer change",
    );
  if (state.version !== expectedVersion) throw changedMeanwhile("reconciliation");
  return { asesorId, place, state };
}

/**
 * Stores the next sheet under the version read: the first write inserts it, later ones replace it;
 * either way a concurrent write by the other asesor makes this one a 409 that changed nothing.
 * The blind sheets are not touched.
 */
export async function saveSheet(
  c: Context<NationalWriteEnv>,
  at: { asesorId: string; place: Place; state: ReconciliationState },
  next: { sheet: ReconciliationSheet; strengths?: string; recommendations?: string },
  action: string,
  data: Record<string, unknown>,
): Promise<ReconciliationView> {
  const scope = c.get("national");
  const { place, state } = at;
  const change = {
    sheet: next.sheet,
    strengths: next.strengths ?? state.strengths,
    recommendations: next.recommendations ?? state.recommendations,
  };
  const write =
    state.version === 0
      ? scope.write.decisions.startReconciliation({
          tenantId: place.application.tenantId,
          applicationId: place.application.id,
          instrumentVersionId: state.instrument.id,
          ...change,
        })
      : scope.write.decisions.updateReconciliation(place.application.id, state.version, change);
  await scope.write
    .batch([
      write,
      scope.write.abortIfNothingChanged(),
      audit(c, {
        action: `reconciliation.${action}`,
        tenantId: place.application.tenantId,
        targetType: "application",
        targetId: place.application.id,
        data,
      }),
    ])
    .catch(staleOnGuardAbort("reconciliation"));
  return presentReconciliation(place, { ...state, ...change, version: state.version + 1 }, at.asesorId);
}
