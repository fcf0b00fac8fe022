import { daysBetween, jakartaDay } from "@akrab/domain";
import { getLocale } from "#lib/paraglide/runtime.js";

const intlTag = () => (getLocale() === "id" ? "id-ID" : "en-GB");

/** A size as people read it: bytes under 1 KB (a tiny PDF is not "0 KB"), KB, then MB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat(intlTag(), { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat(intlTag(), { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/**
 * Time is stored in UTC and shown in Asia/Jakarta (WIB), where the national
 * institutions work. Per-region WITA/WIT display comes with region-aware screens.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(intlTag(), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Jakarta",
  }).format(date)} WIB`;
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlTag(), { dateStyle: "long", timeZone: "Asia/Jakarta" }).format(date);
}

/** Splits text into plain parts and http(s) links, for rendering message bodies safely. */
export function linkify(text: string): Array<{ text: string; href?: string }> {
  const parts: Array<{ text: string; href?: string }> = [];
  const re = /https?:\/\/[^\s<>"')\]]+/g;
  let last = 0;
  for (const match of text.matchAll(re)) {
    const index = match.index ?? 0;
    // Do not swallow sentence punctuation that follows a link.
    const url = match[0].replace(/[.,;:!?]+$/, "");
    if (index > last) parts.push({ text: text.slice(last, index) });
    parts.push({ text: url, href: url });
    last = index + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Whole days from today (Jakarta, the domain's calendar) until a YYYY-MM-DD date; negative once it has passed. */
export function daysUntil(date: string, today = jakartaDay()): number {
  return daysBetween(today, date);
}

/**
 * Parts of one line of text joined by single spaces, empty parts left out: a label built from
 * pieces never loses the space between them (Svelte trims the whitespace at the edge of an
 * `{#if}` block, which is how "LKS.Menunggu" happened).
 */
export function joinText(...parts: Array<string | null | undefined | false>): string {
  return parts.filter((part): part is string => typeof part === "string" && part.trim().length > 0).join(" ");
}
