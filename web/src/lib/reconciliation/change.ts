/**
 * Pure rules of a reconciliation write as an outbox change (no I/O; unit-tested): the lead's
 * proposal for one indicator, a member's answer to it, the lead's report (strengths and
 * recommendations) or a signature. Each place of the sheet is its own slot (`ref`):
 * `proposal:<code>`, `response:<code>`, `report`, `sign`. The sheet has one version for everything,
 * so a 409 often means the other asesor wrote elsewhere: `afterStale` reads the sheet again, field by
 * field; only a field both changed to different values becomes a conflict with both values.
 */
import { mergeFields } from "@akrab/domain";
import type { ReconciliationView } from "#lib/components/assessment/types.ts";

export type ReconciliationPlace =
  | { kind: "proposal"; indicator: string }
  | { kind: "response"; indicator: string }
  | { kind: "report" }
  | { kind: "sign" };

export type ProposalValues = { level: number; reason: string };
export type ResponseValues = { agree: boolean; note: string };
export type ReportValues = { strengths: string; recommendations: string };

export const reconciliationRef = (place: ReconciliationPlace) =>
  place.kind === "sign" || place.kind === "report" ? place.kind : `${place.kind}:${place.indicator}`;

export function placeOfRef(ref: string): ReconciliationPlace {
  if (ref === "sign" || ref === "report") return { kind: ref };
  const at = ref.indexOf(":");
  const kind = ref.slice(0, at);
  return { kind: kind === "response" ? "response" : "proposal", indicator: ref.slice(at + 1) };
}

/** What the server holds at a place now (null fields: nothing there yet), for the caller's own answer. */
export function serverValues(view: ReconciliationView, place: ReconciliationPlace): Record<string, unknown> {
  if (place.kind === "sign") return {};
  if (place.kind === "report") return { strengths: view.strengths, recommendations: view.recommendations };
  const row = view.indicators.find((r) => r.code === place.indicator);
  if (place.kind === "proposal") return { level: row?.proposal?.level ?? null, reason: row?.proposal?.reason ?? null };
  const mine = row?.responses.find((r) => r.asesorId === view.you.asesorId);
  return { agree: mine?.agree ?? null, note: mine?.note ?? null };
}

/**
 * The change as the outbox keeps it: the values typed, each one's value on the sheet when the
 * person started (its base), and the sheet's version they saw. `from`: the sheet the form's text
 * was read from, when the form outlives reads of the sheet (the report: its text stays while the
 * sheet is read again after a proposal), so a text someone changed meanwhile is a conflict, not
 * overwritten on the version read since.
 */
export function reconciliationChange(
  view: ReconciliationView,
  assignmentId: string,
  place: ReconciliationPlace,
  values: ProposalValues | ResponseValues | ReportValues | Record<string, never>,
  text: { label: string; href: string },
  from: ReconciliationView = view,
) {
  const base = serverValues(from, place);
  return {
    kind: "reconciliation" as const,
    tenant: view.tenant.slug,
    targetId: assignmentId,
    ref: reconciliationRef(place),
    label: text.label,
    href: text.href,
    values: { ...values } as Record<string, unknown>,
    base: Object.fromEntries(Object.keys(values).map((field) => [field, base[field] ?? null])),
    expectedVersion: from.version,
  };
}

/** The change moved onto the sheet read again: what it sends, and what each field is now based on. */
type Moved = { expectedVersion: number; values: Record<string, unknown>; base: Record<string, unknown> };

export type Stale =
  /**
   * Nobody else touched the fields this device changed: send again on the sheet's new version, with
   * the sheet's value in every field the device left alone (someone else's change there stays).
   */
  | ({ kind: "resend" } & Moved)
  /** A signature on a sheet that changed since it was read: refused, the person reads it and signs again. */
  | { kind: "refused" }
  /** The sheet already holds exactly what the device sent: nothing to send. */
  | { kind: "done" }
  /**
   * Both changed a field: the person chooses, per field, and what they choose goes on the new
   * version (the other fields already moved as for `resend`).
   */
  | ({ kind: "conflict"; conflicts: { field: string; server: unknown; client: unknown }[] } & Moved);

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
  const { merged, conflicts, changed } = mergeFields(item.base, item.values, server);
  if (conflicts.length === 0 && changed.length === 0) return { kind: "done" };
  // A conflicting field keeps the device's value and first base (the person chooses); every other
  // field takes the merged value and is now based on the sheet read, so a later 409 compares anew.
  const conflicted = new Set(conflicts.map((c) => c.field));
  const fields = Object.keys(item.values);
  const moved: Moved = {
    expectedVersion: view.version,
    values: Object.fromEntries(fields.map((f) => [f, conflicted.has(f) ? item.values[f] : merged[f]])),
    base: Object.fromEntries(fields.map((f) => [f, conflicted.has(f) ? item.base[f] : (server[f] ?? null)])),
  };
  if (conflicts.length === 0) return { kind: "resend", ...moved };
  return {
    kind: "conflict",
    ...moved,
    conflicts: conflicts.map(({ field, server: s, client }) => ({ field, server: s, client })),
  };
}
