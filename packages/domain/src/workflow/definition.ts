import type { Role } from "../identity/roles.ts";
import { NATIONAL_INTAKE, REVISION_STEP, type StepActor } from "./steps.ts";

export { CYCLE_END_STEPS, NATIONAL_INTAKE, REVISION_STEP, STEP_ACTORS, type StepActor } from "./steps.ts";

export interface Label {
  id: string;
  en: string;
}

export interface WorkflowStep {
  id: string;
  label: Label;
  actor: StepActor;
  /** Working days the actor has before the step is overdue; null for steps nobody is chased on. */
  slaDays: number | null;
  terminal: boolean;
}

export interface WorkflowTransition {
  action: string;
  label: Label;
  from: string;
  to: string;
  /** Any one of these roles may take the transition. */
  roles: Role[];
  commentRequired: boolean;
  /** The step's checklist (documents, verification points) must be complete first. */
  checklistRequired: boolean;
  /**
   * The LKS's self-assessment must be complete first (every indicator answered, with the evidence
   * it expects). Left out: required on every hand-over from the LKS (see `selfAssessmentRequired`),
   * so tenants switch it off only by saying so.
   */
  selfAssessmentRequired?: boolean;
}

// In its own module: the workflow editor imports the rule without the default workflows below.
export { selfAssessmentRequired } from "./hand-over.ts";

export interface WorkflowDefinition {
  start: string;
  steps: WorkflowStep[];
  transitions: WorkflowTransition[];
}

/** The regional part a tenant edits: its steps/transitions, which must forward into NATIONAL_INTAKE. */
export interface RegionalPart {
  start: string;
  steps: WorkflowStep[];
  transitions: WorkflowTransition[];
}

const step = (
  id: string,
  actor: StepActor,
  slaDays: number | null,
  labelId: string,
  labelEn: string,
  terminal = false,
): WorkflowStep => ({
  id,
  label: { id: labelId, en: labelEn },
  actor,
  slaDays,
  terminal,
});

const transition = (
  from: string,
  action: string,
  to: string,
  roles: Role[],
  labelId: string,
  labelEn: string,
  requires: { comment?: boolean; checklist?: boolean } = {},
): WorkflowTransition => ({
  action,
  label: { id: labelId, en: labelEn },
  from,
  to,
  roles,
  commentRequired: requires.comment ?? false,
  checklistRequired: requires.checklist ?? false,
});

/** Shared module state handed to every caller: freezing it makes an accidental edit throw instead of leaking. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * BALKS's part of every application's path (ARCHITECTURE.md, "The application lifecycle"). Tenants
 * cannot edit it. The assessment issue fills in what happens inside visit, scoring and decision; the
 * states are fixed here so applications can already be routed and counted.
 */
export const NATIONAL_PART: { steps: WorkflowStep[]; transitions: WorkflowTransition[] } = deepFreeze({
  steps: [
    step(NATIONAL_INTAKE, "national", 7, "Penerimaan di BALKS", "BALKS intake"),
    step("admin_check", "national", 14, "Pemeriksaan administrasi", "Administrative check"),
    step("asesor_assignment", "national", 14, "Penugasan asesor", "Assessor assignment"),
    step("visit", "national", 30, "Visitasi", "Site visit"),
    step("scoring", "national", 7, "Penilaian", "Scoring"),
    step("decision", "national", 14, "Keputusan akreditasi", "Accreditation decision"),
    step("accredited", "national", 14, "Terakreditasi, menunggu sertifikat", "Accredited, awaiting certificate"),
    step("certified", "national", null, "Sertifikat terbit", "Certificate issued", true),
    step("not_accredited", "national", null, "Tidak terakreditasi", "Not accredited", true),
  ],
  transitions: [
    transition(NATIONAL_INTAKE, "accept", "admin_check", ["balks_secretariat"], "Terima berkas", "Accept the file"),
    transition(
      "admin_check",
      "pass",
      "asesor_assignment",
      ["balks_secretariat"],
      "Lolos administrasi",
      "Passes the administrative check",
    ),
    transition(
      "admin_check",
      "return",
      REVISION_STEP,
      ["balks_secretariat"],
      "Kembalikan untuk perbaikan",
      "Return for revision",
      { comment: true },
    ),
    transition("asesor_assignment", "assign", "visit", ["balks_secretariat"], "Tugaskan asesor", "Assign assessors"),
    transition("visit", "record_visit", "scoring", ["asesor"], "Catat visitasi", "Record the visit"),
    transition("scoring", "submit_scores", "decision", ["asesor"], "Kirim nilai", "Submit the scores"),
    transition("decision", "accredit", "accredited", ["balks_decider"], "Tetapkan terakreditasi", "Accredit"),
    transition(
      "decision",
      "decline",
      "not_accredited",
      ["balks_decider"],
      "Tetapkan tidak terakreditasi",
      "Decline accreditation",
      { comment: true },
    ),
    transition(
      "accredited",
      "issue_certificate",
      "certified",
      ["balks_secretariat"],
      "Terbitkan sertifikat",
      "Issue the certificate",
    ),
  ],
});

/** Step ids only BALKS's part may define. */
export const NATIONAL_STEP_IDS: ReadonlySet<string> = new Set(NATIONAL_PART.steps.map((s) => s.id));

/**
 * The national default for the regional part: kab/kota verification, then the province's, then
 * BALKS. A tenant without a province step points kab/kota's `recommend` straight at NATIONAL_INTAKE.
 * The LKS hands over (submit, resubmit) only with every required document uploaded: an application
 * with most of its documents missing wastes the verifier's step (issue 10). Tenants may switch the
 * requirement per transition.
 */
export const DEFAULT_REGIONAL_PART: RegionalPart = deepFreeze({
  start: "draft",
  steps: [
    step("draft", "lks", null, "Draf", "Draft"),
    step("kabkota_verification", "kabkota", 14, "Verifikasi Dinsos kabupaten/kota", "Kab/kota Dinsos verification"),
    step(REVISION_STEP, "lks", null, "Perbaikan oleh LKS", "Revision by the LKS"),
    step("province_verification", "province", 7, "Verifikasi Dinsos provinsi", "Provincial Dinsos verification"),
    step("withdrawn", "lks", null, "Ditarik", "Withdrawn", true),
  ],
  transitions: [
    transition("draft", "submit", "kabkota_verification", ["lks_operator"], "Ajukan", "Submit", { checklist: true }),
    transition("draft", "withdraw", "withdrawn", ["lks_operator"], "Tarik permohonan", "Withdraw the application"),
    transition(
      "kabkota_verification",
      "return",
      REVISION_STEP,
      ["dinsos_verifier", "dinsos_head"],
      "Kembalikan untuk perbaikan",
      "Return for revision",
      { comment: true },
    ),
    transition(
      "kabkota_verification",
      "recommend",
      "province_verification",
      ["dinsos_head"],
      "Rekomendasikan",
      "Recommend",
    ),
    transition(REVISION_STEP, "resubmit", "kabkota_verification", ["lks_operator"], "Ajukan ulang", "Resubmit", {
      checklist: true,
    }),
    transition(
      REVISION_STEP,
      "withdraw",
      "withdrawn",
      ["lks_operator"],
      "Tarik permohonan",
      "Withdraw the application",
    ),
    transition(
      "province_verification",
      "return",
      REVISION_STEP,
      ["dinsos_verifier", "dinsos_head"],
      "Kembalikan untuk perbaikan",
      "Return for revision",
      { comment: true },
    ),
    transition(
      "province_verification",
      "recommend",
      NATIONAL_INTAKE,
      ["dinsos_head"],
      "Rekomendasikan ke BALKS",
      "Recommend to BALKS",
    ),
  ],
});

/** The whole path an application follows: the tenant's part, then BALKS's. */
export function composeDefinition(regional: RegionalPart): WorkflowDefinition {
  return {
    start: regional.start,
    steps: [...regional.steps, ...NATIONAL_PART.steps],
    transitions: [...regional.transitions, ...NATIONAL_PART.transitions],
  };
}
