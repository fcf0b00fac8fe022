/**
 * Asesors and conflicts of interest (issue 13, DOMAIN.md "Accreditation process as practised"):
 * who may assess an LKS. Comparable Indonesian accreditors exclude an asesor who helped or worked
 * at the institution within two years; BALKS adds its own rules. The rules are data (BALKS switches
 * each one and sets the look-back), so the same function answers for the API (which refuses an
 * excluded asesor), for the candidate list (which shows why) and for the tests.
 */
import type { LksType } from "../registry/vocabulary.ts";
import { LKS_TYPE_LABELS } from "../registry/vocabulary.ts";
import type { Bilingual } from "../instruments/types.ts";
import { addYears, isCalendarDate, reason, type FieldProblem, type Reason } from "./reason.ts";

export const ASESOR_BACKGROUNDS = ["academic", "practitioner", "trainer"] as const;
/** Academics, social-work practitioners, trainers (widyaiswara): DOMAIN.md's pool of asesors. */
export type AsesorBackground = (typeof ASESOR_BACKGROUNDS)[number];

export const AFFILIATION_KINDS = ["organisation", "foundation", "lks", "employment", "family"] as const;
export type AffiliationKind = (typeof AFFILIATION_KINDS)[number];

/**
 * A tie the asesor declared. It names the LKS it is with (`lksId`), or the foundation or
 * organisation (`organisation`: the key BALKS records for it, e.g. the yayasan's name or NPWP);
 * a family tie names the LKS or foundation the relative works at. `to` null: the tie goes on.
 */
export interface Affiliation {
  kind: AffiliationKind;
  lksId: string | null;
  organisation: string | null;
  /** YYYY-MM-DD. */
  from: string;
  /** YYYY-MM-DD, the last day of the tie; null while it lasts. */
  to: string | null;
}

/** A completed assessment of an earlier cycle (not the one being staffed now). */
export interface PastAssessment {
  lksId: string;
  /** YYYY-MM-DD: when that cycle's visit took place. */
  cycleDate: string;
}

export interface Asesor {
  id: string;
  name: string;
  /** Kemendagri codes of where the asesor lives. */
  provinceCode: string;
  kabKotaCode: string;
  background: AsesorBackground;
  /** The LKS types BALKS has qualified the asesor to assess. */
  lksTypes: LksType[];
  active: boolean;
  affiliations: Affiliation[];
  assessments: PastAssessment[];
}

/** The LKS being assessed, as the conflict rules see it. */
export interface LksUnderAssessment {
  id: string;
  types: LksType[];
  provinceCode: string;
  kabKotaCode: string;
  /** The key of the foundation or organisation that runs it (same key as `Affiliation.organisation`); null when none. */
  organisation: string | null;
  /** YYYY-MM-DD of its previous cycle's visit; null for a first accreditation. */
  lastCycleDate: string | null;
}

/** BALKS's conflict rules: each can be switched off; the look-back of ties is in years. */
export interface ConflictRules {
  /** Worked for (or is otherwise tied to) the LKS or its foundation within `years` years. */
  recentTie: { on: boolean; years: number };
  /** Assessed the same LKS in its last cycle: a second look by other eyes. */
  assessedLastCycle: { on: boolean };
  /** Lives in the LKS's kab/kota: local ties are hard to declare and easy to suspect. */
  sameKabKota: { on: boolean };
}

/** The defaults: every rule on, ties looked back two years (the no-conflict declaration of comparable accreditors). */
export const DEFAULT_CONFLICT_RULES: ConflictRules = {
  recentTie: { on: true, years: 2 },
  assessedLastCycle: { on: true },
  sameKabKota: { on: true },
};

export const ELIGIBILITY_CODES = [
  "eligible",
  "inactive",
  "no_type_expertise",
  "recent_tie",
  "assessed_last_cycle",
  "same_kab_kota",
] as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[number];

export interface Eligibility {
  eligible: boolean;
  /** Excluded: every rule that excludes, in a fixed order. Eligible: one reason saying why (the types the asesor covers). */
  reasons: Reason<EligibilityCode>[];
}

const KIND_LABELS: Record<AffiliationKind, { id: string; en: string }> = {
  organisation: { id: "organisasi", en: "organisation" },
  foundation: { id: "yayasan", en: "foundation" },
  lks: { id: "LKS", en: "LKS" },
  employment: { id: "pekerjaan", en: "employment" },
  family: { id: "hubungan keluarga", en: "family tie" },
};

/** Keys compared as BALKS writes them: case, spacing and punctuation do not make two foundations. */
const sameKey = (a: string, b: string) => {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return norm(a) !== "" && norm(a) === norm(b);
};

/** The LKS types of the LKS that the asesor is qualified for, in the LKS's order. */
export function typesCovered(asesor: Pick<Asesor, "lksTypes">, lks: Pick<LksUnderAssessment, "types">): LksType[] {
  return lks.types.filter((type) => asesor.lksTypes.includes(type));
}

/** Whether a declared tie points at this LKS or the foundation that runs it. */
function tiedTo(affiliation: Affiliation, lks: LksUnderAssessment): boolean {
  if (affiliation.lksId !== null && affiliation.lksId === lks.id) return true;
  return (
    affiliation.organisation !== null &&
    lks.organisation !== null &&
    sameKey(affiliation.organisation, lks.organisation)
  );
}

/**
 * Whether an asesor may assess an LKS, and why. An asesor must be active and qualified for at
 * least one of the LKS's types (a multi-type LKS is covered by the team together); then each rule
 * that is on may exclude. Every excluding rule is named, not just the first, so BALKS sees the
 * whole picture and an asesor disputing one tie learns of the others. Ties are judged on the day
 * given (the Jakarta day of the decision), inclusively: a tie that ended exactly `years` years ago
 * still excludes, because the declaration speaks of "within" that time.
 */
export function eligibility(asesor: Asesor, lks: LksUnderAssessment, rules: ConflictRules, today: string): Eligibility {
  const reasons: Reason<EligibilityCode>[] = [];
  if (!asesor.active)
    reasons.push(
      reason("inactive", `${asesor.name} tidak aktif sebagai asesor`, `${asesor.name} is not an active asesor`),
    );

  const covered = typesCovered(asesor, lks);
  if (covered.length === 0) {
    const types = lks.types.join(", ");
    reasons.push(
      reason(
        "no_type_expertise",
        `${asesor.name} tidak berkualifikasi menilai ${types}`,
        `${asesor.name} is not qualified to assess ${types}`,
      ),
    );
  }

  if (rules.recentTie.on) {
    const since = addYears(today, -rules.recentTie.years);
    const ties = asesor.affiliations.filter((a) => tiedTo(a, lks) && (a.to === null || a.to >= since));
    for (const tie of ties) {
      const kind = KIND_LABELS[tie.kind];
      const when =
        tie.to === null
          ? { id: "masih berlangsung", en: "ongoing" }
          : { id: `sampai ${tie.to}`, en: `until ${tie.to}` };
      reasons.push(
        reason(
          "recent_tie",
          `Memiliki ${kind.id} dengan LKS ini atau yayasannya (${when.id}), dalam ${rules.recentTie.years} tahun terakhir`,
          `Has a ${kind.en} with this LKS or its foundation (${when.en}), within the last ${rules.recentTie.years} years`,
        ),
      );
    }
  }

  if (rules.assessedLastCycle.on) {
    // Without a recorded previous cycle any earlier assessment of this LKS counts: fail safe.
    const last = lks.lastCycleDate;
    const earlier = asesor.assessments.find((p) => p.lksId === lks.id && (last === null || p.cycleDate >= last));
    if (earlier)
      reasons.push(
        reason(
          "assessed_last_cycle",
          `Sudah menilai LKS ini pada siklus sebelumnya (${earlier.cycleDate})`,
          `Assessed this LKS in its previous cycle (${earlier.cycleDate})`,
        ),
      );
  }

  if (rules.sameKabKota.on && asesor.kabKotaCode === lks.kabKotaCode)
    reasons.push(
      reason(
        "same_kab_kota",
        "Bertempat tinggal di kabupaten/kota yang sama dengan LKS",
        "Lives in the same kabupaten/kota as the LKS",
      ),
    );

  if (reasons.length > 0) return { eligible: false, reasons };
  const names = covered.map((type) => `${type} (${LKS_TYPE_LABELS[type]})`).join(", ");
  return {
    eligible: true,
    reasons: [
      reason(
        "eligible",
        `Dapat menilai: berkualifikasi untuk ${names}; tidak ada konflik kepentingan yang tercatat`,
        `Eligible: qualified for ${names}; no conflict of interest on record`,
      ),
    ],
  };
}

/**
 * What is wrong with conflict rules BALKS is saving, as field path → sentence: the look-back must
 * be a whole number of years from 1 to 10 (0 would silently switch the rule off; use `on` for that).
 */
export function conflictRulesProblems(rules: ConflictRules): FieldProblem[] {
  const years = rules.recentTie.years;
  if (Number.isInteger(years) && years >= 1 && years <= 10) return [];
  return [
    {
      field: "recentTie.years",
      text: {
        id: "Jangka waktu hubungan harus bilangan bulat 1 sampai 10 tahun",
        en: "The look-back for ties must be a whole number of years from 1 to 10",
      },
    },
  ];
}

/**
 * What is wrong with an affiliation an asesor declares, by field: real dates, an end not before
 * its start, and something it is with (an LKS or an organisation). A tie that names nothing could
 * never exclude anyone, so it would look declared while protecting nothing.
 */
export function affiliationProblems(affiliation: Affiliation): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const empty = (s: string | null) => s === null || s.trim() === "";
  if (empty(affiliation.lksId) && empty(affiliation.organisation))
    problems.push({
      field: "organisation",
      text: {
        id: "Sebutkan LKS atau organisasi/yayasan yang terkait",
        en: "Name the LKS or the organisation/foundation it is with",
      },
    });
  if (!isCalendarDate(affiliation.from))
    problems.push({
      field: "from",
      text: { id: "Tanggal mulai tidak valid", en: "The start date is not a valid date" },
    });
  if (affiliation.to !== null && !isCalendarDate(affiliation.to))
    problems.push({ field: "to", text: { id: "Tanggal selesai tidak valid", en: "The end date is not a valid date" } });
  else if (affiliation.to !== null && isCalendarDate(affiliation.from) && affiliation.to < affiliation.from)
    problems.push({
      field: "to",
      text: {
        id: "Tanggal selesai tidak boleh sebelum tanggal mulai",
        en: "The end date cannot be before the start date",
      },
    });
  return problems;
}

/**
 * The no-conflict declaration an asesor signs for one LKS before accepting the assignment, as the
 * numbered statements shown and kept with the signature. Built from the rules in force, so what
 * the asesor declares is what BALKS checks: the look-back years are BALKS's, and the statement on
 * the last cycle appears only while that rule is on. Ties, paid help and gifts are always declared
 * (the declaration of comparable Indonesian accreditors), whatever the automatic rules.
 */
export function conflictDeclaration(asesorName: string, lksName: string, rules: ConflictRules): Bilingual[] {
  const years = rules.recentTie.years;
  const statements: Bilingual[] = [
    {
      id: `Saya, ${asesorName}, tidak bekerja, tidak menjadi pengurus, dan tidak memiliki hubungan keluarga dengan pengurus atau pegawai ${lksName} maupun yayasan/organisasi yang menaunginya, dalam ${years} tahun terakhir.`,
      en: `I, ${asesorName}, have not worked for, served on the board of, or had a family tie with the board or staff of ${lksName} or the foundation/organisation that runs it, in the last ${years} years.`,
    },
    {
      id: `Saya tidak memberikan bantuan berbayar atau pendampingan penyusunan dokumen akreditasi kepada ${lksName} dalam ${years} tahun terakhir.`,
      en: `I have not given ${lksName} paid help or assistance in preparing its accreditation documents in the last ${years} years.`,
    },
  ];
  if (rules.assessedLastCycle.on)
    statements.push({
      id: `Saya tidak menilai ${lksName} pada siklus akreditasi sebelumnya.`,
      en: `I did not assess ${lksName} in its previous accreditation cycle.`,
    });
  statements.push(
    {
      id: "Saya tidak menerima dan tidak akan menerima hadiah, uang, atau fasilitas dalam bentuk apa pun terkait penilaian ini.",
      en: "I have not accepted and will not accept gifts, money or favours of any kind in connection with this assessment.",
    },
    {
      id: "Apabila timbul konflik kepentingan sebelum keputusan akreditasi, saya akan segera melaporkannya kepada BALKS dan mengundurkan diri dari penugasan ini.",
      en: "Should a conflict of interest arise before the accreditation decision, I will report it to BALKS at once and withdraw from this assignment.",
    },
  );
  return statements;
}
