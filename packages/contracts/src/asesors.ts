import {
  AFFILIATION_KINDS,
  ASESOR_BACKGROUNDS,
  DISTANCES,
  ELIGIBILITY_CODES,
  INVITATION_STATUSES,
  LKS_TYPES,
  TEAM_REASON_CODES,
  TEAM_ROLES,
} from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { CursorQuery, Email, MultilineText, Text, pageOf } from "./common.ts";
import { CalendarDate } from "./lks-profile.ts";

/**
 * BALKS's asesor registry and teams over the API (issue 13). Who is eligible and whether a team is
 * complete are the domain's rules (`eligibility`, `teamComplete`); these are only the shapes.
 */
const msg = (id: string, en: string) => `${id} / ${en}`;
const Bilingual = z.object({ id: z.string(), en: z.string() });
const RegionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2})?$/, msg("Kode wilayah Kemendagri, mis. 36.71", "A Kemendagri region code, e.g. 36.71"));

const Qualification = z.object({
  name: Text().min(2, msg("Nama kualifikasi minimal 2 karakter", "A qualification's name is too short")).max(200),
  date: CalendarDate,
});

const AsesorFields = {
  name: Text().min(2, msg("Nama minimal 2 karakter", "Name too short")).max(120),
  email: Email,
  phone: Text().max(30).nullable().optional(),
  provinceCode: RegionCode.refine((v) => !v.includes("."), msg("Kode provinsi, mis. 36", "A province code, e.g. 36")),
  kabKotaCode: RegionCode.refine(
    (v) => v.includes("."),
    msg("Kode kab/kota, mis. 36.71", "A kab/kota code, e.g. 36.71"),
  ),
  background: z.enum(ASESOR_BACKGROUNDS, {
    message: msg("Pilih latar belakang: akademisi, praktisi, atau pelatih", "Choose academic, practitioner or trainer"),
  }),
  lksTypes: z
    .array(z.enum(LKS_TYPES, { message: msg("Jenis LKS tidak dikenal", "Unknown LKS type") }))
    .min(1, msg("Pilih minimal satu jenis LKS", "Choose at least one LKS type")),
  qualifications: z.array(Qualification).max(50).default([]),
  active: z.boolean().default(true),
};

export const AsesorCreate = z
  .object(AsesorFields)
  .superRefine((a, ctx) => {
    if (!a.kabKotaCode.startsWith(`${a.provinceCode}.`))
      ctx.addIssue({
        code: "custom",
        path: ["kabKotaCode"],
        message: msg("Kab/kota harus di provinsi yang dipilih", "The kab/kota must be in the chosen province"),
      });
  })
  .openapi("AsesorCreate");

export const AsesorUpdate = z
  .object({
    expectedVersion: z.number().int().min(1),
    ...Object.fromEntries(Object.entries(AsesorFields).map(([k, v]) => [k, v.optional()])),
  } as {
    expectedVersion: z.ZodNumber;
  } & { [K in keyof typeof AsesorFields]: z.ZodOptional<(typeof AsesorFields)[K]> })
  .openapi("AsesorUpdate");

export const AffiliationCreate = z
  .object({
    kind: z.enum(AFFILIATION_KINDS, { message: msg("Jenis hubungan tidak dikenal", "Unknown kind of tie") }),
    lksId: z.string().max(40).nullable().default(null),
    organisation: Text().max(200).nullable().default(null),
    from: CalendarDate,
    to: CalendarDate.nullable().default(null),
  })
  .openapi("AffiliationCreate");

export const Affiliation = z
  .object({
    id: z.string(),
    kind: z.enum(AFFILIATION_KINDS),
    lksId: z.string().nullable(),
    organisation: z.string().nullable(),
    from: z.string(),
    to: z.string().nullable(),
  })
  .openapi("AsesorAffiliation");

export const AsesorSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    provinceCode: z.string(),
    kabKotaCode: z.string(),
    background: z.enum(ASESOR_BACKGROUNDS),
    lksTypes: z.array(z.string()),
    qualifications: z.array(z.object({ name: z.string(), date: z.string() })),
    active: z.boolean(),
    /** Whether the person has an account with the asesor role yet. */
    linked: z.boolean(),
    version: z.number().int(),
  })
  .openapi("AsesorSummary");

const AssignmentOfAsesor = z.object({
  id: z.string(),
  applicationId: z.string(),
  tenant: z.object({ slug: z.string(), name: z.string() }),
  lks: z.object({ id: z.string(), name: z.string() }),
  step: z.string(),
  open: z.boolean(),
  role: z.enum(TEAM_ROLES),
  status: z.enum(INVITATION_STATUSES),
  assignedAt: z.string(),
});

export const AsesorDetail = AsesorSummary.extend({
  affiliations: z.array(Affiliation),
  assignments: z.array(AssignmentOfAsesor),
}).openapi("AsesorDetail");

export const AsesorListQuery = CursorQuery.extend({
  q: Text().max(120).optional().openapi({ description: "Start of the name or email" }),
  active: z.enum(["true", "false"]).optional(),
  lksType: z.enum(LKS_TYPES).optional(),
  province: RegionCode.optional(),
});

/** A registry row: the record and how many open applications the asesor is on (invited or accepted). */
const AsesorListItem = AsesorSummary.extend({ openAssignments: z.number().int() }).openapi("AsesorListItem");

export const AsesorPage = pageOf(AsesorListItem, "AsesorPage");

export const AsesorInvited = z
  .object({
    asesorId: z.string(),
    email: z.string(),
    /** `linked`: the person already had an account and now holds the asesor role; `invited`: an email went out. */
    outcome: z.enum(["linked", "invited"]),
    expiresAt: z.string().nullable(),
  })
  .openapi("AsesorInvited");

const ReasonSchema = (codes: readonly [string, ...string[]]) => z.object({ code: z.enum(codes), text: Bilingual });

export const AsesorCandidates = z
  .object({
    lks: z.object({ id: z.string(), name: z.string(), types: z.array(z.string()), kabKotaCode: z.string() }),
    items: z.array(
      z.object({
        asesor: z.object({ id: z.string(), name: z.string(), provinceCode: z.string(), kabKotaCode: z.string() }),
        eligible: z.boolean(),
        reasons: z.array(ReasonSchema(ELIGIBILITY_CODES)),
        typesCovered: z.number().int(),
        distance: z.enum(DISTANCES),
        openAssignments: z.number().int(),
      }),
    ),
  })
  .openapi("AsesorCandidates");

export const TeamMemberView = z.object({
  assignmentId: z.string(),
  asesorId: z.string(),
  name: z.string(),
  role: z.enum(TEAM_ROLES),
  status: z.enum(INVITATION_STATUSES),
  declineReason: z.string().nullable(),
  declaredAt: z.string().nullable(),
  assignedAt: z.string(),
});

export const TeamView = z
  .object({
    applicationId: z.string(),
    size: z.number().int(),
    complete: z.boolean(),
    reasons: z.array(ReasonSchema(TEAM_REASON_CODES)),
    members: z.array(TeamMemberView),
  })
  .openapi("AsesorTeam");

export const TeamAssign = z
  .object({
    members: z
      .array(z.object({ asesorId: z.string().min(1).max(40), role: z.enum(TEAM_ROLES) }))
      .min(1, msg("Pilih minimal satu asesor", "Choose at least one asesor"))
      .max(5),
  })
  .openapi("AsesorTeamAssign");

export const MyAssignment = AssignmentOfAsesor.extend({
  /** What the declaration needs of the LKS before accepting (its documents open only after). */
  lks: z.object({ id: z.string(), name: z.string(), regionCode: z.string(), types: z.array(z.string()) }),
  /** The day of the visit in an active visit plan, and the plan (null while none is planned). */
  plannedDate: z.string().nullable(),
  visitPlanId: z.string().nullable(),
  /** The statements to sign on accepting (from the conflict rules in force), or those signed. */
  declaration: z.array(Bilingual),
  declaredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
}).openapi("MyAssignment");

export const MyAssignments = z.object({ items: z.array(MyAssignment) }).openapi("MyAssignments");

export const AssignmentAnswer = z
  .discriminatedUnion("answer", [
    z.object({
      answer: z.literal("accept"),
      /** The asesor confirms each statement shown: an acceptance without it is not a declaration. */
      declare: z.literal(true, {
        message: msg("Centang pernyataan tidak ada konflik kepentingan", "Confirm the no-conflict declaration"),
      }),
    }),
    z.object({
      answer: z.literal("decline"),
      reason: MultilineText()
        .min(3, msg("Tuliskan alasan menolak", "Give a reason for declining"))
        .max(1000, msg("Alasan paling banyak 1000 karakter", "A reason has at most 1000 characters")),
    }),
  ])
  .openapi("AssignmentAnswer");
