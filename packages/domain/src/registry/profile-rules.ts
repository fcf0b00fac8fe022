import type { InstitutionKind, LegalForm, Ownership } from "./vocabulary.ts";

/**
 * Profile fields whose change after verification sends the LKS back to its Dinsos for
 * re-verification: who the LKS legally is, where it is, and who is responsible for it.
 */
export const LEGAL_FIELDS = [
  "name",
  "ownership",
  "institutionKind",
  "legalForm",
  "owningAgency",
  "decree",
  "deed",
  "kemenkumham",
  "legalisation",
  "npwp",
  "address",
  "board",
] as const;

export function touchesLegalFields(changedFields: readonly string[]): boolean {
  return changedFields.some((field) => (LEGAL_FIELDS as readonly string[]).includes(field));
}

/** Documents of legal standing each legal form must state (DOMAIN.md, "Registration"). */
export function requiredLegalDocuments(form: LegalForm): ("deed" | "kemenkumham" | "legalisation")[] {
  return form === "non_badan_hukum" ? ["legalisation"] : ["deed", "kemenkumham"];
}

/** Fields a community LKS states and a government unit must not (its decree replaces them). */
export const COMMUNITY_ONLY_FIELDS = ["legalForm", "deed", "kemenkumham", "legalisation"] as const;
/** Fields a government unit states and a community LKS must not. */
export const GOVERNMENT_ONLY_FIELDS = ["owningAgency", "decree"] as const;
export type OwnershipField = (typeof COMMUNITY_ONLY_FIELDS)[number] | (typeof GOVERNMENT_ONLY_FIELDS)[number] | "npwp";

/** Institution kinds each ownership may take. */
export const KINDS_BY_OWNERSHIP: Record<Ownership, readonly InstitutionKind[]> = {
  community: ["lks"],
  provincial_government: ["panti_pemerintah", "uptd", "lbk", "uils"],
  regency_government: ["panti_pemerintah", "uptd", "lbk", "uils"],
  central_government: ["sentra_balai", "lbk", "uils"],
};

/**
 * Which ownership-dependent fields a profile must carry and which it must leave out. A community
 * LKS stands on its legal form, the documents of that form and an NPWP of its own; a government
 * unit on its owning agency and establishing decree (an NPWP is optional: it often uses the
 * agency's treasurer's).
 */
export function ownershipFieldRules(
  ownership: Ownership,
  legalForm: LegalForm | undefined,
): { required: OwnershipField[]; forbidden: OwnershipField[] } {
  if (ownership !== "community") return { required: ["owningAgency", "decree"], forbidden: [...COMMUNITY_ONLY_FIELDS] };
  const docs = legalForm ? requiredLegalDocuments(legalForm) : [];
  const legalDocs = ["deed", "kemenkumham", "legalisation"] as const;
  return {
    required: ["legalForm", "npwp", ...docs],
    forbidden: [...GOVERNMENT_ONLY_FIELDS, ...legalDocs.filter((d) => legalForm !== undefined && !docs.includes(d))],
  };
}

/** Profile fields that carry a document, uploaded with `lksId` + `profileField` (the NPWP's is its card). */
export const PROFILE_DOCUMENT_FIELDS = ["decree", "deed", "kemenkumham", "legalisation", "npwpCard"] as const;
export type ProfileDocumentField = (typeof PROFILE_DOCUMENT_FIELDS)[number];

/**
 * The documents an LKS of this ownership keeps on its profile: a government unit its establishing
 * decree; a community LKS the legal documents of its form and its NPWP card. Nothing else is
 * stored as a profile document, so a yayasan never holds a "decree" nor a panti a notarial deed.
 */
export function profileDocumentFields(ownership: Ownership, legalForm: LegalForm | undefined): ProfileDocumentField[] {
  if (ownership !== "community") return ["decree"];
  return [...(legalForm ? requiredLegalDocuments(legalForm) : []), "npwpCard"];
}

export interface OwnershipProfile {
  ownership: Ownership;
  institutionKind: InstitutionKind;
  legalForm?: LegalForm | undefined;
  owningAgency?: string | undefined;
  decree?: { date: string } | undefined;
  deed?: unknown;
  kemenkumham?: unknown;
  legalisation?: unknown;
  npwp?: string | undefined;
}

const REQUIRED_MESSAGE: Record<OwnershipField, string> = {
  legalForm: "Pilih bentuk lembaga / Choose a legal form",
  deed: "Akta notaris wajib untuk bentuk lembaga ini / A notarial deed is required for this legal form",
  kemenkumham: "SK Kemenkumham wajib untuk bentuk lembaga ini / Kemenkumham approval is required for this legal form",
  legalisation: "Surat keterangan berdiri wajib untuk LKS non badan hukum / A founding note is required",
  npwp: "NPWP lembaga wajib untuk LKS masyarakat / A community LKS needs its own NPWP",
  owningAgency: "Instansi pemilik wajib diisi untuk unit pemerintah / A government unit names its owning agency",
  decree: "SK pendirian wajib untuk unit pemerintah / A government unit needs its establishing decree",
};

const FORBIDDEN_MESSAGE: Record<OwnershipField, string> = {
  legalForm:
    "Unit pemerintah tidak memiliki bentuk lembaga yayasan/perkumpulan / A government unit has no community legal form",
  deed: "Akta notaris hanya untuk LKS masyarakat berbadan hukum / A notarial deed applies only to community legal entities",
  kemenkumham:
    "SK Kemenkumham hanya untuk LKS masyarakat berbadan hukum / Kemenkumham approval applies only to community legal entities",
  legalisation:
    "Surat keterangan berdiri hanya untuk LKS non badan hukum / A founding note applies only to unincorporated LKS",
  npwp: "",
  owningAgency: "Instansi pemilik hanya untuk unit pemerintah / Only a government unit has an owning agency",
  decree:
    "SK pendirian pemerintah hanya untuk unit pemerintah, bukan yayasan / A government decree applies only to government units",
};

/** Field errors in words for the ownership-dependent part of a profile (empty when it fits). */
export function ownershipProfileErrors(profile: OwnershipProfile, today: string): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const { required, forbidden } = ownershipFieldRules(profile.ownership, profile.legalForm);
  const present = (field: OwnershipField) => {
    const value = profile[field];
    return value !== undefined && value !== null && value !== "";
  };
  for (const field of required) if (!present(field)) errors.push({ path: field, message: REQUIRED_MESSAGE[field] });
  for (const field of forbidden) if (present(field)) errors.push({ path: field, message: FORBIDDEN_MESSAGE[field] });
  if (!KINDS_BY_OWNERSHIP[profile.ownership].includes(profile.institutionKind)) {
    const message =
      "Jenis lembaga tidak sesuai dengan kepemilikan / This kind of institution does not fit the ownership";
    errors.push({ path: "institutionKind", message });
  }
  if (profile.decree && profile.decree.date > today) {
    errors.push({ path: "decree.date", message: "Tanggal tidak boleh di masa depan / Date cannot be in the future" });
  }
  return errors;
}

/**
 * Who may register a unit of this ownership: community LKS register themselves or through their
 * Dinsos; a Dinsos registers its own government units; Kemensos units are registered by BALKS.
 */
export function registrarOf(ownership: Ownership): "self_or_dinsos" | "dinsos" | "balks" {
  if (ownership === "community") return "self_or_dinsos";
  return ownership === "central_government" ? "balks" : "dinsos";
}

/** A Dinsos registers only the units its own level of government owns. */
export function ownershipFitsTenant(ownership: Ownership, level: "province" | "kabkota"): boolean {
  if (ownership === "provincial_government") return level === "province";
  if (ownership === "regency_government") return level === "kabkota";
  return ownership === "community";
}

/** Reminder thresholds for expiring tanda daftar and izin operasional, in days before expiry. */
export const EXPIRY_REMINDER_DAYS = [90, 30, 7] as const;

/**
 * The tightest threshold a document has crossed on `today`, or null if none: a document expiring
 * in 25 days has crossed 90 and 30, and is due the 30-day reminder.
 */
export function dueReminderThreshold(expiresOn: string, today: string): (typeof EXPIRY_REMINDER_DAYS)[number] | null {
  const days = Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days < 0) return null;
  const crossed = EXPIRY_REMINDER_DAYS.filter((threshold) => days <= threshold);
  return crossed.length > 0 ? (Math.min(...crossed) as (typeof EXPIRY_REMINDER_DAYS)[number]) : null;
}

/** Top-level fields whose values differ, compared structurally. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): (keyof T & string)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  ) as (keyof T & string)[];
}
