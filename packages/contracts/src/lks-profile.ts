import {
  INSTITUTION_KINDS,
  LEGAL_FORMS,
  OWNERSHIPS,
  LKS_STATUSES,
  LKS_TYPES,
  PPKS_CODES,
  SERVICE_MODES,
  isNik,
  normaliseNpwp,
  normalisePhone,
  ownershipProfileErrors,
} from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { BaseValues, Email, MultilineText, Text } from "./common.ts";

const msg = (id: string, en: string) => `${id} / ${en}`;

/** A calendar date (no time): YYYY-MM-DD. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("Tanggal harus berformat TTTT-BB-HH", "Date must be YYYY-MM-DD"))
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    msg("Tanggal tidak ada", "No such date"),
  );

const DocumentRef = z.object({
  number: Text().min(1, msg("Nomor wajib diisi", "Number is required")).max(100),
  date: CalendarDate,
});

const Npwp = z
  .string()
  .transform((value, ctx) => {
    const digits = normaliseNpwp(value);
    if (!digits)
      ctx.addIssue({ code: "custom", message: msg("NPWP harus 15 atau 16 angka", "NPWP must have 15 or 16 digits") });
    return digits ?? value;
  })
  .openapi({ example: "01.234.567.8-901.000" });

const Phone = z.string().transform((value, ctx) => {
  const phone = normalisePhone(value);
  if (!phone)
    ctx.addIssue({
      code: "custom",
      message: msg("Nomor telepon Indonesia tidak valid (awali 0 atau +62)", "Invalid Indonesian phone number"),
    });
  return phone ?? value;
});

/** A NIK as shown back by the API: first and last four digits. Editors send it back unchanged. */
export const MASKED_NIK = /^\d{4}\*{8}\d{4}$/;

const BoardMember = z.object({
  name: Text().min(2, msg("Nama minimal 2 karakter", "Name too short")).max(120),
  position: Text().min(2, msg("Jabatan wajib diisi", "Position is required")).max(80),
  idNumber: Text()
    .refine((value) => isNik(value) || MASKED_NIK.test(value), msg("NIK harus 16 angka", "NIK must be 16 digits"))
    .openapi({ description: "16-digit NIK; when editing, a member's masked NIK may be sent back unchanged" }),
});

export const LksAddress = z.object({
  street: Text().min(5, msg("Alamat jalan minimal 5 karakter", "Street address too short")).max(300),
  provinceCode: z.string().regex(/^\d{2}$/, msg("Kode provinsi tidak valid", "Invalid province code")),
  regencyCode: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, msg("Kode kabupaten/kota tidak valid", "Invalid kabupaten/kota code")),
  districtCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, msg("Kode kecamatan tidak valid", "Invalid kecamatan code")),
  villageCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, msg("Kode kelurahan/desa tidak valid", "Invalid kelurahan/desa code")),
  postalCode: z
    .string()
    .regex(/^\d{5}$/, msg("Kode pos 5 angka", "Postal code has 5 digits"))
    .optional(),
});

const Location = z.object({
  latitude: z
    .number()
    .min(-11.5, msg("Di luar wilayah Indonesia", "Outside Indonesia"))
    .max(6.5, msg("Di luar wilayah Indonesia", "Outside Indonesia")),
  longitude: z
    .number()
    .min(94.5, msg("Di luar wilayah Indonesia", "Outside Indonesia"))
    .max(141.5, msg("Di luar wilayah Indonesia", "Outside Indonesia")),
});

export const Permit = z.object({
  number: Text().min(1, msg("Nomor wajib diisi", "Number is required")).max(100),
  issuedAt: CalendarDate,
  expiresAt: CalendarDate,
});

export const TandaDaftar = Permit.extend({
  issuer: Text().min(3, msg("Penerbit wajib diisi", "Issuer is required")).max(200),
});

/** The decree that established a government unit (Perda, Pergub, Perbup/Perwali or Permensos). */
export const Decree = DocumentRef.extend({
  issuer: Text().min(3, msg("Penerbit wajib diisi", "Issuer is required")).max(200),
});

const ProfileFields = z.object({
  name: Text().min(3, msg("Nama LKS minimal 3 karakter", "LKS name too short")).max(200),
  ownership: z
    .enum(OWNERSHIPS, { message: msg("Pilih kepemilikan", "Choose an ownership") })
    .default("community")
    .openapi({ description: "Community LKS, or a unit of the provincial, kab/kota or central government" }),
  institutionKind: z
    .enum(INSTITUTION_KINDS, { message: msg("Pilih jenis lembaga", "Choose a kind of institution") })
    .default("lks"),
  legalForm: z
    .enum(LEGAL_FORMS, { message: msg("Pilih bentuk lembaga", "Choose a legal form") })
    .optional()
    .openapi({ description: "Community LKS only" }),
  owningAgency: Text()
    .min(3, msg("Instansi pemilik minimal 3 karakter", "Owning agency too short"))
    .max(200)
    .optional()
    .openapi({ description: "Government units only" }),
  decree: Decree.optional().openapi({
    description: "Establishing decree (government units only); its document is uploaded with profileField `decree`",
  }),
  deed: DocumentRef.optional().openapi({ description: "Akta notaris (yayasan/perkumpulan)" }),
  kemenkumham: DocumentRef.optional().openapi({ description: "SK pengesahan Kemenkumham (yayasan/perkumpulan)" }),
  legalisation: DocumentRef.optional().openapi({
    description: "Surat keterangan berdiri dilegalisasi lurah/camat (non badan hukum)",
  }),
  npwp: Npwp.optional().openapi({ description: "Required for community LKS" }),
  address: LksAddress,
  location: Location.optional(),
  phone: Phone,
  email: Email,
  board: z.array(BoardMember).min(1, msg("Isi minimal satu pengurus", "At least one board member")).max(30),
  types: z
    .array(z.enum(LKS_TYPES))
    .min(1, msg("Pilih minimal satu jenis LKS", "Choose at least one LKS type"))
    .max(LKS_TYPES.length),
  serviceMode: z.enum(SERVICE_MODES, { message: msg("Pilih bentuk pelayanan", "Choose a service mode") }),
  ppks: z
    .array(z.enum(PPKS_CODES))
    .min(1, msg("Pilih minimal satu kategori PPKS", "Choose at least one PPKS category"))
    .max(PPKS_CODES.length),
  capacity: z.number().int().min(0).max(100_000),
  currentClients: z.number().int().min(0).max(100_000),
  staffCount: z.number().int().min(0).max(100_000),
  tandaDaftar: TandaDaftar.optional(),
  izinOperasional: Permit.optional(),
  siksNgId: Text().max(50).optional(),
});

type ProfileShape = z.output<typeof ProfileFields>;

/** Cross-field rules: legal documents per legal form, dates in order, nesting of area codes. */
function checkProfile(profile: ProfileShape, ctx: z.RefinementCtx) {
  // Which legal or government documents apply is the domain's rule per ownership.
  for (const error of ownershipProfileErrors(profile, new Date().toISOString().slice(0, 10))) {
    ctx.addIssue({ code: "custom", path: error.path.split("."), message: error.message });
  }
  if (profile.deed && profile.kemenkumham && profile.kemenkumham.date < profile.deed.date) {
    ctx.addIssue({
      code: "custom",
      path: ["kemenkumham", "date"],
      message: msg("SK Kemenkumham tidak mungkin sebelum akta notaris", "Approval cannot predate the deed"),
    });
  }
  const today = new Date().toISOString().slice(0, 10);
  for (const [key, permit] of [
    ["tandaDaftar", profile.tandaDaftar],
    ["izinOperasional", profile.izinOperasional],
  ] as const) {
    if (!permit) continue;
    if (permit.expiresAt <= permit.issuedAt)
      ctx.addIssue({
        code: "custom",
        path: [key, "expiresAt"],
        message: msg("Tanggal berakhir harus setelah tanggal terbit", "Expiry must follow issue date"),
      });
    if (permit.issuedAt > today)
      ctx.addIssue({
        code: "custom",
        path: [key, "issuedAt"],
        message: msg("Tanggal terbit tidak boleh di masa depan", "Issue date cannot be in the future"),
      });
  }
  for (const doc of [profile.deed, profile.kemenkumham, profile.legalisation]) {
    if (doc && doc.date > today)
      ctx.addIssue({
        code: "custom",
        path: [doc === profile.deed ? "deed" : doc === profile.kemenkumham ? "kemenkumham" : "legalisation", "date"],
        message: msg("Tanggal tidak boleh di masa depan", "Date cannot be in the future"),
      });
  }
  const a = profile.address;
  if (!a.regencyCode.startsWith(`${a.provinceCode}.`))
    ctx.addIssue({
      code: "custom",
      path: ["address", "regencyCode"],
      message: msg("Kabupaten/kota tidak berada di provinsi ini", "Kabupaten/kota is not in this province"),
    });
  if (!a.districtCode.startsWith(`${a.regencyCode}.`))
    ctx.addIssue({
      code: "custom",
      path: ["address", "districtCode"],
      message: msg("Kecamatan tidak berada di kabupaten/kota ini", "Kecamatan is not in this kabupaten/kota"),
    });
  if (!a.villageCode.startsWith(`${a.districtCode}.`))
    ctx.addIssue({
      code: "custom",
      path: ["address", "villageCode"],
      message: msg("Kelurahan/desa tidak berada di kecamatan ini", "Kelurahan/desa is not in this kecamatan"),
    });
}

/** The LKS profile as submitted. Region codes are checked for existence by the API as well. */
export const LksProfileInput = ProfileFields.superRefine(checkProfile).openapi("LksProfileInput");
export type LksProfileInput = z.output<typeof LksProfileInput>;
/** What a client sends, before defaults (a community LKS may leave `ownership` out). */
export type LksProfileDraft = z.input<typeof LksProfileInput>;

export const LksRegistration = z
  .object({
    lks: LksProfileInput,
    operator: z.object({
      name: Text().min(2, msg("Nama minimal 2 karakter", "Name too short")).max(120),
      email: Email,
      password: z.string().min(1, msg("Kata sandi wajib diisi", "Password is required")).max(1024),
    }),
  })
  .openapi("LksRegistration");

export const LksRegistered = z
  .object({ lksId: z.string(), status: z.enum(LKS_STATUSES), tenant: z.object({ slug: z.string(), name: z.string() }) })
  .openapi("LksRegistered");
export type LksRegistered = z.output<typeof LksRegistered>;

/** Board members come back with their NIK masked. */
export const LksProfileView = ProfileFields.extend({
  board: z.array(BoardMember.extend({ idNumber: z.string().openapi({ example: "3671********0001" }) })),
});

export const ReturnComment = z.object({
  field: z.string().min(1).max(80).openapi({ example: "npwp" }),
  message: MultilineText().min(3, msg("Komentar minimal 3 karakter", "Comment too short")).max(1000),
});

/** What the caller may do with the LKS now, so clients show exactly the controls the API will accept. */
export const LksPermissions = z
  .object({
    mayEdit: z
      .boolean()
      .openapi({ description: "Change the profile (its operators, or the Dinsos keeping the registry)" }),
    mayDecide: z
      .boolean()
      .openapi({ description: "Verify or return the registration (the Dinsos' verifiers and heads, while it waits)" }),
    mayResubmit: z.boolean().openapi({ description: "Send a returned registration back to the Dinsos" }),
    mayOpenApplication: z
      .boolean()
      .openapi({ description: "Open an accreditation application (its operators; the Dinsos for a government unit)" }),
  })
  .openapi("LksPermissions");

export const LksDetail = z
  .object({
    id: z.string(),
    status: z.enum(LKS_STATUSES),
    version: z.number().int(),
    tenant: z.object({ slug: z.string(), name: z.string() }),
    profile: LksProfileView,
    returnComments: z.array(ReturnComment),
    createdAt: z.string(),
    updatedAt: z.string(),
    permissions: LksPermissions.openapi({
      description: "What the caller may do through the routes that returned this LKS (tenant or national)",
    }),
  })
  .openapi("LksDetail");
export type LksDetail = z.output<typeof LksDetail>;

export const LksUpdate = z
  .object({
    profile: LksProfileInput,
    expectedVersion: z.number().int().min(1).openapi({
      description: "The version the editor started from; without `base`, a newer one on the server is a 409",
    }),
    base: BaseValues,
  })
  .openapi("LksUpdate");

/** The profile's top-level fields: what a change's `base` may name. */
export const LKS_PROFILE_FIELDS = Object.keys(ProfileFields.shape);

export const LksVerify = z
  .object({ tandaDaftar: TandaDaftar, izinOperasional: Permit.optional() })
  .openapi("LksVerify");

export const LksReturn = z
  .object({
    comments: z.array(ReturnComment).min(1, msg("Tulis minimal satu komentar", "At least one comment")).max(50),
  })
  .openapi("LksReturn");

export const LksHistoryEntry = z
  .object({
    id: z.string(),
    field: z.string(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    changedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    changedAt: z.string(),
    note: z.string().nullable(),
  })
  .openapi("LksHistoryEntry");
export type LksHistoryEntry = z.output<typeof LksHistoryEntry>;

export const LksListQuery = z.object({
  q: Text().max(100).optional().openapi({ description: "Part of the LKS name" }),
  ownership: z
    .enum([...OWNERSHIPS, "government"])
    .optional()
    .openapi({ description: "One ownership, or `government` for every government unit" }),
  type: z.enum(LKS_TYPES).optional(),
  status: z.enum(LKS_STATUSES).optional(),
  district: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/)
    .optional()
    .openapi({ description: "Kecamatan code" }),
  expiring: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .openapi({ description: "Tanda daftar or izin operasional expiring within this many days" }),
});

/** A national reader's registry filters: the tenant's, with the province or kab/kota the LKS is in. */
export const NationalLksQuery = LksListQuery.pick({ q: true, type: true, status: true, ownership: true }).extend({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: "Province code (Kemendagri), e.g. 36" }),
  regency: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .optional()
    .openapi({ description: "Kab/kota code (Kemendagri), e.g. 36.71" }),
});
