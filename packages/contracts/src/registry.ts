import {
  INSTITUTION_KINDS,
  LKS_STATUSES,
  LKS_TYPES,
  OWNERSHIPS,
  MESSAGE_CHANNELS,
  MESSAGE_STATUSES,
  SERVICE_MODES,
} from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { Text, pageOf } from "./common.ts";

export const LksSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    types: z.array(z.enum(LKS_TYPES)),
    ownership: z.enum(OWNERSHIPS),
    institutionKind: z.enum(INSTITUTION_KINDS),
    serviceMode: z.enum(SERVICE_MODES),
    status: z.enum(LKS_STATUSES),
    regionCode: z.string().openapi({ description: "Kab/kota of the address" }),
    districtCode: z.string().openapi({ description: "Kecamatan of the address" }),
    tandaDaftarExpiresOn: z.string().nullable(),
    izinExpiresOn: z.string().nullable(),
    tenant: z.object({ slug: z.string(), name: z.string() }),
  })
  .openapi("LksSummary");
export type LksSummary = z.output<typeof LksSummary>;

export const LksPage = pageOf(LksSummary, "LksPage");

export const Region = z
  .object({
    code: z.string().openapi({ example: "36.71" }),
    name: z.string().openapi({ example: "Kota Tangerang" }),
    kind: z.enum(["province", "regency", "city"]),
    provinceCode: z.string().nullable(),
    slug: z.string().openapi({ example: "kota-tangerang" }),
    tenantStatus: z.enum(["not_onboarded", "active", "deactivated"]),
  })
  .openapi("Region");
export type Region = z.output<typeof Region>;

export const RegionQuery = z.object({
  q: Text().max(80).optional().openapi({ description: "Part of the name, case-insensitive" }),
  province: z
    .string()
    .regex(/^\d{2}$/, "Kode provinsi dua digit / Two-digit province code")
    .optional(),
});

export const RegionList = z.object({ items: z.array(Region) }).openapi("RegionList");

export const OutboxMessage = z
  .object({
    id: z.string(),
    channel: z.enum(MESSAGE_CHANNELS),
    recipient: z.string().openapi({ description: "Email address, or phone number on the WhatsApp/SMS channels" }),
    subject: z.string(),
    body: z
      .string()
      .openapi({ description: "Plain-text body (Bahasa Indonesia, then English), without the sender's footer" }),
    status: z.enum(MESSAGE_STATUSES).openapi({
      description:
        "pending → sending → sent; a failed try is retried after a backoff; dead after the last try (an admin may retry it)",
    }),
    attempts: z.number().int(),
    lastAttemptAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable().openapi({ description: "When a failed message is tried again" }),
    lastError: z.string().nullable().openapi({ description: "The provider's reason for the last failure" }),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("OutboxMessage");
export type OutboxMessage = z.output<typeof OutboxMessage>;

export const OutboxPage = pageOf(OutboxMessage, "OutboxPage");
