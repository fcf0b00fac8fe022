/**
 * Re-accreditation (issue 14): a `renewal` application starts from the LKS's last completed cycle —
 * the application whose certificate is the LKS's latest. What it takes over is decided here; the
 * Worker only reads the rows and writes the result.
 */
import { addCalendarDays, jakartaDay } from "../calendar/jakarta.ts";
import { documentTypeOfMime } from "../documents/upload-rules.ts";
import { compareVersions } from "../instruments/compare.ts";
import { answerRefusal } from "../instruments/self-assessment.ts";
import type { InstrumentVersion } from "../instruments/types.ts";
import type { DocumentRequirement } from "./checklist.ts";
import type { ChecklistStatus } from "./rules.ts";

/**
 * Letter fields a renewal takes from the last cycle's letter when the caller does not send them:
 * who signs and the summary. The number and date are the new letter's own identity (a renewal is
 * a new letter to BALKS), so the caller always sends them.
 */
export const CARRIED_LETTER_FIELDS = ["signatoryName", "signatoryPosition", "summary"] as const;

/** The new draft's letter: the caller's fields win; missing carried fields come from the last cycle. */
export function renewalLetter<T extends Record<string, unknown>>(
  previous: Record<string, unknown> | null,
  sent: T,
): T & Record<string, unknown> {
  const carried: Record<string, unknown> = {};
  for (const field of CARRIED_LETTER_FIELDS) {
    const value = previous?.[field];
    if (typeof value === "string" && value.trim() !== "") carried[field] = value;
  }
  const own = Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined && value !== ""));
  return { ...carried, ...own } as T & Record<string, unknown>;
}

/**
 * Requirements that belong to one cycle: the letter, the self-assessment forms and the previous
 * certificate are made anew for every application, so they are never carried over.
 */
export const PER_CYCLE_REQUIREMENTS = ["surat_permohonan", "formulir_a", "formulir_b", "sertifikat_sebelumnya"];

/**
 * Documents that describe the current year (work programme, activity report, staff and client
 * lists): carried over only while they are at most this many days old.
 */
export const YEARLY_REQUIREMENTS = ["program_kerja", "laporan_kegiatan", "daftar_sdm", "daftar_klien"];
export const YEARLY_MAX_AGE_DAYS = 365;

/**
 * Permits whose end date the LKS's registry keeps (`tanda_daftar_expires_on`, `izin_expires_on`):
 * carried over only while that date is not past. A document itself carries no dates; these are the
 * only ones the data holds.
 */
export const PERMIT_REQUIREMENTS = ["tanda_daftar", "izin_operasional"] as const;
export type PermitRequirement = (typeof PERMIT_REQUIREMENTS)[number];

/** One requirement's document in the last cycle, at its newest version. */
export interface CycleDocument {
  key: string;
  /** Where the requirement stood when the cycle ended. */
  status: ChecklistStatus;
  documentId: string;
  contentType: string;
  size: number;
  /** When the newest version was uploaded (ISO instant). */
  uploadedAt: string;
}

export interface CarryContext {
  /** Today in Jakarta (YYYY-MM-DD). */
  today: string;
  /** The permits' end dates as the LKS's registry records them now (null: none recorded). */
  permitsExpireOn: Record<PermitRequirement, string | null>;
}

export const CARRY_REFUSALS = [
  "not_in_checklist",
  "per_cycle",
  "returned",
  "type_not_accepted",
  "too_large",
  "permit_expired",
  "outdated",
] as const;
export type CarryRefusal = (typeof CARRY_REFUSALS)[number];

export interface CarryPlan {
  carried: CycleDocument[];
  left: { key: string; reason: CarryRefusal }[];
}

/**
 * Which of the last cycle's documents a renewal links again, and why each other one is not. "Still
 * valid" means, with the data a document has: the new checklist asks for the same key; the
 * document was not returned for revision at the end of the cycle; the requirement is not one made
 * per cycle; its stored type is still accepted and its size still within the limit; a permit is
 * not past the end date the registry holds for it; a yearly document is at most a year old. The
 * Dinsos still reviews every carried document (it arrives as "uploaded", marked carried over).
 */
export function planCarryOver(
  previous: readonly CycleDocument[],
  checklist: readonly Pick<DocumentRequirement, "key" | "acceptedTypes" | "maxBytes">[],
  context: CarryContext,
): CarryPlan {
  const wanted = new Map(checklist.map((item) => [item.key, item]));
  const plan: CarryPlan = { carried: [], left: [] };
  const seen = new Set<string>();
  for (const doc of previous) {
    if (seen.has(doc.key)) continue;
    seen.add(doc.key);
    const reason = refusalOf(doc, wanted.get(doc.key), context);
    if (reason) plan.left.push({ key: doc.key, reason });
    else plan.carried.push(doc);
  }
  return plan;
}

function refusalOf(
  doc: CycleDocument,
  requirement: Pick<DocumentRequirement, "acceptedTypes" | "maxBytes"> | undefined,
  context: CarryContext,
): CarryRefusal | null {
  if (!requirement) return "not_in_checklist";
  if (PER_CYCLE_REQUIREMENTS.includes(doc.key)) return "per_cycle";
  if (doc.status !== "uploaded" && doc.status !== "accepted") return "returned";
  const type = documentTypeOfMime(doc.contentType);
  if (!type || !requirement.acceptedTypes.includes(type)) return "type_not_accepted";
  if (doc.size > requirement.maxBytes) return "too_large";
  if (isPermit(doc.key)) {
    const end = context.permitsExpireOn[doc.key];
    if (end !== null && end < context.today) return "permit_expired";
  }
  if (YEARLY_REQUIREMENTS.includes(doc.key)) {
    const uploadedOn = jakartaDay(doc.uploadedAt);
    if (addCalendarDays(uploadedOn, YEARLY_MAX_AGE_DAYS) < context.today) return "outdated";
  }
  return null;
}

function isPermit(key: string): key is PermitRequirement {
  return (PERMIT_REQUIREMENTS as readonly string[]).includes(key);
}

/** One answer of the last cycle's self-assessment. */
export interface CycleAnswer {
  indicator: string;
  level: number | null;
  note: string;
}

/** Why an answer of the last cycle is not copied into this one. */
export const ANSWER_LEFT_REASONS = ["removed", "changed", "invalid_level"] as const;
export type AnswerLeftReason = (typeof ANSWER_LEFT_REASONS)[number];

export interface AnswerCarryPlan {
  /** Answers to store, under this cycle's codes. */
  copied: CycleAnswer[];
  /** This cycle's indicators (or, when removed, the last cycle's codes) left empty, with why. */
  left: { indicator: string; from: string; reason: AnswerLeftReason }[];
}

/**
 * A change to an indicator that changes what its answer means: its wording or its rubric. A new
 * weight, guidance, evidence list or renumbering keeps the answer meaningful.
 */
const MEANING_CHANGES = new Set(["text", "rubric"]);

/**
 * Which answers of the last cycle a self-assessment may start from: each indicator paired across
 * the two instrument versions (same code, or renumbered through the newer version's lineage) whose
 * wording and rubric did not change, with a level the new rubric still has. Indicators that
 * changed, or that the new instrument no longer has, are listed and left empty. Unanswered
 * indicators of the last cycle are simply not copied.
 */
export function planAnswerCarry(
  previous: InstrumentVersion,
  current: InstrumentVersion,
  answers: readonly CycleAnswer[],
): AnswerCarryPlan {
  const comparison = compareVersions(previous, current);
  const changed = new Map(comparison.changed.map((c) => [c.from, c.changes]));
  const target = new Map(comparison.codeMap.flatMap(({ from, to }) => (from === null ? [] : [[from, to] as const])));
  const plan: AnswerCarryPlan = { copied: [], left: [] };
  for (const answer of answers) {
    if (answer.level === null && answer.note.trim() === "") continue;
    const to = target.get(answer.indicator) ?? null;
    if (to === null) {
      plan.left.push({ indicator: answer.indicator, from: answer.indicator, reason: "removed" });
      continue;
    }
    if ((changed.get(answer.indicator) ?? []).some((c) => MEANING_CHANGES.has(c))) {
      plan.left.push({ indicator: to, from: answer.indicator, reason: "changed" });
      continue;
    }
    if (answerRefusal(current, to, answer.level)) {
      plan.left.push({ indicator: to, from: answer.indicator, reason: "invalid_level" });
      continue;
    }
    plan.copied.push({ indicator: to, level: answer.level, note: answer.note });
  }
  return plan;
}

export const LEVEL_CHANGES = ["up", "down", "same"] as const;
export type LevelChange = (typeof LEVEL_CHANGES)[number];

/**
 * How an indicator's level moved from the last cycle to this one (↑ ↓ =); null unless both cycles
 * have a level. Levels are compared as rubric scores, which only rise with the level in every version.
 */
export function levelChange(before: number | null | undefined, after: number | null | undefined): LevelChange | null {
  if (before === null || before === undefined || after === null || after === undefined) return null;
  return after > before ? "up" : after < before ? "down" : "same";
}
