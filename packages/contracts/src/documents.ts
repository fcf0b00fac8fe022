import { z } from "@hono/zod-openapi";
import { MultilineText } from "./common.ts";
import { ScorePhotoTarget } from "./visit-scoring.ts";

const msg = (id: string, en: string) => `${id} / ${en}`;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** One stored version of a document: who uploaded what, when. Nothing here is ever rewritten. */
export const DocumentVersionView = z
  .object({
    version: z.number().int().min(1),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    pageCount: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Pages of a PDF, so a reader on a slow link knows before downloading" }),
    hasThumbnail: z.boolean(),
    uploadedAt: z.string(),
    uploadedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi("DocumentVersion");
export type DocumentVersionView = z.output<typeof DocumentVersionView>;

export const DocumentView = z
  .object({
    id: z.string(),
    lksId: z.string(),
    applicationId: z.string().nullable(),
    requirement: z.string().nullable().openapi({ description: "Checklist key of the application's requirement" }),
    indicator: z.string().nullable().openapi({ description: "Assessment indicator code (evidence, Formulir B)" }),
    profileField: z.string().nullable().openapi({ description: "LKS profile field the document proves" }),
    current: DocumentVersionView,
    versions: z.array(DocumentVersionView).openapi({ description: "Newest first" }),
  })
  .openapi("Document");
export type DocumentView = z.output<typeof DocumentView>;

export const DocumentList = z.object({ items: z.array(DocumentView) }).openapi("DocumentList");

/**
 * What a tus upload is for, carried in Upload-Metadata (values base64 as tus requires):
 * an application's requirement, an assessment indicator of an application, an LKS profile field, or
 * a photo on an asesor's score sheet (issue 13).
 */
export const UploadTarget = z.union([
  z.object({ applicationId: z.string().min(1).max(64), requirement: z.string().min(1).max(80) }).strict(),
  z
    .object({ applicationId: z.string().min(1).max(64), indicator: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/) })
    .strict(),
  z
    .object({ lksId: z.string().min(1).max(64), profileField: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]{0,59}$/) })
    .strict(),
  ScorePhotoTarget,
]);
export type UploadTarget = z.output<typeof UploadTarget>;

export const UploadMetadata = z.object({
  filename: z.string().min(1, msg("Nama berkas wajib ada", "filename is required")).max(1024),
  filetype: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, msg("Jenis berkas tidak valid", "filetype must be a MIME type")),
  sha256: z
    .string()
    .toLowerCase()
    .regex(SHA256_HEX, msg("sha256 harus 64 digit heksadesimal", "sha256 must be 64 hex digits")),
});

export const ChecklistReturn = z
  .object({
    comment: MultilineText().min(3, msg("Komentar minimal 3 karakter", "Comment too short")).max(1000),
    expectedVersion: z.number().int().min(1),
  })
  .openapi("ChecklistReturn");

export const ChecklistAccept = z.object({ expectedVersion: z.number().int().min(1) }).openapi("ChecklistAccept");
