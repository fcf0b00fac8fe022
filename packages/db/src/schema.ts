import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { MESSAGE_CHANNELS, MESSAGE_STATUSES, type Role } from "@akrab/domain";

/** Times are stored as ISO-8601 UTC text: readable in SQL, sortable, and what JSON carries anyway. */
const createdAt = () => text("created_at").notNull();

/** Indonesia's provinces and kabupaten/kota (Kemendagri codes), loaded from idn-area-data by a migration. */
export const regions = sqliteTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["province", "regency", "city"] }).notNull(),
    provinceCode: text("province_code"),
    slug: text("slug").notNull().unique(),
  },
  (t) => [index("regions_province_idx").on(t.provinceCode)],
);

/** A Dinsos that has signed up. One tenant per region at most. */
export const tenants = sqliteTable(
  "tenants",
  {
    id: text("id").primaryKey(),
    regionCode: text("region_code").notNull().unique().references(() => regions.code),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    level: text("level", { enum: ["province", "kabkota"] }).notNull(),
    parentId: text("parent_id"),
    status: text("status", { enum: ["active", "deactivated"] }).notNull(),
    /** Which D1 database holds this tenant's rows; 0 is the shared one. */
    shard: integer("shard").notNull().default(0),
    address: text("address"),
    phone: text("phone"),
    email: text("email"),
    contactName: text("contact_name"),
    /** R2 key of the (small, browser-resized) logo. */
    logoKey: text("logo_key"),
    createdAt: createdAt(),
  },
  (t) => [index("tenants_parent_idx").on(t.parentId)],
);

/** A Dinsos asking to join; a platform admin approves (creating the tenant) or rejects it. */
export const tenantSignups = sqliteTable(
  "tenant_signups",
  {
    id: text("id").primaryKey(),
    regionCode: text("region_code").notNull().references(() => regions.code),
    officeName: text("office_name").notNull(),
    officialEmail: text("official_email").notNull(),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected"] }).notNull(),
    /** SHA-256 of the token the applicant uses to attach its letter later. */
    attachTokenHash: text("attach_token_hash").notNull(),
    letterKey: text("letter_key"),
    letterFilename: text("letter_filename"),
    letterSize: integer("letter_size"),
    rejectReason: text("reject_reason"),
    reviewedBy: text("reviewed_by").references(() => users.id),
    reviewedAt: text("reviewed_at"),
    tenantId: text("tenant_id").references(() => tenants.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("tenant_signups_status_idx").on(t.status, t.createdAt),
    // At most one open sign-up per region.
    uniqueIndex("tenant_signups_pending_region").on(t.regionCode).where(sql`status = 'pending'`),
  ],
);

/** Kecamatan (districts) and kelurahan/desa (villages), loaded from idn-area-data by a migration. */
export const areas = sqliteTable(
  "areas",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: ["district", "village"] }).notNull(),
    parentCode: text("parent_code").notNull(),
  },
  (t) => [index("areas_parent_idx").on(t.parentCode, t.name)],
);

/**
 * Social welfare institutions. The whole profile is one validated JSON document (`profile`);
 * the columns beside it repeat the parts the registry filters and sorts on.
 */
export const lks = sqliteTable(
  "lks",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull().references(() => tenants.id),
    name: text("name").notNull(),
    types: text("types", { mode: "json" }).$type<string[]>().notNull(),
    serviceMode: text("service_mode", { enum: ["dalam_panti", "luar_panti", "keduanya"] }).notNull(),
    status: text("status", { enum: ["pending_verification", "registered", "returned", "inactive"] }).notNull(),
    /** The kab/kota of the address. */
    regionCode: text("region_code").notNull().references(() => regions.code),
    districtCode: text("district_code").notNull(),
    tandaDaftarExpiresOn: text("tanda_daftar_expires_on"),
    izinExpiresOn: text("izin_expires_on"),
    profile: text("profile", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    returnComments: text("return_comments", { mode: "json" }).$type<{ field: string; message: string }[]>().notNull(),
    /** Optimistic concurrency: every change increments it; an edit based on an older one is refused. */
    version: integer("version").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("lks_tenant_name_idx").on(t.tenantId, t.name, t.id),
    index("lks_tenant_district_idx").on(t.tenantId, t.districtCode),
    index("lks_tanda_daftar_expiry_idx").on(t.tandaDaftarExpiresOn),
    index("lks_izin_expiry_idx").on(t.izinExpiresOn),
  ],
);

/** Every change to an LKS profile, field by field (who, when, old → new). Append-only. */
export const lksHistory = sqliteTable(
  "lks_history",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    lksId: text("lks_id").notNull().references(() => lks.id),
    field: text("field").notNull(),
    oldValue: text("old_value", { mode: "json" }),
    newValue: text("new_value", { mode: "json" }),
    changedBy: text("changed_by").references(() => users.id),
    note: text("note"),
    changedAt: text("changed_at").notNull(),
  },
  (t) => [index("lks_history_lks_idx").on(t.lksId, t.changedAt)],
);

/** Expiry reminders already sent, so each threshold is announced once per document. */
export const lksReminders = sqliteTable(
  "lks_reminders",
  {
    lksId: text("lks_id").notNull().references(() => lks.id),
    document: text("document", { enum: ["tanda_daftar", "izin_operasional"] }).notNull(),
    expiresOn: text("expires_on").notNull(),
    thresholdDays: integer("threshold_days").notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.lksId, t.document, t.expiresOn, t.thresholdDays] })],
);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** Always lower-case: emails are compared case-insensitively. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  status: text("status", { enum: ["active", "disabled"] }).notNull(),
  /** Null until the owner follows an emailed link (self-registration); invitations verify on acceptance. */
  emailVerifiedAt: text("email_verified_at"),
  createdAt: createdAt(),
  updatedAt: text("updated_at").notNull(),
});

/** User × tenant × role. National roles have no tenant; an lks_operator is bound to one LKS. */
export const memberships = sqliteTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id),
    tenantId: text("tenant_id").references(() => tenants.id),
    role: text("role").$type<Role>().notNull(),
    lksId: text("lks_id").references(() => lks.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_grant_unique").on(t.userId, t.role, sql`ifnull(${t.tenantId}, '')`, sql`ifnull(${t.lksId}, '')`),
    index("memberships_tenant_idx").on(t.tenantId),
  ],
);

/** Server-side sessions: a token is only valid while its session is neither expired nor revoked. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Invitations to a role; only the SHA-256 of the emailed token is stored. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").references(() => tenants.id),
    email: text("email").notNull(),
    role: text("role").$type<Role>().notNull(),
    lksId: text("lks_id").references(() => lks.id),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").notNull().references(() => users.id),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_tenant_idx").on(t.tenantId, t.createdAt)],
);

/** One-time email verification links for self-registered accounts (token stored as SHA-256). */
export const emailVerifications = sqliteTable("email_verifications", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  createdAt: createdAt(),
});

export const passwordResets = sqliteTable("password_resets", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  createdAt: createdAt(),
});

/** Messages waiting for delivery; a scheduled job hands them to the channel's provider. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id"),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    /** An email address, or a phone number (+62…) for the WhatsApp/SMS channels. */
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    /** Plain text; the footer naming the sender is added when the message is sent. */
    body: text("body").notNull(),
    /** The HTML body's content (escaped); laid out with its footer when sent. Null for text-only channels. */
    html: text("html"),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull(),
    createdAt: createdAt(),
    sentAt: text("sent_at"),
    /** Tries so far, counted when a run claims the message. */
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: text("last_attempt_at"),
    /** A failed message is not tried again before this time (backoff). */
    nextAttemptAt: text("next_attempt_at"),
    /** The provider's reason for the last failure. */
    lastError: text("last_error"),
    /** While sending: until when the claiming run holds it, and the run's token (see claimDueMessages). */
    leaseUntil: text("lease_until"),
    claimToken: text("claim_token"),
    providerMessageId: text("provider_message_id"),
  },
  (t) => [index("outbox_status_idx").on(t.status, t.createdAt), index("outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

/** Append-only: rows are inserted, never updated or deleted. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id"),
    actorUserId: text("actor_user_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_tenant_idx").on(t.tenantId, t.createdAt), index("audit_actor_idx").on(t.actorUserId, t.createdAt)],
);

/** Fixed-window counters (login attempts per account and per IP). */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/** A tenant's document checklist per application kind (a copy of the national default, editable). */
export const documentRequirements = sqliteTable(
  "document_requirements",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull().references(() => tenants.id),
    applicationKind: text("application_kind", { enum: ["first", "renewal"] }).notNull(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    required: integer("required", { mode: "boolean" }).notNull(),
    acceptedTypes: text("accepted_types", { mode: "json" }).$type<string[]>().notNull(),
    maxBytes: integer("max_bytes").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("document_requirements_key").on(t.tenantId, t.applicationKind, t.key)],
);

/** Published, immutable versions of a tenant's workflow: the regional part and the composed definition. */
export const workflowVersions = sqliteTable(
  "workflow_versions",
  {
    tenantId: text("tenant_id").notNull().references(() => tenants.id),
    version: integer("version").notNull(),
    regional: text("regional", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    definition: text("definition", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    publishedBy: text("published_by").references(() => users.id),
    publishedAt: text("published_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
);

/** The regional part a tenant admin is editing, not yet published. */
export const workflowDrafts = sqliteTable("workflow_drafts", {
  tenantId: text("tenant_id").primaryKey().references(() => tenants.id),
  regional: text("regional", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  baseVersion: integer("base_version").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});

/** An accreditation application of one LKS, moving through its tenant's workflow version. */
export const applications = sqliteTable(
  "applications",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull().references(() => tenants.id),
    lksId: text("lks_id").notNull().references(() => lks.id),
    kind: text("kind", { enum: ["first", "renewal"] }).notNull(),
    step: text("step").notNull(),
    workflowVersion: integer("workflow_version").notNull(),
    /** 1 while the application is not in a terminal step: at most one open application per LKS. */
    open: integer("open").notNull(),
    letter: text("letter", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** The letter as it was when last returned, so the verifier sees what the LKS changed in it. */
    letterAtReturn: text("letter_at_return", { mode: "json" }).$type<Record<string, unknown> | null>(),
    profileSnapshot: text("profile_snapshot", { mode: "json" }).$type<Record<string, unknown> | null>(),
    checklist: text("checklist", { mode: "json" }).$type<Record<string, unknown>[]>().notNull(),
    /** What the last return asked to fix: the LKS's to-do list. */
    returnItems: text("return_items", { mode: "json" }).$type<{ kind: string; ref: string; message: string }[]>().notNull(),
    stepEnteredAt: text("step_entered_at").notNull(),
    stepDueAt: text("step_due_at"),
    submittedAt: text("submitted_at"),
    version: integer("version").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("applications_one_open_per_lks").on(t.lksId).where(sql`open = 1`),
    index("applications_inbox_idx").on(t.tenantId, t.step, t.stepDueAt),
  ],
);

/** The timeline: every transition of an application. Append-only. */
export const applicationEvents = sqliteTable(
  "application_events",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    applicationId: text("application_id").notNull().references(() => applications.id),
    action: text("action").notNull(),
    fromStep: text("from_step"),
    toStep: text("to_step").notNull(),
    actorUserId: text("actor_user_id").references(() => users.id),
    comment: text("comment"),
    items: text("items", { mode: "json" }).$type<{ kind: string; ref: string; message: string }[]>(),
    at: text("at").notNull(),
  },
  (t) => [index("application_events_app_idx").on(t.applicationId, t.at)],
);

/** In-app notifications with a deep link, next to the outbox's emails. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id),
    tenantId: text("tenant_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link").notNull(),
    createdAt: createdAt(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/** SLA reminders already sent: at most one per application, step and day. */
export const slaReminders = sqliteTable(
  "sla_reminders",
  {
    applicationId: text("application_id").notNull().references(() => applications.id),
    step: text("step").notNull(),
    day: text("day").notNull(),
    escalated: integer("escalated", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.step, t.day] })],
);

/**
 * Responses to requests sent with an Idempotency-Key, so a retry over a flaky link gets the
 * first answer instead of doing the work again. `status` 0 marks a request still in flight.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    responseBody: text("response_body"),
    responseType: text("response_type"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_created_idx").on(t.createdAt)],
);

/**
 * Never holds a row: inserting one fails its CHECK, which aborts the whole D1 batch. See
 * batch-guard.ts: it lets a batch roll back when a conditional write found nothing to change.
 */
export const batchGuards = sqliteTable("batch_guards", { ok: integer("ok").notNull() }, (t) => [check("batch_guards_never", sql`${t.ok} = 1`)]);

/**
 * File contents stored in R2, once per tenant and SHA-256 (identical content is stored once and
 * linked again). Never across tenants: the key lives under the tenant.
 */
export const blobs = sqliteTable(
  "blobs",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull().references(() => tenants.id),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    contentType: text("content_type").notNull(),
    r2Key: text("r2_key").notNull(),
    /** Pages of a PDF, counted once on arrival so readers see it before downloading. */
    pageCount: integer("page_count"),
    /** A small preview made in the browser before upload, stored beside the original. */
    thumbnailKey: text("thumbnail_key"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("blobs_tenant_sha").on(t.tenantId, t.sha256)],
);

/** Where a document belongs: an application's requirement or indicator, or a field of the LKS profile. */
const documentSlotColumns = () => ({
  lksId: text("lks_id").notNull().references(() => lks.id),
  applicationId: text("application_id").references(() => applications.id),
  requirement: text("requirement"),
  indicator: text("indicator"),
  profileField: text("profile_field"),
});

/**
 * A document of an LKS: for one requirement of an application, one assessment indicator of an
 * application, or one field of the LKS profile. Replacing it adds a version; nothing is deleted.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull().references(() => tenants.id),
    ...documentSlotColumns(),
    /** "app:{id}:req:{key}", "app:{id}:ind:{code}" or "lks:{id}:field:{name}": one document per slot. */
    slot: text("slot").notNull(),
    currentVersion: integer("current_version").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("documents_slot").on(t.tenantId, t.slot), index("documents_application_idx").on(t.applicationId), index("documents_lks_idx").on(t.lksId)],
);

/** Every version of a document: who uploaded which content when. Append-only. */
export const documentVersions = sqliteTable(
  "document_versions",
  {
    documentId: text("document_id").notNull().references(() => documents.id),
    version: integer("version").notNull(),
    tenantId: text("tenant_id").notNull(),
    blobId: text("blob_id").notNull().references(() => blobs.id),
    filename: text("filename").notNull(),
    /** The upload that brought it: a retried completion links it once. */
    uploadId: text("upload_id").unique(),
    uploadedBy: text("uploaded_by").references(() => users.id),
    uploadedAt: text("uploaded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.version] }), index("document_versions_blob_idx").on(t.blobId)],
);

/**
 * A tus upload in progress or finished. The bytes and their offset live in the upload's Durable
 * Object; this row says whose it is and what it is for, so another tenant's id is a 404.
 */
export const uploads = sqliteTable(
  "uploads",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull().references(() => tenants.id),
    ...documentSlotColumns(),
    filename: text("filename").notNull(),
    declaredType: text("declared_type").notNull(),
    length: integer("length").notNull(),
    sha256: text("sha256").notNull(),
    status: text("status", { enum: ["receiving", "completed", "failed", "terminated", "expired"] }).notNull(),
    documentId: text("document_id"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    finishedAt: text("finished_at"),
  },
  (t) => [index("uploads_tenant_idx").on(t.tenantId, t.status)],
);
