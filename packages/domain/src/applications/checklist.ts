/**
 * The national default document checklist for accreditation applications (DOMAIN.md: Formulir
 * A/B, the application letter, legal and organisational documents). Each tenant gets a copy it
 * can edit; this is the starting point, not a rule.
 */
import type { OwnershipGroup } from "../registry/vocabulary.ts";

export const APPLICATION_KINDS = ["first", "renewal"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const DOCUMENT_TYPES = ["pdf", "jpeg", "png", "webp", "heic", "docx", "xlsx"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentRequirement {
  key: string;
  name: string;
  description: string;
  /** English name and description; empty when a tenant wrote none (then the Indonesian is shown). */
  nameEn: string;
  descriptionEn: string;
  required: boolean;
  acceptedTypes: DocumentType[];
  maxBytes: number;
}

const MB = 1024 * 1024;

/** A requirement's size limit when its tenant names none. */
export const DEFAULT_REQUIREMENT_MAX_BYTES = 20 * MB;
const pdf = (
  key: string,
  [name, nameEn]: [string, string],
  [description, descriptionEn]: [string, string],
  required = true,
  maxBytes = 2 * MB,
): DocumentRequirement => ({
  key,
  name,
  nameEn,
  description,
  descriptionEn,
  required,
  acceptedTypes: ["pdf"],
  maxBytes,
});

const COMMON: DocumentRequirement[] = [
  pdf(
    "surat_permohonan",
    ["Surat permohonan akreditasi", "Application letter for accreditation"],
    [
      "Ditujukan kepada Ketua BALKS, ditandatangani ketua pengurus",
      "Addressed to the Chair of BALKS, signed by the chair of the board",
    ],
  ),
  pdf(
    "profil_lks",
    ["Profil LKS", "LKS profile"],
    ["Sejarah, visi-misi, layanan dan kapasitas", "History, vision and mission, services and capacity"],
  ),
  {
    key: "formulir_a",
    name: "Formulir A — instrumen penilaian mandiri",
    description: "Diisi LKS untuk enam standar akreditasi",
    nameEn: "Form A — self-assessment instrument",
    descriptionEn: "Filled in by the LKS for the six accreditation standards",
    required: true,
    acceptedTypes: ["pdf", "xlsx"],
    maxBytes: 5 * MB,
  },
  {
    key: "formulir_b",
    name: "Formulir B — bukti fisik pelayanan",
    description: "Foto dan dokumen bukti layanan",
    nameEn: "Form B — physical evidence of services",
    descriptionEn: "Photos and documents evidencing services",
    required: true,
    acceptedTypes: ["pdf", "jpeg", "png", "webp", "heic"],
    maxBytes: 20 * MB,
  },
  pdf(
    "akta_pendirian",
    ["Akta notaris pendirian dan perubahan", "Notarial deed of establishment and amendments"],
    [
      "Untuk yayasan/perkumpulan; atau surat keterangan berdiri yang dilegalisasi",
      "For foundations/associations; or a legalised statement of establishment",
    ],
    true,
  ),
  pdf(
    "sk_kemenkumham",
    ["SK pengesahan Kemenkumham", "Ministry of Law approval decree"],
    ["Untuk LKS berbadan hukum", "For LKS with legal-entity status"],
    false,
  ),
  pdf("tanda_daftar", ["Tanda daftar LKS", "LKS registration certificate"], ["Yang masih berlaku", "Still valid"]),
  pdf(
    "izin_operasional",
    ["Izin operasional", "Operating permit"],
    ["Wajib untuk layanan dalam panti", "Required for residential services"],
    false,
  ),
  {
    key: "npwp",
    name: "NPWP lembaga",
    description: "Kartu atau surat keterangan terdaftar",
    nameEn: "Institution's tax number (NPWP)",
    descriptionEn: "Card or certificate of registration",
    required: true,
    acceptedTypes: ["pdf", "jpeg", "png"],
    maxBytes: 2 * MB,
  },
  pdf(
    "struktur_pengurus",
    ["Struktur organisasi dan susunan pengurus", "Organisation chart and board members"],
    ["Dengan salinan KTP pengurus", "With copies of the board members' ID cards"],
  ),
  pdf("program_kerja", ["Program kerja", "Work programme"], ["Tahun berjalan", "Current year"]),
  {
    key: "daftar_sdm",
    name: "Daftar SDM",
    description: "Nama, jabatan, pendidikan, pelatihan",
    nameEn: "Staff list",
    descriptionEn: "Name, position, education, training",
    required: true,
    acceptedTypes: ["pdf", "xlsx"],
    maxBytes: 2 * MB,
  },
  {
    key: "daftar_sarpras",
    name: "Daftar sarana dan prasarana",
    description: "Termasuk ruang tamu, kantor, ibadah, toilet, ruang kesehatan",
    nameEn: "List of facilities and infrastructure",
    descriptionEn: "Including reception, office, prayer room, toilets, health room",
    required: true,
    acceptedTypes: ["pdf", "xlsx"],
    maxBytes: 2 * MB,
  },
  {
    key: "daftar_klien",
    name: "Daftar penerima layanan",
    description: "Data klien saat ini",
    nameEn: "List of service recipients",
    descriptionEn: "Current client data",
    required: true,
    acceptedTypes: ["pdf", "xlsx"],
    maxBytes: 2 * MB,
  },
  pdf(
    "laporan_kegiatan",
    ["Laporan kegiatan tiga tahun terakhir", "Activity reports for the last three years"],
    ["Termasuk laporan keuangan", "Including financial reports"],
    true,
    10 * MB,
  ),
  {
    key: "rekening_bank",
    name: "Rekening bank atas nama lembaga",
    description: "Halaman depan buku tabungan",
    nameEn: "Bank account in the institution's name",
    descriptionEn: "Front page of the savings book",
    required: true,
    acceptedTypes: ["pdf", "jpeg", "png"],
    maxBytes: 2 * MB,
  },
];

const PREVIOUS_CERTIFICATE = pdf(
  "sertifikat_sebelumnya",
  ["Sertifikat akreditasi sebelumnya", "Previous accreditation certificate"],
  ["Beserta rekomendasi perbaikan dari BALKS", "With BALKS's recommendations for improvement"],
);

export const DEFAULT_CHECKLISTS: Record<ApplicationKind, DocumentRequirement[]> = {
  first: COMMON,
  renewal: [...COMMON, PREVIOUS_CERTIFICATE],
};

/**
 * Requirements only a community LKS can meet: a government unit has no notarial deed, no
 * Kemenkumham approval, usually no NPWP or bank account in its own name.
 */
export const COMMUNITY_ONLY_REQUIREMENTS = ["akta_pendirian", "sk_kemenkumham", "npwp", "rekening_bank"] as const;
/** Requirements only a government unit can meet: the decree that established it, and its placement. */
export const GOVERNMENT_ONLY_REQUIREMENTS = ["sk_pendirian_unit", "sk_penempatan_kepala"] as const;

const GOVERNMENT_DOCUMENTS: DocumentRequirement[] = [
  pdf(
    "sk_pendirian_unit",
    [
      "SK pendirian unit (Perda/Pergub/Perbup/Perwali/Permensos)",
      "Decree establishing the unit (regional or ministerial regulation)",
    ],
    [
      "Keputusan yang membentuk panti, UPTD, LBK atau UILS",
      "The decree that formed the residential home, UPTD, LBK or UILS",
    ],
  ),
  pdf(
    "sk_penempatan_kepala",
    ["SK pengangkatan kepala unit", "Decree appointing the head of the unit"],
    ["Dari instansi pemilik", "From the owning agency"],
    false,
  ),
  pdf(
    "dipa_anggaran",
    ["Dokumen anggaran (DPA/DIPA) tahun berjalan", "Budget document (DPA/DIPA) for the current year"],
    ["Halaman yang memuat anggaran unit", "The pages showing the unit's budget"],
    false,
  ),
];

/** The community list with its community-only items swapped for the government documents. */
function forGovernment(items: DocumentRequirement[]): DocumentRequirement[] {
  const at = items.findIndex((item) => item.key === "akta_pendirian");
  const kept = items.filter((item) => !(COMMUNITY_ONLY_REQUIREMENTS as readonly string[]).includes(item.key));
  return [...kept.slice(0, at), ...GOVERNMENT_DOCUMENTS, ...kept.slice(at)];
}

/** National default checklists per ownership group and application kind; each tenant edits its copy. */
export const DEFAULT_CHECKLISTS_BY_OWNERSHIP: Record<OwnershipGroup, Record<ApplicationKind, DocumentRequirement[]>> = {
  community: DEFAULT_CHECKLISTS,
  government: { first: forGovernment(COMMON), renewal: [...forGovernment(COMMON), PREVIOUS_CERTIFICATE] },
};

/**
 * A requirement key that the other ownership group alone can meet, with the reason in words;
 * null when the key fits. Keys a tenant invents itself fit both.
 */
export function requirementMisfit(group: OwnershipGroup, key: string): string | null {
  if (group === "government" && (COMMUNITY_ONLY_REQUIREMENTS as readonly string[]).includes(key)) {
    return "Dokumen ini hanya untuk LKS masyarakat, bukan unit pemerintah / This document applies only to community LKS, not government units";
  }
  if (group === "community" && (GOVERNMENT_ONLY_REQUIREMENTS as readonly string[]).includes(key)) {
    return "SK pendirian pemerintah hanya untuk unit pemerintah, bukan yayasan / A government decree applies only to government units";
  }
  return null;
}

/** What a requirement key looks like (the contract checks the same pattern). */
export const REQUIREMENT_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * A requirement key from what a clerk typed, or from the item's name: "Foto papan nama" and
 * "foto-papan-nama" both give `foto_papan_nama`. A key taken by another item gets `_2`, `_3`….
 * The editor generates the key only for a new item: once saved it stays, since applications
 * already hold documents under it.
 */
export function requirementKeyFrom(text: string, taken: Iterable<string> = []): string {
  const base =
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^[^a-z]+/, "")
      .replace(/_+$/, "")
      .slice(0, 36)
      .replace(/_+$/, "") || "dokumen";
  const key = base.length < 2 ? `${base}_dokumen` : base;
  const used = new Set(taken);
  if (!used.has(key)) return key;
  for (let n = 2; ; n++) if (!used.has(`${key}_${n}`)) return `${key}_${n}`;
}
