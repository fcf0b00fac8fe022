import { MASKED_NIK, type LksProfileInput } from "@akrab/contracts";
import { maskIdNumber } from "@akrab/domain";
import { unknownAreaCodes, type Db, type LksColumns } from "@akrab/db";
import { Problem } from "../middleware/problem/index.ts";

/** The columns kept beside the JSON profile, derived from it (never set on their own). */
export function lksColumns(profile: LksProfileInput): LksColumns {
  return {
    name: profile.name,
    types: profile.types,
    ownership: profile.ownership,
    institutionKind: profile.institutionKind,
    serviceMode: profile.serviceMode,
    regionCode: profile.address.regencyCode,
    districtCode: profile.address.districtCode,
    tandaDaftarExpiresOn: profile.tandaDaftar?.expiresAt ?? null,
    izinExpiresOn: profile.izinOperasional?.expiresAt ?? null,
    profile,
  };
}

/**
 * The schema checks that codes are well-formed and nested; this checks they exist in
 * Kemendagri's list, pointing each unknown one at its field (`prefix` is the body path).
 */
export async function assertRealAddress(db: Db, address: LksProfileInput["address"], prefix: string): Promise<void> {
  const unknown = new Set(
    await unknownAreaCodes(db, {
      region: [address.provinceCode, address.regencyCode],
      area: [address.districtCode, address.villageCode],
    }),
  );
  const fields = [
    ["provinceCode", address.provinceCode, "Provinsi"],
    ["regencyCode", address.regencyCode, "Kabupaten/kota"],
    ["districtCode", address.districtCode, "Kecamatan"],
    ["villageCode", address.villageCode, "Kelurahan/desa"],
  ] as const;
  const errors = fields
    .filter(([, code]) => unknown.has(code))
    .map(([field, code, label]) => ({
      path: `${prefix}.${field}`,
      message: `${label} dengan kode ${code} tidak ada / No area with code ${code}`,
    }));
  if (errors.length > 0)
    throw new Problem("validation", "Alamat memuat kode wilayah yang tidak ada / The address has unknown area codes", {
      errors,
    });
}

/**
 * Editors receive board NIKs masked and send them back unchanged; this puts the stored NIK back
 * for each masked one. New registrations must carry full NIKs (`previous` is null).
 */
export function restoreMaskedNiks(
  profile: LksProfileInput,
  previous: LksProfileInput | null,
  prefix: string,
): LksProfileInput {
  const errors: { path: string; message: string }[] = [];
  const board = profile.board.map((member, index) => {
    if (!MASKED_NIK.test(member.idNumber)) return member;
    const stored = previous?.board.find((old) => maskIdNumber(old.idNumber) === member.idNumber);
    if (!stored)
      errors.push({
        path: `${prefix}board.${index}.idNumber`,
        message: "Tulis NIK lengkap 16 angka / Enter the full 16-digit NIK",
      });
    return stored ? { ...member, idNumber: stored.idNumber } : member;
  });
  if (errors.length > 0)
    throw new Problem("validation", "NIK pengurus belum lengkap / Board NIK incomplete", { errors });
  return { ...profile, board };
}
