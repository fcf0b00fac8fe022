import { z } from "@hono/zod-openapi";
import { SETUP_STEPS } from "@akrab/domain";
import { Email, MultilineText, Text } from "./common.ts";

const msg = (id: string, en: string) => `${id} / ${en}`;

export const TenantSignupCreate = z
  .object({
    regionCode: z
      .string()
      .regex(/^\d{2}(\.\d{2})?$/, msg("Pilih provinsi atau kabupaten/kota", "Choose a province or kabupaten/kota")),
    officeName: Text().min(5, msg("Nama kantor minimal 5 karakter", "Office name too short")).max(200),
    officialEmail: Email,
    contactName: Text().min(2, msg("Nama kontak minimal 2 karakter", "Contact name too short")).max(120),
    contactPhone: Text().regex(
      /^(\+62|0)[\d\s-]{8,16}$/,
      msg("Nomor telepon Indonesia tidak valid", "Invalid Indonesian phone number"),
    ),
  })
  .openapi("TenantSignupCreate");

export const TenantSignupCreated = z
  .object({
    id: z.string(),
    status: z.literal("pending"),
    attachToken: z
      .string()
      .openapi({ description: "Send as X-Attach-Token to attach the assignment letter (PUT …/letter)" }),
  })
  .openapi("TenantSignupCreated");

export const TenantSignup = z
  .object({
    id: z.string(),
    region: z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(["province", "regency", "city"]),
      slug: z.string(),
    }),
    officeName: z.string(),
    officialEmail: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    status: z.enum(["pending", "approved", "rejected"]),
    letter: z.object({ filename: z.string(), size: z.number().int() }).nullable(),
    rejectReason: z.string().nullable(),
    createdAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .openapi("TenantSignup");
export type TenantSignup = z.output<typeof TenantSignup>;

export const TenantSignupReject = z
  .object({ reason: MultilineText().min(10, msg("Alasan minimal 10 karakter", "Reason too short")).max(2000) })
  .openapi("TenantSignupReject");

export const TenantApproved = z
  .object({
    tenant: z.object({
      slug: z.string(),
      name: z.string(),
      level: z.enum(["province", "kabkota"]),
      parentSlug: z.string().nullable(),
    }),
    invitation: z.object({ email: z.string(), expiresAt: z.string() }),
  })
  .openapi("TenantApproved");

export const TenantOverview = z
  .object({
    slug: z.string(),
    name: z.string(),
    level: z.enum(["province", "kabkota"]),
    regionCode: z.string(),
    status: z.enum(["active", "deactivated"]),
    parentSlug: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("TenantOverview");
export type TenantOverview = z.output<typeof TenantOverview>;

export const TenantProfile = z
  .object({
    slug: z.string(),
    name: z.string(),
    level: z.enum(["province", "kabkota"]),
    regionCode: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    contactName: z.string().nullable(),
    hasLogo: z.boolean(),
    parent: z.object({ slug: z.string(), name: z.string() }).nullable(),
  })
  .openapi("TenantProfile");
export type TenantProfile = z.output<typeof TenantProfile>;

export const TenantProfileUpdate = z
  .object({
    name: Text().min(5, msg("Nama minimal 5 karakter", "Name too short")).max(200).optional(),
    address: Text().min(5, msg("Alamat minimal 5 karakter", "Address too short")).max(300).nullable().optional(),
    phone: Text()
      .regex(/^(\+62|0)[\d\s-]{8,16}$/, msg("Nomor telepon Indonesia tidak valid", "Invalid Indonesian phone number"))
      .nullable()
      .optional(),
    email: Email.nullable().optional(),
    contactName: Text().min(2).max(120).nullable().optional(),
  })
  .openapi("TenantProfileUpdate");

export const TenantSetup = z
  .object({
    steps: z.array(z.object({ id: z.enum(SETUP_STEPS), done: z.boolean() })).openapi({
      description:
        "profile: address, phone and logo; colleagues: a Dinsos colleague invited or a member; workflow: reviewed",
    }),
    complete: z.boolean(),
    dismissed: z.boolean().openapi({ description: "An admin hid the list before finishing it" }),
    show: z.boolean().openapi({ description: "The list belongs on the admin's home: not complete and not hidden" }),
  })
  .openapi("TenantSetup");
export type TenantSetup = z.output<typeof TenantSetup>;

export const TenantSetupUpdate = z
  .object({
    workflowReviewed: z
      .literal(true)
      .optional()
      .openapi({ description: "The workflow and checklist were reviewed (kept from the first time)" }),
    dismissed: z.literal(true).optional().openapi({ description: "Hide the list from the home" }),
  })
  .refine((body) => body.workflowReviewed || body.dismissed, {
    message: msg("Pilih yang ditandai: alur ditinjau atau sembunyikan", "Say what to mark: reviewed or hidden"),
    path: ["workflowReviewed"],
  })
  .openapi("TenantSetupUpdate");

export const AuditEntry = z
  .object({
    id: z.string(),
    action: z.string(),
    actor: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
  })
  .openapi("AuditEntry");
export type AuditEntry = z.output<typeof AuditEntry>;

export const AuditQuery = z.object({
  action: z
    .string()
    .max(80)
    .optional()
    .openapi({ description: "Exact action, or a prefix ending in '.' (e.g. 'auth.')" }),
  actor: z.string().max(254).optional().openapi({ description: "Actor's email" }),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const Area = z.object({ code: z.string(), name: z.string() }).openapi("Area");
export type Area = z.output<typeof Area>;
