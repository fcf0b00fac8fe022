/**
 * Response (and small request) bodies that used to be declared inside route files: here the web
 * reads them as types and the Worker's routes as schemas, so a change breaks both at once.
 */
import { APPLICATION_KINDS } from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { DocumentRequirementInput, TimelineEntry } from "./applications.ts";
import { Area } from "./onboarding.ts";
import { DefinitionProblemSchema, RegionalPartSchema } from "./workflow.ts";

export const Health = z
  .object({ status: z.literal("ok"), version: z.string(), apiVersion: z.string(), environment: z.string() })
  .openapi("Health");

export const AreaList = z.object({ items: z.array(Area) }).openapi("AreaList");

export const AppNotification = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().openapi({ description: "Path in the web app" }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");
export type AppNotification = z.output<typeof AppNotification>;

export const NotificationPage = z
  .object({ items: z.array(AppNotification), nextCursor: z.string().nullable(), unread: z.number().int() })
  .openapi("NotificationPage");
export type NotificationPage = z.output<typeof NotificationPage>;

export const MarkRead = z.object({ upTo: z.iso.datetime().optional() }).openapi("MarkRead");

export const WorkflowState = z
  .object({
    published: z.object({ version: z.number().int(), regional: RegionalPartSchema, publishedAt: z.string() }),
    draft: z
      .object({
        regional: z.unknown(),
        baseVersion: z.number().int(),
        updatedAt: z.string(),
        problems: z.array(DefinitionProblemSchema),
      })
      .nullable(),
    versions: z.array(
      z.object({ version: z.number().int(), publishedAt: z.string(), publishedBy: z.string().nullable() }),
    ),
  })
  .openapi("WorkflowState");
export type WorkflowState = z.output<typeof WorkflowState>;

export const WorkflowVersion = z
  .object({ version: z.number().int(), regional: RegionalPartSchema, publishedAt: z.string() })
  .openapi("WorkflowVersion");
export type WorkflowVersion = z.output<typeof WorkflowVersion>;

export const WorkflowDraft = z.object({ regional: RegionalPartSchema }).openapi("WorkflowDraft");
export const DraftSaved = z.object({ problems: z.array(DefinitionProblemSchema) }).openapi("DraftSaved");
export const Published = z.object({ version: z.number().int() }).openapi("Published");
export const Checklist = z.object({ items: z.array(DocumentRequirementInput) }).openapi("Checklist");

export const Timeline = z.object({ items: z.array(TimelineEntry) }).openapi("Timeline");

const Label = z.object({ id: z.string(), en: z.string() });
export const LksApplicationSummary = z.object({
  id: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  step: z.object({ id: z.string(), label: Label }),
  open: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type LksApplicationSummary = z.output<typeof LksApplicationSummary>;
export const LksApplications = z.object({ items: z.array(LksApplicationSummary) }).openapi("LksApplications");
export type LksApplications = z.output<typeof LksApplications>;

export const CreatedUpload = z
  .object({
    id: z.string(),
    offset: z.number().int(),
    length: z.number().int(),
    duplicate: z.boolean(),
    documentId: z.string().nullable(),
  })
  .openapi("CreatedUpload");
export type CreatedUpload = z.output<typeof CreatedUpload>;
