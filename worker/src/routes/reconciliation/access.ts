import type { NationalScope } from "@akrab/db";
import { z } from "@hono/zod-openapi";
import { notFound } from "../../middleware/problem/index.ts";
import { applicationForTeam } from "../../services/asesors.ts";
import type { Place } from "../../services/reconciliation.ts";

export const TeamAssignmentParam = z.object({ assignmentId: z.string().min(1).max(40) });
export const TeamIndicatorParam = TeamAssignmentParam.extend({
  indicator: z.string().min(1).max(12).openapi({ example: "2.3.4" }),
});

/** BALKS roles that oversee reconciliation and read the decision's grounds. */
export const BALKS_READERS = ["balks_secretariat", "balks_decider"] as const;

/**
 * The assignment axis for reconciliation: the caller's own ACCEPTED assignment (an invitation not
 * yet accepted, a declined one, another asesor's, or none at all is a 404), with its application.
 */
export async function teamPlace(
  scope: NationalScope,
  user: { id: string; email: string },
  assignmentId: string,
): Promise<{ asesorId: string; place: Place }> {
  const asesor = await scope.asesors.ofUser(user);
  const mine = asesor
    ? (await scope.asesors.assignmentsOf(asesor.id)).find(
        (a) => a.assignment.id === assignmentId && a.assignment.status === "accepted",
      )
    : undefined;
  if (!asesor || !mine) throw notFound("Penugasan tidak ditemukan / Assignment not found");
  const found = await applicationForTeam(scope, mine.tenantSlug, mine.assignment.applicationId);
  return { asesorId: asesor.id, place: found };
}
