/** What the upload queue and controls say (Paraglide messages, "appl_upl_" prefix: the app's chunk). */
import { formatBytes } from "#lib/format.ts";
import { localizeApiText } from "#lib/errors.ts";
import { m } from "#lib/paraglide/messages.js";
import type { DocumentType } from "#lib/api-types.ts";
import { typeList } from "./accept.ts";
import { roundedTimeLeft } from "./progress.ts";
import type { Failure } from "./protocol.ts";
import type { ItemState } from "./queue.svelte.ts";

/** The sentence for a refusal: what happened and what to do, Indonesian first. */
export function failureText(
  failure: Failure,
  context: { size?: number; maxBytes: number; acceptedTypes: readonly DocumentType[] },
): string {
  const types = typeList(context.acceptedTypes);
  switch (failure.kind) {
    case "too_large": {
      const size = failure.size ?? context.size;
      return size
        ? m.appl_upl_err_too_large({ size: formatBytes(size), max: formatBytes(context.maxBytes) })
        : m.appl_upl_err_too_large_plain({ max: formatBytes(context.maxBytes) });
    }
    case "unsupported_type":
      return m.appl_upl_err_type({ types });
    case "type_mismatch":
      return m.appl_upl_err_mismatch({ types });
    case "checksum":
      return m.appl_upl_err_checksum();
    case "gone":
      return m.appl_upl_err_gone();
    case "forbidden":
      return m.appl_upl_err_forbidden();
    case "not_found":
      return m.appl_upl_err_not_found();
    case "unauthorized":
      return m.appl_upl_err_unauthorized();
    case "decode":
      return m.appl_upl_err_decode();
    case "storage":
      return m.appl_upl_err_storage();
    case "validation":
      return failure.detail
        ? m.appl_upl_err_validation({ detail: localizeApiText(failure.detail) })
        : m.appl_upl_err_empty();
    default:
      return m.appl_upl_err_server();
  }
}

export function stateText(state: ItemState): string {
  switch (state) {
    case "preparing":
      return m.appl_upl_state_preparing();
    case "queued":
      return m.appl_upl_state_queued();
    case "creating":
      return m.appl_upl_state_creating();
    case "uploading":
      return m.appl_upl_state_uploading();
    case "paused":
      return m.appl_upl_state_paused();
    case "offline":
      return m.appl_upl_state_offline();
    case "elsewhere":
      return m.appl_upl_state_elsewhere();
    case "finishing":
      return m.appl_upl_state_finishing();
    case "done":
      return m.appl_upl_state_done();
    case "duplicate":
      return m.appl_upl_state_duplicate();
    default:
      return m.appl_upl_state_failed();
  }
}

/** "about 2 minutes left", or null while there is no estimate yet. */
export function timeLeftText(seconds: number | null): string | null {
  if (seconds === null) return null;
  const left = roundedTimeLeft(seconds);
  if (left.hours > 0) return m.appl_upl_eta_hours({ hours: String(left.hours), minutes: String(left.minutes) });
  if (left.minutes > 0) return m.appl_upl_eta_minutes({ minutes: String(left.minutes) });
  return m.appl_upl_eta_seconds({ seconds: String(left.seconds) });
}

export function speedText(bytesPerSecond: number): string {
  return m.appl_upl_speed({ speed: formatBytes(bytesPerSecond) });
}
