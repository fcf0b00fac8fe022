import { MAX_SLA_DAYS } from "./validate.ts";

export type SlaInput = { ok: true; slaDays: number | null } | { ok: false; message: string };

/**
 * What a person typed as a step's SLA, read by the same rule the API's schema applies: empty means
 * no deadline; otherwise a whole number of working days from 1 to MAX_SLA_DAYS. Anything else
 * ("abc", "2,5", "-1") is an error at the field, never a silent "no deadline" (issue 10).
 * Messages are "Bahasa Indonesia / English", as the API's.
 */
export function parseSlaInput(text: string): SlaInput {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, slaDays: null };
  if (!/^\d+$/.test(trimmed))
    return {
      ok: false,
      message:
        "SLA harus berupa bilangan bulat hari kerja (mis. 7), atau kosong bila tanpa tenggat / " +
        "SLA must be a whole number of working days (e.g. 7), or empty for no deadline",
    };
  const days = Number(trimmed);
  if (days < 1) return { ok: false, message: "SLA minimal 1 hari kerja / SLA is at least 1 working day" };
  if (days > MAX_SLA_DAYS)
    return {
      ok: false,
      message: `SLA paling lama ${MAX_SLA_DAYS} hari kerja / SLA is at most ${MAX_SLA_DAYS} working days`,
    };
  return { ok: true, slaDays: days };
}
