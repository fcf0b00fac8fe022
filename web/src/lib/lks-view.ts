/** Presenting LKS profile values: dates to come, change-history values, comments by field. */
import type { ReturnComment } from "#lib/api-types.ts";
import { formatDate } from "#lib/format.ts";
import { lksStatusLabel, lksTypeLabel, serviceModeLabel } from "#lib/labels.ts";
import { legalFormLabel, ppksLabel } from "#lib/lks-profile-labels.ts";
export { daysUntil } from "#lib/format.ts";

/** Return comments grouped by top-level field, in the order Dinsos wrote them. */
export function commentsByField(comments: ReturnComment[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const comment of comments) {
    const field = comment.field.split(".")[0] ?? comment.field;
    const messages = out[field] ?? [];
    messages.push(comment.message);
    out[field] = messages;
  }
  return out;
}

/** The classic 15-digit NPWP as printed on the card (01.234.567.8-901.000); 16 digits stay as they are. */
export function formatNpwp(value: string): string {
  const d = value.replace(/\D/g, "");
  return d.length === 15
    ? `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d.slice(8, 9)}-${d.slice(9, 12)}.${d.slice(12)}`
    : value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isDate = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * One history value as text: vocabularies by their labels, documents as "number · date",
 * permits with their validity, the board by names and positions (the NIK as the API sent it).
 */
export function formatProfileValue(
  field: string,
  value: unknown,
  areaName?: (code: string) => string | undefined,
): string {
  if (value === null || value === undefined || value === "") return "—";
  switch (field) {
    case "legalForm":
      return legalFormLabel(String(value));
    case "serviceMode":
      return serviceModeLabel(String(value));
    case "npwp":
      return formatNpwp(String(value));
    case "status":
    case "*":
      return lksStatusLabel(String(value));
    case "types":
      return Array.isArray(value) ? value.map((v) => lksTypeLabel(String(v))).join(", ") : String(value);
    case "ppks":
      return Array.isArray(value) ? value.map((v) => ppksLabel(String(v))).join(", ") : String(value);
  }
  if (field === "board" && Array.isArray(value)) {
    return value
      .map((member) =>
        isRecord(member) ? [member.name, member.position, member.idNumber].filter(Boolean).join(", ") : String(member),
      )
      .join("; ");
  }
  if (field === "address" && isRecord(value)) {
    const codes = ["villageCode", "districtCode", "regencyCode", "provinceCode"]
      .map((key) => value[key])
      .filter((code): code is string => typeof code === "string")
      .map((code) => areaName?.(code) ?? code);
    return [value.street, ...codes, value.postalCode].filter(Boolean).join(", ");
  }
  if (field === "location" && isRecord(value)) return `${value.latitude}, ${value.longitude}`;
  if (isRecord(value)) {
    if ("number" in value) {
      const parts = [String(value.number)];
      if (isDate(value.date)) parts.push(formatDate(value.date));
      if (typeof value.issuer === "string") parts.push(value.issuer);
      if (isDate(value.issuedAt) && isDate(value.expiresAt))
        parts.push(`${formatDate(value.issuedAt)} – ${formatDate(value.expiresAt)}`);
      return parts.join(" · ");
    }
    return Object.values(value).map(String).join(", ");
  }
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (isDate(value)) return formatDate(value);
  return String(value);
}

/** OpenStreetMap link for a GPS point (opens outside the app). */
export function mapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}
