/**
 * A `{id, en}` label from the API in the reader's language. A module of its own: pages that show
 * labels (the workflow editor, BALKS's instruments) need it without the applications' helpers.
 */
import { getLocale } from "#lib/paraglide/runtime.js";

export function pickLabel(label: { id: string; en: string } | null | undefined): string {
  if (!label) return "";
  return getLocale() === "en" ? label.en || label.id : label.id || label.en;
}
