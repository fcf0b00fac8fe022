/**
 * Helpers for accreditation applications: reading one, idempotent actions, and small display
 * helpers. Pure functions where possible (unit-tested). Links to an application are
 * `applicationPath` of `@akrab/domain` (the Worker's emails use the same).
 */
import { api, isApiError } from "#lib/api.ts";
import type { Application } from "#lib/api-types.ts";
import { getLocale } from "#lib/paraglide/runtime.js";

/**
 * Reads an application through the tenant its page's path names (`/t/{tenant}/…`). A province's
 * reader may name the province: the answer is then read again through the application's own
 * tenant, which its actions go through, when that tenant lets them read it there. `fromDevice`
 * false: only the server's answer (see `readThrough`).
 */
export async function loadApplication(id: string, tenant: string, fromDevice = true): Promise<Application> {
  const read = (slug: string) =>
    api.get("/t/{tenant}/applications/{applicationId}", { params: { tenant: slug, applicationId: id }, fromDevice });
  const found = await read(tenant);
  if (found.tenant.slug === tenant) return found;
  try {
    return await read(found.tenant.slug);
  } catch (e) {
    if (isApiError(e) && e.status === 0) throw e;
    return found; // readable here only
  }
}

/**
 * One user action sent with an Idempotency-Key. The key lives as long as the action is being
 * retried after network errors (status 0), so a request that did reach the server but whose
 * answer was lost is never applied twice; any answer from the server ends the action.
 */
export class IdempotentAction {
  #key: string | null = null;
  #signature: string | null = null;

  /** The key for this attempt: the same one when the same action is retried. */
  keyFor(signature: string): string {
    if (this.#key === null || this.#signature !== signature) {
      this.#key = newIdempotencyKey();
      this.#signature = signature;
    }
    return this.#key;
  }

  /** Called with the outcome: a network failure keeps the key for the retry. */
  settle(error: unknown): void {
    if (isApiError(error) && error.status === 0) return;
    this.#key = null;
    this.#signature = null;
  }

  async run<T>(signature: string, send: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    const key = this.keyFor(signature);
    try {
      const result = await send({ "idempotency-key": key });
      this.settle(null);
      return result;
    } catch (e) {
      this.settle(e);
      throw e;
    }
  }
}

function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && "randomUUID" in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** "3 hari 4 jam" / "3 d 4 h": how long an application sat in a step. */
export function formatDuration(seconds: number | null, locale = getLocale()): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const en = locale === "en";
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const d = en ? "d" : "hari";
  const h = en ? "h" : "jam";
  const mi = en ? "min" : "menit";
  if (days > 0) return hours > 0 ? `${days} ${d} ${hours} ${h}` : `${days} ${d}`;
  if (hours > 0) return minutes > 0 ? `${hours} ${h} ${minutes} ${mi}` : `${hours} ${h}`;
  return `${Math.max(minutes, seconds > 0 ? 1 : 0)} ${mi}`;
}

/** A value from the profile history as short text (objects as "key: value" pairs). */
export function shortValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(shortValue).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `${k}: ${shortValue(v)}`)
      .join("; ");
  }
  return String(value);
}

/** The letter fields a verifier may point at when returning an application. */
export const LETTER_FIELDS = ["number", "date", "signatoryName", "signatoryPosition", "summary"] as const;

/** The application letter as typed in a form (every field a string; the summary may stay empty). */
export interface LetterForm {
  number: string;
  date: string;
  signatoryName: string;
  signatoryPosition: string;
  summary: string;
}

export const emptyLetter = (): LetterForm => ({
  number: "",
  date: "",
  signatoryName: "",
  signatoryPosition: "",
  summary: "",
});

/** A letter from the API as form values. */
export function letterForm(letter: Partial<Record<keyof LetterForm, string | undefined>>): LetterForm {
  return {
    number: letter.number ?? "",
    date: letter.date ?? "",
    signatoryName: letter.signatoryName ?? "",
    signatoryPosition: letter.signatoryPosition ?? "",
    summary: letter.summary ?? "",
  };
}

/**
 * The browser's own checks of the letter (the contract's rules restated), keyed by API path
 * (`letter.number`), with `required` as the message for each missing field.
 */
export function validateLetter(form: LetterForm, required: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!form.number.trim()) out["letter.number"] = required;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) out["letter.date"] = required;
  if (form.signatoryName.trim().length < 2) out["letter.signatoryName"] = required;
  if (form.signatoryPosition.trim().length < 2) out["letter.signatoryPosition"] = required;
  return out;
}

/** The letter as the API takes it: trimmed, without an empty summary. */
export function letterBody(form: LetterForm): {
  number: string;
  date: string;
  signatoryName: string;
  signatoryPosition: string;
  summary?: string;
} {
  return {
    number: form.number.trim(),
    date: form.date,
    signatoryName: form.signatoryName.trim(),
    signatoryPosition: form.signatoryPosition.trim(),
    ...(form.summary.trim() ? { summary: form.summary.trim() } : {}),
  };
}

/** True when the form differs from the stored letter (after the same trimming the API applies). */
export function letterChanged(
  form: LetterForm,
  stored: Partial<Record<keyof LetterForm, string | undefined>>,
): boolean {
  const body = letterBody(form);
  return LETTER_FIELDS.some((field) => (body[field] ?? "") !== (stored[field] ?? ""));
}
