import { ApplicationView, ChecklistAccept, ChecklistReturn } from "@akrab/contracts";
import { expectRow, abortIfNothingChanged } from "@akrab/db";
import { addNote } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { changedMeanwhile, Problem, notFound } from "../../middleware/problem/index.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { callerOf, definitionFor, permissionsOf, presentApplication } from "../../services/applications.ts";
import { ApplicationParam, changesSinceReturn, visibleApplication } from "./show.ts";

const ChecklistItemParam = ApplicationParam.extend({ key: z.string().min(1).max(80) });

const reviewRoute = <T extends z.ZodType>(action: "accept" | "return", summary: string, body: T) =>
  createRoute({
    method: "post",
    operationId: `applications.${action}Document`,
    path: `/api/v1/t/{tenant}/applications/{applicationId}/checklist/{key}/${action}`,
    tags: ["Applications"],
    summary,
    description:
      "Only the roles acting on the application's current step (not the LKS). Version-guarded: send the application's version.",
    security: bearerSecurity,
    request: { params: ChecklistItemParam, body: jsonBody(body) },
    responses: {
      200: jsonResponse(ApplicationView, "The application with the updated checklist"),
      ...problems(400, 401, 403, 404, 409),
    },
  });

export const acceptDocumentRoute = reviewRoute(
  "accept",
  "Accept the uploaded document of one checklist requirement",
  ChecklistAccept,
);
export const returnDocumentRoute = reviewRoute(
  "return",
  "Return one document with a comment saying what to fix",
  ChecklistReturn,
);

export const acceptDocument: RouteHandler<typeof acceptDocumentRoute, TenantEnv> = async (c) =>
  review(c, "accepted", c.req.valid("json").expectedVersion);

export const returnDocument: RouteHandler<typeof returnDocumentRoute, TenantEnv> = async (c) => {
  const { comment, expectedVersion } = c.req.valid("json");
  return review(c, "returned", expectedVersion, comment);
};

async function review(
  c: Context<TenantEnv, string, object>,
  status: "accepted" | "returned",
  expectedVersion: number,
  comment?: string,
) {
  const db = c.get("db");
  const scope = c.get("scope");
  const { applicationId, key } = c.req.param() as { applicationId: string; key: string };
  const app = await visibleApplication(c, applicationId);
  const def = await definitionFor(scope.applications, app);
  const caller = callerOf(c);
  if (!permissionsOf(def, caller, app).mayReviewDocuments) {
    throw new Problem(
      "forbidden",
      "Dokumen diperiksa oleh pemeriksa pada tahap ini / Documents are reviewed by whoever acts on this step",
    );
  }
  const item = app.checklist.find((i) => i.key === key);
  if (!item) throw notFound();
  if (!item.documentId)
    throw new Problem("conflict", "Belum ada dokumen untuk diperiksa / There is no document to review yet");
  if (app.version !== expectedVersion) throw changedMeanwhile("application");

  await db
    .batch([
      // A returned document's note joins its thread (a later return for revision keeps it, too).
      scope.documents.setChecklistItem(
        app.id,
        key,
        { status, ...(comment ? { comment, notes: addNote(item.notes, comment, new Date().toISOString()) } : {}) },
        { expectedVersion },
      ),
      abortIfNothingChanged(db),
      audit(c, {
        action: `document.${status}`,
        tenantId: app.tenantId,
        targetType: "document",
        targetId: item.documentId,
        data: { applicationId: app.id, requirement: key, ...(comment ? { comment } : {}) },
      }),
    ])
    .catch(staleOnGuardAbort("application"));
  const updated = expectRow(await scope.applications.find(app.id), "Application");
  return c.json(presentApplication(updated, def, caller, await changesSinceReturn(c, updated)), 200);
}
