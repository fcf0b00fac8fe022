/** Regions are Indonesia's provinces and kabupaten/kota, named by their Kemendagri codes. */
export type RegionKind = "province" | "regency" | "city";

export interface Region {
  code: string;
  name: string;
  kind: RegionKind;
  provinceCode: string | null;
  slug: string;
}

/** Long official prefixes that people write short: "Daerah Khusus Ibukota Jakarta" is "DKI Jakarta". */
const SHORT_FORMS: ReadonlyArray<[RegExp, string]> = [
  [/^Daerah Khusus Ibukota /i, "DKI "],
  [/^Daerah Istimewa /i, "DI "],
];

const KAB_KOTA_PREFIX = /^(Kabupaten|Kota)( Administrasi)? /i;

/** Kind of a kab/kota from its official name ("Kabupaten Lebak", "Kota Administrasi Jakarta Pusat"). */
export function kabKotaKind(officialName: string): "regency" | "city" {
  const match = KAB_KOTA_PREFIX.exec(officialName);
  if (!match) throw new Error(`Not a kabupaten/kota name: ${officialName}`);
  return match[1]?.toLowerCase() === "kota" ? "city" : "regency";
}

/**
 * The stable slug used in URLs: `prov-banten`, `prov-dki-jakarta`, `kota-tangerang`, `kab-lebak`.
 * Kabupaten and kota of the same name (Kabupaten/Kota Tangerang) differ by prefix.
 */
export function regionSlug(kind: RegionKind, officialName: string): string {
  const prefix = kind === "province" ? "prov" : kind === "city" ? "kota" : "kab";
  let name = officialName.replace(KAB_KOTA_PREFIX, "");
  for (const [pattern, short] of SHORT_FORMS) name = name.replace(pattern, short);
  return `${prefix}-${slugify(name)}`;
}

/** The name shown to people: "Provinsi Banten", "Kota Tangerang", "Kabupaten Lebak". */
export function regionDisplayName(kind: RegionKind, officialName: string): string {
  if (kind !== "province") return officialName.replace(/ Administrasi /i, " ");
  let name = officialName;
  for (const [pattern, short] of SHORT_FORMS) name = name.replace(pattern, short);
  return `Provinsi ${name}`;
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
