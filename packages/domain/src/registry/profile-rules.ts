import type { LegalForm } from "./vocabulary.ts";

/**
 * Profile fields whose change after verification sends the LKS back to its Dinsos for
 * re-verification: who the LKS legally is, where it is, and who is responsible for it.
 */
export const LEGAL_FIELDS = [
  "name",
  "legalForm",
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
  return crossed.length > 0 ? Math.min(...crossed) as (typeof EXPIRY_REMINDER_DAYS)[number] : null;
}

/** Top-level fields whose values differ, compared structurally. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): (keyof T & string)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) as (keyof T & string)[];
}
