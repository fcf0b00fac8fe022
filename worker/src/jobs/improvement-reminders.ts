import {
  abortIfNothingChanged,
  claimImprovementReminder,
  enqueueEmail,
  improvementItemsToRemind,
  isGuardAbort,
  nationalHolders,
  supervisionRules,
  tenantScope,
  type Db,
} from "@akrab/db";
import { addCalendarDays, reminderStage, type ReminderStage, applicationPath } from "@akrab/domain";
import { improvementReminderEmail } from "../services/mail.ts";

/**
 * Daily (issue 14 "Supervision"): each improvement item not yet accepted is reminded and escalated
 * like an SLA: to the LKS before its due day and on it, to the Dinsos once it is overdue long
 * enough, to BALKS after longer. Each (item, stage) goes out once: the claim and its emails are
 * one batch, and a claim already made aborts it, so a rerun of the job (or two at once) sends nothing twice.
 */
export async function sendImprovementReminders(db: Db, today: string, appOrigin: string): Promise<number> {
  const rules = await supervisionRules(db);
  const rows = await improvementItemsToRemind(db, addCalendarDays(today, rules.remindBeforeDays));
  let sent = 0;
  let balks: { email: string }[] | null = null;
  for (const row of rows) {
    const stage = reminderStage(row.item, today, rules);
    if (!stage || row.sent.split(",").includes(stage)) continue;
    const scope = tenantScope(db, { id: row.item.tenantId, parentId: row.tenantParentId });
    const people = await recipients(stage);
    if (people.length === 0) continue;
    try {
      await db.batch([
        claimImprovementReminder(db, row.item.id, stage),
        abortIfNothingChanged(db),
        ...[...new Set(people.map((p) => p.email))].map((to) =>
          enqueueEmail(
            db,
            improvementReminderEmail({
              tenantId: row.item.tenantId,
              to,
              lksName: row.lksName,
              item: row.item.text,
              dueOn: row.item.dueOn,
              stage,
              link: `${appOrigin}${applicationPath(row.tenantSlug, row.applicationId)}`,
            }),
          ),
        ),
      ]);
      sent++;
    } catch (error) {
      if (!isGuardAbort(error)) throw error;
    }

    async function recipients(at: ReminderStage) {
      if (at === "before_due" || at === "due_day") return scope.lks.operators(row.item.lksId);
      if (at === "escalated_dinsos")
        return scope.applications.holders(row.item.tenantId, ["dinsos_verifier", "dinsos_head"]);
      balks ??= await nationalHolders(db, ["balks_secretariat"]);
      return balks;
    }
  }
  return sent;
}
