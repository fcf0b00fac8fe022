import {
  APPLICATION_KINDS,
  CARRY_REFUSALS,
  CERTIFICATE_STATUSES,
  DEFAULT_REQUIREMENT_MAX_BYTES,
  DOCUMENT_TYPES,
  LKS_TYPES,
  MAX_UPLOAD_BYTES,
  REQUIREMENT_KEY_PATTERN,
} from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { Text, MultilineText } from "./common.ts";
import { CalendarDate } from "./lks-profile.ts";

const msg = (id: string, en: string) => `${id} / ${en}`;
const Label = z.object({ id: z.string(), en: z.string() });

export const ApplicationLetter = z
  .object({
    number: Text().min(1, msg("Nomor surat wajib diisi", "Letter number is required")).max(100),
    date: CalendarDate,
    signatoryName: Text().min(2, msg("Nama penanda tangan wajib diisi", "Signatory is required")).max(120),
    signatoryPosition: Text()
      .min(2, msg("Jabatan penanda tangan wajib diisi", "Signatory position is required"))
      .max(80),
    summary: MultilineText()
      .max(2000)
      .optional()
      .openapi({ description: "Why the LKS applies now; what changed since the last accreditation" }),
  })
  .openapi("ApplicationLetter");

export const ApplicationCreate = z
  .object({
    lksId: z.string().min(1).max(64),
    kind: z.enum(APPLICATION_KINDS),
    letter: ApplicationLetter.partial().openapi({
      description:
        "Every field for a first application. A renewal takes the signatory and summary the caller leaves out from the last cycle's letter; the number and date are always the new letter's own.",
    }),
  })
  .openapi("ApplicationCreate");

export const ReturnItem = z
  .object({
    kind: z.enum(["document", "profile_field", "letter", "indicator"]),
    ref: Text().min(1).max(80).openapi({
      description: "Checklist key, profile field name, letter field, or indicator code of the pinned instrument",
    }),
    message: MultilineText().min(3, msg("Komentar minimal 3 karakter", "Comment too short")).max(1000),
  })
  .openapi("ReturnItem");

export const TransitionRequest = z
  .object({
    action: Text().min(1).max(40),
    comment: MultilineText().max(4000).optional(),
    items: z
      .array(ReturnItem)
      .max(100)
      .optional()
      .openapi({ description: "For returns: exactly what the LKS must fix" }),
    expectedVersion: z.number().int().min(1),
  })
  .openapi("TransitionRequest");

export const ChecklistItemView = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  nameEn: z.string().openapi({ description: "English name; empty when the Dinsos wrote none" }),
  descriptionEn: z.string(),
  required: z.boolean(),
  acceptedTypes: z.array(z.enum(DOCUMENT_TYPES)),
  maxBytes: z.number().int(),
  status: z.enum(["missing", "uploaded", "returned", "accepted"]),
  documentId: z
    .string()
    .optional()
    .openapi({ description: "The document uploaded for this requirement (see /documents/{id})" }),
  comment: z.string().optional().openapi({ description: "Why the verifier returned the document (the latest note)" }),
  carriedFrom: z.string().optional().openapi({
    description:
      "A renewal's document carried over from the last cycle: that application's id (gone once the LKS uploads a new file). The Dinsos still reviews it.",
  }),
  notes: z
    .array(z.object({ message: z.string(), at: z.string() }))
    .optional()
    .openapi({
      description: "Every note left on this document, oldest first (returned one by one and with the application)",
    }),
});

// Not a named component: `.nullable()` of a named one makes the component itself nullable in the document.
const FileVersionView = z.object({
  documentId: z.string(),
  version: z.number().int(),
  filename: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});

/** What the caller may do with the application now, so clients show exactly the controls the API will accept. */
export const ApplicationPermissions = z
  .object({
    mayUpload: z.boolean().openapi({ description: "Add a file to a checklist requirement or as evidence" }),
    mayEditLetter: z
      .boolean()
      .openapi({ description: "Correct the application letter (the LKS's operators while it is with them)" }),
    mayReviewDocuments: z
      .boolean()
      .openapi({ description: "Accept or return documents one by one (whoever acts at a Dinsos or BALKS step)" }),
    mayTakeAction: z.boolean().openapi({ description: "Take one of availableActions" }),
  })
  .openapi("ApplicationPermissions");

export const ApplicationView = z
  .object({
    id: z.string(),
    kind: z.enum(APPLICATION_KINDS),
    lks: z.object({ id: z.string(), name: z.string() }),
    tenant: z.object({ slug: z.string(), name: z.string() }),
    step: z.object({ id: z.string(), label: Label, actor: z.string(), terminal: z.boolean() }),
    workflowVersion: z.number().int(),
    version: z.number().int(),
    letter: ApplicationLetter,
    checklist: z.array(ChecklistItemView),
    returnItems: z.array(ReturnItem),
    availableActions: z.array(
      z.object({
        action: z.string(),
        label: Label,
        to: z.string(),
        commentRequired: z.boolean(),
        checklistRequired: z.boolean(),
        selfAssessmentRequired: z.boolean(),
      }),
    ),
    permissions: ApplicationPermissions,
    stepEnteredAt: z.string(),
    stepDueAt: z.string().nullable(),
    overdue: z.boolean(),
    submittedAt: z.string().nullable(),
    instrumentVersionId: z.string().nullable().openapi({
      description:
        "The instrument version pinned when the application was first submitted (null before); read it at …/instrument",
    }),
    createdAt: z.string(),
    changesSinceReturn: z.array(
      z.object({ field: z.string(), oldValue: z.unknown(), newValue: z.unknown(), changedAt: z.string() }),
    ),
    documentChanges: z
      .array(z.object({ key: z.string(), name: z.string(), old: FileVersionView.nullable(), new: FileVersionView }))
      .openapi({
        description:
          "Documents replaced (or first uploaded) since the last return: the file seen at the return and the newest",
      }),
  })
  .openapi("Application");
export type ApplicationView = z.output<typeof ApplicationView>;

export const TimelineEntry = z
  .object({
    action: z.string(),
    from: z.object({ id: z.string(), label: Label }).nullable(),
    to: z.object({ id: z.string(), label: Label }),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    comment: z.string().nullable(),
    items: z.array(ReturnItem),
    at: z.string(),
    secondsInPreviousStep: z.number().int().nullable(),
    previousStepDueAt: z.string().nullable(),
    previousStepOverdue: z.boolean(),
  })
  .openapi("TimelineEntry");
export type TimelineEntry = z.output<typeof TimelineEntry>;

export const InboxQuery = z.object({
  step: z.string().max(40).optional(),
  area: z.string().max(80).optional().openapi({ description: "For a province: one kab/kota tenant's slug" }),
  overdue: z.enum(["true", "false"]).optional(),
});

/** Filters of BALKS's inbox and of the national readers' list: where the LKS is, the step, lateness, the LKS's type. */
export const NationalApplicationQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/, msg("Kode provinsi dua angka", "Province code is two digits"))
    .optional()
    .openapi({ description: "Province code (Kemendagri), e.g. 36" }),
  regency: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, msg("Kode kab/kota seperti 36.71", "Kab/kota code like 36.71"))
    .optional()
    .openapi({ description: "Kab/kota code (Kemendagri), e.g. 36.71" }),
  step: z.string().max(40).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  lksType: z.enum(LKS_TYPES).optional(),
});

export const InboxItem = z
  .object({
    id: z.string(),
    lks: z.object({ id: z.string(), name: z.string() }),
    tenant: z.object({ slug: z.string(), name: z.string() }),
    kind: z.enum(APPLICATION_KINDS),
    step: z.object({ id: z.string(), label: Label }),
    stepDueAt: z.string().nullable(),
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .openapi("InboxItem");

export const InboxPage = z
  .object({ items: z.array(InboxItem), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi("InboxPage");

export const DocumentRequirementInput = z
  .object({
    key: z
      .string()
      .regex(
        REQUIREMENT_KEY_PATTERN,
        msg(
          "Kode: huruf kecil, angka dan garis bawah, diawali huruf",
          "Code: lowercase letters, digits and underscores",
        ),
      ),
    name: Text()
      .min(3, msg("Nama minimal 3 karakter", "Name has at least 3 characters"))
      .max(120, msg("Nama paling banyak 120 karakter", "Name has at most 120 characters")),
    description: MultilineText().max(
      400,
      msg("Keterangan paling banyak 400 karakter", "Description has at most 400 characters"),
    ),
    nameEn: Text()
      .max(120, msg("Nama (Inggris) paling banyak 120 karakter", "English name has at most 120 characters"))
      .default("")
      .openapi({ description: "English name; empty shows the Indonesian one" }),
    descriptionEn: MultilineText()
      .max(
        400,
        msg("Keterangan (Inggris) paling banyak 400 karakter", "English description has at most 400 characters"),
      )
      .default(""),
    required: z.boolean(),
    acceptedTypes: z.array(z.enum(DOCUMENT_TYPES)).min(1, msg("Pilih minimal satu jenis berkas", "Choose a file type")),
    maxBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(MAX_UPLOAD_BYTES)
      .default(DEFAULT_REQUIREMENT_MAX_BYTES)
      .openapi({ description: "Largest file accepted, in bytes (20 MB when absent)" }),
  })
  .openapi("DocumentRequirement");

export const ChecklistReplace = z
  .object({ items: z.array(DocumentRequirementInput).min(1).max(100) })
  .refine((body) => new Set(body.items.map((i) => i.key)).size === body.items.length, {
    message: msg("Kunci dokumen harus unik", "Document keys must be unique"),
    path: ["items"],
  })
  .openapi("ChecklistReplace");

/** What a renewal of the LKS would start from now (shown before the draft is created). */
export const RenewalPlanView = z
  .object({
    previous: z
      .object({
        applicationId: z.string(),
        certificate: z.object({
          number: z.string(),
          grade: z.string(),
          validUntil: z.string(),
          status: z.enum(CERTIFICATE_STATUSES),
        }),
      })
      .nullable()
      .openapi({
        description: "The last completed cycle: the application of the LKS's latest certificate; null without one",
      }),
    suggested: z.boolean().openapi({
      description: "True when the latest certificate is ending soon or has ended: offer the renewal first",
    }),
    letter: ApplicationLetter.partial().openapi({ description: "The letter fields the new draft takes over" }),
    documents: z.array(
      z.object({ key: z.string(), name: z.string(), nameEn: z.string(), filename: z.string(), size: z.number().int() }),
    ),
    left: z
      .array(
        z.object({
          key: z.string(),
          name: z.string(),
          nameEn: z.string(),
          filename: z.string(),
          reason: z.enum(CARRY_REFUSALS),
        }),
      )
      .openapi({ description: "The last cycle's documents that are not carried over, and why" }),
  })
  .openapi("RenewalPlan");
export type RenewalPlanView = z.output<typeof RenewalPlanView>;
