/**
 * Pure rules of a reconciliation write as an outbox change (no I/O; unit-tested): the lead's
 * proposal for one indicator, a member's answer to it, or a signature. Each place of the sheet is
 * its own slot (`ref`): `proposal:<code>`, `response:<code>`, `sign`. The sheet has one version for
 * everything, so a 409 often means the other asesor wrote elsewhere: `afterStale` reads the sheet
 * again and only a place both changed to different values becomes a conflict with both values.
 */
import { mergeFields } from "@akrab/domain";
import type { ReconciliationView } from "#lib/components/assessment/types.ts";

export type ReconciliationPlace =
  | { kind: "proposal"; indicator: string }
  | { kind: "response"; indicator: string }
  | { kind: "sign" };

export type ProposalValues = { level: number; reason: string };
export type ResponseValues = { agree: boolean; note: string };

export const reconciliationRef = (place: ReconciliationPlace) =>
  place.kind === "sign" ? "sign" : `${place.kind}:${place.indicator}`;

export function placeOfRef(ref: string): ReconciliationPlace {
  if (ref === "sign") return { kind: "sign" };
  const at = ref.indexOf(":");
  const kind = ref.slice(0, at);
  return { kind: kind === "response" ? "response" : "proposal", indicator: ref.slice(at + 1) };
}

/** What the server holds at a place now (null fields: nothing there yet), for the caller's own answer. */
export function serverValues(view: ReconciliationView, place: ReconciliationPlace): Record<string, unknown> {
  if (place.kind === "sign") return {};
  const row = view.indicators.find((r) => r.code === place.indicator);
  if (place.kind === "proposal") return { level: row?.proposal?.level ?? null, reason: row?.proposal?.reason ?? null };
  const mine = row?.responses.find((r) => r.asesorId === view.you.asesorId);
  return { agree: mine?.agree ?? null, note: mine?.note ?? null };
}

/**
 * The change as the outbox keeps it: the values typed, each one's value on the sheet when the
 * person started (its base), and the sheet's version they saw.
 */
export function reconciliationChange(
  view: ReconciliationView,
  assignmentId: string,
  place: ReconciliationPlace,
  values: ProposalValues | ResponseValues | Record<string, never>,
  text: { label: string; href: string },
) {
  const base = serverValues(view, place);
  return {
    kind: "reconciliation" as const,
    tenant: view.tenant.slug,
    targetId: assignmentId,
    ref: reconciliationRef(place),
    label: text.label,
    href: text.href,
    values: { ...values } as Record<string, unknown>,
    base: Object.fromEntries(Object.keys(values).map((field) => [field, base[field] ?? null])),
    expectedVersion: view.version,
  };
}

export type Stale =
  /** Nobody else touched this place: send again on the sheet's new version. */
  | { kind: "resend"; expectedVersion: number }
  /** A signature on a sheet that changed since it was read: refused, the person reads it and signs again. */
  | { kind: "refused" }
  /** The sheet already holds exactly what the device sent: nothing to send. */
  | { kind: "done" }
  /** Both changed it: the person chooses, per field, and what they choose goes on the new version. */
  | { kind: "conflict"; expectedVersion: number; conflicts: { field: string; server: unknown; client: unknown }[] };

/**
 * A write refused as stale (409), against the sheet read again. A signature is not sent again: it
 * signs the sheet as the person read it, and what stands now is not that.
 */
export function afterStale(
  item: { ref?: string; values: Record<string, unknown>; base: Record<string, unknown> },
  view: ReconciliationView,
): Stale {
  const place = placeOfRef(item.ref ?? "");
  if (place.kind === "sign") return { kind: "refused" };
  const server = serverValues(view, place);
  const { conflicts, changed } = mergeFields(item.base, item.values, server);
  if (conflicts.length > 0)
    return {
      kind: "conflict",
      expectedVersion: view.version,
      conflicts: conflicts.map(({ field, server: s, client }) => ({ field, server: s, client })),
    };
  return changed.length === 0 ? { kind: "done" } : { kind: "resend", expectedVersion: view.version };
}
