import {
  abortIfNothingChanged,
  enqueueEmail,
  isGuardAbort,
  overdueApplications,
  tenantScope,
  type Db,
} from "@akrab/db";
import { applicationPath, actingTenantId, isEscalated, jakartaDay, stepOf, type Role } from "@akrab/domain";
import { slaReminderEmail } from "../services/mail.ts";

/**
 * Daily: for every application past its step's due time, reminds the people who act at that
 * step (at most once per application, step and day); once it is `escalateAfterDays` overdue, the
 * reminder also goes to the Dinsos head. National steps are watched in BALKS's own inbox.
 */
export async function sendSlaReminders(
  db: Db,
  now: number,
  escalateAfterDays: number,
  appOrigin: string,
): Promise<number> {
  const today = jakartaDay(now);
  let sent = 0;
  for (const { app, lksName, tenantSlug, tenantLevel, tenantParentId } of await overdueApplications(
    db,
    new Date(now).toISOString(),
  )) {
    const scope = tenantScope(db, { id: app.tenantId, parentId: tenantParentId });
    const store = scope.applications;
    const version = await store.workflowVersion(app.workflowVersion);
    const def = version?.definition;
    const step = def && stepOf(def, app.step);
    // The query only returns applications with a due time; the check narrows the type.
    const dueAt = app.stepDueAt;
    if (!def || !step || step.actor === "national" || !dueAt) continue;

    const actingTenant = actingTenantId(step.actor, {
      tenantId: app.tenantId,
      tenantLevel,
      parentTenantId: tenantParentId,
    });
    if (!actingTenant) continue;
    const roles = [...new Set(def.transitions.filter((t) => t.from === step.id).flatMap((t) => t.roles))] as Role[];
    const escalated = isEscalated(app.stepDueAt, now, escalateAfterDays);
    const people =
      step.actor === "lks"
        ? await scope.lks.operators(app.lksId)
        : await store.holders(
            actingTenant,
            roles.filter((r) => r !== "lks_operator"),
          );
    const heads = escalated ? await store.holders(actingTenant, ["dinsos_head"]) : [];
    const recipients = [...new Set([...people, ...heads].map((p) => p.email))];
    if (recipients.length === 0) continue;
    try {
      await db.batch([
        store.claimSlaReminder(app.id, app.step, today, escalated),
        abortIfNothingChanged(db),
        ...recipients.map((to) =>
          enqueueEmail(
            db,
            slaReminderEmail({
              tenantId: app.tenantId,
              to,
              lksName,
              stepLabel: step.label.id,
              dueAt,
              escalated,
              link: `${appOrigin}${applicationPath(tenantSlug, app.id)}`,
            }),
          ),
        ),
      ]);
      sent++;
    } catch (error) {
      if (!isGuardAbort(error)) throw error;
    }
  }
  return sent;
}
