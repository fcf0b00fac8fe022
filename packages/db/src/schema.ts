import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Role } from "@akrab/domain";

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
    createdAt: createdAt(),
  },
  (t) => [index("tenants_parent_idx").on(t.parentId)],
);

/** Social welfare institutions. The registry issue extends the profile. */
export const lks = sqliteTable(
  "lks",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull().references(() => tenants.id),
    name: text("name").notNull(),
    type: text("type").notNull(),
    serviceMode: text("service_mode", { enum: ["dalam_panti", "luar_panti", "keduanya"] }).notNull(),
    status: text("status", { enum: ["pending_verification", "registered", "returned", "inactive"] }).notNull(),
    regionCode: text("region_code").notNull().references(() => regions.code),
    address: text("address").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("lks_tenant_name_idx").on(t.tenantId, t.name, t.id)],
);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** Always lower-case: emails are compared case-insensitively. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  status: text("status", { enum: ["active", "disabled"] }).notNull(),
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
    channel: text("channel", { enum: ["email"] }).notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed"] }).notNull(),
    createdAt: createdAt(),
    sentAt: text("sent_at"),
  },
  (t) => [index("outbox_status_idx").on(t.status, t.createdAt)],
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
