/**
 * The national default document checklist for accreditation applications (DOMAIN.md: Formulir
 * A/B, the application letter, legal and organisational documents). Each tenant gets a copy it
 * can edit; this is the starting point, not a rule.
 */
export const APPLICATION_KINDS = ["first", "renewal"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const DOCUMENT_TYPES = ["pdf", "jpeg", "png", "webp", "heic", "docx", "xlsx"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentRequirement {
  key: string;
  name: string;
  description: string;
  required: boolean;
  acceptedTypes: DocumentType[];
  maxBytes: number;
}

const MB = 1024 * 1024;

/** A requirement's size limit when its tenant names none. */
export const DEFAULT_REQUIREMENT_MAX_BYTES = 20 * MB;
const pdf = (key: string, name: string, description: string, required = true, maxBytes = 2 * MB): DocumentRequirement => ({ key, name, description, required, acceptedTypes: ["pdf"], maxBytes });

const COMMON: DocumentRequirement[] = [
  pdf("surat_permohonan", "Surat permohonan akreditasi", "Ditujukan kepada Ketua BALKS, ditandatangani ketua pengurus"),
  pdf("profil_lks", "Profil LKS", "Sejarah, visi-misi, layanan dan kapasitas"),
  { key: "formulir_a", name: "Formulir A — instrumen penilaian mandiri", description: "Diisi LKS untuk enam standar akreditasi", required: true, acceptedTypes: ["pdf", "xlsx"], maxBytes: 5 * MB },
  { key: "formulir_b", name: "Formulir B — bukti fisik pelayanan", description: "Foto dan dokumen bukti layanan", required: true, acceptedTypes: ["pdf", "jpeg", "png", "webp", "heic"], maxBytes: 20 * MB },
  pdf("akta_pendirian", "Akta notaris pendirian dan perubahan", "Untuk yayasan/perkumpulan; atau surat keterangan berdiri yang dilegalisasi", true),
  pdf("sk_kemenkumham", "SK pengesahan Kemenkumham", "Untuk LKS berbadan hukum", false),
  pdf("tanda_daftar", "Tanda daftar LKS", "Yang masih berlaku"),
  pdf("izin_operasional", "Izin operasional", "Wajib untuk layanan dalam panti", false),
  { key: "npwp", name: "NPWP lembaga", description: "Kartu atau surat keterangan terdaftar", required: true, acceptedTypes: ["pdf", "jpeg", "png"], maxBytes: 2 * MB },
  pdf("struktur_pengurus", "Struktur organisasi dan susunan pengurus", "Dengan salinan KTP pengurus"),
  pdf("program_kerja", "Program kerja", "Tahun berjalan"),
  { key: "daftar_sdm", name: "Daftar SDM", description: "Nama, jabatan, pendidikan, pelatihan", required: true, acceptedTypes: ["pdf", "xlsx"], maxBytes: 2 * MB },
  { key: "daftar_sarpras", name: "Daftar sarana dan prasarana", description: "Termasuk ruang tamu, kantor, ibadah, toilet, ruang kesehatan", required: true, acceptedTypes: ["pdf", "xlsx"], maxBytes: 2 * MB },
  { key: "daftar_klien", name: "Daftar penerima layanan", description: "Data klien saat ini", required: true, acceptedTypes: ["pdf", "xlsx"], maxBytes: 2 * MB },
  pdf("laporan_kegiatan", "Laporan kegiatan tiga tahun terakhir", "Termasuk laporan keuangan", true, 10 * MB),
  { key: "rekening_bank", name: "Rekening bank atas nama lembaga", description: "Halaman depan buku tabungan", required: true, acceptedTypes: ["pdf", "jpeg", "png"], maxBytes: 2 * MB },
];

export const DEFAULT_CHECKLISTS: Record<ApplicationKind, DocumentRequirement[]> = {
  first: COMMON,
  renewal: [...COMMON, pdf("sertifikat_sebelumnya", "Sertifikat akreditasi sebelumnya", "Beserta rekomendasi perbaikan dari BALKS")],
};
