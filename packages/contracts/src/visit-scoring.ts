import { SAFEGUARDING_KINDS, TEAM_ROLES } from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { MultilineText } from "./common.ts";
import { ApplicationLetter } from "./applications.ts";
import { InstrumentDetail } from "./instrument-api.ts";
import { PreviousCycleView, SelfAssessmentAnswer, SelfAssessmentEvidence } from "./self-assessment.ts";

/**
 * The asesor's visit over the API (issue 13 "The visit, offline"): the pack downloaded before
 * leaving signal, the blind score sheet written on the device and synced in batches, and the
 * team's sheets once everyone has submitted. Which levels an indicator takes, who sees which sheet
 * and what reconciles how are the domain's rules (`scoreSheetProblems`, `visibleSheets`); these are
 * only the shapes. A device keeps them in its outbox: every write carries the version it started
 * from and, per field it changed, the value it started from (the same merge as the self-assessment).
 */
const msg = (id: string, en: string) => `${id} / ${en}`;
const Bilingual = z.object({ id: z.string(), en: z.string() });
const IndicatorCode = z
  .string()
  .max(12)
  .regex(/^[0-9.]+$/, msg("Kode indikator berupa angka bertitik, mis. 2.3.4", "An indicator code, e.g. 2.3.4"));
const ChecklistCode = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9_]+$/, msg("Kode dokumen daftar periksa", "A checklist document's code"));
/** Ids a device makes while offline (a UUID or similar): letters, digits, `-` and `_`. */
const DeviceId = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{8,64}$/,
    msg("Id dari perangkat: 8–64 huruf, angka, - atau _", "A device id: 8–64 letters, digits, - or _"),
  );
const Instant = z.iso.datetime({ offset: true, message: msg("Waktu ISO 8601", "An ISO 8601 time") });

const Level = z
  .number()
  .finite()
  .nullable()
  .openapi({ description: "The rubric level's score the asesor gives; null leaves it blank" });
const Note = MultilineText().max(
  2000,
  msg("Catatan paling banyak 2000 karakter", "A note has at most 2000 characters"),
);
const BaseVersion = z
  .number()
  .int()
  .min(0)
  .openapi({ description: "The version the device started from; 0 when it had none" });

// ---------------------------------------------------------------------------------------------
// The sheet as stored

export const ScoreEntry = z
  .object({
    indicator: z.string(),
    level: z.number().nullable(),
    note: z.string(),
    version: z.number().int().openapi({ description: "Bumped by every save; send it back as `baseVersion`" }),
    updatedAt: z.string(),
  })
  .openapi("ScoreEntry");

export const SafeguardingFindingView = z
  .object({
    id: z.string().openapi({ description: "The device's id for the finding (a replay with it adds nothing)" }),
    indicator: z.string(),
    kind: z.enum(SAFEGUARDING_KINDS),
    description: z.string(),
    reportedAt: z.string().openapi({ description: "When the asesor wrote it down (the device's clock)" }),
  })
  .openapi("SafeguardingFinding");

export const DocumentCheck = z
  .object({
    code: z.string().openapi({ description: "The application's checklist key" }),
    present: z.boolean().nullable().openapi({ description: "The original was seen on site; null: not checked yet" }),
    note: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi("DocumentCheck", { description: "Formulir C's document check for one checklist document" });

export const ScorePhoto = z
  .object({
    documentId: z.string(),
    photoId: z.string().openapi({ description: "The device's id for the photo (Upload-Metadata `photoId`)" }),
    indicator: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    hasThumbnail: z.boolean(),
    takenAt: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    uploadedAt: z.string(),
  })
  .openapi("ScorePhoto", {
    description:
      "A photo taken as evidence, uploaded through tus (`POST /api/v1/t/{tenant}/uploads`) with Upload-Metadata `assignmentId`, `indicator`, `photoId`, `takenAt` and optionally `latitude`/`longitude`",
  });

const SheetGap = z.object({
  field: z.string().openapi({ example: "entries[2.3.4].level" }),
  message: Bilingual,
});

export const ScoreSheetView = z
  .object({
    assignmentId: z.string(),
    applicationId: z.string(),
    asesor: z.object({ id: z.string(), name: z.string() }),
    role: z.enum(TEAM_ROLES),
    instrument: z.object({ id: z.string(), name: Bilingual }),
    entries: z.array(ScoreEntry).openapi({ description: "In instrument order; indicators never saved are absent" }),
    findings: z.array(SafeguardingFindingView),
    documentChecks: z.array(DocumentCheck).openapi({ description: "In checklist order; codes never saved are absent" }),
    photos: z.array(ScorePhoto),
    submittedAt: z.string().nullable().openapi({ description: "Set once submitted; the sheet is read-only after" }),
    missing: z
      .array(SheetGap)
      .openapi({ description: "What keeps the sheet from being submitted (empty: it may be submitted)" }),
    mayEdit: z.boolean().openapi({
      description: "The caller's own sheet, not yet submitted, while the application is at the visit step",
    }),
  })
  .openapi("ScoreSheet");
export type ScoreSheetView = z.output<typeof ScoreSheetView>;

// ---------------------------------------------------------------------------------------------
// Writes (what the device's outbox sends)

const EntryWrite = z.object({
  indicator: IndicatorCode,
  level: Level,
  note: Note,
  baseVersion: BaseVersion,
  base: z
    .object({ level: Level.optional(), note: z.string().max(2000).optional() })
    .optional()
    .openapi({
      description:
        "For each field the device changed, its value when it started. Sent, a newer entry on the server merges field by field (409 with `conflicts` only where both changed the same field differently)",
    }),
});

const FindingWrite = z.object({
  id: DeviceId,
  indicator: IndicatorCode,
  kind: z.enum(SAFEGUARDING_KINDS, {
    message: msg("Jenis temuan perlindungan tidak dikenal", "Unknown kind of safeguarding finding"),
  }),
  description: MultilineText()
    .min(3, msg("Uraikan temuan", "Describe the finding"))
    .max(2000, msg("Uraian paling banyak 2000 karakter", "A description has at most 2000 characters")),
  reportedAt: Instant,
});

const DocumentCheckWrite = z.object({
  code: ChecklistCode,
  present: z.boolean().nullable(),
  note: Note,
  baseVersion: BaseVersion,
  base: z
    .object({ present: z.boolean().nullable().optional(), note: z.string().max(2000).optional() })
    .optional()
    .openapi({ description: "As for entries: per field changed, its value when the device started" }),
});

export const ScoreSheetBatch = z
  .object({
    entries: z
      .array(EntryWrite)
      .max(250, msg("Paling banyak 250 nilai sekali kirim", "At most 250 scores at once"))
      .default([]),
    findings: z
      .array(FindingWrite)
      .max(50, msg("Paling banyak 50 temuan sekali kirim", "At most 50 findings at once"))
      .default([])
      .openapi({
        description:
          "New safeguarding findings. A finding is never edited or withdrawn once synced (it has alerted BALKS and the Dinsos); one sent again with the same id and content changes nothing, with other content it is a 409",
      }),
    documentChecks: z
      .array(DocumentCheckWrite)
      .max(100, msg("Paling banyak 100 dokumen sekali kirim", "At most 100 documents at once"))
      .default([]),
  })
  .refine((b) => b.entries.length + b.findings.length + b.documentChecks.length > 0, {
    message: msg("Kiriman kosong", "An empty batch"),
    path: ["entries"],
  })
  .openapi("ScoreSheetBatch", {
    description:
      "All or nothing. Problems name fields as the request's shape (`entries.3.level`); conflicts (409, Problem `conflicts`, both values) as `entries[2.3.4].level`, `documentChecks[akta].present`, `findings[id]`",
  });
export type ScoreSheetBatch = z.input<typeof ScoreSheetBatch>;

// ---------------------------------------------------------------------------------------------
// The team's sheets (blind until all are in)

export const TeamSheets = z
  .object({
    applicationId: z.string(),
    allSubmitted: z.boolean(),
    members: z.array(
      z.object({
        assignmentId: z.string(),
        asesorId: z.string(),
        name: z.string(),
        role: z.enum(TEAM_ROLES),
        submittedAt: z.string().nullable(),
        // A union, not `.nullable()`: that would make the named component itself nullable in the document.
        sheet: z.union([ScoreSheetView, z.null()]).openapi({
          description: "Null while the caller may not see it: nobody sees another's sheet until all have submitted",
        }),
      }),
    ),
  })
  .openapi("TeamSheets");
export type TeamSheets = z.output<typeof TeamSheets>;

// ---------------------------------------------------------------------------------------------
// The visit pack

export const VisitPack = z
  .object({
    assignment: z.object({ id: z.string(), role: z.enum(TEAM_ROLES), acceptedAt: z.string().nullable() }),
    team: z.array(z.object({ asesorId: z.string(), name: z.string(), role: z.enum(TEAM_ROLES) })),
    tenant: z.object({ slug: z.string(), name: z.string() }),
    application: z.object({
      id: z.string(),
      kind: z.string(),
      step: z.string(),
      submittedAt: z.string().nullable(),
      letter: ApplicationLetter,
    }),
    lks: z
      .object({
        id: z.string(),
        name: z.string(),
        types: z.array(z.string()),
        serviceMode: z.string(),
        address: z.object({ street: z.string(), regionCode: z.string(), districtCode: z.string() }),
        location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
        phone: z.string().nullable(),
        capacity: z.number().int().nullable(),
        currentClients: z.number().int().nullable(),
        staffCount: z.number().int().nullable(),
      })
      .openapi({ description: "What the visit needs to find and understand the LKS: no board members, no NIK" }),
    instrument: InstrumentDetail,
    selfAssessment: z.object({
      answers: z.array(SelfAssessmentAnswer),
      evidence: z
        .array(
          SelfAssessmentEvidence.extend({
            version: z.number().int().openapi({ description: "The version listed (the newest)" }),
            thumbnail: z
              .object({
                url: z.string().openapi({ description: "The preview's address (GET, same access as the document)" }),
                size: z.number().int().openapi({ description: "The preview's bytes" }),
              })
              .nullable()
              .openapi({
                description:
                  "A small JPEG or WebP preview made on the uploading device (images only; null for other files, shown by their type)",
              }),
          }),
        )
        .openapi({
          description:
            "Listed with sizes; thumbnails are kept on the device with the pack, originals fetched on request",
        }),
    }),
    checklist: z.array(
      z.object({
        code: z.string(),
        name: Bilingual,
        required: z.boolean(),
        documentId: z.string().nullable(),
        filename: z.string().nullable(),
        size: z.number().int().nullable(),
      }),
    ),
    previousCycle: PreviousCycleView,
    sheet: ScoreSheetView.openapi({ description: "The caller's own sheet as stored, to start the device from" }),
    size: z.object({
      pack: z.number().int().openapi({ description: "This JSON's size in bytes" }),
      evidence: z
        .number()
        .int()
        .openapi({ description: "All evidence originals together, in bytes (not in the pack)" }),
      thumbnails: z
        .number()
        .int()
        .openapi({ description: "All evidence thumbnails together, in bytes (kept on the device beside the pack)" }),
    }),
    generatedAt: z.string(),
  })
  .openapi("VisitPack");
export type VisitPack = z.output<typeof VisitPack>;

/** What a visit photo's tus upload carries in Upload-Metadata (besides filename, filetype, sha256). */
export const ScorePhotoTarget = z
  .object({
    assignmentId: z.string().min(1).max(64),
    indicator: IndicatorCode,
    photoId: DeviceId,
    takenAt: Instant,
    latitude: z.coerce.number().min(-90).max(90).optional(),
    longitude: z.coerce.number().min(-180).max(180).optional(),
  })
  .strict();
