import type { CertificateEventKind, Grade } from "@akrab/domain";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { applications } from "./applications.ts";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { instrumentVersions } from "./instruments.ts";
import { lks } from "./registry.ts";
import { tenants } from "./tenancy.ts";

/**
 * BALKS's certificate settings (issue 14): the number format and who signs. One row (`id` = 1),
 * seeded with the defaults; what a certificate printed is snapshotted on the certificate itself.
 */
export const certificateSettings = sqliteTable("certificate_settings", {
  id: integer("id").primaryKey(),
  numberTemplate: text("number_template").notNull(),
  signerName: text("signer_name").notNull(),
  signerPosition: text("signer_position").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: text("updated_at").notNull(),
  /** Bumped by every save; a save names the version it read, so two editors never overwrite each other unseen. */
  version: integer("version").notNull().default(1),
});

/**
 * The last sequence used per year. Only ever moves forward (compare-and-set in the issuing batch), so
 * a number is never given twice, not even after a revocation or a failed issue.
 */
export const certificateCounters = sqliteTable("certificate_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/**
 * An accreditation certificate: the facts as issued (LKS snapshot, grade, validity, instrument,
 * signer), the signed QR payload and the PDF in R2. Tenant-owned (the application's tenant). Its
 * status is never stored: it is computed from these facts, its events and later certificates of
 * the same LKS (`packages/domain/src/certificates/status.ts`).
 */
export const certificates = sqliteTable(
  "certificates",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    /** One certificate per application: the guard that makes issuing idempotent. */
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    lksId: text("lks_id")
      .notNull()
      .references(() => lks.id),
    number: text("number").notNull(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    lksName: text("lks_name").notNull(),
    lksLegalName: text("lks_legal_name"),
    lksAddress: text("lks_address"),
    kabKotaCode: text("kab_kota_code").notNull(),
    kabKotaName: text("kab_kota_name").notNull(),
    provinceName: text("province_name").notNull(),
    lksTypes: text("lks_types", { mode: "json" }).$type<string[]>().notNull(),
    grade: text("grade", { enum: ["A", "B", "C"] })
      .$type<Grade>()
      .notNull(),
    decidedOn: text("decided_on").notNull(),
    validFrom: text("valid_from").notNull(),
    validUntil: text("valid_until").notNull(),
    instrumentVersionId: text("instrument_version_id").references(() => instrumentVersions.id),
    instrumentLabel: text("instrument_label").notNull(),
    regulation: text("regulation").notNull(),
    signerName: text("signer_name").notNull(),
    signerPosition: text("signer_position").notNull(),
    /** The signed QR payload (`base64url(text).base64url(signature)`), and the key that signed it. */
    payload: text("payload").notNull(),
    kid: text("kid").notNull(),
    /** The PDF in R2 (written once, before the row), its SHA-256 and size. */
    pdfKey: text("pdf_key").notNull(),
    pdfSha256: text("pdf_sha256").notNull(),
    pdfBytes: integer("pdf_bytes").notNull(),
    issuedAt: text("issued_at").notNull(),
    issuedBy: text("issued_by").references(() => users.id),
    /** The Dinsos's hand-over of the printed certificate to the LKS. */
    handedOverOn: text("handed_over_on"),
    handedOverTo: text("handed_over_to"),
    handedOverBy: text("handed_over_by").references(() => users.id),
    version: integer("version").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("certificates_number_unique").on(t.number),
    uniqueIndex("certificates_year_sequence_unique").on(t.year, t.sequence),
    uniqueIndex("certificates_application_unique").on(t.applicationId),
    index("certificates_lks_idx").on(t.lksId, t.issuedAt),
    index("certificates_tenant_idx").on(t.tenantId, t.issuedAt),
    // The Dinsos's "ending soon" list and the daily reminder job read by the last valid day.
    index("certificates_tenant_valid_until_idx").on(t.tenantId, t.validUntil),
    index("certificates_valid_until_idx").on(t.validUntil),
  ],
);

/** Suspensions, reinstatements and revocations by BALKS, with reason, who and when. Append-only. */
export const certificateEvents = sqliteTable(
  "certificate_events",
  {
    id: text("id").primaryKey(),
    certificateId: text("certificate_id")
      .notNull()
      .references(() => certificates.id),
    tenantId: text("tenant_id").notNull(),
    kind: text("kind", { enum: ["suspended", "reinstated", "revoked"] })
      .$type<CertificateEventKind>()
      .notNull(),
    reason: text("reason").notNull(),
    by: text("by_user_id").references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("certificate_events_certificate_idx").on(t.certificateId, t.at)],
);

/**
 * Reminders before a certificate ends (180, 90, 30 days) already sent: one row per certificate and
 * threshold, inserted in the same batch as the reminder's emails and notifications, so a rerun or a
 * racing run of the daily job never sends one twice.
 */
export const certificateReminders = sqliteTable(
  "certificate_reminders",
  {
    certificateId: text("certificate_id")
      .notNull()
      .references(() => certificates.id),
    thresholdDays: integer("threshold_days").notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.thresholdDays] })],
);
