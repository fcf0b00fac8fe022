import { getLocale } from "#lib/paraglide/runtime.js";

/** Five greens, light to dark, for the map (the last two carry white text at 4.5:1 or more). */
export const SCALE = ["#e2efea", "#a9d3c4", "#5fa58f", "#1f7a64", "#0d4a3f"] as const;

/** The step (0..4) of a value on a scale from 0 to `max`. */
export function bin(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.min(SCALE.length - 1, Math.floor((value / max) * SCALE.length));
}

/** A count in the reader's language (14.445 / 14,445). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(getLocale() === "id" ? "id-ID" : "en-GB").format(n);
}

/** "2026-12" as "Des 26" / "Dec 26": short enough for 24 months under a chart. */
export function monthLabel(month: string): string {
  const [y, mo] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(getLocale() === "id" ? "id-ID" : "en-GB", {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, mo - 1, 1)));
}
