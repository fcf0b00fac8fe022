import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.ts";
import { applications } from "./applications.ts";
import { assessmentAssignments } from "./assessment.ts";
import { users } from "./identity.ts";
import { lks } from "./registry.ts";
import { tenants } from "./tenancy.ts";

/**
 * File contents stored in R2, once per tenant and SHA-256 (identical content is stored once and
 * linked again). Never across tenants: the key lives under the tenant.
 */
export const blobs = sqliteTable(
  "blobs",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    contentType: text("content_type").notNull(),
    r2Key: text("r2_key").notNull(),
    /** Pages of a PDF, counted once on arrival so readers see it before downloading. */
    pageCount: integer("page_count"),
    /** A small preview made in the browser before upload, stored beside the original. */
    thumbnailKey: text("thumbnail_key"),
    /** The preview's bytes, so the visit pack can list what keeping it on a phone costs without asking R2. */
    thumbnailSize: integer("thumbnail_size"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("blobs_tenant_sha").on(t.tenantId, t.sha256)],
);

/**
 * A visit photo's capture, as the asesor's device recorded it: the device's own photo id (so a
 * retried upload lands on the same document), the indicator it is evidence for, when it was taken
 * and, when the asesor allowed it, where.
 */
export interface PhotoCapture {
  photoId: string;
  indicator: string;
  takenAt: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * Where a document belongs: an application's requirement or indicator, a field of the LKS profile,
 * or an asesor's score sheet (a visit photo: `assignment_id` and `capture`; its indicator lives in
 * the capture, not in `indicator`, so a photo never counts as the LKS's own evidence).
 */
const documentSlotColumns = () => ({
  lksId: text("lks_id")
    .notNull()
    .references(() => lks.id),
  applicationId: text("application_id").references(() => applications.id),
  requirement: text("requirement"),
  indicator: text("indicator"),
  profileField: text("profile_field"),
  assignmentId: text("assignment_id").references(() => assessmentAssignments.id),
  capture: text("capture", { mode: "json" }).$type<PhotoCapture>(),
});

/**
 * A document of an LKS: for one requirement of an application, one assessment indicator of an
 * application, or one field of the LKS profile. Replacing it adds a version; nothing is deleted.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    ...documentSlotColumns(),
    /** "app:{id}:req:{key}", "app:{id}:ind:{code}", "app:{id}:score:{assignment}:{photo}" or "lks:{id}:field:{name}": one document per slot. */
    slot: text("slot").notNull(),
    currentVersion: integer("current_version").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("documents_slot").on(t.tenantId, t.slot),
    index("documents_application_idx").on(t.applicationId),
    index("documents_lks_idx").on(t.lksId),
    index("documents_assignment_idx").on(t.assignmentId),
  ],
);

/** Every version of a document: who uploaded which content when. Append-only. */
export const documentVersions = sqliteTable(
  "document_versions",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    version: integer("version").notNull(),
    tenantId: text("tenant_id").notNull(),
    blobId: text("blob_id")
      .notNull()
      .references(() => blobs.id),
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
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
