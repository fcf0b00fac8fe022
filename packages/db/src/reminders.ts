import { and, eq, gte, isNotNull, lte, or } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow } from "./client.ts";
import { lks, lksReminders, slaReminders, tenants } from "./schema.ts";

/** Registered LKS of active tenants whose tanda daftar or izin operasional ends between the two dates. */
export async function lksWithExpiringPermits(db: Db, from: string, to: string) {
  const within = (column: typeof lks.tandaDaftarExpiresOn | typeof lks.izinExpiresOn) =>
    and(isNotNull(column), gte(column, from), lte(column, to));
  return db
    .select({
      id: lks.id,
      tenantId: lks.tenantId,
      name: lks.name,
      profile: lks.profile,
      tandaDaftarExpiresOn: lks.tandaDaftarExpiresOn,
      izinExpiresOn: lks.izinExpiresOn,
    })
    .from(lks)
    .innerJoin(tenants, eq(tenants.id, lks.tenantId))
    .where(
      and(
        eq(lks.status, "registered"),
        eq(tenants.status, "active"),
        or(within(lks.tandaDaftarExpiresOn), within(lks.izinExpiresOn)),
      ),
    );
}

/** Records that a reminder went out; changes nothing if this one was already sent. */
export function claimReminder(
  db: Db,
  input: { lksId: string; document: "tanda_daftar" | "izin_operasional"; expiresOn: string; thresholdDays: number },
) {
  return db
    .insert(lksReminders)
    .values({ ...input, sentAt: isoNow() })
    .onConflictDoNothing();
}

/**
 * Records that a day's intake digest went out; changes nothing when it already did. It is keyed
 * like an SLA reminder — (application, step, day) — by the day's last arrival and a step name of
 * its own, so a rerun of the daily job never sends the digest twice and no table is added for it.
 */
export function claimIntakeDigest(db: Db, lastApplicationId: string, day: string) {
  return db
    .insert(slaReminders)
    .values({ applicationId: lastApplicationId, step: "balks_intake:digest", day, escalated: false })
    .onConflictDoNothing();
}
