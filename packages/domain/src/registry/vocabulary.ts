/**
 * The fixed vocabularies of the LKS registry (DOMAIN.md, Permensos 5/2024 and 8/2012). The PPKS
 * categories are in `ppks.ts`: a module of their own, so that a web page showing an LKS's kind or
 * ownership does not load their 26 texts.
 */

export const LEGAL_FORMS = ["yayasan", "perkumpulan", "non_badan_hukum"] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const LKS_TYPES = ["LKSA", "LKS-LU", "LKSPD", "LKS-NAPZA", "LKS-ODHA", "LKS-LAIN"] as const;
export type LksType = (typeof LKS_TYPES)[number];

export const LKS_TYPE_LABELS: Record<LksType, string> = {
  LKSA: "LKS Anak (panti asuhan)",
  "LKS-LU": "LKS Lanjut Usia",
  LKSPD: "LKS Penyandang Disabilitas",
  "LKS-NAPZA": "LKS Korban NAPZA",
  "LKS-ODHA": "LKS Orang dengan HIV/AIDS",
  "LKS-LAIN": "LKS lainnya",
};

export const SERVICE_MODES = ["dalam_panti", "luar_panti", "keduanya"] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const LKS_STATUSES = ["pending_verification", "returned", "registered", "inactive"] as const;
export type LksStatus = (typeof LKS_STATUSES)[number];

/**
 * Who owns the institution. Community LKS have one of the legal forms above; government units
 * (issue 17) are a provincial or kab/kota Dinsos's panti sosial/UPTD, or a Kemensos unit (Sentra,
 * Balai, Loka), and stand on the decree that established them instead.
 */
export const OWNERSHIPS = ["community", "provincial_government", "regency_government", "central_government"] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

/** Checklists are kept per ownership group: community LKS, or any government unit. */
export const OWNERSHIP_GROUPS = ["community", "government"] as const;
export type OwnershipGroup = (typeof OWNERSHIP_GROUPS)[number];

export function ownershipGroup(ownership: Ownership): OwnershipGroup {
  return ownership === "community" ? "community" : "government";
}

export const OWNERSHIP_LABELS: Record<Ownership, { id: string; en: string }> = {
  community: { id: "Masyarakat (yayasan/perkumpulan)", en: "Community organisation" },
  provincial_government: { id: "Pemerintah provinsi", en: "Provincial government" },
  regency_government: { id: "Pemerintah kabupaten/kota", en: "Kabupaten/kota government" },
  central_government: { id: "Pemerintah pusat (unit Kemensos)", en: "Central government (Kemensos unit)" },
};

/**
 * Kinds of institution beyond the LKS types, as they exist in practice (DOMAIN.md, "Accreditation
 * process as practised": panti owned by the provincial government, Loka Bina Karya, UILS).
 */
export const INSTITUTION_KINDS = ["lks", "panti_pemerintah", "uptd", "lbk", "uils", "sentra_balai"] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, { id: string; en: string }> = {
  lks: { id: "Lembaga Kesejahteraan Sosial (LKS)", en: "Social welfare institution" },
  panti_pemerintah: { id: "Panti sosial milik pemerintah", en: "Government-owned residential home" },
  uptd: { id: "UPTD Dinas Sosial", en: "Technical unit of the Dinsos" },
  lbk: { id: "Loka Bina Karya (LBK)", en: "Vocational training workshop" },
  uils: { id: "Unit Informasi Layanan Sosial (UILS)", en: "Social service information unit" },
  sentra_balai: { id: "Sentra/Balai Kemensos", en: "Kemensos centre" },
};
