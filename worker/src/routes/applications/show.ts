import { ApplicationView } from "@akrab/contracts";
import { changedFields, documentChangesSince } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { callerOf, definitionFor, presentApplication, type StoredApplication } from "../../services/applications.ts";
import { TenantParam } from "../../lib/params.ts";

export const ApplicationParam = TenantParam.extend({ applicationId: z.string().min(1).max(64) });

/** The application if the caller may see it (the scope holds an operator to its own LKS); otherwise 404. */
export async function visibleApplication(c: Context<TenantEnv>, id: string): Promise<StoredApplication> {
  const app = await c.get("scope").applications.find(id);
  if (!app) throw notFound();
  return app;
}

/**
 * What the LKS changed since the application was last returned to it: its profile, the letter,
 * and the documents it replaced (old and new file).
 */
export async function changesSinceReturn(c: Context<TenantEnv>, app: StoredApplication) {
  const timeline = await c.get("scope").applications.timeline(app.id);
  const lastReturn = timeline.filter((e) => e.event.action === "return").at(-1);
  if (!lastReturn) return { changesSinceReturn: [], documentChanges: [] };
  const versions = await c.get("scope").documents.versionsOfApplication(app.id);
  const documentChanges = documentChangesSince(
    app.checklist,
    versions.map((v) => ({
      documentId: v.documentId,
      version: v.version,
      filename: v.filename,
      size: v.size,
      uploadedAt: v.uploadedAt,
    })),
    lastReturn.event.at,
  );
  const history = await c.get("scope").lks.listHistory(app.lksId, { limit: 200 });
  const profile = (history?.items ?? [])
    .filter((h) => h.entry.changedAt > lastReturn.event.at && h.entry.field !== "status" && h.entry.field !== "*")
    .map((h) => ({
      field: h.entry.field,
      oldValue: h.entry.oldValue,
      newValue: h.entry.newValue,
      changedAt: h.entry.changedAt,
    }));
  const before = app.letterAtReturn ?? app.letter;
  const lastLetterEdit =
    timeline.filter((e) => e.event.action === "edit_letter").at(-1)?.event.at ?? lastReturn.event.at;
  const letter = changedFields(before, app.letter).map((field) => ({
    field: `letter.${field}`,
    oldValue: before[field] ?? null,
    newValue: app.letter[field] ?? null,
    changedAt: lastLetterEdit,
  }));
  return { changesSinceReturn: [...profile, ...letter], documentChanges };
}

export const showApplicationRoute = createRoute({
  method: "get",
  operationId: "applications.show",
  path: "/api/v1/t/{tenant}/applications/{applicationId}",
  tags: ["Applications"],
  summary:
    "One application: its step, checklist, to-do items, what the caller may do next, and what changed since the last return",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(ApplicationView, "The application"), ...problems(401, 404) },
});

export const showApplication: RouteHandler<typeof showApplicationRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const def = await definitionFor(c.get("scope").applications, app);
  return c.json(presentApplication(app, def, callerOf(c), await changesSinceReturn(c, app)), 200);
};
