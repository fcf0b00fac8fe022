import { CERTIFICATE_STATUSES } from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { MultilineText, Text } from "./common.ts";

const Bilingual = z.object({ id: z.string(), en: z.string() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What anyone may learn about a certificate (issue 14): the LKS as an institution (name, region,
 * type), the grade, the validity and the live status. No person appears here — no NIK, phone,
 * email, board member, signer or issuer — and the tests pin this exact field list.
 */
export const PublicCertificate = z
  .object({
    number: z.string(),
    lks: z.object({
      name: z.string(),
      kabKota: z.string(),
      province: z.string(),
      types: z.array(z.string()),
    }),
    grade: z.enum(["A", "B", "C"]),
    gradeLabel: Bilingual,
    decidedOn: Day,
    validFrom: Day,
    validUntil: Day,
    status: z.enum(CERTIFICATE_STATUSES),
    statusLabel: Bilingual,
    statusSince: z
      .string()
      .nullable()
      .openapi({ description: "When the status began (suspension, revocation, supersession, expiry)" }),
    statusReason: z.string().nullable().openapi({ description: "BALKS's reason for a suspension or revocation" }),
    supersededBy: z.string().nullable().openapi({ description: "The number of the newer certificate" }),
    checkedAt: z
      .string()
      .openapi({ description: "When this status was computed (answers are cached briefly at the edge)" }),
  })
  .openapi("PublicCertificate");

/** A certificate as the LKS, its Dinsos and BALKS see it: the public view plus the hand-over and the PDF. */
export const CertificateView = PublicCertificate.extend({
  id: z.string(),
  applicationId: z.string(),
  tenant: z.string(),
  signer: z.object({ name: z.string(), position: z.string() }),
  instrument: z.string(),
  regulation: z.string(),
  issuedAt: z.string(),
  kid: z.string(),
  pdf: z.object({ bytes: z.number().int(), sha256: z.string() }),
  handover: z.object({ on: Day, to: z.string() }).nullable(),
  events: z.array(
    z.object({ kind: z.enum(["suspended", "reinstated", "revoked"]), reason: z.string(), at: z.string() }),
  ),
  version: z.number().int(),
}).openapi("CertificateView");

export const CertificateEventRequest = z
  .object({
    reason: MultilineText()
      .min(10)
      .max(1000)
      .openapi({ description: "Why, in words the LKS and the public will read" }),
  })
  .openapi("CertificateEventRequest");

export const HandoverRequest = z
  .object({
    on: Day.openapi({ description: "The day the printed certificate was handed over (YYYY-MM-DD)" }),
    to: Text().min(3).max(200).openapi({ description: "To whom (name and position at the LKS)" }),
    expectedVersion: z.number().int().min(1),
  })
  .openapi("HandoverRequest");

export const Jwks = z
  .object({
    keys: z.array(
      z.object({
        kty: z.literal("OKP"),
        crv: z.literal("Ed25519"),
        x: z.string(),
        kid: z.string(),
        alg: z.string().optional(),
        use: z.string().optional(),
      }),
    ),
  })
  .openapi("Jwks");

const CertificateSettingsFields = z.object({
  numberTemplate: Text().min(5).max(40).openapi({
    description:
      "Parts `{seq}` (or `{seq:N}`, zero-padded to N digits), `{grade}`, `{month}` (Roman), `{year}`, separated by letters, digits or / - .; `{seq}` and `{year}` are required",
    example: "{seq:4}/BALKS/{grade}/{month}/{year}",
  }),
  signerName: Text().min(3).max(200),
  signerPosition: Text().min(3).max(300),
});

export const CertificateSettings = CertificateSettingsFields.extend({
  expectedVersion: z
    .number()
    .int()
    .min(1)
    .openapi({ description: "The `version` of the settings this change was made on (409 if someone saved since)" }),
}).openapi("CertificateSettings");

export const CertificateSettingsView = CertificateSettingsFields.extend({
  example: z
    .string()
    .openapi({ description: "The number the format gives the first grade-B certificate of this month" }),
  updatedAt: z.string(),
  version: z.number().int().openapi({ description: "Bumped by every save; send it back as `expectedVersion`" }),
}).openapi("CertificateSettingsView");

/** One LKS whose accreditation ends soon, as its Dinsos lists them (soonest first). */
export const ExpiringCertificate = z
  .object({
    number: z.string(),
    tenant: z.string().openapi({ description: "The slug of the LKS's tenant (a province lists its kab/kota's too)" }),
    lksId: z.string(),
    lksName: z.string(),
    grade: z.enum(["A", "B", "C"]),
    validUntil: Day.openapi({ description: "The certificate's last valid day" }),
    daysLeft: z.number().int().openapi({ description: "Days from today (Jakarta) to the last valid day; 0 on it" }),
    applicationId: z.string().openapi({ description: "The application the certificate was issued for" }),
  })
  .openapi("ExpiringCertificate");

export const ExpiringQuery = z.object({
  within: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(180)
    .openapi({ description: "Days ahead to look (1–365; reminders start at 180)" }),
});
