import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { NationalEnv, NationalWriteEnv } from "../../env.ts";
import type { Place } from "../../services/reconciliation.ts";
import { myVisit } from "../../services/visit-scoring.ts";

export const TeamAssignmentParam = z.object({ assignmentId: z.string().min(1).max(40) });
export const TeamIndicatorParam = TeamAssignmentParam.extend({
  indicator: z.string().min(1).max(12).openapi({ example: "2.3.4" }),
});

/** BALKS roles that oversee reconciliation and read the decision's grounds. */
export const BALKS_READERS = ["balks_secretariat", "balks_decider"] as const;

/**
 * The assignment axis for reconciliation, decided where the visit's routes decide it (`myVisit`):
 * the caller's own ACCEPTED assignment, or a 404 (an invitation not yet accepted, a declined one,
 * another asesor's, one of a deactivated tenant, or none at all).
 */
export async function teamPlace(
  c: Context<NationalEnv> | Context<NationalWriteEnv>,
  assignmentId: string,
): Promise<{ asesorId: string; place: Place }> {
  // `myVisit` only reads the context (principal, national scope, db), which a writing route has too.
  const { app, author } = await myVisit(c as Context<NationalEnv>, assignmentId);
  return {
    asesorId: author.asesorId,
    place: {
      application: app,
      tenant: { slug: app.tenantSlug, name: app.tenantName },
      lks: { id: app.lksId, name: app.lksName },
    },
  };
}
