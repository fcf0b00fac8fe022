import { ApplicationCreate, ApplicationView } from "@akrab/contracts";
import { ownershipGroup } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem, notFound } from "../../middleware/problem/index.ts";
import { callerOf, presentApplication } from "../../services/applications.ts";
import { assertMay } from "../lks/permissions.ts";
import { TenantParam } from "../../lib/params.ts";

export const createApplicationRoute = createRoute({
  method: "post",
  operationId: "applications.create",
  path: "/api/v1/t/{tenant}/applications",
  tags: ["Applications"],
  summary: "An LKS operator starts an accreditation application (a draft) for its registered LKS",
  description:
    "One open application per LKS. The application keeps the tenant's current workflow version and a copy of its document checklist. Send an Idempotency-Key: a retry never creates a second application.",
  security: bearerSecurity,
  request: { params: TenantParam, body: jsonBody(ApplicationCreate) },
  responses: { 201: jsonResponse(ApplicationView, "Draft created"), ...problems(400, 401, 403, 404, 409) },
});

export const createApplication: RouteHandler<typeof createApplicationRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { lksId, kind, letter } = c.req.valid("json");
  // An LKS the scope does not reach (another tenant's, or another LKS's for an operator) is missing.
  const lks = await scope.lks.findOwn(lksId);
  if (!lks) throw notFound();
  assertMay(c, lks, "openApplication", {
    forbidden:
      "Hanya operator LKS ini (atau Dinsos pemilik unit pemerintah) yang dapat mengajukan akreditasi / Only this LKS's operators can apply",
    status:
      "LKS harus terdaftar (terverifikasi Dinsos) sebelum mengajukan akreditasi / The LKS must be registered first",
  });

  const store = scope.applications;
  const workflow = await store.latestWorkflow();
  if (!workflow)
    throw new Problem("misconfigured", "Dinsos ini belum memiliki alur kerja / This tenant has no workflow");
  const def = workflow.definition;
  const checklist = (await store.checklist(kind, ownershipGroup(lks.ownership))).map((r) => ({
    key: r.key,
    name: r.name,
    description: r.description,
    nameEn: r.nameEn,
    descriptionEn: r.descriptionEn,
    required: r.required,
    acceptedTypes: r.acceptedTypes,
    maxBytes: r.maxBytes,
    status: "missing" as const,
  }));
  const now = new Date().toISOString();
  const user = c.get("principal").user;
  const { app, insert } = store.insert({
    lksId,
    kind,
    step: def.start,
    workflowVersion: workflow.version,
    open: 1,
    letter,
    letterAtReturn: null,
    profileSnapshot: null,
    checklist,
    returnItems: [],
    stepEnteredAt: now,
    stepDueAt: null,
    submittedAt: null,
    createdBy: user.id,
  });
  await db
    .batch([
      insert,
      store.event({
        applicationId: app.id,
        action: "create",
        fromStep: null,
        toStep: def.start,
        actorUserId: user.id,
        comment: null,
        items: null,
      }),
      audit(c, {
        action: "application.created",
        tenantId: scope.tenant.id,
        targetType: "application",
        targetId: app.id,
        data: { lksId, kind },
      }),
    ])
    .catch((error: unknown) => {
      if (String(error).includes("UNIQUE constraint failed"))
        throw new Problem(
          "conflict",
          "LKS ini masih memiliki permohonan yang berjalan / This LKS already has an open application",
        );
      throw error;
    });
  const stored = { ...app, lksName: lks.name, tenantSlug: scope.tenant.slug, tenantName: scope.tenant.name };
  return c.json(presentApplication(stored, def, callerOf(c), { changesSinceReturn: [], documentChanges: [] }), 201);
};
