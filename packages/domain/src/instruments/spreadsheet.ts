/**
 * An instrument version as a workbook of plain string cells, so BALKS can write one in Excel or
 * LibreOffice and import it (XLSX, one sheet per table; or CSV, one file with `[Sheet]` marker
 * rows, see `csvToSheets`). Cells are strings whatever the reader; the first row of each sheet is
 * its header, columns are found by header name (any order), rows wholly blank are skipped.
 * Numbers take a decimal comma or point; yes/no cells take `ya`/`tidak` (or `yes`/`no`, `1`/`0`).
 *
 * Sheets and their columns (`TEMPLATE_HEADERS`; `*` = required cell):
 * - `Instrumen` — `kunci`, `nilai`: rows `id`*, `nama_id`*, `nama_en`*, `regulasi`*
 *   (`permensos-17-2012` | `permensos-8-2025`), `jenis_lks`* (e.g. `LKSA` or `LKS-LU, LKSPD`),
 *   `versi_asal` (the version this one was drafted from, for the code map).
 * - `Standar` — `kode`* (1–6), `nama_id`*, `nama_en`*, `bobot_komponen`* (shares adding up to 100).
 * - `Aspek` — `kode`* (`2.3`), `nama_id`*, `nama_en`*.
 * - `Indikator` — `kode`* (`2.3.4`), `teks_id`*, `teks_en`*, `panduan_id`, `panduan_en`,
 *   `bobot`* (1–4), `di_lokasi` (the asesor must see it), `perlindungan` (safeguarding),
 *   `kode_lama` (its code in `versi_asal`, when renumbered).
 * - `Rubrik` — `kode`*, `skor`* (0–4 by default), `deskriptor_id`*, `deskriptor_en`*: one row per level.
 * - `Bukti` — `kode`*, `jenis`* (`dokumen` | `foto`), `kunci`* (a checklist key such as
 *   `izin_operasional`, or the instrument's own), `label_id`*, `label_en`*.
 * - `Aturan` — `kunci`, `nilai`: `batas_lulus`* (56), `batas_bawah_komponen`* (40),
 *   `maks_komponen_di_bawah_lulus`* (2), `kosong_dihitung`* (`dikecualikan` | `nol`),
 *   `maks_kosong` (empty: blanks never block), and `catatan` (the configurable-default label; ignored).
 * - `Predikat` — `predikat`* (A/B/C), `min`*, `maks`*, `masa_berlaku_tahun`*, `label_id`*, `label_en`*.
 *
 * Problems are located by sheet, row (1-based, the header is row 1) and column (letter and header).
 */
import type { LksType } from "../registry/vocabulary.ts";
import { parseCsv, writeCsv, type CsvProblem } from "./csv.ts";
import {
  CONFIGURABLE_DEFAULT_LABEL,
  type Aspect,
  type Bilingual,
  type BlankScoring,
  type EvidenceItem,
  type GradeBand,
  type Indicator,
  type InstrumentVersion,
  type RegulationId,
  type RubricLevel,
  type Standard,
} from "./types.ts";
import { validateInstrument, type InstrumentProblem } from "./validate.ts";

export const TEMPLATE_HEADERS = {
  Instrumen: ["kunci", "nilai"],
  Standar: ["kode", "nama_id", "nama_en", "bobot_komponen"],
  Aspek: ["kode", "nama_id", "nama_en"],
  Indikator: [
    "kode",
    "teks_id",
    "teks_en",
    "panduan_id",
    "panduan_en",
    "bobot",
    "di_lokasi",
    "perlindungan",
    "kode_lama",
  ],
  Rubrik: ["kode", "skor", "deskriptor_id", "deskriptor_en"],
  Bukti: ["kode", "jenis", "kunci", "label_id", "label_en"],
  Aturan: ["kunci", "nilai"],
  Predikat: ["predikat", "min", "maks", "masa_berlaku_tahun", "label_id", "label_en"],
} as const;
export type SheetName = keyof typeof TEMPLATE_HEADERS;
export const SHEET_NAMES = Object.keys(TEMPLATE_HEADERS) as SheetName[];

/** Columns that may be left out of a sheet altogether. */
const OPTIONAL_COLUMNS: Partial<Record<SheetName, readonly string[]>> = {
  Indikator: ["panduan_id", "panduan_en", "di_lokasi", "perlindungan", "kode_lama"],
};

/** Sheet name → rows of cells, the header first. */
export type Sheets = Record<string, string[][]>;

export interface SheetProblem {
  sheet: string;
  /** 1-based; the header is row 1. Null when the problem is the whole sheet or column. */
  row: number | null;
  /** Spreadsheet column letter (`A`, `B`, …), null when the problem is the whole row or sheet. */
  column: string | null;
  /** The column's header, when there is one. */
  header: string | null;
  message: Bilingual;
}

/** The most problems one import lists; junk uploads stop there with a note. */
export const MAX_SHEET_PROBLEMS = 200;

const letter = (index: number): string => {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const YES = new Set(["ya", "y", "yes", "true", "1", "benar"]);
const NO = new Set(["tidak", "t", "no", "n", "false", "0", "salah", ""]);
const META_KEYS = ["id", "nama_id", "nama_en", "regulasi", "jenis_lks", "versi_asal"] as const;
const RULE_KEYS = [
  "batas_lulus",
  "batas_bawah_komponen",
  "maks_komponen_di_bawah_lulus",
  "kosong_dihitung",
  "maks_kosong",
  "catatan",
] as const;
const BLANK_WORDS: Record<string, BlankScoring> = {
  dikecualikan: "excluded",
  excluded: "excluded",
  nol: "zero",
  zero: "zero",
};

// ---------------------------------------------------------------------------------------------
// Instrument → sheets

const num = (n: number) => String(n);
const yn = (b: boolean) => (b ? "ya" : "tidak");

/** The workbook of a version: what the template download and an export write. */
export function instrumentToSheets(instrument: InstrumentVersion): Record<SheetName, string[][]> {
  const rules = instrument.gradeRules;
  const indicators = instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
  const oldCode = instrument.lineage?.codes ?? {};
  return {
    Instrumen: [
      [...TEMPLATE_HEADERS.Instrumen],
      ["id", instrument.id],
      ["nama_id", instrument.name.id],
      ["nama_en", instrument.name.en],
      ["regulasi", instrument.regulation],
      ["jenis_lks", instrument.lksTypes.join(", ")],
      ["versi_asal", instrument.lineage?.from ?? ""],
    ],
    Standar: [
      [...TEMPLATE_HEADERS.Standar],
      ...instrument.standards.map((s) => [s.code, s.name.id, s.name.en, num(rules.componentWeights[s.code] ?? 0)]),
    ],
    Aspek: [
      [...TEMPLATE_HEADERS.Aspek],
      ...instrument.standards.flatMap((s) => s.aspects.map((a) => [a.code, a.name.id, a.name.en])),
    ],
    Indikator: [
      [...TEMPLATE_HEADERS.Indikator],
      ...indicators.map((i) => [
        i.code,
        i.text.id,
        i.text.en,
        i.guidance.id,
        i.guidance.en,
        num(i.weight),
        yn(i.onSite),
        yn(i.safeguarding),
        oldCode[i.code] ?? "",
      ]),
    ],
    Rubrik: [
      [...TEMPLATE_HEADERS.Rubrik],
      ...indicators.flatMap((i) => i.levels.map((l) => [i.code, num(l.score), l.descriptor.id, l.descriptor.en])),
    ],
    Bukti: [
      [...TEMPLATE_HEADERS.Bukti],
      ...indicators.flatMap((i) =>
        i.evidence.map((e) => [i.code, e.kind === "photo" ? "foto" : "dokumen", e.key, e.label.id, e.label.en]),
      ),
    ],
    Aturan: [
      [...TEMPLATE_HEADERS.Aturan],
      ["batas_lulus", num(rules.passMark)],
      ["batas_bawah_komponen", num(rules.componentFloor)],
      ["maks_komponen_di_bawah_lulus", num(rules.maxComponentsBelowPass)],
      ["kosong_dihitung", rules.blanks.scoring === "zero" ? "nol" : "dikecualikan"],
      ["maks_kosong", rules.blanks.maxForGrade === null ? "" : num(rules.blanks.maxForGrade)],
      ["catatan", `${CONFIGURABLE_DEFAULT_LABEL.id} / ${CONFIGURABLE_DEFAULT_LABEL.en}`],
    ],
    Predikat: [
      [...TEMPLATE_HEADERS.Predikat],
      ...rules.bands.map((b) => [b.grade, num(b.min), num(b.max), num(b.validityYears), b.label.id, b.label.en]),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Sheets → instrument

interface Row {
  sheet: SheetName;
  row: number;
  get(column: string): string;
}

class Reader {
  problems: SheetProblem[] = [];
  private columns = new Map<SheetName, Map<string, number>>();

  constructor(private sheets: Sheets) {}

  /** A problem at a cell, its column letter as found in the uploaded sheet. */
  at(sheet: string, row: number | null, header: string | null, message: Bilingual): SheetProblem {
    const index = header === null ? undefined : this.columns.get(sheet as SheetName)?.get(header);
    return { sheet, row, column: index === undefined ? null : letter(index), header, message };
  }

  add(sheet: string, row: number | null, header: string | null, id: string, en: string) {
    this.problems.push(this.at(sheet, row, header, { id, en }));
  }

  /** The sheet's data rows, or none when the sheet or a required column is missing (each said once). */
  rows(sheet: SheetName): Row[] {
    const found = Object.keys(this.sheets).find((name) => name.trim().toLowerCase() === sheet.toLowerCase());
    const table = found === undefined ? undefined : this.sheets[found];
    if (!table) {
      this.add(sheet, null, null, `Lembar "${sheet}" tidak ada`, `Sheet "${sheet}" is missing`);
      return [];
    }
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
    const columns = new Map<string, number>();
    const expected: readonly string[] = TEMPLATE_HEADERS[sheet];
    header.forEach((name, index) => {
      if (name === "") return;
      if (!expected.includes(name))
        this.problems.push({
          sheet,
          row: 1,
          column: letter(index),
          header: name,
          message: {
            id: `Kolom "${name}" tidak dikenal; kolom lembar ${sheet}: ${expected.join(", ")}`,
            en: `Unknown column "${name}"; the ${sheet} sheet's columns are: ${expected.join(", ")}`,
          },
        });
      else if (columns.has(name))
        this.problems.push({
          sheet,
          row: 1,
          column: letter(index),
          header: name,
          message: { id: `Kolom "${name}" muncul dua kali`, en: `Column "${name}" appears twice` },
        });
      else columns.set(name, index);
    });
    this.columns.set(sheet, columns);
    const missing = expected.filter((name) => !columns.has(name) && !OPTIONAL_COLUMNS[sheet]?.includes(name));
    for (const name of missing)
      this.problems.push({
        sheet,
        row: 1,
        column: null,
        header: name,
        message: { id: `Kolom "${name}" tidak ada`, en: `Column "${name}" is missing` },
      });
    if (missing.length > 0) return [];
    const rows: Row[] = [];
    table.slice(1).forEach((cells, i) => {
      if (cells.every((c) => c.trim() === "")) return;
      rows.push({
        sheet,
        row: i + 2,
        get: (column) => {
          const index = columns.get(column);
          return index === undefined ? "" : (cells[index] ?? "").trim();
        },
      });
    });
    return rows;
  }

  required(row: Row, column: string): string {
    const value = row.get(column);
    if (value === "") this.add(row.sheet, row.row, column, `"${column}" wajib diisi`, `"${column}" is required`);
    return value;
  }

  number(row: Row, column: string, { optional = false } = {}): number | null {
    const raw = row.get(column);
    if (raw === "") {
      if (!optional) this.add(row.sheet, row.row, column, `"${column}" wajib diisi`, `"${column}" is required`);
      return null;
    }
    // A decimal comma (Indonesian Excel) or point; no thousands separators in these small numbers.
    const value = /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(",", ".")) : Number.NaN;
    if (Number.isNaN(value)) {
      this.add(
        row.sheet,
        row.row,
        column,
        `"${column}" harus berupa angka, bukan "${raw.slice(0, 40)}"`,
        `"${column}" must be a number, not "${raw.slice(0, 40)}"`,
      );
      return null;
    }
    return value;
  }

  flag(row: Row, column: string): boolean {
    const raw = row.get(column).toLowerCase();
    if (YES.has(raw)) return true;
    if (!NO.has(raw))
      this.add(
        row.sheet,
        row.row,
        column,
        `"${column}" diisi ya atau tidak, bukan "${raw.slice(0, 40)}"`,
        `"${column}" takes ya (yes) or tidak (no), not "${raw.slice(0, 40)}"`,
      );
    return false;
  }

  /** Rows of a key/value sheet, by key; an unknown or repeated key is a problem. */
  keyed(sheet: SheetName, keys: readonly string[]): Map<string, Row> {
    const out = new Map<string, Row>();
    for (const row of this.rows(sheet)) {
      const key = row.get("kunci").toLowerCase();
      if (!keys.includes(key))
        this.add(sheet, row.row, "kunci", `Kunci "${key}" tidak dikenal`, `Unknown key "${key}"`);
      else if (out.has(key))
        this.add(sheet, row.row, "kunci", `Kunci "${key}" muncul dua kali`, `Key "${key}" appears twice`);
      else out.set(key, row);
    }
    return out;
  }
}

/** Where each part of the assembled instrument came from, to locate the validator's problems. */
interface Origins {
  meta: Map<string, Row>;
  rules: Map<string, Row>;
  standards: Map<string, Row>;
  aspects: Map<string, Row>;
  indicators: Map<string, Row>;
  /** `code#index` of the level in the sorted list. */
  levels: Map<string, Row>;
  evidence: Map<string, Row>;
  bands: Map<string, Row>;
}

export type SheetImport = { ok: true; instrument: InstrumentVersion } | { ok: false; problems: SheetProblem[] };

/**
 * A draft instrument version from a workbook, or every problem in it located by sheet, row and
 * column: the shape of each cell first, then the same validation an edited version goes through.
 * Nothing is returned half-read: either a version that validates, or the problems.
 */
export function sheetsToInstrument(sheets: Sheets): SheetImport {
  const r = new Reader(sheets);
  const origins: Origins = {
    meta: r.keyed("Instrumen", META_KEYS),
    rules: new Map(),
    standards: new Map(),
    aspects: new Map(),
    indicators: new Map(),
    levels: new Map(),
    evidence: new Map(),
    bands: new Map(),
  };
  const meta = (key: string) => origins.meta.get(key)?.get("nilai") ?? "";
  for (const key of ["id", "nama_id", "nama_en", "regulasi", "jenis_lks"])
    if (meta(key) === "")
      r.add(
        "Instrumen",
        origins.meta.get(key)?.row ?? null,
        "nilai",
        `Baris "${key}" wajib diisi`,
        `The "${key}" row is required`,
      );

  const componentWeights: Record<string, number> = {};
  const standards = new Map<string, Standard>();
  for (const row of r.rows("Standar")) {
    const code = r.required(row, "kode");
    const weight = r.number(row, "bobot_komponen");
    if (code === "") continue;
    if (standards.has(code)) {
      r.add(
        "Standar",
        row.row,
        "kode",
        `Kode standar ${code} dipakai lebih dari sekali`,
        `Standard code ${code} is used more than once`,
      );
      continue;
    }
    standards.set(code, { code, name: { id: row.get("nama_id"), en: row.get("nama_en") }, aspects: [] });
    origins.standards.set(code, row);
    if (weight !== null) componentWeights[code] = weight;
  }

  const aspects = new Map<string, Aspect>();
  for (const row of r.rows("Aspek")) {
    const code = r.required(row, "kode");
    if (code === "") continue;
    if (aspects.has(code)) {
      r.add(
        "Aspek",
        row.row,
        "kode",
        `Kode aspek ${code} dipakai lebih dari sekali`,
        `Aspect code ${code} is used more than once`,
      );
      continue;
    }
    const standard = standards.get(code.split(".")[0] ?? "");
    if (!standard) {
      r.add(
        "Aspek",
        row.row,
        "kode",
        `Aspek ${code} tidak berada di standar yang ada di lembar Standar`,
        `Aspect ${code} is not under a standard of the Standar sheet`,
      );
      continue;
    }
    const aspect: Aspect = { code, name: { id: row.get("nama_id"), en: row.get("nama_en") }, indicators: [] };
    standard.aspects.push(aspect);
    aspects.set(code, aspect);
    origins.aspects.set(code, row);
  }

  const indicators = new Map<string, Indicator>();
  const lineage: Record<string, string> = {};
  for (const row of r.rows("Indikator")) {
    const code = r.required(row, "kode");
    const weight = r.number(row, "bobot");
    const onSite = r.flag(row, "di_lokasi");
    const safeguarding = r.flag(row, "perlindungan");
    if (code === "") continue;
    if (indicators.has(code)) {
      r.add(
        "Indikator",
        row.row,
        "kode",
        `Kode indikator ${code} dipakai lebih dari sekali`,
        `Indicator code ${code} is used more than once`,
      );
      continue;
    }
    const aspect = aspects.get(code.split(".").slice(0, 2).join("."));
    if (!aspect) {
      r.add(
        "Indikator",
        row.row,
        "kode",
        `Indikator ${code} tidak berada di aspek yang ada di lembar Aspek`,
        `Indicator ${code} is not under an aspect of the Aspek sheet`,
      );
      continue;
    }
    const indicator: Indicator = {
      code,
      text: { id: row.get("teks_id"), en: row.get("teks_en") },
      guidance: { id: row.get("panduan_id"), en: row.get("panduan_en") },
      levels: [],
      weight: weight ?? 1,
      evidence: [],
      onSite,
      safeguarding,
    };
    aspect.indicators.push(indicator);
    indicators.set(code, indicator);
    origins.indicators.set(code, row);
    const old = row.get("kode_lama");
    if (old !== "" && old !== code) lineage[code] = old;
  }

  const levelRows = new Map<string, { level: RubricLevel; row: Row }[]>();
  for (const row of r.rows("Rubrik")) {
    const code = r.required(row, "kode");
    const score = r.number(row, "skor");
    if (code === "" || score === null) continue;
    const indicator = indicators.get(code);
    if (!indicator) {
      r.add(
        "Rubrik",
        row.row,
        "kode",
        `Rubrik untuk indikator ${code} yang tidak ada di lembar Indikator`,
        `A rubric level for indicator ${code}, which the Indikator sheet does not have`,
      );
      continue;
    }
    const list = levelRows.get(code) ?? [];
    if (list.some((x) => x.level.score === score)) {
      r.add(
        "Rubrik",
        row.row,
        "skor",
        `Skor ${score} indikator ${code} muncul dua kali`,
        `Score ${score} of indicator ${code} appears twice`,
      );
      continue;
    }
    list.push({ level: { score, descriptor: { id: row.get("deskriptor_id"), en: row.get("deskriptor_en") } }, row });
    levelRows.set(code, list);
  }
  for (const [code, list] of levelRows) {
    list.sort((a, b) => a.level.score - b.level.score);
    const indicator = indicators.get(code);
    if (indicator) indicator.levels = list.map((x) => x.level);
    for (const [index, x] of list.entries()) origins.levels.set(`${code}#${index}`, x.row);
  }

  for (const row of r.rows("Bukti")) {
    const code = r.required(row, "kode");
    const kindRaw = r.required(row, "jenis").toLowerCase();
    const key = r.required(row, "kunci");
    const kind =
      kindRaw === "dokumen" || kindRaw === "document"
        ? "document"
        : kindRaw === "foto" || kindRaw === "photo"
          ? "photo"
          : null;
    if (kindRaw !== "" && kind === null)
      r.add(
        "Bukti",
        row.row,
        "jenis",
        `Jenis bukti "${kindRaw}": isi dokumen atau foto`,
        `Evidence kind "${kindRaw}": write dokumen (document) or foto (photo)`,
      );
    if (code === "" || key === "" || kind === null) continue;
    const indicator = indicators.get(code);
    if (!indicator) {
      r.add(
        "Bukti",
        row.row,
        "kode",
        `Bukti untuk indikator ${code} yang tidak ada di lembar Indikator`,
        `Evidence for indicator ${code}, which the Indikator sheet does not have`,
      );
      continue;
    }
    const item: EvidenceItem = { kind, key, label: { id: row.get("label_id"), en: row.get("label_en") } };
    indicator.evidence.push(item);
    origins.evidence.set(`${code}#${key}`, row);
  }

  origins.rules = r.keyed("Aturan", RULE_KEYS);
  const ruleNumber = (key: string, fallback: number, optional = false) => {
    const row = origins.rules.get(key);
    if (!row) {
      if (!optional) r.add("Aturan", null, "kunci", `Baris "${key}" tidak ada`, `The "${key}" row is missing`);
      return optional ? null : fallback;
    }
    return r.number(row, "nilai", { optional });
  };
  const passMark = ruleNumber("batas_lulus", 0) ?? 0;
  const componentFloor = ruleNumber("batas_bawah_komponen", 0) ?? 0;
  const maxBelow = ruleNumber("maks_komponen_di_bawah_lulus", 0) ?? 0;
  const maxBlanks = ruleNumber("maks_kosong", 0, true);
  const blankRow = origins.rules.get("kosong_dihitung");
  const blankWord = blankRow?.get("nilai").toLowerCase() ?? "";
  const blankScoring = BLANK_WORDS[blankWord];
  if (!blankScoring)
    r.add(
      "Aturan",
      blankRow?.row ?? null,
      "nilai",
      `"kosong_dihitung" diisi dikecualikan atau nol, bukan "${blankWord.slice(0, 40)}"`,
      `"kosong_dihitung" takes dikecualikan (excluded) or nol (zero), not "${blankWord.slice(0, 40)}"`,
    );

  const bands: GradeBand[] = [];
  for (const row of r.rows("Predikat")) {
    const grade = r.required(row, "predikat").toUpperCase();
    const min = r.number(row, "min");
    const max = r.number(row, "maks");
    const years = r.number(row, "masa_berlaku_tahun");
    if (grade === "" || min === null || max === null || years === null) continue;
    bands.push({
      grade: grade as GradeBand["grade"],
      min,
      max,
      validityYears: years,
      label: { id: row.get("label_id"), en: row.get("label_en") },
    });
    if (!origins.bands.has(grade)) origins.bands.set(grade, row);
  }

  const from = meta("versi_asal");
  const instrument: InstrumentVersion = {
    id: meta("id"),
    name: { id: meta("nama_id"), en: meta("nama_en") },
    regulation: meta("regulasi") as RegulationId,
    lksTypes: meta("jenis_lks")
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter((t) => t !== "") as LksType[],
    status: "draft",
    standards: [...standards.values()],
    gradeRules: {
      componentWeights,
      passMark,
      componentFloor,
      maxComponentsBelowPass: maxBelow,
      bands,
      blanks: { scoring: blankScoring ?? "excluded", maxForGrade: maxBlanks },
    },
    lineage: from === "" && Object.keys(lineage).length === 0 ? null : { from, codes: lineage },
  };
  if (instrument.lineage && from === "")
    r.add(
      "Instrumen",
      origins.meta.get("versi_asal")?.row ?? null,
      "nilai",
      `"versi_asal" wajib diisi bila ada kode_lama`,
      `"versi_asal" is required when any kode_lama is given`,
    );

  for (const problem of validateInstrument(instrument)) r.problems.push(locate(problem, origins, r));
  if (r.problems.length === 0) return { ok: true, instrument };
  const problems = r.problems.slice(0, MAX_SHEET_PROBLEMS);
  if (r.problems.length > MAX_SHEET_PROBLEMS)
    problems.push({
      sheet: "",
      row: null,
      column: null,
      header: null,
      message: {
        id: `… dan ${r.problems.length - MAX_SHEET_PROBLEMS} masalah lain`,
        en: `… and ${r.problems.length - MAX_SHEET_PROBLEMS} more problems`,
      },
    });
  return { ok: false, problems };
}

/** A validation problem at the sheet, row and column the offending value came from. */
function locate(problem: InstrumentProblem, o: Origins, r: Reader): SheetProblem {
  const w = problem.where;
  const at = (sheet: SheetName, row: Row | undefined, header: string | null) =>
    r.at(sheet, row?.row ?? null, header, problem.message);
  const text = (row: Row | undefined, base: string) =>
    row && row.get(`${base}_id`) !== "" ? `${base}_en` : `${base}_id`;
  if (w.band !== undefined) {
    const row = o.bands.get(w.band);
    const header =
      { min: "min", max: "maks", validityYears: "masa_berlaku_tahun", grade: "predikat", label: text(row, "label") }[
        w.field ?? ""
      ] ?? null;
    return at("Predikat", row, header);
  }
  if (w.evidence !== undefined && w.indicator !== undefined) {
    const row = o.evidence.get(`${w.indicator}#${w.evidence}`);
    return at("Bukti", row, w.field === "label" ? text(row, "label") : "kunci");
  }
  if (w.levelIndex !== undefined && w.indicator !== undefined) {
    const row = o.levels.get(`${w.indicator}#${w.levelIndex}`);
    return at("Rubrik", row, w.field === "descriptor" ? text(row, "deskriptor") : "skor");
  }
  if (w.indicator !== undefined) {
    const row = o.indicators.get(w.indicator);
    const header =
      { code: "kode", text: text(row, "teks"), weight: "bobot", lineage: "kode_lama" }[w.field ?? ""] ?? "kode";
    return at("Indikator", row, header);
  }
  if (w.aspect !== undefined) {
    const row = o.aspects.get(w.aspect);
    return at("Aspek", row, w.field === "name" ? text(row, "nama") : "kode");
  }
  if (w.standard !== undefined) {
    const row = o.standards.get(w.standard);
    return at(
      "Standar",
      row,
      w.field === "componentWeight" ? "bobot_komponen" : w.field === "name" ? text(row, "nama") : "kode",
    );
  }
  switch (w.field) {
    case "componentWeights":
      return at("Standar", undefined, "bobot_komponen");
    case "bands":
      return at("Predikat", undefined, null);
    case "passMark":
      return at("Aturan", o.rules.get("batas_lulus"), "nilai");
    case "componentFloor":
      return at("Aturan", o.rules.get("batas_bawah_komponen"), "nilai");
    case "maxComponentsBelowPass":
      return at("Aturan", o.rules.get("maks_komponen_di_bawah_lulus"), "nilai");
    case "blanks.maxForGrade":
      return at("Aturan", o.rules.get("maks_kosong"), "nilai");
    case "standards":
      return at("Standar", undefined, null);
    default: {
      const key = { id: "id", name: "nama_id", regulation: "regulasi", lksTypes: "jenis_lks" }[w.field ?? ""] ?? "id";
      return at("Instrumen", o.meta.get(key), "nilai");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One CSV file for the whole workbook

const MARKER = /^\[([^\]]+)\]$/;

/**
 * A workbook from one CSV file: a row whose only cell is `[Indikator]` starts that sheet, its
 * header on the next row. Problems of the CSV itself (an unclosed quote) are located by line.
 */
export function csvToSheets(text: string): { ok: true; sheets: Sheets } | { ok: false; problems: SheetProblem[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map(csvProblem) };
  const sheets: Sheets = {};
  let current: string[][] | null = null;
  let line = 0;
  for (const row of parsed.rows) {
    line++;
    const marker = row.filter((c) => c.trim() !== "").length === 1 ? MARKER.exec(row[0]?.trim() ?? "") : null;
    if (marker?.[1]) {
      current = [];
      sheets[marker[1].trim()] = current;
    } else if (current) current.push(row);
    else if (row.some((c) => c.trim() !== ""))
      return {
        ok: false,
        problems: [
          {
            sheet: "",
            row: line,
            column: null,
            header: null,
            message: {
              id: "Berkas CSV harus diawali baris penanda lembar, misalnya [Instrumen]",
              en: "The CSV file must start with a sheet marker row, e.g. [Instrumen]",
            },
          },
        ],
      };
  }
  return { ok: true, sheets };
}

function csvProblem(p: CsvProblem): SheetProblem {
  return { sheet: "", row: p.row, column: letter(p.column - 1), header: null, message: p.message };
}

/** The workbook as one CSV file in the `[Sheet]` form that `csvToSheets` reads. */
export function sheetsToCsv(sheets: Record<SheetName, string[][]>): string {
  return writeCsv(SHEET_NAMES.flatMap((name) => [[`[${name}]`], ...sheets[name]]));
}
