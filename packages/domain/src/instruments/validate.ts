import { REQUIREMENT_KEY_PATTERN } from "../applications/checklist.ts";
import { LKS_TYPES } from "../registry/vocabulary.ts";
import {
  GRADES,
  MAX_WEIGHT,
  MIN_WEIGHT,
  REGULATION_IDS,
  indicatorsOf,
  type Bilingual,
  type GradeRules,
  type Indicator,
  type InstrumentVersion,
} from "./types.ts";

export const INSTRUMENT_PROBLEM_CODES = [
  "missing_text",
  "bad_id",
  "unknown_regulation",
  "no_lks_type",
  "unknown_lks_type",
  "no_standards",
  "duplicate_code",
  "bad_code",
  "empty_standard",
  "empty_aspect",
  "weight_out_of_range",
  "too_few_levels",
  "bad_level_score",
  "levels_out_of_order",
  "missing_descriptor",
  "bad_evidence",
  "duplicate_evidence",
  "component_weight_missing",
  "component_weight_unknown",
  "component_weights_sum",
  "bad_rule",
  "band_bounds",
  "band_gap",
  "band_overlap",
  "band_ends",
  "duplicate_band",
  "bad_lineage",
] as const;
export type InstrumentProblemCode = (typeof INSTRUMENT_PROBLEM_CODES)[number];

/**
 * Where a problem is: the most precise of standard / aspect / indicator code, rubric level (its
 * score), evidence key or grade band, and the field. A spreadsheet import maps it to sheet, row and
 * column (`spreadsheet.ts`); an editor to the input.
 */
export interface InstrumentProblemLocation {
  standard?: string;
  aspect?: string;
  indicator?: string;
  level?: number;
  /** Index of the level in the indicator's list, when its score cannot tell it apart. */
  levelIndex?: number;
  evidence?: string;
  band?: string;
  field?: string;
}

export interface InstrumentProblem {
  code: InstrumentProblemCode;
  message: Bilingual;
  where: InstrumentProblemLocation;
}

const STANDARD_CODE = /^[1-9][0-9]?$/;
const ASPECT_CODE = /^([1-9][0-9]?)\.([1-9][0-9]?)$/;
const INDICATOR_CODE = /^([1-9][0-9]?\.[1-9][0-9]?)\.([1-9][0-9]?)$/;
const VERSION_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;
const blank = (text: Bilingual | undefined) => !text?.id.trim() || !text.en.trim();
const fmt = (n: number) => String(n);

/**
 * Every problem of an instrument version, each located. No problems means it can be published and
 * scored: every indicator can be answered on a rubric with descriptors, the component weights make
 * 100 and the grade bands cover the pass mark to 100 without gaps or overlaps.
 */
export function validateInstrument(instrument: InstrumentVersion): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const add = (code: InstrumentProblemCode, where: InstrumentProblemLocation, id: string, en: string) =>
    problems.push({ code, where, message: { id, en } });

  if (!VERSION_ID.test(instrument.id))
    add(
      "bad_id",
      { field: "id" },
      "Kode versi hanya huruf kecil, angka dan tanda hubung (2–64 karakter)",
      "The version id uses lowercase letters, digits and hyphens (2–64 characters)",
    );
  if (blank(instrument.name))
    add("missing_text", { field: "name" }, "Nama instrumen wajib diisi", "The instrument's name is required");
  if (!(REGULATION_IDS as readonly string[]).includes(instrument.regulation))
    add(
      "unknown_regulation",
      { field: "regulation" },
      `Regulasi "${instrument.regulation}" tidak dikenal`,
      `Unknown regulation "${instrument.regulation}"`,
    );
  if (instrument.lksTypes.length === 0)
    add("no_lks_type", { field: "lksTypes" }, "Pilih minimal satu jenis LKS", "Choose at least one LKS type");
  for (const type of instrument.lksTypes)
    if (!(LKS_TYPES as readonly string[]).includes(type))
      add("unknown_lks_type", { field: "lksTypes" }, `Jenis LKS "${type}" tidak dikenal`, `Unknown LKS type "${type}"`);
  if (instrument.standards.length === 0)
    add("no_standards", { field: "standards" }, "Instrumen belum memiliki standar", "The instrument has no standards");

  const seen = new Set<string>();
  // Standards, aspects and indicators are kept apart by a prefix: aspect 1.1 and standard 1 do not clash.
  const duplicate = (code: string, where: InstrumentProblemLocation, what: Bilingual) => {
    const key = `${what.en}:${code}`;
    if (!seen.has(key)) {
      seen.add(key);
      return false;
    }
    add(
      "duplicate_code",
      { ...where, field: "code" },
      `Kode ${what.id} ${code} dipakai lebih dari sekali`,
      `${what.en} code ${code} is used more than once`,
    );
    return true;
  };

  for (const standard of instrument.standards) {
    const at = { standard: standard.code };
    if (!STANDARD_CODE.test(standard.code))
      add(
        "bad_code",
        { ...at, field: "code" },
        `Kode standar "${standard.code}" harus berupa angka 1–99`,
        `Standard code "${standard.code}" must be a number 1–99`,
      );
    duplicate(standard.code, at, { id: "standar", en: "Standard" });
    if (blank(standard.name))
      add("missing_text", { ...at, field: "name" }, "Nama standar wajib diisi", "The standard's name is required");
    if (standard.aspects.every((aspect) => aspect.indicators.length === 0))
      add(
        "empty_standard",
        at,
        `Standar ${standard.code} belum memiliki indikator`,
        `Standard ${standard.code} has no indicators`,
      );
    for (const aspect of standard.aspects) {
      const where = { standard: standard.code, aspect: aspect.code };
      const match = ASPECT_CODE.exec(aspect.code);
      if (!match || match[1] !== standard.code)
        add(
          "bad_code",
          { ...where, field: "code" },
          `Kode aspek "${aspect.code}" harus berbentuk ${standard.code}.n`,
          `Aspect code "${aspect.code}" must read ${standard.code}.n`,
        );
      duplicate(aspect.code, where, { id: "aspek", en: "Aspect" });
      if (blank(aspect.name))
        add("missing_text", { ...where, field: "name" }, "Nama aspek wajib diisi", "The aspect's name is required");
      if (aspect.indicators.length === 0)
        add(
          "empty_aspect",
          where,
          `Aspek ${aspect.code} belum memiliki indikator`,
          `Aspect ${aspect.code} has no indicators`,
        );
      for (const indicator of aspect.indicators) {
        const whereIndicator = { ...where, indicator: indicator.code };
        const codeMatch = INDICATOR_CODE.exec(indicator.code);
        if (!codeMatch || codeMatch[1] !== aspect.code)
          add(
            "bad_code",
            { ...whereIndicator, field: "code" },
            `Kode indikator "${indicator.code}" harus berbentuk ${aspect.code}.n`,
            `Indicator code "${indicator.code}" must read ${aspect.code}.n`,
          );
        if (duplicate(indicator.code, whereIndicator, { id: "indikator", en: "Indicator" })) continue;
        indicatorProblems(indicator, whereIndicator, add);
      }
    }
  }

  rulesProblems(
    instrument.gradeRules,
    instrument.standards.map((s) => s.code),
    add,
  );
  lineageProblems(instrument, add);
  return problems;
}

type Add = (code: InstrumentProblemCode, where: InstrumentProblemLocation, id: string, en: string) => void;

function indicatorProblems(indicator: Indicator, at: InstrumentProblemLocation, add: Add) {
  const code = indicator.code;
  if (blank(indicator.text))
    add(
      "missing_text",
      { ...at, field: "text" },
      `Teks indikator ${code} wajib diisi`,
      `Indicator ${code} needs its text`,
    );
  if (!Number.isInteger(indicator.weight) || indicator.weight < MIN_WEIGHT || indicator.weight > MAX_WEIGHT)
    add(
      "weight_out_of_range",
      { ...at, field: "weight" },
      `Bobot indikator ${code} harus bilangan bulat ${MIN_WEIGHT}–${MAX_WEIGHT}, bukan ${fmt(indicator.weight)}`,
      `Indicator ${code}'s weight must be a whole number ${MIN_WEIGHT}–${MAX_WEIGHT}, not ${fmt(indicator.weight)}`,
    );
  if (indicator.levels.length < 2)
    add(
      "too_few_levels",
      { ...at, field: "levels" },
      `Rubrik indikator ${code} memerlukan minimal dua tingkat`,
      `Indicator ${code}'s rubric needs at least two levels`,
    );
  indicator.levels.forEach((level, index) => {
    const where = { ...at, level: level.score, levelIndex: index };
    if (!Number.isInteger(level.score) || level.score < 0 || level.score > 100)
      add(
        "bad_level_score",
        { ...where, field: "score" },
        `Skor tingkat pada indikator ${code} harus bilangan bulat 0–100, bukan ${fmt(level.score)}`,
        `A level score of indicator ${code} must be a whole number 0–100, not ${fmt(level.score)}`,
      );
    const previous = indicator.levels[index - 1];
    if (previous && !(level.score > previous.score))
      add(
        "levels_out_of_order",
        { ...where, field: "score" },
        `Skor tingkat indikator ${code} harus naik tanpa berulang (${fmt(previous.score)} lalu ${fmt(level.score)})`,
        `Indicator ${code}'s level scores must rise without repeats (${fmt(previous.score)} then ${fmt(level.score)})`,
      );
    if (blank(level.descriptor))
      add(
        "missing_descriptor",
        { ...where, field: "descriptor" },
        `Tingkat ${fmt(level.score)} indikator ${code} belum memiliki deskriptor (Indonesia dan Inggris)`,
        `Level ${fmt(level.score)} of indicator ${code} has no descriptor (Indonesian and English)`,
      );
  });
  const top = indicator.levels.at(-1);
  if (top && top.score <= 0)
    add(
      "bad_level_score",
      { ...at, level: top.score, levelIndex: indicator.levels.length - 1, field: "score" },
      `Tingkat tertinggi indikator ${code} harus bernilai lebih dari 0`,
      `Indicator ${code}'s highest level must be worth more than 0`,
    );
  const keys = new Set<string>();
  for (const item of indicator.evidence) {
    const where = { ...at, evidence: item.key };
    if (!REQUIREMENT_KEY_PATTERN.test(item.key))
      add(
        "bad_evidence",
        { ...where, field: "key" },
        `Kunci bukti "${item.key}" pada ${code}: huruf kecil, angka dan garis bawah, 2–40 karakter`,
        `Evidence key "${item.key}" on ${code}: lowercase letters, digits and underscores, 2–40 characters`,
      );
    if (blank(item.label))
      add(
        "missing_text",
        { ...where, field: "label" },
        `Bukti "${item.key}" pada ${code} perlu label`,
        `Evidence "${item.key}" on ${code} needs a label`,
      );
    if (keys.has(`${item.kind}:${item.key}`))
      add(
        "duplicate_evidence",
        { ...where, field: "key" },
        `Bukti "${item.key}" disebut dua kali pada ${code}`,
        `Evidence "${item.key}" is listed twice on ${code}`,
      );
    keys.add(`${item.kind}:${item.key}`);
  }
}

function rulesProblems(rules: GradeRules, standardCodes: string[], add: Add) {
  let sum = 0;
  for (const code of standardCodes) {
    const weight = rules.componentWeights[code];
    if (weight === undefined) {
      add(
        "component_weight_missing",
        { standard: code, field: "componentWeight" },
        `Standar ${code} belum memiliki bobot komponen`,
        `Standard ${code} has no component weight`,
      );
      continue;
    }
    if (!Number.isFinite(weight) || weight <= 0 || weight > 100)
      add(
        "weight_out_of_range",
        { standard: code, field: "componentWeight" },
        `Bobot komponen standar ${code} harus lebih dari 0 dan paling banyak 100, bukan ${fmt(weight)}`,
        `Standard ${code}'s component weight must be above 0 and at most 100, not ${fmt(weight)}`,
      );
    sum += weight;
  }
  for (const code of Object.keys(rules.componentWeights))
    if (!standardCodes.includes(code))
      add(
        "component_weight_unknown",
        { standard: code, field: "componentWeight" },
        `Bobot komponen untuk standar ${code} yang tidak ada`,
        `A component weight for standard ${code}, which does not exist`,
      );
  // Weights are whole numbers or simple decimals; a tolerance keeps 33.33 + 33.33 + 33.34 at 100.
  if (standardCodes.length > 0 && Math.abs(sum - 100) > 1e-9)
    add(
      "component_weights_sum",
      { field: "componentWeights" },
      `Jumlah bobot komponen harus 100, bukan ${fmt(Math.round(sum * 100) / 100)}`,
      `The component weights must add up to 100, not ${fmt(Math.round(sum * 100) / 100)}`,
    );

  const score = (value: number) => Number.isFinite(value) && value >= 0 && value <= 100;
  if (!score(rules.passMark))
    add("bad_rule", { field: "passMark" }, "Batas lulus harus 0–100", "The pass mark must be 0–100");
  if (!score(rules.componentFloor) || rules.componentFloor > rules.passMark)
    add(
      "bad_rule",
      { field: "componentFloor" },
      "Batas bawah komponen harus 0–100 dan tidak lebih dari batas lulus",
      "The component floor must be 0–100 and not above the pass mark",
    );
  if (!Number.isInteger(rules.maxComponentsBelowPass) || rules.maxComponentsBelowPass < 0)
    add(
      "bad_rule",
      { field: "maxComponentsBelowPass" },
      "Jumlah komponen di bawah batas lulus harus bilangan bulat ≥ 0",
      "The number of components allowed under the pass mark must be a whole number ≥ 0",
    );
  const { maxForGrade } = rules.blanks;
  if (maxForGrade !== null && (!Number.isInteger(maxForGrade) || maxForGrade < 0))
    add(
      "bad_rule",
      { field: "blanks.maxForGrade" },
      "Batas indikator kosong harus bilangan bulat ≥ 0 atau tidak dibatasi",
      "The number of blanks allowed must be a whole number ≥ 0 or unlimited",
    );

  const grades = new Set<string>();
  for (const band of rules.bands) {
    const at = { band: band.grade };
    if (!(GRADES as readonly string[]).includes(band.grade) || grades.has(band.grade))
      add(
        "duplicate_band",
        { ...at, field: "grade" },
        `Predikat "${band.grade}" tidak dikenal atau disebut dua kali`,
        `Grade "${band.grade}" is unknown or listed twice`,
      );
    grades.add(band.grade);
    if (
      !Number.isInteger(band.min) ||
      !Number.isInteger(band.max) ||
      band.min > band.max ||
      band.min < 0 ||
      band.max > 100
    )
      add(
        "band_bounds",
        { ...at, field: "min" },
        `Rentang predikat ${band.grade} (${fmt(band.min)}–${fmt(band.max)}) harus bilangan bulat 0–100, dari kecil ke besar`,
        `Grade ${band.grade}'s range (${fmt(band.min)}–${fmt(band.max)}) must be whole numbers 0–100, low to high`,
      );
    if (!Number.isInteger(band.validityYears) || band.validityYears < 1 || band.validityYears > 10)
      add(
        "bad_rule",
        { ...at, field: "validityYears" },
        `Masa berlaku predikat ${band.grade} harus 1–10 tahun`,
        `Grade ${band.grade}'s validity must be 1–10 years`,
      );
    if (blank(band.label))
      add(
        "missing_text",
        { ...at, field: "label" },
        `Predikat ${band.grade} perlu label`,
        `Grade ${band.grade} needs a label`,
      );
  }
  if (rules.bands.length === 0) {
    add("band_ends", { field: "bands" }, "Belum ada predikat", "There are no grade bands");
    return;
  }
  const sorted = [...rules.bands].sort((a, b) => a.min - b.min);
  for (const [i, band] of sorted.entries()) {
    const below = sorted[i - 1];
    if (!below) continue;
    if (band.min <= below.max)
      add(
        "band_overlap",
        { band: band.grade, field: "min" },
        `Predikat ${band.grade} (mulai ${fmt(band.min)}) tumpang tindih dengan ${below.grade} (sampai ${fmt(below.max)})`,
        `Grade ${band.grade} (from ${fmt(band.min)}) overlaps ${below.grade} (up to ${fmt(below.max)})`,
      );
    else if (band.min > below.max + 1)
      add(
        "band_gap",
        { band: band.grade, field: "min" },
        `Ada celah antara predikat ${below.grade} (sampai ${fmt(below.max)}) dan ${band.grade} (mulai ${fmt(band.min)})`,
        `There is a gap between grade ${below.grade} (up to ${fmt(below.max)}) and ${band.grade} (from ${fmt(band.min)})`,
      );
  }
  const [lowest] = sorted;
  const highest = sorted.at(-1);
  if (!lowest || !highest) return;
  if (lowest.min !== rules.passMark)
    add(
      "band_ends",
      { band: lowest.grade, field: "min" },
      `Predikat terendah (${lowest.grade}) harus mulai dari batas lulus ${fmt(rules.passMark)}, bukan ${fmt(lowest.min)}`,
      `The lowest grade (${lowest.grade}) must start at the pass mark ${fmt(rules.passMark)}, not ${fmt(lowest.min)}`,
    );
  if (highest.max !== 100)
    add(
      "band_ends",
      { band: highest.grade, field: "max" },
      `Predikat tertinggi (${highest.grade}) harus sampai 100, bukan ${fmt(highest.max)}`,
      `The highest grade (${highest.grade}) must reach 100, not ${fmt(highest.max)}`,
    );
}

function lineageProblems(instrument: InstrumentVersion, add: Add) {
  if (!instrument.lineage) return;
  const codes = new Set(indicatorsOf(instrument).map((x) => x.indicator.code));
  const previous = new Map<string, string>();
  for (const [code, old] of Object.entries(instrument.lineage.codes)) {
    if (!codes.has(code))
      add(
        "bad_lineage",
        { indicator: code, field: "lineage" },
        `Peta kode menyebut indikator ${code} yang tidak ada di versi ini`,
        `The code map names indicator ${code}, which this version does not have`,
      );
    const other = previous.get(old);
    if (other !== undefined)
      add(
        "bad_lineage",
        { indicator: code, field: "lineage" },
        `Kode lama ${old} dipetakan ke ${other} dan ${code}`,
        `Old code ${old} is mapped to both ${other} and ${code}`,
      );
    previous.set(old, code);
  }
}
