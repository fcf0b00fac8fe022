import { ApplicationCreate, ApplicationLetter, ApplicationView } from "@akrab/contracts";
import { ownershipGroup, renewalLetter, type ChecklistEntry } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem, notFound } from "../../middleware/problem/index.ts";
import { newId } from "@akrab/db";
import { callerOf, presentApplication } from "../../services/applications.ts";
import { renewalSource } from "../../services/renewal.ts";
import { assertMay } from "../lks/permissions.ts";
import { TenantParam } from "../../lib/params.ts";

export const createApplicationRoute = createRoute({
  method: "post",
  operationId: "applications.create",
  path: "/api/v1/t/{tenant}/applications",
  tags: ["Applications"],
  summary: "An LKS operator starts an accreditation application (a draft) for its registered LKS",
  description:
    "One open application per LKS. The application keeps the tenant's current workflow version and a copy of its document checklist. A `renewal` starts from the LKS's last completed cycle (the application of its latest certificate, see …/lks/{lksId}/renewal-plan): the letter's signatory and summary unless sent, and every document of that cycle that is still valid linked again to the same requirement without re-uploading, marked `carriedFrom` for the Dinsos to review. A renewal of an LKS with no certificate on Akrab (accredited before it) starts empty. Send an Idempotency-Key: a retry never creates a second application or links twice.",
  security: bearerSecurity,
  request: { params: TenantParam, body: jsonBody(ApplicationCreate) },
  responses: { 201: jsonResponse(ApplicationView, "Draft created"), ...problems(400, 401, 403, 404, 409) },
});

export const createApplication: RouteHandler<typeof createApplicationRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { lksId, kind, letter: sent } = c.req.valid("json");
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
  const requirements = await store.checklist(kind, ownershipGroup(lks.ownership));
  // A renewal draws only from this LKS's own last cycle, read through the caller's scope.
  const source = kind === "renewal" ? await renewalSource(scope, lks, requirements) : null;
  const letter = parseLetter(source ? renewalLetter(source.previous.letter, sent) : sent);
  const appId = newId();
  const user = c.get("principal").user;
  const carried = new Map(
    (source?.plan.carried ?? []).flatMap((doc) => {
      const version = source?.versionOf.get(doc.key);
      if (!version) return [];
      const link = scope.documents.carryDocument({
        lksId,
        applicationId: appId,
        requirement: doc.key,
        blobId: version.blobId,
        filename: version.filename,
        uploadedBy: version.uploadedById,
        uploadedAt: version.uploadedAt,
      });
      return [[doc.key, link] as const];
    }),
  );
  const checklist: ChecklistEntry[] = requirements.map((r) => {
    const link = carried.get(r.key);
    return {
      key: r.key,
      name: r.name,
      description: r.description,
      nameEn: r.nameEn,
      descriptionEn: r.descriptionEn,
      required: r.required,
      acceptedTypes: r.acceptedTypes,
      maxBytes: r.maxBytes,
      // A carried document waits for the Dinsos's review like a fresh upload.
      ...(link && source
        ? { status: "uploaded" as const, documentId: link.id, carriedFrom: source.previous.id }
        : { status: "missing" as const }),
    };
  });
  const now = new Date().toISOString();
  const { app, insert } = store.insert({
    id: appId,
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
      ...[...carried.values()].flatMap((link) => link.statements),
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
        data: {
          lksId,
          kind,
          ...(source ? { renewalOf: source.previous.id, carriedOver: [...carried.keys()] } : {}),
        },
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

/**
 * The letter as it will be stored: a first application sends every field; a renewal's carried
 * fields fill what it left out. Anything still missing is a 400 naming the field.
 */
function parseLetter(letter: Record<string, unknown>) {
  const parsed = ApplicationLetter.safeParse(letter);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    path: ["letter", ...issue.path.map(String)].join("."),
    message:
      issue.code === "invalid_type" && letter[String(issue.path[0])] === undefined
        ? "Wajib diisi / Required"
        : issue.message,
  }));
  throw new Problem(
    "validation",
    `Lengkapi surat permohonan: ${errors.map((e) => e.path).join(", ")} / Complete the application letter: ${errors.map((e) => e.path).join(", ")}`,
    { errors },
  );
}
