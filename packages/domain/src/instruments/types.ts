/**
 * Accreditation instruments as data (ARCHITECTURE.md "Assessment and decisions"): a version of an
 * instrument belongs to a regulation version and to LKS types, and holds the six standards →
 * aspects → indicators with their rubrics, plus the grade rules it is scored by. Everything here
 * is plain JSON (no Dates, Maps or functions) so a version can be stored in a D1 JSON column,
 * sent over the API and scored on the device with the same code.
 */
import type { LksType } from "../registry/vocabulary.ts";

/** A text in Bahasa Indonesia first, English second. */
export interface Bilingual {
  id: string;
  en: string;
}

export const REGULATION_IDS = ["permensos-17-2012", "permensos-8-2025"] as const;
export type RegulationId = (typeof REGULATION_IDS)[number];

export interface Regulation {
  id: RegulationId;
  name: Bilingual;
  /** Year it took effect; the newer one replaces the older for applications submitted after it. */
  year: number;
}

export const REGULATIONS: Record<RegulationId, Regulation> = {
  "permensos-17-2012": {
    id: "permensos-17-2012",
    name: {
      id: "Permensos 17/2012 tentang Akreditasi Lembaga Kesejahteraan Sosial",
      en: "Minister of Social Affairs Regulation 17/2012 on the accreditation of social welfare institutions",
    },
    year: 2012,
  },
  "permensos-8-2025": {
    id: "permensos-8-2025",
    name: {
      id: "Permensos 8/2025 tentang Akreditasi Lembaga Kesejahteraan Sosial",
      en: "Minister of Social Affairs Regulation 8/2025 on the accreditation of social welfare institutions",
    },
    year: 2025,
  },
};

/**
 * The six standards of DOMAIN.md, by their code. An instrument carries its own names (a regulation
 * may rename them); these are the defaults the seeds and the spreadsheet template use.
 */
export const STANDARD_NAMES: Record<string, Bilingual> = {
  "1": { id: "Program pelayanan", en: "Service programme" },
  "2": { id: "Proses layanan", en: "Service process" },
  "3": { id: "Manajemen organisasi", en: "Organisational management" },
  "4": { id: "Sumber daya manusia", en: "Human resources" },
  "5": { id: "Sarana dan prasarana", en: "Facilities and infrastructure" },
  "6": { id: "Hasil layanan", en: "Service outcomes" },
};

export interface RubricLevel {
  /** The points this level is worth (0–4 by default); the highest level of an indicator is its full marks. */
  score: number;
  descriptor: Bilingual;
}

export const EVIDENCE_KINDS = ["document", "photo"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * A piece of evidence ("data dukung", Formulir B) an indicator expects. A document's `key` is a
 * key of the document checklist vocabulary (`DEFAULT_CHECKLISTS`, e.g. `izin_operasional`) when
 * it is one of those, so a document already uploaded there can be linked; otherwise a key of the
 * instrument's own (same pattern, `REQUIREMENT_KEY_PATTERN`). A photo's key names what it shows.
 */
export interface EvidenceItem {
  kind: EvidenceKind;
  key: string;
  label: Bilingual;
}

export interface Indicator {
  /** Stable code `standard.aspect.indicator`, e.g. `2.3.4`; answers and returns point at it. */
  code: string;
  text: Bilingual;
  /** How to judge it: what to look at, whom to ask. */
  guidance: Bilingual;
  /** Ordered from lowest to highest score; every level has a descriptor in both languages. */
  levels: RubricLevel[];
  /** 1–4: how much the indicator counts within its standard. */
  weight: number;
  evidence: EvidenceItem[];
  /** The asesor must see it on site (observation), not only in documents. */
  onSite: boolean;
  /** A finding on it (bullying, sexual violence, intolerance, a child in danger) blocks any grade. */
  safeguarding: boolean;
}

export interface Aspect {
  /** `standard.aspect`, e.g. `2.3`. */
  code: string;
  name: Bilingual;
  indicators: Indicator[];
}

export interface Standard {
  /** `1`…`6`. */
  code: string;
  name: Bilingual;
  aspects: Aspect[];
}

export const GRADES = ["A", "B", "C"] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeBand {
  grade: Grade;
  /** Inclusive bounds of the final score, whole numbers: a total of 85.5 is below 86 and so a B under the default. */
  min: number;
  max: number;
  validityYears: number;
  label: Bilingual;
}

export const BLANK_SCORING = ["excluded", "zero"] as const;
/**
 * `excluded`: a blank indicator is left out of its standard's score (neither its points nor its
 * full marks count) and reported; `zero`: it counts as the lowest level, and is still reported.
 */
export type BlankScoring = (typeof BLANK_SCORING)[number];

export interface GradeRules {
  /** Standard code → its share of the final score; the shares add up to 100. */
  componentWeights: Record<string, number>;
  /** Final score needed for any grade; also what a component must reach to count as passing. */
  passMark: number;
  /** A component under this blocks any grade. */
  componentFloor: number;
  /** At most this many components may sit under the pass mark. */
  maxComponentsBelowPass: number;
  /** From the lowest grade to the highest; contiguous from the pass mark to 100. */
  bands: GradeBand[];
  blanks: {
    scoring: BlankScoring;
    /** More blanks than this block the grade (the result is incomplete); null: blanks never block. */
    maxForGrade: number | null;
  };
}

export const INSTRUMENT_STATUSES = ["draft", "published"] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export interface InstrumentVersion {
  /** Stable id of the version, e.g. `lksa-2025-1`. */
  id: string;
  name: Bilingual;
  regulation: RegulationId;
  lksTypes: LksType[];
  /** A published version never changes; a new draft is made from it. */
  status: InstrumentStatus;
  standards: Standard[];
  gradeRules: GradeRules;
  /**
   * Where this version came from, for comparing a re-accreditation with the previous cycle:
   * `codes` maps a code of this version to the code the same indicator had in `from` when it was
   * renumbered. Codes found in both versions and not listed are the same indicator.
   */
  lineage: { from: string; codes: Record<string, string> } | null;
}

/**
 * The label every screen, export and template showing weights, cut-offs or grade bands must carry:
 * BALKS does not publish its official weights (DOMAIN.md "Grades"), so these are a default to edit.
 */
export const CONFIGURABLE_DEFAULT_LABEL: Bilingual = {
  id: "Bobot, batas nilai dan predikat ini adalah bawaan yang dapat diubah, bukan bobot resmi BALKS (yang tidak dipublikasikan).",
  en: "These weights, cut-offs and grade bands are a configurable default, not the official BALKS weights (which are not published).",
};

export const GRADE_LABELS: Record<Grade | "none", Bilingual> = {
  A: { id: "Sangat Baik", en: "Very good" },
  B: { id: "Baik", en: "Good" },
  C: { id: "Cukup", en: "Fair" },
  none: { id: "Tidak terakreditasi", en: "Not accredited" },
};

/** The default rubric: 0–4. */
export const DEFAULT_LEVEL_SCORES = [0, 1, 2, 3, 4] as const;
export const MIN_WEIGHT = 1;
export const MAX_WEIGHT = 4;

/**
 * The comparable national scheme of DOMAIN.md "Grades" (school accreditation): components weighted
 * to 100, a grade only with a final score ≥ 56, at most two components under 56 and none under 40;
 * A 86–100, B 71–85, C 56–70, valid 5, 3 and 2 years. A configurable default (see the label), with
 * equal-ish component weights that the seeds adjust per regulation.
 */
export const DEFAULT_GRADE_RULES: GradeRules = {
  componentWeights: { "1": 15, "2": 25, "3": 15, "4": 15, "5": 15, "6": 15 },
  passMark: 56,
  componentFloor: 40,
  maxComponentsBelowPass: 2,
  bands: [
    { grade: "C", min: 56, max: 70, validityYears: 2, label: GRADE_LABELS.C },
    { grade: "B", min: 71, max: 85, validityYears: 3, label: GRADE_LABELS.B },
    { grade: "A", min: 86, max: 100, validityYears: 5, label: GRADE_LABELS.A },
  ],
  blanks: { scoring: "excluded", maxForGrade: 0 },
};

/** Every indicator of a version, in order, with the standard and aspect it sits in. */
export function indicatorsOf(instrument: Pick<InstrumentVersion, "standards">) {
  return instrument.standards.flatMap((standard) =>
    standard.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => ({ standard, aspect, indicator }))),
  );
}
