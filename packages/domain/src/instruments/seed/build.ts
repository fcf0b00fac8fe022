/**
 * A compact way to write the seeded instruments: indicators are listed per aspect with a stable
 * `key` (never shown) and codes are numbered by position, so a newer version that inserts an
 * indicator renumbers the ones after it, and its lineage (old code → new code) is derived from the
 * keys, exactly as BALKS would record it. Drafted from public sources: see `lksa.ts`.
 */
import { DEFAULT_CHECKLISTS } from "../../applications/checklist.ts";
import type { LksType } from "../../registry/vocabulary.ts";
import {
  DEFAULT_GRADE_RULES,
  STANDARD_NAMES,
  type Bilingual,
  type EvidenceItem,
  type GradeRules,
  type InstrumentVersion,
  type RegulationId,
  type RubricLevel,
} from "../types.ts";

type Pair = readonly [string, string];
const bi = ([id, en]: Pair): Bilingual => ({ id, en });

/** Descriptor sets for the 0–4 levels, by what the indicator asks for. */
const SCALES = {
  /** A document or record that must exist, be current and be used. */
  doc: [
    ["Tidak ada", "None"],
    ["Ada tetapi tidak lengkap atau sudah tidak berlaku", "Exists but incomplete or no longer valid"],
    ["Ada dan berlaku, sebagian isi belum sesuai ketentuan", "Exists and valid, partly not as required"],
    ["Lengkap, berlaku dan sesuai ketentuan", "Complete, valid and as required"],
    [
      "Lengkap, berlaku, sesuai ketentuan, dipakai dan ditinjau berkala",
      "Complete, valid, as required, in use and reviewed regularly",
    ],
  ],
  /** A practice that must be carried out consistently. */
  practice: [
    ["Tidak dilaksanakan", "Not practised"],
    ["Kadang dilaksanakan, tanpa prosedur tertulis", "Practised now and then, without a written procedure"],
    ["Ada prosedur tertulis, pelaksanaan belum konsisten", "A written procedure exists; practice is inconsistent"],
    ["Dilaksanakan konsisten sesuai prosedur dan tercatat", "Practised consistently to the procedure, and recorded"],
    [
      "Konsisten, tercatat, dievaluasi dan diperbaiki berkala dengan melibatkan penerima layanan",
      "Consistent, recorded, evaluated and improved regularly with the clients taking part",
    ],
  ],
  /** A room or facility, seen on site. */
  facility: [
    ["Tidak tersedia", "Not available"],
    [
      "Tersedia tetapi tidak layak (rusak, tidak aman atau tidak bersih)",
      "Available but unfit (broken, unsafe or unclean)",
    ],
    [
      "Tersedia dan layak pakai, belum memenuhi standar ukuran atau jumlah",
      "Available and usable, short of the standard size or number",
    ],
    [
      "Memenuhi standar ukuran, jumlah, kebersihan dan keamanan",
      "Meets the standard for size, number, cleanliness and safety",
    ],
    [
      "Memenuhi standar, terawat, dan dapat diakses semua penerima layanan termasuk penyandang disabilitas",
      "Meets the standard, well kept, and accessible to every client including persons with disabilities",
    ],
  ],
  /** Something done for each client: judged by the share of client files that show it. */
  coverage: [
    ["Tidak ada penerima layanan (0%)", "No client (0%)"],
    ["Kurang dari 25% penerima layanan", "Fewer than 25% of clients"],
    ["25–49% penerima layanan", "25–49% of clients"],
    ["50–89% penerima layanan", "50–89% of clients"],
    ["90% atau lebih penerima layanan", "90% or more of clients"],
  ],
  /** Staff qualifications and training. */
  staff: [
    ["Tidak ada", "None"],
    ["Ada, tanpa kualifikasi atau pelatihan yang relevan", "Present, without a relevant qualification or training"],
    ["Sebagian memiliki kualifikasi atau pelatihan yang relevan", "Some hold a relevant qualification or training"],
    ["Seluruhnya memiliki kualifikasi atau pelatihan yang relevan", "All hold a relevant qualification or training"],
    [
      "Seluruhnya berkualifikasi dan mengikuti pengembangan berkala (minimal sekali setahun)",
      "All qualified and in regular development (at least once a year)",
    ],
  ],
  /** Safeguarding: a policy, a channel, and how incidents are handled. */
  safeguarding: [
    ["Tidak ada kebijakan; kejadian tidak ditangani", "No policy; incidents are not handled"],
    [
      "Kebijakan ada tetapi tidak diketahui staf dan penerima layanan",
      "A policy exists but staff and clients do not know it",
    ],
    [
      "Kebijakan diketahui dan ada saluran pengaduan; penanganan belum terdokumentasi",
      "The policy is known and a complaints channel exists; handling is not documented",
    ],
    [
      "Kebijakan dijalankan, seluruh staf terlatih, setiap kejadian ditangani, dicatat dan dilaporkan ke Dinsos",
      "The policy is applied, all staff trained, every incident handled, recorded and reported to the Dinsos",
    ],
    [
      "Seperti tingkat 3, dan penerima layanan ikut menyusun serta meninjau aturan setiap tahun",
      "As level 3, and the clients help write and review the rules every year",
    ],
  ],
} satisfies Record<string, readonly Pair[]>;
type Scale = keyof typeof SCALES;

export interface IndicatorSpec {
  /** Stable across versions; links an indicator to its earlier self when it is renumbered. */
  key: string;
  text: Pair;
  guidance: Pair;
  weight: number;
  /** A descriptor set, or five descriptors of the indicator's own. */
  scale: Scale | readonly Pair[];
  evidence?: EvidenceItem[];
  onSite?: boolean;
  safeguarding?: boolean;
}

export interface AspectSpec {
  name: Pair;
  indicators: IndicatorSpec[];
}

/** Standard code → its aspects. */
export type InstrumentSpec = Record<"1" | "2" | "3" | "4" | "5" | "6", AspectSpec[]>;

const checklist = new Map(DEFAULT_CHECKLISTS.renewal.map((r) => [r.key, r]));

/** A document of the checklist vocabulary (its label from there), or the instrument's own. */
export function doc(key: string, label?: Pair): EvidenceItem {
  const known = checklist.get(key);
  if (label) return { kind: "document", key, label: bi(label) };
  if (!known) throw new Error(`seed: document ${key} needs a label`);
  return { kind: "document", key, label: { id: known.name, en: known.nameEn } };
}

export const photo = (key: string, label: Pair): EvidenceItem => ({ kind: "photo", key, label: bi(label) });

function levelsOf(scale: IndicatorSpec["scale"]): RubricLevel[] {
  const descriptors = typeof scale === "string" ? SCALES[scale] : scale;
  return descriptors.map((d, score) => ({ score, descriptor: bi(d) }));
}

export function buildInstrument(options: {
  id: string;
  name: Pair;
  regulation: RegulationId;
  lksTypes: LksType[];
  spec: InstrumentSpec;
  componentWeights: GradeRules["componentWeights"];
  /** The version this one was drafted from, to derive the code map from the keys. */
  from?: InstrumentVersion & { keys: Record<string, string> };
}): InstrumentVersion & { keys: Record<string, string> } {
  const keys: Record<string, string> = {}; // key → code
  const standards = Object.entries(options.spec).map(([code, aspects]) => ({
    code,
    name: STANDARD_NAMES[code] ?? { id: `Standar ${code}`, en: `Standard ${code}` },
    aspects: aspects.map((aspect, a) => ({
      code: `${code}.${a + 1}`,
      name: bi(aspect.name),
      indicators: aspect.indicators.map((spec, i) => {
        const indicatorCode = `${code}.${a + 1}.${i + 1}`;
        if (keys[spec.key]) throw new Error(`seed: key ${spec.key} used twice`);
        keys[spec.key] = indicatorCode;
        return {
          code: indicatorCode,
          text: bi(spec.text),
          guidance: bi(spec.guidance),
          levels: levelsOf(spec.scale),
          weight: spec.weight,
          evidence: spec.evidence ?? [],
          onSite: spec.onSite ?? false,
          safeguarding: spec.safeguarding ?? false,
        };
      }),
    })),
  }));
  let lineage: InstrumentVersion["lineage"] = null;
  if (options.from) {
    const codes: Record<string, string> = {};
    for (const [key, code] of Object.entries(keys)) {
      const old = options.from.keys[key];
      if (old && old !== code) codes[code] = old;
    }
    lineage = { from: options.from.id, codes };
  }
  return {
    id: options.id,
    name: bi(options.name),
    regulation: options.regulation,
    lksTypes: options.lksTypes,
    status: "published",
    standards,
    gradeRules: { ...structuredClone(DEFAULT_GRADE_RULES), componentWeights: options.componentWeights },
    lineage,
    keys,
  };
}

/** The version without its seed-only key table. */
export function published({ keys: _keys, ...instrument }: InstrumentVersion & { keys: unknown }): InstrumentVersion {
  return instrument;
}
