import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Role } from "@akrab/domain";
import { createdAt } from "./columns.ts";
import { lks } from "./registry.ts";
import { tenants } from "./tenancy.ts";

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
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    tenantId: text("tenant_id").references(() => tenants.id),
    role: text("role").$type<Role>().notNull(),
    lksId: text("lks_id").references(() => lks.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_grant_unique").on(
      t.userId,
      t.role,
      sql`ifnull(${t.tenantId}, '')`,
      sql`ifnull(${t.lksId}, '')`,
    ),
    index("memberships_tenant_idx").on(t.tenantId),
  ],
);

/** Server-side sessions: a token is only valid while its session is neither expired nor revoked. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
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
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_tenant_idx").on(t.tenantId, t.createdAt)],
);

/** One-time email verification links for self-registered accounts (token stored as SHA-256). */
export const emailVerifications = sqliteTable("email_verifications", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  createdAt: createdAt(),
});

export const passwordResets = sqliteTable("password_resets", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  createdAt: createdAt(),
});

/** Fixed-window counters (login attempts per account and per IP). */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});
