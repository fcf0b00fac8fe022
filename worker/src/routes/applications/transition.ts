import { ApplicationView, TransitionRequest } from "@akrab/contracts";
import { abortIfNothingChanged, enqueueEmail } from "@akrab/db";
import {
  applicationPath,
  NATIONAL_INTAKE,
  REVISION_STEP,
  intakeEmailNow,
  jakartaDay,
  jakartaDayBounds,
  actingTenantId,
  applyTransition,
  checklistGaps,
  returnForRevision,
  selfAssessmentRequired,
  slaDueAt,
  type ChecklistEntry,
  type SelfAssessmentGap,
  type StepActor,
  type TransitionRefusal,
} from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { changedMeanwhile, Problem } from "../../middleware/problem/index.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { callerOf, callerRoles, currentStep, definitionFor, presentApplication } from "../../services/applications.ts";
import { teamState } from "../../services/asesors.ts";
import { DECISION_ACTIONS } from "../../services/decisions.ts";
import { requireSignedOff } from "../../services/reconciliation.ts";
import { applicableVersionId } from "../../services/instruments.ts";
import { instrumentCodes, selfAssessmentMissing } from "../../services/self-assessment.ts";
import { unsubmittedMembers } from "../../services/visit-scoring.ts";
import { applicationMovedEmail, intakeArrivalEmail } from "../../services/mail.ts";
import { decisionForCertificate, prepareCertificate } from "../../services/certificates.ts";
import { purgeCertificates } from "../certificates/cache.ts";
import { ApplicationParam, changesSinceReturn, visibleApplication } from "./show.ts";

export const transitionRoute = createRoute({
  method: "post",
  operationId: "applications.transition",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/transitions",
  tags: ["Applications"],
  summary: "Take an action on an application (submit, return, recommend, …)",
  description: [
    "Atomic: the step change, the timeline event, the audit event, emails and in-app notifications land in one D1 batch or not at all.",
    "`expectedVersion` must be the application's current version, or the answer is 409 and nothing changes: of two verifiers acting at once, exactly one wins.",
    "Send an Idempotency-Key header: a retried request gets the first answer back and never acts twice.",
    "A return for revision lists in `items` exactly what the LKS must fix (documents, profile fields, letter fields); the LKS sees them as its to-do list.",
  ].join(" "),
  security: bearerSecurity,
  request: { params: ApplicationParam, body: jsonBody(TransitionRequest) },
  responses: {
    200: jsonResponse(ApplicationView, "The application after the action"),
    ...problems(400, 401, 403, 404, 409),
  },
});

const REFUSALS: Record<TransitionRefusal, Problem> = {
  unknown_step: new Problem(
    "conflict",
    "Tahap permohonan tidak dikenal alur kerjanya / The application's step is not in its workflow",
  ),
  terminal: new Problem("conflict", "Permohonan sudah selesai / The application is closed"),
  unknown_action: new Problem(
    "validation",
    "Tindakan ini tidak tersedia pada tahap ini / No such action at this step",
    { errors: [{ path: "action", message: "Tidak tersedia / Not available" }] },
  ),
  forbidden: new Problem(
    "forbidden",
    "Anda tidak dapat mengambil tindakan ini pada tahap ini / You may not take this action at this step",
  ),
  comment_required: new Problem("validation", "Tindakan ini memerlukan catatan / This action needs a comment", {
    errors: [{ path: "comment", message: "Wajib diisi / Required" }],
  }),
  checklist_incomplete: new Problem(
    "conflict",
    "Daftar dokumen wajib belum lengkap / The required documents are not complete",
  ),
};

/** The refusal names each indicator still unanswered or without the evidence it expects, in instrument order. */
function selfAssessmentIncomplete(gaps: SelfAssessmentGap[]): Problem {
  const answers = gaps.filter((g) => g.missing === "answer").length;
  const evidence = gaps.length - answers;
  return new Problem(
    "conflict",
    `Penilaian mandiri belum lengkap: ${answers} indikator belum diisi, ${evidence} belum ada bukti / The self-assessment is not complete: ${answers} indicators unanswered, ${evidence} without evidence`,
    {
      errors: gaps.map((gap) => ({
        path: `selfAssessment.${gap.indicator}.${gap.missing}`,
        message: `${gap.message.id} / ${gap.message.en}`,
      })),
    },
  );
}

/** Accredited → certified issues the certificate in the same batch as the move (issue 14). */
const ISSUE_ACTION = "issue_certificate";

/** Leaving asesor assignment: only with a full team that accepted (issue 13). */
const ASSIGN_ACTION = "assign";

/** Leaving the visit: only once every accepted asesor has submitted their blind sheet (issue 13). */
const RECORD_VISIT_ACTION = "record_visit";

/** The refusal lists everything the team still lacks, as the domain's `teamComplete` names it. */
function teamIncomplete(reasons: { code: string; text: { id: string; en: string } }[]): Problem {
  return new Problem(
    "conflict",
    "Tim asesor belum lengkap menerima penugasan / The asesor team has not fully accepted yet",
    { errors: reasons.map((r) => ({ path: `team.${r.code}`, message: `${r.text.id} / ${r.text.en}` })) },
  );
}

/** Leaving scoring: only with the reconciliation signed off by the whole team (issue 13). */
const SUBMIT_SCORES_ACTION = "submit_scores";

const decisionMissing = () =>
  new Problem(
    "conflict",
    "Keputusan akreditasi dicatat melalui keputusan pleno BALKS, bukan tindakan ini / The accreditation decision is recorded with BALKS's plenary decision, not this action",
    {
      errors: [
        {
          path: "decision",
          message:
            "Catat keputusan pleno (POST …/national/applications/{tenant}/{id}/decision) / Record the plenary decision (POST …/national/applications/{tenant}/{id}/decision)",
        },
      ],
    },
  );

/** The refusal names each required document still holding the application back, by its name. */
function checklistIncomplete(checklist: ChecklistEntry[], actor: StepActor): Problem {
  const gaps = checklistGaps(checklist, actor);
  const state = actor === "lks" ? "belum diunggah / not uploaded yet" : "belum diterima / not accepted yet";
  return new Problem(
    "conflict",
    `Daftar dokumen wajib belum lengkap: ${gaps.length} dokumen / The required documents are not complete: ${gaps.length} missing`,
    {
      errors: gaps.map((item) => ({
        path: `checklist.${item.key}`,
        message: `${item.name}: ${item.status === "returned" ? "dikembalikan, unggah ulang / returned, upload again" : state}`,
      })),
    },
  );
}

export const transition: RouteHandler<typeof transitionRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const store = scope.applications;
  const principal = c.get("principal");
  const { action, comment, items = [], expectedVersion } = c.req.valid("json");
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  if (app.tenantSlug !== scope.tenant.slug)
    throw new Problem("forbidden", `Bertindak melalui /t/${app.tenantSlug} / Act through the application's own tenant`);
  if (app.version !== expectedVersion) throw changedMeanwhile("application");

  const def = await definitionFor(store, app);
  const from = currentStep(def, app.step);
  const caller = callerOf(c);
  const roles = callerRoles(from, caller, app);
  const checklist = app.checklist;
  const result = applyTransition(def, app.step, action, {
    roles,
    ...(comment ? { comment } : {}),
    checklistComplete: checklistGaps(checklist, from.actor).length === 0,
  });
  if (!result.ok && result.reason === "checklist_incomplete") throw checklistIncomplete(checklist, from.actor);
  if (!result.ok) throw REFUSALS[result.reason];
  const { transition: taken, to } = result;
  if (taken.action === ASSIGN_ACTION) {
    const team = await teamState(scope, app.id);
    if (!team.complete) throw teamIncomplete(team.reasons);
  }
  if (taken.action === SUBMIT_SCORES_ACTION) await requireSignedOff(scope, app);
  // Accrediting or declining is the decision route's move, made with the plenary record in one batch.
  if ((Object.values(DECISION_ACTIONS) as string[]).includes(taken.action) && !(await scope.decisions.decision(app.id)))
    throw decisionMissing();
  if (taken.action === RECORD_VISIT_ACTION) {
    const waiting = await unsubmittedMembers(scope, app.id);
    if (waiting.length > 0)
      throw new Problem(
        "conflict",
        "Visitasi belum dapat dicatat: belum semua asesor mengirim lembar nilai / The visit cannot be recorded yet: not every asesor has submitted their score sheet",
        { errors: waiting },
      );
  }
  if (selfAssessmentRequired(taken, from, to)) {
    const gaps = await selfAssessmentMissing(scope, app);
    if (gaps.length > 0) throw selfAssessmentIncomplete(gaps);
  }

  // The certificate's PDF is made and stored first; its number and row join the move's batch, so a
  // stale or repeated request leaves neither a second certificate nor a used number behind.
  const issuing =
    taken.action === ISSUE_ACTION
      ? await prepareCertificate(
          {
            env: c.env,
            db,
            scope,
            userId: principal.user.id,
            origin: c.env.APP_ORIGIN ?? new URL(c.req.url).origin,
          },
          app,
          await decisionForCertificate(scope, app),
        )
      : null;
  const certificateStatements =
    issuing && !issuing.existing
      ? [
          ...issuing.statements,
          audit(c, {
            action: "certificate.issued",
            tenantId: app.tenantId,
            targetType: "certificate",
            targetId: issuing.id,
            data: { number: issuing.number, applicationId: app.id },
          }),
        ]
      : [];

  const returning = to.id === REVISION_STEP;
  // Indicator items must name indicators of the instrument the application was pinned to.
  const indicators = items.some((item) => item.kind === "indicator") ? await instrumentCodes(scope, app) : undefined;
  const returned = returning ? returnForRevision(checklist, items, new Date().toISOString(), indicators) : null;
  if (returned?.ok === false && returned.reason === "no_items") {
    throw new Problem("validation", "Sebutkan apa yang harus diperbaiki LKS / List what the LKS must fix", {
      errors: [{ path: "items", message: "Minimal satu butir / At least one item" }],
    });
  }
  if (returned?.ok === false && returned.reason === "unknown_documents") {
    throw new Problem(
      "validation",
      "Dokumen yang dirujuk tidak ada di daftar / Referenced document is not in the checklist",
      {
        errors: returned.indexes.map((i) => ({
          path: `items.${i}.ref`,
          message: `Tidak ada dokumen ${items[i]?.ref} / No document ${items[i]?.ref}`,
        })),
      },
    );
  }

  if (returned?.ok === false && returned.reason === "unknown_indicators") {
    throw new Problem(
      "validation",
      "Indikator yang dirujuk tidak ada di instrumen permohonan / Referenced indicator is not in the application's instrument",
      {
        errors: returned.indexes.map((i) => ({
          path: `items.${i}.ref`,
          message: `Tidak ada indikator ${items[i]?.ref} / No indicator ${items[i]?.ref}`,
        })),
      },
    );
  }

  const now = new Date().toISOString();
  const leavingLks = from.actor === "lks" && to.actor !== "lks";
  const lks = leavingLks ? await scope.lks.findOwn(app.lksId) : null;
  // First submission pins the instrument the LKS is assessed on; a resubmission keeps it.
  const pin = leavingLks && !app.instrumentVersionId ? await instrumentToPin(c, lks?.types ?? []) : null;
  const changes = {
    step: to.id,
    open: to.terminal ? 0 : 1,
    stepEnteredAt: now,
    stepDueAt: slaDueAt(now, to.slaDays),
    ...(returned?.ok ? { returnItems: items, letterAtReturn: app.letter, checklist: returned.checklist } : {}),
    ...(leavingLks ? { profileSnapshot: lks?.profile ?? null, ...(app.submittedAt ? {} : { submittedAt: now }) } : {}),
    ...(pin ? { instrumentVersionId: pin } : {}),
  };

  // Every move the LKS did not make itself is emailed and notified to its operators; the next
  // step's Dinsos actors get an in-app notification.
  const path = applicationPath(app.tenantSlug, app.id);
  const link = `${new URL(c.req.url).origin}${path}`;
  const lksOperators = from.actor === "lks" ? [] : await scope.lks.operators(app.lksId);
  const nextActors = to.terminal || to.actor === "lks" ? [] : await nextActorIds(c, to.actor, app.tenantId);
  const tellLks = lksOperators.map(({ email }) =>
    enqueueEmail(
      db,
      applicationMovedEmail({
        tenantId: app.tenantId,
        to: email,
        lksName: app.lksName,
        stepLabel: to.label.id,
        actionLabel: taken.label.id,
        comment: comment ?? null,
        items,
        link,
      }),
    ),
  );
  const intake = to.id === NATIONAL_INTAKE ? await tellSecretariat(c, app, link) : { emails: [], userIds: [] };
  const inApp = [...new Set([...lksOperators.map((o) => o.userId), ...nextActors, ...intake.userIds])]
    .filter((userId) => userId !== principal.user.id)
    .map((userId) =>
      store.notify({
        userId,
        title: `${app.lksName}: ${to.label.id}`,
        body: taken.label.id + (comment ? ` — ${comment}` : ""),
        link: path,
      }),
    );

  await db
    .batch([
      store.move(app.id, expectedVersion, changes),
      abortIfNothingChanged(db),
      store.event({
        applicationId: app.id,
        action,
        fromStep: from.id,
        toStep: to.id,
        actorUserId: principal.user.id,
        comment: comment ?? null,
        items: items.length > 0 ? items : null,
      }),
      audit(c, {
        action: `application.${action}`,
        tenantId: app.tenantId,
        targetType: "application",
        targetId: app.id,
        data: { from: from.id, to: to.id },
      }),
      ...tellLks,
      ...certificateStatements,
      ...intake.emails,
      ...inApp,
    ])
    .catch(staleOnGuardAbort("application"));
  if (issuing && !issuing.existing && issuing.supersedes.length > 0)
    await purgeCertificates(c.env, new URL(c.req.url).origin, issuing.supersedes);

  const moved = { ...app, ...changes, version: expectedVersion + 1 };
  return c.json(presentApplication(moved, def, caller, await changesSinceReturn(c, moved)), 200);
};

/**
 * The published instrument version that applies to the LKS's types, or a refusal naming them: an
 * application is not submitted without something to be assessed on.
 */
async function instrumentToPin(c: Parameters<typeof transition>[0], lksTypes: readonly string[]): Promise<string> {
  const found = await applicableVersionId(c.get("scope"), lksTypes);
  if (found) return found;
  // Every type has a seeded instrument: what is left is an LKS whose types were never recorded.
  if (lksTypes.length === 0)
    throw new Problem(
      "conflict",
      "Jenis layanan LKS belum diisi pada profilnya, sehingga belum ada instrumen untuk menilainya / The LKS's types are not set in its profile, so no instrument applies yet",
      { errors: [{ path: "instrument", message: "Isi jenis LKS pada profil / Set the LKS's types in its profile" }] },
    );
  const types = lksTypes.join(", ");
  throw new Problem(
    "conflict",
    `Belum ada instrumen akreditasi terbit untuk jenis LKS ${types}; hubungi BALKS / No published accreditation instrument applies to LKS type ${types} yet; contact BALKS`,
    {
      errors: [
        {
          path: "instrument",
          message: `Tidak ada instrumen terbit untuk ${types} / No published instrument for ${types}`,
        },
      ],
    },
  );
}

/** Dinsos users who act at the next step, for in-app notifications (BALKS watches its national inbox). */
/**
 * An application reaching national intake is BALKS's secretariat's work: each is told in the app,
 * and by email while few arrived today (the rest come in the next morning's digest).
 */
async function tellSecretariat(
  c: Parameters<typeof transition>[0],
  app: { lksName: string; tenantName: string },
  link: string,
) {
  const store = c.get("scope").applications;
  const db = c.get("db");
  const [secretariat, earlier] = await Promise.all([
    store.nationalHolders(["balks_secretariat"]),
    store.intakeArrivalsSince(NATIONAL_INTAKE, jakartaDayBounds(jakartaDay()).start),
  ]);
  const emails = intakeEmailNow(earlier)
    ? secretariat.map(({ email }) =>
        enqueueEmail(db, intakeArrivalEmail({ to: email, lksName: app.lksName, tenantName: app.tenantName, link })),
      )
    : [];
  return { emails, userIds: secretariat.map((h) => h.userId) };
}

async function nextActorIds(
  c: Parameters<typeof transition>[0],
  actor: "kabkota" | "province" | "national",
  applicationTenantId: string,
): Promise<string[]> {
  const scope = c.get("scope");
  if (actor === "national") return [];
  const tenantId = actingTenantId(actor, {
    tenantId: applicationTenantId,
    tenantLevel: scope.tenant.level,
    parentTenantId: scope.tenant.parentId,
  });
  if (!tenantId) return [];
  return (await scope.applications.holders(tenantId, ["dinsos_verifier", "dinsos_head"])).map((h) => h.userId);
}
