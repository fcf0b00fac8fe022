import { abortIfNothingChanged } from "@akrab/db";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { changedMeanwhile, conflictingFields, Problem } from "../../middleware/problem/index.ts";
import type { StoredApplication } from "../../services/applications.ts";
import { instrumentForApplication, planAnswers, type AnswerWrite } from "../../services/self-assessment.ts";

/**
 * Saves answers all together or not at all: invalid codes or levels are a 400 naming each, fields
 * changed differently meanwhile a 409 with both values, a stale write without its base a 409. Each
 * write is guarded by the version it was planned on, so a save racing ours fails whole (409) instead
 * of overwriting it. Returns the stored answers of the indicators sent.
 */
export async function saveAnswers(
  c: Context<TenantEnv>,
  app: StoredApplication,
  writes: readonly AnswerWrite[],
  batch: boolean,
) {
  const scope = c.get("scope");
  const db = c.get("db");
  const userId = c.get("principal").user.id;
  const { instrument } = await instrumentForApplication(scope, app);
  const { planned, errors, conflicts, stale } = planAnswers(
    instrument,
    await scope.selfAssessment.answers(app.id),
    writes,
    batch,
  );
  if (errors.length > 0)
    throw new Problem("validation", "Jawaban tidak sesuai instrumen / Answers do not fit the instrument", { errors });
  if (conflicts.length > 0) throw conflictingFields("answer", conflicts);
  if (stale) throw changedMeanwhile("answer");
  if (planned.length > 0) {
    await db
      .batch([
        audit(c, {
          action: "application.self_assessment_saved",
          tenantId: app.tenantId,
          targetType: "application",
          targetId: app.id,
          data: { indicators: planned.map((p) => p.indicator) },
        }),
        ...planned.flatMap((p) => [
          scope.selfAssessment.saveAnswer(app.id, p, p.atVersion, userId),
          abortIfNothingChanged(db),
        ]),
      ])
      .catch(staleOnGuardAbort("answer"));
  }
  const sent = new Set(writes.map((w) => w.indicator));
  return (await scope.selfAssessment.answers(app.id))
    .filter((a) => sent.has(a.indicator))
    .map((a) => ({ indicator: a.indicator, level: a.level, note: a.note, version: a.version, updatedAt: a.updatedAt }));
}
