import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";

/** A regulation an instrument is drawn from (Permensos 17/2012, Permensos 8/2025). National data. */
export const regulationVersions = sqliteTable("regulation_versions", {
  id: text("id").primaryKey(),
  /** As cited: "Permensos 8/2025". */
  name: text("name").notNull(),
  title: text("title").notNull(),
  titleEn: text("title_en").notNull(),
  year: integer("year").notNull(),
  createdAt: createdAt(),
});

/**
 * A version of an accreditation instrument (issue 12): the six standards with their indicators and
 * the grade rules, as one validated JSON document each. National data that BALKS manages: drafts
 * change, published versions never do (the scope refuses it and a trigger aborts any UPDATE or
 * DELETE of a published row, so not even a raw statement can change what an application pinned).
 */
export const instrumentVersions = sqliteTable(
  "instrument_versions",
  {
    id: text("id").primaryKey(),
    regulationId: text("regulation_id")
      .notNull()
      .references(() => regulationVersions.id),
    lksTypes: text("lks_types", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status", { enum: ["draft", "published"] }).notNull(),
    label: text("label").notNull(),
    /** The standards → aspects → indicators (the domain's instrument shape, validated on the way in). */
    content: text("content", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    gradeRules: text("grade_rules", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** The published version a draft was made from (its compare base); null for an import from nothing. */
    basedOn: text("based_on").references((): AnySQLiteColumn => instrumentVersions.id),
    /** Bumped by every edit of a draft: an edit names the version it was based on (409 when stale). */
    version: integer("version").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
    publishedBy: text("published_by").references(() => users.id),
    publishedAt: text("published_at"),
  },
  (t) => [
    index("instrument_versions_status_idx").on(t.status, t.publishedAt),
    index("instrument_versions_based_on_idx").on(t.basedOn).where(sql`based_on IS NOT NULL`),
  ],
);
