import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { abortIfNothingChanged } from "./batch-guard.ts";
import { type BatchItem, type Db, isoNow, newId } from "./client.ts";
import { keyset, toPage } from "./pagination.ts";
import { withinLks } from "./reach.ts";
import {
  certificateCounters,
  certificateEvents,
  certificateReminders,
  certificateSettings,
  certificates,
  lks,
  regions,
  tenants,
} from "./schema.ts";

export type CertificateRow = typeof certificates.$inferSelect;
export type CertificateEventRow = typeof certificateEvents.$inferSelect;
export type NewCertificate = Omit<typeof certificates.$inferInsert, "year" | "sequence" | "version" | "createdAt"> & {
  id: string;
};

/** A certificate with its events and the other certificates of its LKS: what its status is computed from. */
export interface CertificateWithHistory {
  certificate: CertificateRow;
  tenantSlug: string;
  events: CertificateEventRow[];
  siblings: (CertificateRow & { events: CertificateEventRow[] })[];
}

async function withHistory(db: Db, row: CertificateRow | undefined): Promise<CertificateWithHistory | null> {
  if (!row) return null;
  const [siblings, tenant] = await Promise.all([
    db.select().from(certificates).where(eq(certificates.lksId, row.lksId)),
    db.query.tenants.findFirst({ where: eq(tenants.id, row.tenantId), columns: { slug: true } }),
  ]);
  const events = await db
    .select()
    .from(certificateEvents)
    .where(
      inArray(
        certificateEvents.certificateId,
        siblings.map((s) => s.id),
      ),
    )
    .orderBy(asc(certificateEvents.at), asc(certificateEvents.id));
  const of = (id: string) => events.filter((e) => e.certificateId === id);
  return {
    certificate: row,
    tenantSlug: tenant?.slug ?? "",
    events: of(row.id),
    siblings: siblings.filter((s) => s.id !== row.id).map((s) => ({ ...s, events: of(s.id) })),
  };
}

/**
 * A certificate that still stands for its LKS: not revoked, not suspended (the last hold event is
 * not a suspension) and not superseded by a later certificate of the same LKS that is not revoked.
 * The same rule as `certificateStatus` in @akrab/domain, spelled in SQL so a list can page over it;
 * the validity dates are the caller's condition.
 */
function isLive() {
  return sql`not exists (select 1 from ${certificateEvents} r where r.certificate_id = ${certificates.id} and r.kind = 'revoked')
    and coalesce((select h.kind from ${certificateEvents} h where h.certificate_id = ${certificates.id} and h.kind != 'revoked' order by h.at desc, h.id desc limit 1), 'reinstated') != 'suspended'
    and not exists (select 1 from ${certificates} s where s.lks_id = ${certificates.lksId}
      and (s.issued_at > ${certificates.issuedAt} or (s.issued_at = ${certificates.issuedAt} and s.id > ${certificates.id}))
      and not exists (select 1 from ${certificateEvents} sr where sr.certificate_id = s.id and sr.kind = 'revoked'))`;
}

/**
 * For the daily reminder job: live certificates of active tenants whose last valid day is between
 * the two days, with the reminder thresholds already sent for each and the LKS's own address.
 */
export async function certificatesEndingBetween(db: Db, from: string, to: string) {
  const rows = await db
    .select({
      certificate: certificates,
      tenantSlug: tenants.slug,
      lksProfile: lks.profile,
      sent: sql<
        string | null
      >`(select group_concat(${certificateReminders.thresholdDays}) from ${certificateReminders} where ${certificateReminders.certificateId} = ${certificates.id})`,
    })
    .from(certificates)
    .innerJoin(tenants, eq(tenants.id, certificates.tenantId))
    .innerJoin(lks, eq(lks.id, certificates.lksId))
    .where(
      and(gte(certificates.validUntil, from), lte(certificates.validUntil, to), eq(tenants.status, "active"), isLive()),
    );
  return rows.map((row) => ({ ...row, sent: row.sent ? row.sent.split(",").map(Number) : [] }));
}

/** A certificate's events and its LKS's other certificates, to compute its status from. */
export function certificateHistory(db: Db, row: CertificateRow) {
  return withHistory(db, row) as Promise<CertificateWithHistory>;
}

/** Records that a certificate's reminder went out; changes nothing if it already did. */
export function claimCertificateReminder(db: Db, certificateId: string, thresholdDays: number) {
  return db
    .insert(certificateReminders)
    .values({ certificateId, thresholdDays, sentAt: isoNow() })
    .onConflictDoNothing();
}

/** Reads anyone may make (the public verification page): by number, across tenants. */
/** Reads and writes of issuing, for the service that issues at the `issue_certificate` transition. */
export function certificateIssuing(db: Db) {
  return { ...certificateReads(db), ...certificateWrites(db) };
}

export function publicCertificates(db: Db) {
  return {
    /** The certificate with this number, or null: one indexed query whatever the input. */
    async byNumber(number: string) {
      return withHistory(db, await db.query.certificates.findFirst({ where: eq(certificates.number, number) }));
    },
  };
}

/** Certificates of the scope's tenants (and only the operator's own LKS, when set). */
export function certificateStore(db: Db, readable: readonly string[], lksIds?: readonly string[]) {
  const visible = () => and(inArray(certificates.tenantId, [...readable]), withinLks(certificates.lksId, lksIds));
  return {
    async byNumber(number: string) {
      return withHistory(
        db,
        await db.query.certificates.findFirst({ where: and(visible(), eq(certificates.number, number)) }),
      );
    },
    async ofApplication(applicationId: string) {
      return (
        (await db.query.certificates.findFirst({
          where: and(visible(), eq(certificates.applicationId, applicationId)),
        })) ?? null
      );
    },
    /** The LKS's latest certificate (issued last, the domain's order) with its history: where a renewal starts from. */
    async latestOfLks(lksId: string) {
      return withHistory(
        db,
        await db.query.certificates.findFirst({
          where: and(visible(), eq(certificates.lksId, lksId)),
          orderBy: [desc(certificates.issuedAt), desc(certificates.id)],
        }),
      );
    },
    /**
     * The scope's live certificates whose last valid day is between `from` and `to`, soonest first
     * (the Dinsos's "accreditation ending soon"), with their tenant's slug (a province reads its
     * kab/kota's); null for a cursor this list did not issue.
     */
    async endingBetween(from: string, to: string, page: { cursor?: string | undefined; limit: number }) {
      const after = keyset(page.cursor, "asc", [certificates.validUntil, certificates.id]);
      if (!after) return null;
      const rows = await db
        .select({ certificate: certificates, tenantSlug: tenants.slug })
        .from(certificates)
        .innerJoin(tenants, eq(tenants.id, certificates.tenantId))
        .where(
          and(visible(), gte(certificates.validUntil, from), lte(certificates.validUntil, to), isLive(), after.where),
        )
        .orderBy(...after.orderBy)
        .limit(page.limit + 1);
      return toPage(rows, page.limit, (r) => [r.certificate.validUntil, r.certificate.id]);
    },
    /** The Dinsos's hand-over, once the version matches (the guard rolls back anything else). */
    recordHandover(
      id: string,
      expectedVersion: number,
      handover: { on: string; to: string; by: string },
    ): [BatchItem, BatchItem] {
      return [
        db
          .update(certificates)
          .set({
            handedOverOn: handover.on,
            handedOverTo: handover.to,
            handedOverBy: handover.by,
            version: sql`${certificates.version} + 1`,
          })
          .where(and(visible(), eq(certificates.id, id), eq(certificates.version, expectedVersion))),
        abortIfNothingChanged(db),
      ];
    },
  };
}

/** What BALKS reads nationally. */
export function certificateReads(db: Db) {
  return {
    settings: async () =>
      (await db.query.certificateSettings.findFirst({ where: eq(certificateSettings.id, 1) })) ?? null,
    byNumber: async (number: string) =>
      withHistory(db, await db.query.certificates.findFirst({ where: eq(certificates.number, number) })),
    ofApplication: async (applicationId: string) =>
      (await db.query.certificates.findFirst({ where: eq(certificates.applicationId, applicationId) })) ?? null,
    /** Region names by code (the LKS's kab/kota and province, as printed). */
    regionNames: async (codes: string[]) =>
      new Map(
        (await db.select().from(regions).where(inArray(regions.code, codes))).map((r) => [r.code, r.name] as const),
      ),
    /** The numbers of an LKS's certificates (a new one supersedes them: their public answers are purged). */
    numbersOfLks: async (lksId: string) =>
      (await db.select({ number: certificates.number }).from(certificates).where(eq(certificates.lksId, lksId))).map(
        (r) => r.number,
      ),
    /** The last sequence given in `year` (0 before the first). */
    lastSequence: async (year: number) =>
      (await db.query.certificateCounters.findFirst({ where: eq(certificateCounters.year, year) }))?.last ?? 0,
  };
}

/** What BALKS writes nationally: issuing (with the sequence claimed in the same batch) and events. */
export function certificateWrites(db: Db) {
  return {
    /**
     * Statements that claim sequence `last + 1` of `year` (compare-and-set: a concurrent issue that
     * took it first makes the guard roll the batch back) and insert the certificate with it. The
     * unique application id makes a second certificate of the same application fail the batch too.
     */
    issue(
      input: NewCertificate,
      year: number,
      last: number,
    ): { id: string; sequence: number; statements: [BatchItem, BatchItem, BatchItem] } {
      const id = input.id;
      const claim =
        last === 0
          ? db.insert(certificateCounters).values({ year, last: 1 }).onConflictDoNothing()
          : db
              .update(certificateCounters)
              .set({ last: last + 1 })
              .where(and(eq(certificateCounters.year, year), eq(certificateCounters.last, last)));
      return {
        id,
        sequence: last + 1,
        statements: [
          claim,
          abortIfNothingChanged(db),
          db
            .insert(certificates)
            .values({ ...input, id, year, sequence: last + 1, version: 1, createdAt: input.issuedAt }),
        ],
      };
    },
    event(input: Omit<typeof certificateEvents.$inferInsert, "id">) {
      return db.insert(certificateEvents).values({ ...input, id: newId() });
    },
    /** Bumps the version only if it is still `expectedVersion` (followed by a guard in the batch). */
    touch(id: string, expectedVersion: number): [BatchItem, BatchItem] {
      return [
        db
          .update(certificates)
          .set({ version: sql`${certificates.version} + 1` })
          .where(and(eq(certificates.id, id), eq(certificates.version, expectedVersion))),
        abortIfNothingChanged(db),
      ];
    },
    /** Saves the settings only if they are still at `expectedVersion` (followed by a guard in the batch). */
    updateSettings(values: {
      expectedVersion: number;
      numberTemplate: string;
      signerName: string;
      signerPosition: string;
      by: string;
      at: string;
    }) {
      return db
        .update(certificateSettings)
        .set({
          numberTemplate: values.numberTemplate,
          signerName: values.signerName,
          signerPosition: values.signerPosition,
          updatedBy: values.by,
          updatedAt: values.at,
          version: sql`${certificateSettings.version} + 1`,
        })
        .where(and(eq(certificateSettings.id, 1), eq(certificateSettings.version, values.expectedVersion)));
    },
  };
}
