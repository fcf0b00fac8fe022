import type { PreviousCycleView, SelfAssessmentView } from "@akrab/contracts";
import { instrumentOfRow, type AnswerRow, type InstrumentVersionRow, type TenantScope } from "@akrab/db";
import {
  CONFIGURABLE_DEFAULT_LABEL,
  CYCLE_END_STEPS,
  answerRefusal,
  compareCycles,
  indicatorsOf,
  levelChange,
  mergeFields,
  sameValue,
  scoreAssessment,
  selfAssessmentGaps,
  selfAssessmentProgress,
  type InstrumentVersion,
} from "@akrab/domain";
import { notFound } from "../middleware/problem/index.ts";
import type { StoredApplication } from "./applications.ts";
import { applicableVersionId, presentInstrument } from "./instruments.ts";

type AssessedOn = { row: InstrumentVersionRow; instrument: InstrumentVersion; pinned: boolean };

/**
 * The instrument an application is assessed on: the version pinned at its first submission, or
 * before that the published version that applies to its LKS's types now; null when none applies.
 */
async function findInstrument(
  scope: TenantScope,
  app: Pick<StoredApplication, "instrumentVersionId" | "lksId">,
): Promise<AssessedOn | null> {
  const id =
    app.instrumentVersionId ?? (await applicableVersionId(scope, (await scope.lks.find(app.lksId))?.types ?? []));
  const row = id ? await scope.instruments.find(id) : null;
  return row ? { row, instrument: instrumentOfRow(row), pinned: app.instrumentVersionId !== null } : null;
}

/** `findInstrument`, or a 404 when no instrument applies to the LKS yet. */
export async function instrumentForApplication(
  scope: TenantScope,
  app: Pick<StoredApplication, "instrumentVersionId" | "lksId">,
): Promise<AssessedOn> {
  const found = await findInstrument(scope, app);
  if (!found) throw notFound("Belum ada instrumen untuk jenis LKS ini / No instrument for this LKS type yet");
  return found;
}

interface EvidenceFile {
  indicator: string;
  documentId: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  linked: boolean;
}

/**
 * The answers and evidence of an application: files uploaded to an indicator's slot, and documents
 * linked to it from elsewhere (each at its newest version). Links to a code the instrument lacks are kept
 * but count for nothing.
 */
export async function selfAssessmentOf(scope: TenantScope, appId: string) {
  const [answers, links, documents] = await Promise.all([
    scope.selfAssessment.answers(appId),
    scope.selfAssessment.links(appId),
    scope.documents.documentsOfApplication(appId),
  ]);
  const uploaded = documents.flatMap((d) => (d.indicator ? [{ indicator: d.indicator, documentId: d.id }] : []));
  const wanted = [...uploaded.map((u) => u.documentId), ...links.map((l) => l.documentId)];
  const versions = await scope.documents.versionsOf([...new Set(wanted)]);
  const newest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!newest.has(v.documentId)) newest.set(v.documentId, v);
  const evidence: EvidenceFile[] = [
    ...uploaded.map((u) => ({ ...u, linked: false })),
    ...links.map((l) => ({ indicator: l.indicator, documentId: l.documentId, linked: true })),
  ].flatMap((e) => {
    const v = newest.get(e.documentId);
    return v
      ? [{ ...e, filename: v.filename, contentType: v.contentType, size: v.size, uploadedAt: v.uploadedAt }]
      : [];
  });
  const levels = Object.fromEntries(answers.map((a) => [a.indicator, a.level]));
  const evidenceCount: Record<string, number> = {};
  for (const e of evidence) evidenceCount[e.indicator] = (evidenceCount[e.indicator] ?? 0) + 1;
  return { answers, evidence, levels, evidenceCount };
}

/**
 * What keeps the application's self-assessment from being complete (empty: it may be submitted).
 * Without any instrument for its LKS there is nothing to assess against: submission then names that
 * instead (the instrument pin refuses it).
 */
export async function selfAssessmentMissing(scope: TenantScope, app: StoredApplication) {
  const found = await findInstrument(scope, app);
  if (!found) return [];
  const { levels, evidenceCount } = await selfAssessmentOf(scope, app.id);
  return selfAssessmentGaps(found.instrument, levels, evidenceCount);
}

/** The indicator codes of the application's instrument, for returns that point at indicators. */
export async function instrumentCodes(scope: TenantScope, app: StoredApplication): Promise<Set<string>> {
  const found = await findInstrument(scope, app);
  return new Set(found ? indicatorsOf(found.instrument).map(({ indicator }) => indicator.code) : []);
}

export async function presentSelfAssessment(
  scope: TenantScope,
  app: StoredApplication,
  mayEdit: boolean,
): Promise<SelfAssessmentView> {
  const { row, instrument, pinned } = await instrumentForApplication(scope, app);
  const { answers, evidence, levels, evidenceCount } = await selfAssessmentOf(scope, app.id);
  const score = scoreAssessment(instrument, instrument.gradeRules, { levels, findings: [] });
  return {
    instrument: { ...presentInstrument(row), pinned },
    answers: answers.map((a) => ({
      indicator: a.indicator,
      level: a.level,
      note: a.note,
      version: a.version,
      updatedAt: a.updatedAt,
    })),
    evidence,
    progress: selfAssessmentProgress(instrument, levels),
    missing: selfAssessmentGaps(instrument, levels, evidenceCount),
    estimate: {
      label: { id: "Perkiraan", en: "Estimate" },
      configurableDefault: CONFIGURABLE_DEFAULT_LABEL,
      total: score.total,
      outcome: score.outcome,
      grade: score.grade,
      gradeLabel: score.label,
      standards: score.standards.map((s) => ({ code: s.code, name: s.name, score: s.score })),
      reasons: score.reasons.map((r) => ({ code: r.code, blocking: r.blocking, text: r.text })),
    },
    mayEdit,
  };
}

export interface AnswerWrite {
  indicator: string;
  level: number | null;
  note: string;
  baseVersion: number;
  base?: { level?: number | null | undefined; note?: string | undefined } | undefined;
}

/** An answer to store, and the version it must still be at (0: it must not exist yet). */
interface PlannedAnswer {
  indicator: string;
  level: number | null;
  note: string;
  atVersion: number;
}

/**
 * What a set of answer writes does against the stored answers. A write based on the current version
 * applies as sent. One based on an older version merges field by field with its `base` (domain
 * `mergeFields`): fields only this device changed apply, fields both changed differently are
 * conflicts with both values; without a base it is stale, unless it asks for what is already stored (a
 * replay), which changes nothing. In a batch, problems name fields `answers.{index}.{field}` (as
 * the request's shape) and conflicts `answers[{code}].{field}`; alone, by the field's name.
 */
export function planAnswers(
  instrument: InstrumentVersion,
  stored: readonly AnswerRow[],
  writes: readonly AnswerWrite[],
  batch: boolean,
) {
  const at = (index: number, field: string) => (batch ? `answers.${index}.${field}` : field);
  const of = (code: string, field: string) => (batch ? `answers[${code}].${field}` : field);
  const current = new Map(stored.map((a) => [a.indicator, a]));
  const planned: PlannedAnswer[] = [];
  const errors: { path: string; message: string }[] = [];
  const conflicts: { field: string; server: unknown; client: unknown }[] = [];
  let stale = false;
  writes.forEach((write, index) => {
    const refusal = answerRefusal(instrument, write.indicator, write.level);
    if (refusal === "unknown_indicator")
      errors.push({
        path: at(index, "indicator"),
        message: `Indikator ${write.indicator} tidak ada di instrumen permohonan / No indicator ${write.indicator} in the application's instrument`,
      });
    if (refusal === "invalid_level")
      errors.push({
        path: at(index, "level"),
        message: `Tingkat ${write.level} tidak ada di rubrik indikator ${write.indicator} / Level ${write.level} is not in the rubric of ${write.indicator}`,
      });
    if (refusal) return;
    const row = current.get(write.indicator);
    const server = { level: row?.level ?? null, note: row?.note ?? "" };
    const version = row?.version ?? 0;
    const sent = { level: write.level, note: write.note };
    let values = sent;
    if (version !== write.baseVersion) {
      if (!write.base) {
        if (!sameValue(sent, server)) stale = true;
        return;
      }
      const merged = mergeFields(write.base, sent, server);
      for (const conflict of merged.conflicts)
        conflicts.push({
          field: of(write.indicator, conflict.field),
          server: conflict.server,
          client: conflict.client,
        });
      if (merged.conflicts.length > 0) return;
      values = merged.merged;
    }
    if (sameValue(values, server)) return;
    planned.push({ indicator: write.indicator, ...values, atVersion: version });
  });
  return { planned, errors, conflicts, stale };
}

/**
 * The LKS's previous completed cycle: its newest earlier application that reached BALKS's decision
 * with a pinned instrument (read through the caller's scope: the same LKS in a reachable tenant).
 */
export async function previousCycleApplication(scope: TenantScope, app: StoredApplication) {
  const history = await scope.applications.ofLks(app.lksId);
  return (
    history.find(
      (h) =>
        h.id !== app.id &&
        h.instrumentVersionId !== null &&
        CYCLE_END_STEPS.includes(h.step) &&
        h.createdAt < app.createdAt,
    ) ?? null
  );
}

/**
 * A re-accreditation beside the LKS's previous completed cycle (its newest earlier application
 * that reached BALKS's decision), indicator by indicator through the instruments' code map, each
 * cycle scored on its own pinned version and rules. The levels are the LKS's own in both cycles.
 * Without an earlier cycle, `previous` is null and there are no rows.
 */
export async function previousCycleOf(
  scope: TenantScope,
  app: StoredApplication,
  reconciledOf: (applicationId: string) => Promise<Record<string, number | null> | null> = async () => null,
): Promise<PreviousCycleView> {
  const previous = await previousCycleApplication(scope, app);
  const [current, previousRow] = await Promise.all([
    instrumentForApplication(scope, app),
    previous?.instrumentVersionId ? scope.instruments.find(previous.instrumentVersionId) : null,
  ]);
  const score = async (instrument: InstrumentVersion, applicationId: string) =>
    scoreAssessment(instrument, instrument.gradeRules, {
      levels: (await selfAssessmentOf(scope, applicationId)).levels,
      findings: [],
    });
  const afterResult = await score(current.instrument, app.id);
  const currentRef = { instrument: { id: current.instrument.id, name: current.instrument.name } };
  if (!previous || !previousRow)
    return {
      previous: null,
      current: currentRef,
      totals: { before: null, after: afterResult.total },
      rows: [],
      configurableDefault: CONFIGURABLE_DEFAULT_LABEL,
    };
  const before = instrumentOfRow(previousRow);
  const [beforeResult, reconciledBefore, reconciledAfter] = await Promise.all([
    score(before, previous.id),
    reconciledOf(previous.id),
    reconciledOf(app.id),
  ]);
  const shown = reconciledBefore !== null || reconciledAfter !== null;
  const levelOf = (levels: Record<string, number | null> | null, code: string | null) =>
    levels && code !== null ? (levels[code] ?? null) : null;
  const scoreOf = (s: { level: number | null; score: number | null } | null) =>
    s ? { level: s.level, score: s.score } : null;
  return {
    previous: {
      applicationId: previous.id,
      step: previous.step,
      submittedAt: previous.submittedAt,
      instrument: { id: before.id, name: before.name },
    },
    current: currentRef,
    totals: { before: beforeResult.total, after: afterResult.total },
    rows: compareCycles(
      { instrument: before, result: beforeResult },
      { instrument: current.instrument, result: afterResult },
    ).map((row) => ({
      from: row.from,
      to: row.to,
      before: scoreOf(row.before),
      after: scoreOf(row.after),
      delta: row.delta,
      reconciled: shown
        ? {
            before: levelOf(reconciledBefore, row.from),
            after: levelOf(reconciledAfter, row.to),
            change: levelChange(levelOf(reconciledBefore, row.from), levelOf(reconciledAfter, row.to)),
          }
        : null,
    })),
    configurableDefault: CONFIGURABLE_DEFAULT_LABEL,
  };
}
