import { CERTIFICATE_STATUSES, LKS_TYPES, REGISTRY_STATUSES } from "@akrab/domain";
import { z } from "@hono/zod-openapi";

/**
 * The public registry (issue 14): LKS that have or had a certificate, searchable by anyone. Only
 * the institution as its certificate prints it — name, kab/kota, province, types — and its
 * certificates: no NIK, phone, email, board member, street address, signer or tenant. The worker
 * tests pin these exact field lists on every public answer.
 */
const msg = (id: string, en: string) => `${id} / ${en}`;
const Bilingual = z.object({ id: z.string(), en: z.string() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Longest name search: an LKS name is at most 200 characters, a search needs far fewer. */
export const REGISTRY_QUERY_MAX = 100;

export const PublicRegistryQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, msg("Nama dicari minimal 2 huruf", "Name search needs at least 2 characters"))
    .max(
      REGISTRY_QUERY_MAX,
      msg(
        `Nama dicari paling panjang ${REGISTRY_QUERY_MAX} huruf`,
        `Name search is at most ${REGISTRY_QUERY_MAX} characters`,
      ),
    )
    .optional()
    .openapi({ description: "Part of the LKS's name (case does not matter)" }),
  province: z
    .string()
    .regex(/^\d{2}$/, msg("Kode provinsi dua angka", "Province code is two digits"))
    .optional()
    .openapi({ description: "Province code (Kemendagri), e.g. 36" }),
  kabKota: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, msg("Kode kab/kota seperti 36.71", "Kab/kota code like 36.71"))
    .optional()
    .openapi({ description: "Kab/kota code (Kemendagri), e.g. 36.71" }),
  type: z.enum(LKS_TYPES, { message: msg("Jenis LKS tidak dikenal", "Unknown LKS type") }).optional(),
  grade: z.enum(["A", "B", "C"], { message: msg("Peringkat A, B atau C", "Grade A, B or C") }).optional(),
  status: z
    .enum(REGISTRY_STATUSES, {
      message: msg(
        "Status: active, expiring, expired, suspended atau revoked",
        "Status: active, expiring, expired, suspended or revoked",
      ),
    })
    .optional()
    .openapi({ description: "The status of the LKS's standing certificate, computed now" }),
  cursor: z
    .string()
    .max(512, msg("Kursor terlalu panjang", "Cursor is too long"))
    .optional()
    .openapi({ description: "Opaque cursor from the previous page's nextCursor" }),
  limit: z.coerce
    .number({ message: msg("Batas harus angka", "Limit must be a number") })
    .int(msg("Batas harus bilangan bulat", "Limit must be a whole number"))
    .min(1, msg("Batas minimal 1", "Limit is at least 1"))
    .max(100, msg("Batas paling banyak 100", "Limit is at most 100"))
    .default(20),
});
export type PublicRegistryQuery = z.output<typeof PublicRegistryQuery>;

/** The CSV takes the same filters, without paging. */
export const PublicRegistryExportQuery = PublicRegistryQuery.omit({ cursor: true, limit: true });

const Area = z.object({ code: z.string(), name: z.string() });

const Standing = {
  status: z.enum(REGISTRY_STATUSES),
  statusLabel: Bilingual,
  statusSince: z.string().nullable().openapi({ description: "When the status began (suspension, revocation, expiry)" }),
  statusReason: z.string().nullable().openapi({ description: "BALKS's reason for a suspension or revocation" }),
};

export const PublicRegistryLks = z
  .object({
    id: z.string(),
    name: z.string(),
    province: Area,
    kabKota: Area,
    types: z.array(z.string()),
    certificate: z
      .object({
        number: z.string(),
        grade: z.enum(["A", "B", "C"]),
        gradeLabel: Bilingual,
        validFrom: Day,
        validUntil: Day,
        ...Standing,
      })
      .openapi({ description: "The standing certificate: the latest not revoked, or the latest when all are" }),
    certificates: z.number().int().openapi({ description: "How many certificates the LKS has had" }),
  })
  .openapi("PublicRegistryLks");

export const PublicRegistryPage = z
  .object({
    items: z.array(PublicRegistryLks),
    nextCursor: z.string().nullable(),
    dataAsOf: z.string().openapi({ description: "When the registry last changed (a certificate issued or changed)" }),
    checkedAt: z.string().openapi({ description: "When the statuses were computed (answers are cached briefly)" }),
  })
  .openapi("PublicRegistryPage");

export const PublicRegistryCertificate = z
  .object({
    number: z.string(),
    grade: z.enum(["A", "B", "C"]),
    gradeLabel: Bilingual,
    decidedOn: Day,
    validFrom: Day,
    validUntil: Day,
    status: z.enum(CERTIFICATE_STATUSES),
    statusLabel: Bilingual,
    statusSince: z.string().nullable(),
    statusReason: z.string().nullable(),
    supersededBy: z.string().nullable().openapi({ description: "The number of the newer certificate" }),
  })
  .openapi("PublicRegistryCertificate");

export const PublicRegistryLksDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    province: Area,
    kabKota: Area,
    types: z.array(z.string()),
    ...Standing,
    certificates: z.array(PublicRegistryCertificate).openapi({ description: "Newest first" }),
    checkedAt: z.string(),
  })
  .openapi("PublicRegistryLksDetail");
