import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client.ts";
import { expectRow, isoNow, newId } from "./client.ts";
import { withinLks } from "./reach.ts";
import { applications, blobs, documentVersions, documents, uploads, users, type PhotoCapture } from "./schema.ts";

export type UploadRow = typeof uploads.$inferSelect;
export type BlobRow = typeof blobs.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;

/**
 * Where a document belongs: exactly one of requirement, indicator (both with an application),
 * profile field, or a score sheet's photo (assignment and capture, with an application).
 */
export interface DocumentSlot {
  lksId: string;
  applicationId: string | null;
  requirement: string | null;
  indicator: string | null;
  profileField: string | null;
  assignmentId: string | null;
  capture: PhotoCapture | null;
}

export function slotKey(slot: DocumentSlot): string {
  if (slot.applicationId && slot.assignmentId && slot.capture)
    return `app:${slot.applicationId}:score:${slot.assignmentId}:${slot.capture.photoId}`;
  if (slot.applicationId && slot.requirement) return `app:${slot.applicationId}:req:${slot.requirement}`;
  if (slot.applicationId && slot.indicator) return `app:${slot.applicationId}:ind:${slot.indicator}`;
  return `lks:${slot.lksId}:field:${slot.profileField}`;
}

/**
 * Uploads, stored contents (blobs) and documents with their versions. Uploads and writes belong
 * to the tenant in the URL; documents are read across `readable` (a province reads its kab/kota's).
 */
export function documentStore(db: Db, own: { id: string }, readable: readonly string[], lksIds?: readonly string[]) {
  /** Document ids of the scope's LKS, for tables that do not carry the LKS themselves. */
  const ofReachedLks = (column: typeof documentVersions.documentId) =>
    lksIds
      ? inArray(column, db.select({ id: documents.id }).from(documents).where(withinLks(documents.lksId, lksIds)))
      : undefined;
  const versionColumns = {
    version: documentVersions.version,
    filename: documentVersions.filename,
    uploadedAt: documentVersions.uploadedAt,
    uploadedById: documentVersions.uploadedBy,
    uploadedByName: users.name,
    contentType: blobs.contentType,
    size: blobs.size,
    sha256: blobs.sha256,
    pageCount: blobs.pageCount,
    thumbnailKey: blobs.thumbnailKey,
    thumbnailSize: blobs.thumbnailSize,
    r2Key: blobs.r2Key,
    blobId: blobs.id,
  };
  const versionsQuery = () =>
    db
      .select({ documentId: documentVersions.documentId, ...versionColumns })
      .from(documentVersions)
      .innerJoin(blobs, eq(blobs.id, documentVersions.blobId))
      .leftJoin(users, eq(users.id, documentVersions.uploadedBy));

  return {
    async findUpload(id: string): Promise<UploadRow | null> {
      return (
        (await db.query.uploads.findFirst({
          where: and(eq(uploads.tenantId, own.id), eq(uploads.id, id), withinLks(uploads.lksId, lksIds)),
        })) ?? null
      );
    },

    /** A new upload, still receiving bytes, and the statement that stores it. */
    newUpload(input: Omit<UploadRow, "tenantId" | "status" | "createdAt" | "finishedAt" | "documentId">) {
      const upload: UploadRow = {
        ...input,
        tenantId: own.id,
        status: "receiving",
        documentId: null,
        createdAt: isoNow(),
        finishedAt: null,
      };
      return { upload, insert: db.insert(uploads).values(upload) };
    },

    finishUpload(id: string, status: "failed" | "terminated" | "expired") {
      return db
        .update(uploads)
        .set({ status, finishedAt: isoNow() })
        .where(and(eq(uploads.tenantId, own.id), eq(uploads.id, id), eq(uploads.status, "receiving")));
    },

    /** Content already stored in this tenant (never another's). */
    async findBlob(sha256: string): Promise<BlobRow | null> {
      return (
        (await db.query.blobs.findFirst({ where: and(eq(blobs.tenantId, own.id), eq(blobs.sha256, sha256)) })) ?? null
      );
    },

    /** True when some document of this LKS already holds the content: then its operators may link it without sending it again. */
    async blobHeldByLks(blobId: string, lksId: string): Promise<boolean> {
      const row = await db
        .select({ one: sql<number>`1` })
        .from(documentVersions)
        .innerJoin(documents, eq(documents.id, documentVersions.documentId))
        .where(
          and(eq(documentVersions.tenantId, own.id), eq(documentVersions.blobId, blobId), eq(documents.lksId, lksId)),
        )
        .limit(1);
      return row.length > 0;
    },

    /** Stores the blob unless the same content landed meanwhile; returns the one that is kept. */
    async keepBlob(
      blob: Omit<BlobRow, "id" | "tenantId" | "createdAt" | "thumbnailKey" | "thumbnailSize">,
    ): Promise<BlobRow> {
      await db
        .insert(blobs)
        .values({
          ...blob,
          id: newId(),
          tenantId: own.id,
          thumbnailKey: null,
          thumbnailSize: null,
          createdAt: isoNow(),
        })
        .onConflictDoNothing();
      return expectRow(await this.findBlob(blob.sha256), "Blob");
    },

    async versionOfUpload(uploadId: string) {
      return (
        (await db.query.documentVersions.findFirst({
          where: and(eq(documentVersions.tenantId, own.id), eq(documentVersions.uploadId, uploadId)),
        })) ?? null
      );
    },

    /**
     * The statements that add a version to the slot's document (creating the document on first
     * use) and mark the upload done. Run them in one batch: the version's unique upload id makes
     * a retried completion fail as a whole instead of adding a second version.
     */
    addVersion(input: { slot: DocumentSlot; blobId: string; filename: string; uploadId: string; uploadedBy: string }) {
      const slot = slotKey(input.slot);
      const now = isoNow();
      const documentOfSlot = this.documentIdOfSlot(input.slot);
      const { applicationId, requirement } = input.slot;
      return [
        db
          .insert(documents)
          .values({
            id: newId(),
            tenantId: own.id,
            ...input.slot,
            slot,
            currentVersion: 1,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [documents.tenantId, documents.slot],
            set: { currentVersion: sql`${documents.currentVersion} + 1`, updatedAt: now },
          }),
        db.insert(documentVersions).select(
          db
            .select({
              documentId: documents.id,
              version: documents.currentVersion,
              tenantId: documents.tenantId,
              blobId: sql<string>`${input.blobId}`.as("blob_id"),
              filename: sql<string>`${input.filename}`.as("filename"),
              uploadId: sql<string>`${input.uploadId}`.as("upload_id"),
              uploadedBy: sql<string>`${input.uploadedBy}`.as("uploaded_by"),
              uploadedAt: sql<string>`${now}`.as("uploaded_at"),
            })
            .from(documents)
            .where(and(eq(documents.tenantId, own.id), eq(documents.slot, slot))),
        ),
        db
          .update(uploads)
          .set({ status: "completed", documentId: documentOfSlot, finishedAt: now })
          .where(and(eq(uploads.tenantId, own.id), eq(uploads.id, input.uploadId))),
        // A new file for a requirement (also one returned for revision) is "uploaded" again.
        ...(applicationId && requirement
          ? [this.setChecklistItem(applicationId, requirement, { status: "uploaded", documentId: documentOfSlot })]
          : []),
      ] as const;
    },

    /**
     * A document of the last cycle linked again to a renewal's requirement: a new document in the new
     * slot whose first version is the same stored content (no byte is copied), keeping who uploaded
     * it and when. The old document and its versions are left as they were.
     */
    carryDocument(input: {
      lksId: string;
      applicationId: string;
      requirement: string;
      blobId: string;
      filename: string;
      uploadedBy: string | null;
      uploadedAt: string;
    }) {
      const slot: DocumentSlot = {
        lksId: input.lksId,
        applicationId: input.applicationId,
        requirement: input.requirement,
        indicator: null,
        profileField: null,
        assignmentId: null,
        capture: null,
      };
      const id = newId();
      const now = isoNow();
      return {
        id,
        statements: [
          db.insert(documents).values({
            id,
            tenantId: own.id,
            ...slot,
            slot: slotKey(slot),
            currentVersion: 1,
            createdAt: now,
            updatedAt: now,
          }),
          db.insert(documentVersions).values({
            documentId: id,
            version: 1,
            tenantId: own.id,
            blobId: input.blobId,
            filename: input.filename,
            uploadId: null,
            uploadedBy: input.uploadedBy,
            uploadedAt: input.uploadedAt,
          }),
        ] as const,
      };
    },

    documentIdOfSlot(slot: DocumentSlot): SQL {
      return sql`(SELECT id FROM documents WHERE tenant_id = ${own.id} AND slot = ${slotKey(slot)})`;
    },

    async documentOfSlot(slot: DocumentSlot): Promise<DocumentRow | null> {
      return (
        (await db.query.documents.findFirst({
          where: and(eq(documents.tenantId, own.id), eq(documents.slot, slotKey(slot))),
        })) ?? null
      );
    },

    /** A document of the LKS's own; an asesor's visit photo is not one (it is read with its score sheet). */
    async findDocument(id: string): Promise<DocumentRow | null> {
      return (
        (await db.query.documents.findFirst({
          where: and(
            inArray(documents.tenantId, [...readable]),
            eq(documents.id, id),
            withinLks(documents.lksId, lksIds),
            isNull(documents.assignmentId),
          ),
        })) ?? null
      );
    },

    /** Versions of the given documents, newest first. */
    async versionsOf(documentIds: readonly string[]) {
      if (documentIds.length === 0) return [];
      return versionsQuery()
        .where(
          and(
            inArray(documentVersions.tenantId, [...readable]),
            inArray(documentVersions.documentId, [...documentIds]),
            ofReachedLks(documentVersions.documentId),
          ),
        )
        .orderBy(desc(documentVersions.version));
    },

    /** Versions of every document of an application, newest first. */
    async versionsOfApplication(applicationId: string) {
      return versionsQuery()
        .innerJoin(documents, eq(documents.id, documentVersions.documentId))
        .where(
          and(
            inArray(documentVersions.tenantId, [...readable]),
            eq(documents.applicationId, applicationId),
            withinLks(documents.lksId, lksIds),
            isNull(documents.assignmentId),
          ),
        )
        .orderBy(desc(documentVersions.version));
    },

    async version(documentId: string, version: number) {
      const rows = await versionsQuery().where(
        and(
          inArray(documentVersions.tenantId, [...readable]),
          eq(documentVersions.documentId, documentId),
          eq(documentVersions.version, version),
          ofReachedLks(documentVersions.documentId),
        ),
      );
      return rows[0] ?? null;
    },

    /**
     * The application's documents (requirements and the LKS's evidence). Asesors' visit photos are
     * left out: they are blind until the team has submitted, and never the LKS's.
     */
    async documentsOfApplication(applicationId: string): Promise<DocumentRow[]> {
      return db
        .select()
        .from(documents)
        .where(
          and(
            inArray(documents.tenantId, [...readable]),
            eq(documents.applicationId, applicationId),
            withinLks(documents.lksId, lksIds),
            isNull(documents.assignmentId),
          ),
        )
        .orderBy(documents.slot);
    },

    /** The documents behind an LKS's profile fields (decree, deed, NPWP card…), by field. */
    async profileDocumentsOfLks(lksId: string): Promise<DocumentRow[]> {
      return db
        .select()
        .from(documents)
        .where(
          and(
            inArray(documents.tenantId, [...readable]),
            eq(documents.lksId, lksId),
            isNotNull(documents.profileField),
            withinLks(documents.lksId, lksIds),
          ),
        )
        .orderBy(documents.profileField);
    },

    setThumbnail(blobId: string, key: string, size: number) {
      return db
        .update(blobs)
        .set({ thumbnailKey: key, thumbnailSize: size })
        .where(and(eq(blobs.tenantId, own.id), eq(blobs.id, blobId)));
    },

    /**
     * Sets one checklist item in place, inside SQL, so an upload completing for one requirement
     * never overwrites another's change made at the same moment.
     */
    /** `notes` (when given) replaces the item's thread: the caller adds to what it read, under the version guard. */
    setChecklistItem(
      applicationId: string,
      key: string,
      change: {
        status: "uploaded" | "accepted" | "returned";
        documentId?: string | SQL;
        comment?: string;
        notes?: { message: string; at: string }[];
      },
      guard?: { expectedVersion: number },
    ) {
      const thread = change.notes ? sql`, '$.notes', json(${JSON.stringify(change.notes)})` : sql``;
      const patched = sql`json_set(value, '$.status', ${change.status}${change.documentId ? sql`, '$.documentId', ${change.documentId}` : sql``}${change.comment ? sql`, '$.comment', ${change.comment}` : sql``}${thread})`;
      // A new file replaces a document carried over from the last cycle: it is this cycle's own.
      const fresh = change.status === "uploaded" ? sql`json_remove(${patched}, '$.carriedFrom')` : patched;
      const item = change.comment ? fresh : sql`json_remove(${fresh}, '$.comment')`;
      return db
        .update(applications)
        .set({
          checklist: sql`(SELECT json_group_array(CASE WHEN json_extract(value, '$.key') = ${key} THEN json(${item}) ELSE json(value) END) FROM json_each(${applications.checklist}))`,
          updatedAt: isoNow(),
          ...(guard ? { version: guard.expectedVersion + 1 } : {}),
        })
        .where(
          and(
            eq(applications.tenantId, own.id),
            eq(applications.id, applicationId),
            guard ? eq(applications.version, guard.expectedVersion) : undefined,
          ),
        );
    },
  };
}

export type DocumentStore = ReturnType<typeof documentStore>;
export type StoredVersion = Awaited<ReturnType<DocumentStore["versionsOf"]>>[number];
