import type { TenantEnv } from "../env.ts";
import type { DocumentVersionView, DocumentView } from "@akrab/contracts";
import {
  expectRow,
  isGuardAbort,
  type BlobRow,
  type DocumentRow,
  type DocumentSlot,
  type PhotoCapture,
  type StoredVersion,
  type UploadRow,
} from "@akrab/db";
import {
  EVIDENCE_RULE,
  MIME_TYPES,
  PROFILE_DOCUMENT_RULE,
  VISIT_PHOTO_RULE,
  canContinueUpload,
  canUploadFor,
  isImprovementEvidenceKey,
  lksRefusal,
  profileDocumentFields,
  type LegalForm,
  type ProfileDocumentField,
  type UploadRule,
} from "@akrab/domain";
import type { Context } from "hono";
import { PDFDocument } from "pdf-lib";
import { audit } from "../lib/audit.ts";
import { Problem, notFound } from "../middleware/problem/index.ts";
import { visibleApplication } from "../routes/applications/show.ts";
import type { UploadCompletion } from "../uploads/upload-session.ts";
import { currentStep, definitionFor } from "./applications.ts";
import { improvementEvidenceSlot } from "./improvement-evidence.ts";
import { instrumentCodes } from "./self-assessment.ts";
import { refuseClosed } from "./visit-scoring.ts";

/** A document's place with the rule its files must follow. */
export interface ResolvedSlot {
  slot: DocumentSlot;
  rule: UploadRule;
}

/** Where an upload is asked to go: a tus target as sent, or the slot an upload row was made for. */
type SlotTarget = Partial<DocumentSlot> & {
  photoId?: string;
  takenAt?: string;
  latitude?: number | undefined;
  longitude?: number | undefined;
};

/** A visit photo's assignment and capture, from a tus target or from the slot of an upload row; null for any other target. */
function photoOf(target: SlotTarget): { assignmentId: string; capture: PhotoCapture } | null {
  if (!target.assignmentId) return null;
  if (target.capture) return { assignmentId: target.assignmentId, capture: target.capture };
  if (!target.photoId || !target.indicator || !target.takenAt) return null;
  return {
    assignmentId: target.assignmentId,
    capture: {
      photoId: target.photoId,
      indicator: target.indicator,
      takenAt: target.takenAt,
      latitude: target.latitude ?? null,
      longitude: target.longitude ?? null,
    },
  };
}

/**
 * Finds where an upload goes and checks the caller may put a file there: the application's
 * requirement (its own size and type rule), an indicator of the application, an LKS profile
 * field, or (for an asesor, nothing else) a photo on their score sheet. Objects of other tenants
 * are 404; a place the caller sees but may not change is 403.
 */
export async function resolveSlot(c: Context<TenantEnv>, target: SlotTarget): Promise<ResolvedSlot> {
  const scope = c.get("scope");
  const access = c.get("access");
  const photo = photoOf(target);
  if (access.via === "assignment" || photo) {
    // The assignment axis reaches uploads only for its photos; a photo is only an asesor's.
    if (access.via !== "assignment" || !photo) throw notFound();
    return photoSlot(c, access.applicationIds, photo);
  }
  if (target.applicationId) {
    const app = await visibleApplication(c, target.applicationId);
    if (app.tenantId !== scope.tenant.id) throw forbidden();
    if (target.requirement && isImprovementEvidenceKey(target.requirement))
      return improvementEvidenceSlot(c, app, target.requirement);
    const step = currentStep(await definitionFor(scope.applications, app), app.step);
    if (!canUploadFor(access, { lksId: app.lksId, application: { stepActor: step.actor, terminal: step.terminal } }))
      throw forbidden();
    const slot = {
      lksId: app.lksId,
      applicationId: app.id,
      requirement: target.requirement ?? null,
      indicator: target.indicator ?? null,
      profileField: null,
      assignmentId: null,
      capture: null,
    };
    if (target.indicator) {
      // Evidence for an indicator of the instrument the application is assessed on, never a made-up code.
      if (!(await instrumentCodes(scope, app)).has(target.indicator))
        throw new Problem(
          "validation",
          "Indikator tidak ada pada instrumen permohonan ini / No such indicator in this application's instrument",
          {
            errors: [
              {
                path: "indicator",
                message: `Kode indikator tidak dikenal: ${target.indicator} / Unknown indicator code: ${target.indicator}`,
              },
            ],
          },
        );
      return { slot, rule: EVIDENCE_RULE };
    }
    if (!target.requirement) return { slot, rule: EVIDENCE_RULE };
    const item = app.checklist.find((i) => i.key === target.requirement);
    if (!item) throw notFound();
    return { slot, rule: { acceptedTypes: item.acceptedTypes, maxBytes: item.maxBytes } };
  }
  const lksId = target.lksId ?? "";
  const lks = await scope.lks.findOwn(lksId);
  if (!lks) throw notFound();
  // A profile document is part of the profile: the rule that lets the caller edit it decides.
  const refusal = lksRefusal(
    access,
    { id: lks.id, ownership: lks.ownership, status: lks.status, inOwnTenant: true },
    "edit",
  );
  if (refusal === "status") throw new Problem("conflict", "LKS ini tidak aktif / This LKS is inactive");
  if (refusal) throw forbidden();
  // Only the documents its ownership keeps: a yayasan holds no decree, a panti no notarial deed.
  const fields = profileDocumentFields(lks.ownership, (lks.profile as { legalForm?: LegalForm }).legalForm);
  if (!fields.includes(target.profileField as ProfileDocumentField)) {
    throw new Problem(
      "validation",
      "Dokumen profil ini tidak untuk LKS ini / This LKS keeps no such profile document",
      {
        errors: [{ path: "profileField", message: `Harus salah satu dari / Must be one of: ${fields.join(", ")}` }],
      },
    );
  }
  return {
    slot: {
      lksId,
      applicationId: null,
      requirement: null,
      indicator: null,
      profileField: target.profileField ?? null,
      assignmentId: null,
      capture: null,
    },
    rule: PROFILE_DOCUMENT_RULE,
  };
}

/**
 * A photo on the caller's own score sheet: their accepted assignment on an application they reach,
 * while the sheet may still change, for an indicator of the application's instrument.
 */
async function photoSlot(
  c: Context<TenantEnv>,
  applicationIds: readonly string[],
  { assignmentId, capture }: { assignmentId: string; capture: PhotoCapture },
): Promise<ResolvedSlot> {
  const scope = c.get("scope");
  const user = c.get("principal").user;
  const found = await scope.asesors.assignment(assignmentId);
  const mine =
    found !== null &&
    found.assignment.status === "accepted" &&
    applicationIds.includes(found.assignment.applicationId) &&
    (found.userId === user.id || (found.userId === null && found.email === user.email.toLowerCase()));
  const app = mine ? await scope.applications.find(found.assignment.applicationId) : null;
  if (!app) throw notFound();
  refuseClosed(app, (await scope.scoring.ofAssignment(assignmentId))?.submittedAt ?? null);
  if (!(await instrumentCodes(scope, app)).has(capture.indicator))
    throw new Problem(
      "validation",
      "Indikator tidak ada pada instrumen permohonan ini / No such indicator in this application's instrument",
      {
        errors: [
          {
            path: "Upload-Metadata.indicator",
            message: `Kode indikator tidak dikenal: ${capture.indicator} / Unknown indicator code: ${capture.indicator}`,
          },
        ],
      },
    );
  return {
    slot: {
      lksId: app.lksId,
      applicationId: app.id,
      requirement: null,
      indicator: null,
      profileField: null,
      assignmentId,
      capture,
    },
    rule: VISIT_PHOTO_RULE,
  };
}

/** The caller's own upload, or one a verifier of the tenant may handle; another is a 404. */
export async function continuableUpload(c: Context<TenantEnv>, id: string): Promise<UploadRow> {
  const upload = await c.get("scope").documents.findUpload(id);
  if (!upload) throw notFound();
  if (!canContinueUpload(c.get("access"), upload, c.get("principal").user.id)) throw forbidden();
  return upload;
}

/** The slot an upload row was created for. */
function slotOfUpload(upload: UploadRow): DocumentSlot {
  return {
    lksId: upload.lksId,
    applicationId: upload.applicationId,
    requirement: upload.requirement,
    indicator: upload.indicator,
    profileField: upload.profileField,
    assignmentId: upload.assignmentId,
    capture: upload.capture,
  };
}

function forbidden(): Problem {
  return new Problem(
    "forbidden",
    "Anda tidak dapat mengunggah dokumen ke sini sekarang / You cannot upload a document here now",
  );
}

/**
 * Links a stored content to the upload's document as a new version, updates the checklist and
 * writes the audit event, in one batch. The version's unique upload id makes a racing second
 * completion fail as a whole; it then answers with the version the first one made.
 */
export async function linkVersion(c: Context<TenantEnv>, upload: UploadRow, blob: BlobRow): Promise<string> {
  const db = c.get("db");
  const store = c.get("scope").documents;
  const slot = slotOfUpload(upload);
  const principal = c.get("principal");
  try {
    await db.batch([
      ...store.addVersion({
        slot,
        blobId: blob.id,
        filename: upload.filename,
        uploadId: upload.id,
        uploadedBy: principal.user.id,
      }),
      audit(c, {
        action: "document.uploaded",
        tenantId: upload.tenantId,
        targetType: "lks",
        targetId: upload.lksId,
        data: {
          uploadId: upload.id,
          applicationId: upload.applicationId,
          requirement: upload.requirement,
          indicator: upload.indicator,
          profileField: upload.profileField,
          sha256: blob.sha256,
          size: blob.size,
        },
      }),
    ]);
  } catch (error) {
    const raced = await store.versionOfUpload(upload.id);
    if (raced) return raced.documentId;
    throw isGuardAbort(error)
      ? new Problem("conflict", "Unggahan sedang dicatat / The upload is being recorded")
      : error;
  }
  return expectRow(await store.documentOfSlot(slot), "Document of the slot").id;
}

/**
 * Records a completed upload: content already stored in the tenant is kept once (the new copy is
 * deleted), a PDF gets its page count, and the document gains a version. A retried completion
 * finds the version it already made.
 */
export async function recordCompletedUpload(
  c: Context<TenantEnv>,
  upload: UploadRow,
  completion: UploadCompletion,
): Promise<string> {
  const store = c.get("scope").documents;
  const done = await store.versionOfUpload(upload.id);
  if (done) return done.documentId;
  // The application may have moved on while the bytes travelled: the file lands only where the
  // caller may still put it.
  try {
    await resolveSlot(c, slotOfUpload(upload));
  } catch (refusal) {
    await c.env.DOCS.delete(completion.key);
    await store.finishUpload(upload.id, "failed");
    throw refusal;
  }
  let blob = await store.findBlob(completion.sha256);
  if (!blob) {
    const pageCount =
      completion.contentType === "application/pdf" ? await countPdfPages(c.env.DOCS, completion.key) : null;
    blob = await store.keepBlob({
      sha256: completion.sha256,
      size: completion.size,
      contentType: MIME_TYPES[completion.contentType],
      r2Key: completion.key,
      pageCount,
    });
  }
  if (blob.r2Key !== completion.key) await c.env.DOCS.delete(completion.key);
  return linkVersion(c, upload, blob);
}

async function countPdfPages(bucket: R2Bucket, key: string): Promise<number | null> {
  const object = await bucket.get(key);
  if (!object) return null;
  try {
    const pdf = await PDFDocument.load(await object.arrayBuffer(), {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
    return pdf.getPageCount();
  } catch {
    // Damaged or unusual PDFs are still kept; readers just do not see a page count.
    return null;
  }
}

function presentVersion(v: StoredVersion): DocumentVersionView {
  return {
    version: v.version,
    filename: v.filename,
    contentType: v.contentType,
    size: v.size,
    sha256: v.sha256,
    pageCount: v.pageCount,
    hasThumbnail: v.thumbnailKey !== null,
    uploadedAt: v.uploadedAt,
    uploadedBy: v.uploadedById ? { id: v.uploadedById, name: v.uploadedByName ?? "" } : null,
  };
}

export function presentDocument(document: DocumentRow, versions: readonly StoredVersion[]): DocumentView {
  const own = versions.filter((v) => v.documentId === document.id);
  return {
    id: document.id,
    lksId: document.lksId,
    applicationId: document.applicationId,
    requirement: document.requirement,
    indicator: document.indicator,
    profileField: document.profileField,
    current: presentVersion(
      expectRow(own.find((v) => v.version === document.currentVersion) ?? own[0], "Document version"),
    ),
    versions: own.map(presentVersion),
  };
}

/** The document if the caller may see it (an LKS operator only its own LKS's); otherwise 404. */
export async function visibleDocument(c: Context<TenantEnv>, id: string): Promise<DocumentRow> {
  const document = await c.get("scope").documents.findDocument(id);
  if (!document) throw notFound();
  return document;
}
