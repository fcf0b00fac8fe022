/** Checks and presentation of Indonesian identifiers used in LKS profiles. */

/** NPWP: 15 digits (the classic 99.999.999.9-999.999) or 16 (the NIK-based form since 2024). */
export function normaliseNpwp(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, "");
  return /^\d{15}$|^\d{16}$/.test(digits) ? digits : null;
}

/** NIK (KTP number): 16 digits whose first six name the kab/kota and kecamatan of issue. */
export function isNik(input: string): boolean {
  return /^\d{16}$/.test(input);
}

/** Shows the first four and last four digits only: enough to tell records apart, not to reuse. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return "*".repeat(value.length);
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

/** Indonesian phone numbers: 0… or +62…, 9 to 15 digits in all. Returns the +62 form. */
export function normalisePhone(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, "");
  const national = compact.startsWith("+62")
    ? compact.slice(3)
    : compact.startsWith("62")
      ? compact.slice(2)
      : compact.startsWith("0")
        ? compact.slice(1)
        : null;
  if (national === null || !/^\d{8,13}$/.test(national)) return null;
  return `+62${national}`;
}

/**
 * Kemendagri area codes nest by prefix: kelurahan 36.71.01.1001 lies in kecamatan 36.71.01,
 * in kab/kota 36.71, in province 36.
 */
export function areaCodeParent(code: string): string | null {
  const parts = code.split(".");
  return parts.length > 1 ? parts.slice(0, -1).join(".") : null;
}

export function isWithin(code: string, ancestor: string): boolean {
  return code.startsWith(`${ancestor}.`);
}
