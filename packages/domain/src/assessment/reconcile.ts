/**
 * Reconciliation (issue 13 "Reconciliation"): after the blind visit, the team's sheets are lined
 * up per indicator. Small differences are ordinary judgement and settle by a fixed rule; large ones,
 * and any difference on a safeguarding indicator, are flagged: the lead proposes a level with a
 * reason, every other member agrees or not, and all sign the sheet. The original sheets are never
 * changed (the API keeps them beside the reconciled one); the reconciled levels are what
 * `scoreAssessment` scores for the grade the decider sees.
 *
 * The rule for unflagged indicators is **the lower level**. A level is a claim that the LKS meets
 * its descriptor; when two asesors differ, only the lower claim is one both saw evidence for. An
 * accreditation is a public promise about the care of children, older people and people with
 * disabilities, so a cautious body errs low on what is uncertain and lets the LKS show more next
 * cycle. (With the default threshold of two levels and two asesors, the unflagged differences are
 * 0 or 1 level, where the lower level and the mean rounded down are the same; the rule differs only
 * if BALKS widens the threshold or the team, and then the lower one stays the cautious choice.)
 *
 * Safeguarding findings are not reconciled away: either asesor's finding stands in the reconciled
 * sheet. A finding is cleared by an investigation, not by a vote of two; an indicator where the
 * asesors' findings differ is flagged so the difference is discussed and written down.
 */
import { SAFEGUARDING_KINDS, type Answers, type SafeguardingFinding } from "../instruments/scoring.ts";
import { indicatorsOf, type Indicator, type InstrumentVersion } from "../instruments/types.ts";
import { reason, type FieldProblem, type Reason } from "./reason.ts";
import type { TeamRole } from "./team.ts";

/** One asesor's submitted sheet. */
export interface ScoreSheet {
  asesorId: string;
  name: string;
  role: TeamRole;
  answers: Answers;
}

export interface ReconcileRules {
  /** A difference of this many rubric levels (steps, not points) or more is flagged. */
  threshold: number;
  /** Any difference on an indicator marked `safeguarding` is flagged, however small. */
  safeguardingAnyDifference: boolean;
}

/** The default: two rubric levels (1 against 3 is flagged, 2 against 3 is not), any on safeguarding. */
export const DEFAULT_RECONCILE_RULES: ReconcileRules = { threshold: 2, safeguardingAnyDifference: true };

/** What is wrong with reconciliation rules BALKS is saving: a threshold of 1 to 4 levels. */
export function reconcileRulesProblems(rules: ReconcileRules): FieldProblem[] {
  if (Number.isInteger(rules.threshold) && rules.threshold >= 1 && rules.threshold <= 4) return [];
  return [
    {
      field: "threshold",
      text: {
        id: "Ambang selisih harus bilangan bulat 1 sampai 4 tingkat rubrik",
        en: "The threshold must be a whole number of rubric levels from 1 to 4",
      },
    },
  ];
}

/**
 * What is wrong with a score sheet for this instrument, field by field: a level for an indicator
 * the instrument does not have, a level its rubric does not have, a finding on an unknown
 * indicator or of an unknown kind. The API refuses such a sheet whole (problem+json), so nothing
 * downstream has to guess what a stray answer meant.
 */
export function scoreSheetProblems(instrument: InstrumentVersion, answers: Answers): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byCode = new Map(indicatorsOf(instrument).map(({ indicator }) => [indicator.code, indicator]));
  for (const [code, level] of Object.entries(answers.levels)) {
    const indicator = byCode.get(code);
    if (!indicator)
      problems.push({
        field: `levels.${code}`,
        text: { id: `Indikator ${code} tidak ada di instrumen ini`, en: `Indicator ${code} is not in this instrument` },
      });
    else if (level !== null && !indicator.levels.some((l) => l.score === level)) {
      const allowed = indicator.levels.map((l) => l.score).join(", ");
      problems.push({
        field: `levels.${code}`,
        text: {
          id: `Tingkat ${level} tidak ada di rubrik indikator ${code} (${allowed})`,
          en: `Level ${level} is not in the rubric of indicator ${code} (${allowed})`,
        },
      });
    }
  }
  answers.findings.forEach((finding, i) => {
    if (!byCode.has(finding.indicator))
      problems.push({
        field: `findings.${i}.indicator`,
        text: {
          id: `Temuan perlindungan pada indikator ${finding.indicator} yang tidak ada di instrumen ini`,
          en: `Safeguarding finding on indicator ${finding.indicator}, which is not in this instrument`,
        },
      });
    if (!(SAFEGUARDING_KINDS as readonly string[]).includes(finding.kind))
      problems.push({
        field: `findings.${i}.kind`,
        text: { id: "Jenis temuan perlindungan tidak dikenal", en: "Unknown kind of safeguarding finding" },
      });
  });
  return problems;
}

export const FLAG_CODES = ["difference", "safeguarding", "one_blank", "finding"] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** Each asesor's level on one indicator, and whether the team must settle it by hand. */
export interface LinedUpIndicator {
  code: string;
  safeguarding: boolean;
  /** Asesor id → the level's score (null: left blank or not a level of the rubric). */
  levels: Record<string, number | null>;
  /** The largest gap between two asesors' levels, in rubric steps; null when fewer than two answered. */
  spread: number | null;
  /** Empty when the indicator reconciles by the rule. */
  flags: Reason<FlagCode>[];
  /** The level the rule gives (the lower one) when not flagged; null when flagged or all blank. */
  automatic: number | null;
}

const stepOf = (indicator: Indicator, level: number | null | undefined) => {
  if (level === null || level === undefined) return null;
  const step = indicator.levels.findIndex((l) => l.score === level);
  return step < 0 ? null : step;
};

const findingKey = (f: SafeguardingFinding) => `${f.indicator}\u0000${f.kind}`;

/**
 * The team's sheets side by side, one row per indicator of the instrument in its order. Symmetric:
 * which asesor is which never changes a flag or the automatic level (only the proposal is the
 * lead's).
 */
export function lineUp(
  instrument: InstrumentVersion,
  sheets: readonly ScoreSheet[],
  rules: ReconcileRules,
): LinedUpIndicator[] {
  return indicatorsOf(instrument).map(({ indicator }) => {
    const levels: Record<string, number | null> = {};
    const steps: number[] = [];
    let blanks = 0;
    for (const sheet of sheets) {
      const step = stepOf(indicator, sheet.answers.levels[indicator.code]);
      levels[sheet.asesorId] = step === null ? null : (indicator.levels[step]?.score ?? null);
      if (step === null) blanks++;
      else steps.push(step);
    }
    const spread = steps.length >= 2 ? Math.max(...steps) - Math.min(...steps) : null;
    const flags: Reason<FlagCode>[] = [];
    if (spread !== null && spread >= rules.threshold)
      flags.push(
        reason(
          "difference",
          `Selisih ${spread} tingkat (ambang ${rules.threshold})`,
          `${spread} levels apart (threshold ${rules.threshold})`,
        ),
      );
    else if (spread !== null && spread > 0 && indicator.safeguarding && rules.safeguardingAnyDifference)
      flags.push(
        reason(
          "safeguarding",
          `Indikator perlindungan: selisih ${spread} tingkat`,
          `Safeguarding indicator: ${spread} ${spread === 1 ? "level" : "levels"} apart`,
        ),
      );
    if (blanks > 0 && steps.length > 0)
      flags.push(reason("one_blank", "Dinilai oleh sebagian asesor saja", "Scored by only some of the asesors"));
    const kinds = sheets.map((sheet) =>
      [...new Set(sheet.answers.findings.filter((f) => f.indicator === indicator.code).map(findingKey))]
        .sort()
        .join("|"),
    );
    if (new Set(kinds).size > 1)
      flags.push(
        reason(
          "finding",
          "Temuan perlindungan yang dicatat para asesor berbeda",
          "The asesors recorded different safeguarding findings",
        ),
      );
    const lowest = steps.length > 0 ? Math.min(...steps) : null;
    return {
      code: indicator.code,
      safeguarding: indicator.safeguarding,
      levels,
      spread,
      flags,
      automatic: flags.length === 0 && lowest !== null ? (indicator.levels[lowest]?.score ?? null) : null,
    };
  });
}

export interface Proposal {
  /** A level of the indicator's rubric (its score). */
  level: number;
  reason: string;
}

export interface ProposalResponse {
  agree: boolean;
  note: string;
}

export interface ReconciledIndicator extends LinedUpIndicator {
  /** The lead's proposal for a flagged indicator; null until made (and always for an unflagged one). */
  proposal: Proposal | null;
  /** Member's asesor id → their answer to the current proposal. */
  responses: Record<string, ProposalResponse>;
}

/** The reconciled sheet the team works on and signs; kept beside the blind sheets, which it never changes. */
export interface ReconciliationSheet {
  lead: string;
  /** Every team member's asesor id, the lead included, in the sheets' order. */
  team: string[];
  /** Asesor id → name, for the reasons people read. */
  names: Record<string, string>;
  indicators: ReconciledIndicator[];
  /** Every finding any asesor recorded, once each, in indicator order. */
  findings: SafeguardingFinding[];
  /** Asesor id → when they signed (ISO). */
  signatures: Record<string, string>;
}

/**
 * The sheet reconciliation starts from, once every member has submitted: lined up, nothing
 * proposed, nobody signed. Throws when the sheets do not name exactly one lead: the team is
 * checked (`teamComplete`) long before, so that is a programming error, not input.
 */
export function startReconciliation(
  instrument: InstrumentVersion,
  sheets: readonly ScoreSheet[],
  rules: ReconcileRules,
): ReconciliationSheet {
  const leads = sheets.filter((s) => s.role === "lead");
  if (leads.length !== 1 || sheets.length < 2) throw new Error("Reconciliation needs one lead and at least one member");
  const order = new Map(indicatorsOf(instrument).map(({ indicator }, i) => [indicator.code, i]));
  const findings = new Map<string, SafeguardingFinding>();
  for (const sheet of sheets)
    for (const f of sheet.answers.findings) findings.set(findingKey(f), { indicator: f.indicator, kind: f.kind });
  return {
    lead: (leads[0] as ScoreSheet).asesorId,
    team: sheets.map((s) => s.asesorId),
    names: Object.fromEntries(sheets.map((s) => [s.asesorId, s.name])),
    indicators: lineUp(instrument, sheets, rules).map((row) => ({ ...row, proposal: null, responses: {} })),
    findings: [...findings.values()].sort(
      (a, b) =>
        (order.get(a.indicator) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.indicator) ?? Number.MAX_SAFE_INTEGER) ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
    ),
    signatures: {},
  };
}

type Step = { sheet: ReconciliationSheet; problems: [] } | { sheet: null; problems: FieldProblem[] };
const refuse = (field: string, id: string, en: string): Step => ({
  sheet: null,
  problems: [{ field, text: { id, en } }],
});

/** The shortest reason a proposal may carry: "sesuai" is not a reason for changing a score. */
export const MIN_PROPOSAL_REASON = 10;

/**
 * The lead proposes a level for a flagged indicator, with a reason. A new proposal replaces the old
 * one and clears the members' answers and every signature: agreement to one level is not agreement
 * to another, and a signed sheet that changed is no longer the sheet that was signed.
 */
export function proposeLevel(
  sheet: ReconciliationSheet,
  instrument: InstrumentVersion,
  by: string,
  code: string,
  proposal: Proposal,
): Step {
  if (by !== sheet.lead)
    return refuse("asesorId", "Hanya ketua tim yang mengusulkan nilai", "Only the team lead proposes a score");
  const row = sheet.indicators.find((r) => r.code === code);
  const indicator = indicatorsOf(instrument).find(({ indicator: i }) => i.code === code)?.indicator;
  if (!row || !indicator)
    return refuse(
      "indicator",
      `Indikator ${code} tidak ada di instrumen ini`,
      `Indicator ${code} is not in this instrument`,
    );
  if (row.flags.length === 0)
    return refuse(
      "indicator",
      `Indikator ${code} tidak ditandai: nilainya ditetapkan oleh aturan (tingkat terendah)`,
      `Indicator ${code} is not flagged: the rule sets its score (the lower level)`,
    );
  if (!indicator.levels.some((l) => l.score === proposal.level))
    return refuse(
      "level",
      `Tingkat ${proposal.level} tidak ada di rubrik indikator ${code}`,
      `Level ${proposal.level} is not in the rubric of indicator ${code}`,
    );
  if (proposal.reason.trim().length < MIN_PROPOSAL_REASON)
    return refuse(
      "reason",
      `Alasan usulan wajib diisi, minimal ${MIN_PROPOSAL_REASON} karakter`,
      `The proposal needs a reason of at least ${MIN_PROPOSAL_REASON} characters`,
    );
  return {
    sheet: {
      ...sheet,
      indicators: sheet.indicators.map((r) =>
        r.code === code
          ? { ...r, proposal: { level: proposal.level, reason: proposal.reason.trim() }, responses: {} }
          : r,
      ),
      signatures: {},
    },
    problems: [],
  };
}

/**
 * A member agrees or disagrees with the lead's proposal on a flagged indicator; a disagreement
 * needs a note saying why (the lead reads it before proposing again). Any answer clears the
 * signatures, for the same reason as a new proposal.
 */
export function respondToProposal(
  sheet: ReconciliationSheet,
  by: string,
  code: string,
  response: ProposalResponse,
): Step {
  if (!sheet.team.includes(by) || by === sheet.lead)
    return refuse(
      "asesorId",
      "Hanya anggota tim (bukan ketua) yang menanggapi usulan",
      "Only a team member (not the lead) answers a proposal",
    );
  const row = sheet.indicators.find((r) => r.code === code);
  if (!row?.proposal)
    return refuse(
      "indicator",
      `Belum ada usulan untuk indikator ${code}`,
      `There is no proposal for indicator ${code}`,
    );
  if (!response.agree && response.note.trim() === "")
    return refuse("note", "Tuliskan alasan tidak setuju", "Say why you disagree");
  return {
    sheet: {
      ...sheet,
      indicators: sheet.indicators.map((r) =>
        r.code === code
          ? { ...r, responses: { ...r.responses, [by]: { agree: response.agree, note: response.note.trim() } } }
          : r,
      ),
      signatures: {},
    },
    problems: [],
  };
}

export const SIGN_OFF_CODES = ["signed_off", "no_proposal", "not_agreed", "unsigned"] as const;
export type SignOffCode = (typeof SIGN_OFF_CODES)[number];

/** What stands between the sheet and being agreed (signatures aside), one reason per indicator or member. */
function agreementGaps(sheet: ReconciliationSheet): Reason<SignOffCode>[] {
  const reasons: Reason<SignOffCode>[] = [];
  const members = sheet.team.filter((id) => id !== sheet.lead);
  for (const row of sheet.indicators) {
    if (row.flags.length === 0) continue;
    if (!row.proposal) {
      reasons.push(
        reason(
          "no_proposal",
          `Indikator ${row.code}: ketua belum mengusulkan nilai`,
          `Indicator ${row.code}: the lead has not proposed a score`,
        ),
      );
      continue;
    }
    const pending = members.filter((id) => row.responses[id]?.agree !== true);
    if (pending.length > 0) {
      const who = pending.map((id) => sheet.names[id] ?? id).join(", ");
      reasons.push(
        reason(
          "not_agreed",
          `Indikator ${row.code}: belum disetujui oleh ${who}`,
          `Indicator ${row.code}: not yet agreed by ${who}`,
        ),
      );
    }
  }
  return reasons;
}

/** A team member signs the sheet; only once every flagged indicator is agreed (one signs what is final). */
export function signSheet(sheet: ReconciliationSheet, by: string, at: string): Step {
  if (!sheet.team.includes(by))
    return refuse("asesorId", "Hanya anggota tim yang menandatangani", "Only a member of the team signs");
  const gaps = agreementGaps(sheet);
  if (gaps.length > 0) return { sheet: null, problems: gaps.map((g) => ({ field: "indicators", text: g.text })) };
  return { sheet: { ...sheet, signatures: { ...sheet.signatures, [by]: at } }, problems: [] };
}

/**
 * Whether the reconciliation is done: every flagged indicator has the lead's proposal agreed by
 * every member, and every team member signed. Only then may `record_visit`/`accredit` go on and
 * the reconciled levels be scored.
 */
export function signedOff(sheet: ReconciliationSheet): { signedOff: boolean; reasons: Reason<SignOffCode>[] } {
  const reasons = agreementGaps(sheet);
  for (const id of sheet.team)
    if (!sheet.signatures[id])
      reasons.push(
        reason(
          "unsigned",
          `Belum ditandatangani oleh ${sheet.names[id] ?? id} (${id === sheet.lead ? "ketua" : "anggota"})`,
          `Not yet signed by ${sheet.names[id] ?? id} (${id === sheet.lead ? "lead" : "member"})`,
        ),
      );
  if (reasons.length > 0) return { signedOff: false, reasons };
  return {
    signedOff: true,
    reasons: [
      reason(
        "signed_off",
        "Rekonsiliasi disetujui dan ditandatangani seluruh tim",
        "Reconciliation agreed and signed by the whole team",
      ),
    ],
  };
}

/**
 * The reconciled answers for `scoreAssessment`: the rule's level where unflagged, the agreed
 * proposal where flagged (null, i.e. blank, while not agreed, so an unfinished sheet never scores
 * as if it were), and every finding.
 */
export function reconciledAnswers(sheet: ReconciliationSheet): Answers {
  const members = sheet.team.filter((id) => id !== sheet.lead);
  const levels: Record<string, number | null> = {};
  for (const row of sheet.indicators) {
    if (row.flags.length === 0) levels[row.code] = row.automatic;
    else
      levels[row.code] =
        row.proposal && members.every((id) => row.responses[id]?.agree === true) ? row.proposal.level : null;
  }
  return { levels, findings: sheet.findings.map((f) => ({ ...f })) };
}
