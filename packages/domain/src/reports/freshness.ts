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

/**
 * How long a tenant's roll-up may lag its records before a report read recomputes it itself. The
 * minute cron keeps every tenant well inside this in production, so reads stay plain reads; where
 * no cron runs (`wrangler dev`, so `npm start`) or it has fallen behind, the read catches up.
 */
export const READ_REFRESH_AFTER_MS = 2 * 60_000;

/**
 * Whether a report read should recompute a tenant's roll-up before answering: it has changes not
 * yet counted, and either it was never computed (a new tenant, a fresh local database: its figures
 * would be missing, not late) or the changes have waited longer than the cron ever lets them.
 */
export function refreshOnRead(
  state: { computedAt: string | null; dirtySince: string | null },
  now: number,
  bound = READ_REFRESH_AFTER_MS,
): boolean {
  if (!state.dirtySince) return false;
  return state.computedAt === null || now - Date.parse(state.dirtySince) > bound;
}
