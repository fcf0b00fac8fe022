import { z } from "@hono/zod-openapi";
import { CursorQuery, MultilineText } from "./common.ts";

const ITEM_STATES = ["open", "answered", "returned", "accepted"] as const;

export const ImprovementItemView = z
  .object({
    id: z.string(),
    position: z.number().int(),
    kind: z
      .enum(["correction", "plan"])
      .openapi({ description: "`correction`: what a not-accredited decision said to fix; `plan`: a recommendation" }),
    text: z.string(),
    dueOn: z.string().openapi({ description: "YYYY-MM-DD (Asia/Jakarta)" }),
    state: z.enum(ITEM_STATES),
    overdue: z.boolean().openapi({ description: "Computed today: not accepted and past its due day" }),
    note: z.string().nullable().openapi({ description: "The LKS's latest answer" }),
    answeredAt: z.string().nullable(),
    evidence: z.array(z.object({ documentId: z.string(), filename: z.string() })),
    reviewReason: z.string().nullable().openapi({ description: "Why the latest review returned it" }),
    reviewedAt: z.string().nullable(),
    reviewedAs: z.enum(["dinsos", "balks"]).nullable(),
    version: z.number().int(),
  })
  .openapi("ImprovementItem");

export const ImprovementPlanView = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    createdAt: z.string(),
    closed: z.boolean().openapi({ description: "Every item accepted" }),
    overdueItems: z.number().int(),
    items: z.array(ImprovementItemView),
    may: z.object({
      answer: z.boolean(),
      review: z.enum(["tenant", "national"]).nullable().openapi({
        description: "Where the caller reviews: the Dinsos on the tenant route, BALKS on the national one",
      }),
    }),
  })
  .openapi("ImprovementPlan");

const ExpectedVersion = z.number().int().min(1).openapi({ description: "The item's version (409 when stale)" });

export const ImprovementAnswer = z
  .object({
    note: MultilineText()
      .min(10, "Jelaskan tindak lanjutnya (minimal 10 karakter) / Describe the follow-up (at least 10 characters)")
      .max(4000),
    documentIds: z
      .array(z.string().min(1).max(64))
      .max(20)
      .default([])
      .openapi({ description: "Documents of the LKS already uploaded, as evidence" }),
    expectedVersion: ExpectedVersion,
  })
  .openapi("ImprovementAnswer");

export const ImprovementReview = z
  .object({
    decision: z.enum(["accept", "return"]),
    reason: MultilineText()
      .max(2000)
      .optional()
      .openapi({ description: "Required to return (at least 10 characters): what is still missing" }),
    expectedVersion: ExpectedVersion,
  })
  .openapi("ImprovementReview");

export const OpenPlanQuery = CursorQuery.extend({
  overdue: z.enum(["true", "false"]).optional().openapi({ description: "`true`: only plans with an item past due" }),
  tenant: z
    .string()
    .regex(/^[a-z0-9-]{2,64}$/)
    .optional()
    .openapi({ description: "A tenant's slug" }),
});

export const OpenPlanSummary = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    tenant: z.object({ slug: z.string(), name: z.string() }),
    lks: z.object({ id: z.string(), name: z.string() }),
    createdAt: z.string(),
    items: z.number().int(),
    openItems: z.number().int(),
    overdueItems: z.number().int(),
    nextDueOn: z.string().nullable(),
  })
  .openapi("OpenImprovementPlan");

export const OpenPlanPage = z
  .object({ items: z.array(OpenPlanSummary), nextCursor: z.string().nullable() })
  .openapi("OpenImprovementPlanPage");

export const SupervisionSettings = z
  .object({
    correctionDays: z.number().int().min(1).max(365),
    planDays: z.number().int().min(1).max(365),
    remindBeforeDays: z.number().int().min(1).max(60),
    escalateDinsosAfterDays: z.number().int().min(1).max(180),
    escalateBalksAfterDays: z.number().int().min(2).max(365),
  })
  .openapi("SupervisionSettings");
