import { z } from "@hono/zod-openapi";
import { pageOf } from "./common.ts";

export const LksSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    serviceMode: z.enum(["dalam_panti", "luar_panti", "keduanya"]),
    status: z.enum(["pending_verification", "registered", "returned", "inactive"]),
    regionCode: z.string(),
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
  q: z.string().trim().max(80).optional().openapi({ description: "Part of the name, case-insensitive" }),
  province: z.string().regex(/^\d{2}$/, "Kode provinsi dua digit / Two-digit province code").optional(),
});

export const RegionList = z.object({ items: z.array(Region) }).openapi("RegionList");

export const OutboxMessage = z
  .object({ id: z.string(), channel: z.enum(["email"]), recipient: z.string(), subject: z.string(), body: z.string(), status: z.string(), createdAt: z.string() })
  .openapi("OutboxMessage");
export type OutboxMessage = z.output<typeof OutboxMessage>;

export const OutboxPage = pageOf(OutboxMessage, "OutboxPage");
