import { ApplicationLetter, ApplicationView, BaseValues } from "@akrab/contracts";
import { abortIfNothingChanged } from "@akrab/db";
import { changedFields } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { changedMeanwhile, Problem } from "../../middleware/problem/index.ts";
import { mergedRecord } from "../../lib/merge.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { callerOf, definitionFor, permissionsOf, presentApplication } from "../../services/applications.ts";
import { ApplicationParam, changesSinceReturn, visibleApplication } from "./show.ts";

export const updateLetterRoute = createRoute({
  method: "put",
  operationId: "applications.updateLetter",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/letter",
  tags: ["Applications"],
  summary: "Correct the application letter while the application is with the LKS (draft or revision)",
  description:
    "Version-guarded like a transition, unless the change states its `base` per field: then it merges with a newer version field by field (409 with `conflicts` where someone else changed the same field differently). Changed fields are kept in the timeline and shown to the verifier as changes since the return.",
  security: bearerSecurity,
  request: {
    params: ApplicationParam,
    body: jsonBody(
      z
        .object({ letter: ApplicationLetter, expectedVersion: z.number().int().min(1), base: BaseValues })
        .openapi("LetterUpdate"),
    ),
  },
  responses: { 200: jsonResponse(ApplicationView, "The application"), ...problems(400, 401, 403, 404, 409) },
});

export const updateLetter: RouteHandler<typeof updateLetterRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const principal = c.get("principal");
  const { letter: sent, expectedVersion, base } = c.req.valid("json");
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const def = await definitionFor(scope.applications, app);
  const caller = callerOf(c);
  if (!permissionsOf(def, caller, app).mayEditLetter) {
    throw new Problem(
      "forbidden",
      "Surat hanya dapat diubah operator LKS saat permohonan berada di LKS / Only the LKS's operators can change the letter while it is with them",
    );
  }
  if (!base && app.version !== expectedVersion) throw changedMeanwhile("application");
  // With its base per field, a change made on an older version (offline) merges instead of failing whole.
  const letter = base
    ? mergedRecord(
        ApplicationLetter,
        Object.keys(ApplicationLetter.shape),
        { base, client: sent, server: app.letter },
        "letter",
        "application",
      )
    : sent;
  const changed = changedFields(app.letter, letter as Record<string, unknown>);
  if (changed.length === 0) return c.json(presentApplication(app, def, caller, await changesSinceReturn(c, app)), 200);

  await db
    .batch([
      scope.applications.move(app.id, app.version, { letter }),
      abortIfNothingChanged(db),
      scope.applications.event({
        applicationId: app.id,
        action: "edit_letter",
        fromStep: app.step,
        toStep: app.step,
        actorUserId: principal.user.id,
        comment: null,
        items: changed.map((field) => ({
          kind: "letter",
          ref: field,
          message: `${String(app.letter[field] ?? "")} → ${String((letter as Record<string, unknown>)[field] ?? "")}`,
        })),
      }),
      audit(c, {
        action: "application.letter_updated",
        tenantId: app.tenantId,
        targetType: "application",
        targetId: app.id,
        data: { fields: changed },
      }),
    ])
    .catch(staleOnGuardAbort("application"));
  const updated = { ...app, letter, version: app.version + 1 };
  return c.json(presentApplication(updated, def, caller, await changesSinceReturn(c, updated)), 200);
};
