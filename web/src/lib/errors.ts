import { isApiError } from "#lib/api.ts";
import { m } from "#lib/paraglide/messages.js";
import { getLocale } from "#lib/paraglide/runtime.js";

/**
 * The API writes human-readable texts as "Indonesian / English" (one " / " separator).
 * Show the half in the reader's language; leave any other text as it is.
 */
export function localizeApiText(text: string): string {
  const parts = text.split(" / ");
  if (parts.length !== 2 || !parts[0]?.trim() || !parts[1]?.trim()) return text;
  return (getLocale() === "en" ? parts[1] : parts[0]).trim();
}

/** The text to show a person for a failed request. Prefers the API's own `detail`. */
export function problemMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 0) return m.error_network();
    if (error.detail) return localizeApiText(error.detail);
    if (error.title && error.status < 500) return error.title;
  }
  return m.error_generic();
}

/** The API's message for one form field, localized, or null. */
export function fieldMessage(error: unknown, path: string): string | null {
  if (!isApiError(error)) return null;
  const message = error.fieldError(path);
  return message ? localizeApiText(message) : null;
}

/**
 * The API's field messages keyed by path, localized, with `strip` (e.g. "lks.") taken off the
 * paths that start with it; other paths stay whole ("operator.email").
 */
export function apiFieldErrors(error: unknown, strip = ""): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const key = strip && path.startsWith(strip) ? path.slice(strip.length) : path;
    if (!(key in out)) out[key] = localizeApiText(message);
  }
  return out;
}
