import { JAKARTA_OFFSET_MS, type Instant } from "../calendar/jakarta.ts";

const MONTHS = {
  id: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
} as const;

/**
 * The time of the data behind a figure or an export, in Jakarta time as people there read it:
 * "Data per 1 Des 2026 08:00 WIB" (issue 15: every figure says how fresh it is). Written without
 * Intl so the Worker, the web app and old phones print exactly the same words.
 */
export function dataAsOf(at: Instant, lang: "id" | "en" = "id"): string {
  const ms = typeof at === "number" ? at : typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${String(at)}`);
  const local = new Date(ms + JAKARTA_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, "0");
  const mm = String(local.getUTCMinutes()).padStart(2, "0");
  const when = `${local.getUTCDate()} ${MONTHS[lang][local.getUTCMonth()]} ${local.getUTCFullYear()} ${hh}:${mm} WIB`;
  return lang === "id" ? `Data per ${when}` : `Data as of ${when}`;
}
