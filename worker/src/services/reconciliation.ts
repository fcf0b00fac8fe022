import type { ReconciliationView } from "@akrab/contracts";
import { instrumentOfRow, type NationalScope } from "@akrab/db";
import {
  CONFIGURABLE_DEFAULT_LABEL,
  DEFAULT_RECONCILE_RULES,
  SAFEGUARDING_KIND_LABELS,
  allSubmitted,
  indicatorsOf,
  reconciledAnswers,
  scoreAssessment,
  signedOff,
  startReconciliation,
  visibleSheets,
  type FieldProblem,
  type InstrumentVersion,
  type ReconciliationSheet,
  type Role,
  type ScoreResult,
} from "@akrab/domain";
import { Problem } from "../middleware/problem/index.ts";
import type { VisitReportInput } from "./visit-report-pdf.ts";

/**
 * The rules reconciliation runs by. BALKS's switches for them are not stored yet: until they are,
 * the default applies (two rubric levels, any difference on a safeguarding indicator).
 */
const reconcileRules = () => DEFAULT_RECONCILE_RULES;

/** Where the team reconciles: the steps between the visit and the scores going to the decider. */
export const RECONCILING_STEPS: readonly string[] = ["visit", "scoring"];

/** The application a reconciliation belongs to, however it was reached (BALKS, the team, the tenant). */
export interface Place {
  application: { id: string; tenantId: string; step: string; version: number; instrumentVersionId: string | null };
  tenant: { slug: string; name: string };
  lks: { id: string; name: string };
}

type Reads = Pick<NationalScope["decisions"], "teamSheets" | "reconciliation">;
type Instruments = Pick<NationalScope["instruments"], "find">;
type TeamSheet = Awaited<ReturnType<Reads["teamSheets"]>>[number];

export interface ReconciliationState {
  instrument: InstrumentVersion;
  sheet: ReconciliationSheet;
  strengths: string;
  recommendations: string;
  /** 0 while nothing is stored: the sheet is the one lined up from the blind sheets now. */
  version: number;
  team: TeamSheet[];
}

/** The instrument the application was pinned to at its first submission. */
async function pinnedInstrument(instruments: Instruments, place: Place): Promise<InstrumentVersion> {
  const id = place.application.instrumentVersionId;
  const row = id ? await instruments.find(id) : null;
  // A state, not a hidden object: the caller reached the application, which has not been pinned yet.
  if (!row)
    throw new Problem(
      "conflict",
      "Permohonan ini belum terpasang pada instrumen penilaian / This application is not pinned to an instrument yet",
    );
  return instrumentOfRow(row);
}

/**
 * The reconciled sheet: the stored one, or before the team's first write the one lined up from the
 * submitted blind sheets (nothing is written on reading). A 409 listing who has not submitted yet
 * while the team is not all in: until then nobody may see another's levels (blind scoring).
 */
export async function reconciliationState(
  reads: Reads,
  instruments: Instruments,
  place: Place,
): Promise<ReconciliationState> {
  const [team, stored, instrument] = await Promise.all([
    reads.teamSheets(place.application.id),
    reads.reconciliation(place.application.id),
    pinnedInstrument(instruments, place),
  ]);
  const ids = team.map((m) => m.asesorId);
  const submitted = team.filter((m) => m.submittedAt !== null).map((m) => m.asesorId);
  if (!allSubmitted(ids, submitted) || team.filter((m) => m.role === "lead").length !== 1 || team.length < 2)
    throw new Problem(
      "conflict",
      "Rekonsiliasi dimulai setelah seluruh tim (satu ketua dan anggota) mengirim lembar nilainya / Reconciliation starts once the whole team (a lead and members) has submitted its sheets",
      {
        errors: team
          .filter((m) => m.submittedAt === null)
          .map((m) => ({
            path: `team.${m.asesorId}`,
            message: `${m.name}: belum mengirim lembar nilai / ${m.name}: has not submitted the score sheet`,
          })),
      },
    );
  const sheet =
    stored?.sheet ??
    startReconciliation(
      instrument,
      team.map((m) => ({
        asesorId: m.asesorId,
        name: m.name,
        role: m.role,
        answers: { levels: m.levels, findings: m.findings },
      })),
      reconcileRules(),
    );
  return {
    instrument,
    sheet,
    strengths: stored?.strengths ?? "",
    recommendations: stored?.recommendations ?? "",
    version: stored?.version ?? 0,
    team,
  };
}

/** What the rules give on the reconciled levels (blank while a flagged indicator is not agreed). */
export function reconciledResult(state: Pick<ReconciliationState, "instrument" | "sheet">): ScoreResult {
  return scoreAssessment(state.instrument, state.instrument.gradeRules, reconciledAnswers(state.sheet));
}

export function scoreSummary(result: ScoreResult) {
  return {
    total: result.total,
    outcome: result.outcome,
    grade: result.grade,
    gradeLabel: result.label,
    validityYears: result.validityYears,
    standards: result.standards.map((s) => ({ code: s.code, name: s.name, score: s.score })),
    reasons: result.reasons.map((r) => ({
      code: r.code,
      blocking: r.blocking,
      text: r.text,
      ...(r.indicators ? { indicators: r.indicators } : {}),
      ...(r.standard ? { standard: r.standard } : {}),
    })),
    configurableDefault: CONFIGURABLE_DEFAULT_LABEL,
  };
}

export const findingsOf = (sheet: ReconciliationSheet) =>
  sheet.findings.map((f) => ({ indicator: f.indicator, kind: f.kind, label: SAFEGUARDING_KIND_LABELS[f.kind] }));

/** The sheet for the screens; `asesorId` is the caller's when they are on the team (what they may do). */
export function presentReconciliation(
  place: Place,
  state: ReconciliationState,
  asesorId: string | null,
): ReconciliationView {
  const { sheet, instrument } = state;
  const reconciled = reconciledAnswers(sheet).levels;
  const where = new Map(
    indicatorsOf(instrument).map(({ standard, indicator }) => [indicator.code, { standard, indicator }]),
  );
  const verdict = signedOff(sheet);
  const open = RECONCILING_STEPS.includes(place.application.step);
  const onTeam = asesorId !== null && sheet.team.includes(asesorId);
  return {
    applicationId: place.application.id,
    tenant: { slug: place.tenant.slug, name: place.tenant.name },
    lks: { id: place.lks.id, name: place.lks.name },
    instrumentVersionId: instrument.id,
    version: state.version,
    lead: sheet.lead,
    team: sheet.team.map((id) => ({
      asesorId: id,
      name: sheet.names[id] ?? id,
      role: id === sheet.lead ? "lead" : "member",
      signedAt: sheet.signatures[id] ?? null,
    })),
    indicators: sheet.indicators.map((row) => ({
      code: row.code,
      standard: where.get(row.code)?.standard.code ?? "",
      text: where.get(row.code)?.indicator.text ?? { id: row.code, en: row.code },
      safeguarding: row.safeguarding,
      levels: sheet.team.map((id) => ({ asesorId: id, level: row.levels[id] ?? null })),
      spread: row.spread,
      flags: row.flags,
      automatic: row.automatic,
      proposal: row.proposal,
      responses: Object.entries(row.responses).map(([id, r]) => ({ asesorId: id, agree: r.agree, note: r.note })),
      reconciled: reconciled[row.code] ?? null,
    })),
    findings: findingsOf(sheet),
    strengths: state.strengths,
    recommendations: state.recommendations,
    signedOff: verdict.signedOff,
    reasons: verdict.reasons,
    result: scoreSummary(reconciledResult(state)),
    you: {
      asesorId: onTeam ? asesorId : null,
      mayPropose: open && onTeam && asesorId === sheet.lead,
      // Once a member signed, their answers are read-only: answering again would clear every signature.
      mayRespond: open && onTeam && asesorId !== sheet.lead && !sheet.signatures[asesorId as string],
      maySign: open && onTeam && !sheet.signatures[asesorId as string],
    },
  };
}

/** The domain's refusals as one problem+json naming each field (nothing is written). */
export function refused(problems: readonly FieldProblem[]): Problem {
  return new Problem(
    "validation",
    `${problems.map((p) => p.text.id).join("; ")} / ${problems.map((p) => p.text.en).join("; ")}`,
    { errors: problems.map((p) => ({ path: p.field, message: `${p.text.id} / ${p.text.en}` })) },
  );
}

/**
 * The visit report's content. Each asesor's blind levels appear only to whom the blind rule shows
 * the sheets (the team, BALKS); the Dinsos reads the reconciled levels only.
 */
export function visitReportInput(
  place: Place,
  state: ReconciliationState,
  viewer: { asesorId: string | null; roles: readonly Role[] },
  visit: { dates: string[]; companions: { name: string; position: string }[] },
): VisitReportInput {
  const { sheet, instrument } = state;
  const result = reconciledResult(state);
  const reconciled = reconciledAnswers(sheet).levels;
  const shown = visibleSheets(viewer, sheet.team, sheet.team);
  const rows = new Map(sheet.indicators.map((r) => [r.code, r]));
  const scores = new Map(result.standards.map((s) => [s.code, s.score]));
  return {
    application: { id: place.application.id, lksName: place.lks.name, tenantName: place.tenant.name },
    instrument: { id: instrument.id, name: instrument.name },
    team: sheet.team.map((id) => ({
      name: sheet.names[id] ?? id,
      role: id === sheet.lead ? "lead" : "member",
      signedAt: sheet.signatures[id] ?? null,
    })),
    blindLevelsShown: shown.length > 0,
    visitDates: visit.dates,
    companions: visit.companions,
    standards: instrument.standards.map((standard) => ({
      code: standard.code,
      name: standard.name,
      score: scores.get(standard.code) ?? null,
      indicators: standard.aspects.flatMap((aspect) =>
        aspect.indicators.map((indicator) => {
          const row = rows.get(indicator.code);
          return {
            code: indicator.code,
            text: indicator.text,
            levels: shown.length > 0 ? sheet.team.map((id) => row?.levels[id] ?? null) : [],
            reconciled: reconciled[indicator.code] ?? null,
            flagged: (row?.flags.length ?? 0) > 0,
          };
        }),
      ),
    })),
    result: {
      total: result.total,
      grade: result.grade,
      label: result.label,
      validityYears: result.validityYears,
      reasons: result.reasons.map((r) => ({ blocking: r.blocking, text: r.text })),
    },
    findings: sheet.findings.map((f) => ({ indicator: f.indicator, kind: SAFEGUARDING_KIND_LABELS[f.kind] })),
    strengths: state.strengths,
    recommendations: state.recommendations,
    configurableDefault: CONFIGURABLE_DEFAULT_LABEL,
    generatedAt: new Date().toISOString(),
  };
}

/**
 * The `submit_scores` gate: the scores go to the decider only once the team signed the reconciled
 * sheet; the refusal lists what is missing, as the domain's `signedOff` names it.
 */
export async function requireSignedOff(
  scope: { decisions: Reads; instruments: Instruments },
  app: {
    id: string;
    tenantId: string;
    tenantSlug: string;
    tenantName: string;
    lksId: string;
    lksName: string;
  } & Place["application"],
): Promise<void> {
  const place: Place = {
    application: app,
    tenant: { slug: app.tenantSlug, name: app.tenantName },
    lks: { id: app.lksId, name: app.lksName },
  };
  const state = await reconciliationState(scope.decisions, scope.instruments, place);
  const verdict = signedOff(state.sheet);
  if (verdict.signedOff) return;
  throw new Problem(
    "conflict",
    "Rekonsiliasi belum disetujui dan ditandatangani seluruh tim / The reconciliation is not yet agreed and signed by the whole team",
    {
      errors: verdict.reasons.map((r) => ({
        path: `reconciliation.${r.code}`,
        message: `${r.text.id} / ${r.text.en}`,
      })),
    },
  );
}
