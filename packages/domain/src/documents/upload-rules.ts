import { canActAs, type TenantAccess } from "../tenancy/access.ts";
import { DOCUMENT_TYPES, type DocumentType } from "../applications/checklist.ts";
import type { StepActor } from "../workflow/definition.ts";
import { documentTypeOf, type SniffedType } from "./file-type.ts";

const MB = 1024 * 1024;

/** What an upload must satisfy: the requirement's own rule, or the defaults below for evidence and profile documents. */
export interface UploadRule {
  acceptedTypes: readonly DocumentType[];
  maxBytes: number;
}

/** Evidence for an assessment indicator (Formulir B): photos and scans of what the asesor will see. */
export const EVIDENCE_RULE: UploadRule = { acceptedTypes: ["pdf", "jpeg", "png", "webp", "heic"], maxBytes: 20 * MB };

/**
 * A photo an asesor takes on site as evidence for a score (issue 13): an image only, already
 * downscaled on the device, so a few megabytes are plenty and a slow link stays usable.
 */
export const VISIT_PHOTO_RULE: UploadRule = { acceptedTypes: ["jpeg", "png", "webp", "heic"], maxBytes: 10 * MB };

/** Documents behind LKS profile fields (deeds, decrees, cards). */
export const PROFILE_DOCUMENT_RULE: UploadRule = {
  acceptedTypes: ["pdf", "jpeg", "png", "webp", "heic"],
  maxBytes: 10 * MB,
};

/** The hard ceiling of one upload, whatever a tenant configures. */
export const MAX_UPLOAD_BYTES = 100 * MB;

const MIME_TO_TYPE: Record<string, DocumentType> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpeg",
  "image/jpg": "jpeg",
  "image/pjpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
  "image/heif": "heic",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

/** The checklist type name of a declared MIME type, or null for types Akrab does not take. */
export function documentTypeOfMime(mime: string): DocumentType | null {
  return MIME_TO_TYPE[mime.trim().toLowerCase()] ?? null;
}

export type TypeVerdict = "ok" | "not_accepted" | "mismatch";

/**
 * Checks the bytes against the declared type and the rule: the first bytes decide what a file
 * is; a name or a declared type proves nothing.
 */
export function checkSniffedType(sniffed: SniffedType | null, declaredMime: string, rule: UploadRule): TypeVerdict {
  const declared = documentTypeOfMime(declaredMime);
  if (!declared || !rule.acceptedTypes.includes(declared)) return "not_accepted";
  if (!sniffed || documentTypeOf(sniffed) !== declared) return "mismatch";
  return "ok";
}

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** The application a document is going to, as the upload rules see it. */
export interface UploadPlace {
  lksId: string;
  /** The application's current step. */
  application: { stepActor: StepActor; terminal: boolean };
}

/**
 * Who may add a document to an application: the LKS's own operators while the application is with
 * the LKS, and the tenant's verifiers and admins while it is open. Readers through a province or
 * nationally never upload. A profile document is part of the profile: whoever may edit the LKS
 * adds it (the registry's `lksRefusal(…, "edit")`), so a Kemensos unit's stays with BALKS.
 */
export function canUploadFor(access: TenantAccess, place: UploadPlace): boolean {
  if (place.application.terminal) return false;
  const staff = canActAs(access, ["dinsos_verifier", "tenant_admin"]);
  const ownOperator =
    access.via === "member" && access.roles.includes("lks_operator") && access.lksIds.includes(place.lksId);
  return staff || (ownOperator && place.application.stepActor === "lks");
}

/**
 * Who may go on with an upload already started (resume, cancel): the person who started it, and
 * the tenant's verifiers and admins; an asesor only their own upload to an application they are
 * assigned to (a visit photo). Cheap on purpose: a resumed chunk must reach the upload without a
 * round of queries, and where the file may land is checked again when it completes.
 */
export function canContinueUpload(
  access: TenantAccess,
  upload: { createdBy: string | null; lksId: string; applicationId: string | null },
  userId: string,
): boolean {
  if (access.via === "assignment")
    return (
      upload.createdBy === userId &&
      upload.applicationId !== null &&
      access.applicationIds.includes(upload.applicationId)
    );
  if (canActAs(access, ["dinsos_verifier", "tenant_admin"])) return true;
  return access.via === "member" && upload.createdBy === userId && access.lksIds.includes(upload.lksId);
}
