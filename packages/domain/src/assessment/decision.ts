/**
 * The decision (issue 13 "The decision"): BALKS's decider records what the plenary decided on the
 * reconciled scores. The rules give a computed outcome (`scoreAssessment` on the reconciled
 * levels); the plenary may depart from it, but never silently: a departure needs a written
 * justification, so anyone reading the record later sees why the people overruled the arithmetic.
 * A safeguarding finding is the one thing no plenary overrules: accrediting over it is refused.
 * "Not accredited" is a real outcome with its reasons and what the LKS must fix to apply again.
 */
import type { ScoreResult } from "../instruments/scoring.ts";
import { GRADES, type Grade, type GradeRules } from "../instruments/types.ts";
import { addYears, isCalendarDate, type FieldProblem } from "./reason.ts";

export type AccreditationDecision =
  | { kind: "accredit"; grade: Grade; reasons: string; justification: string | null }
  | { kind: "not_accredited"; reasons: string; toFix: string[]; justification: string | null };

export interface DecisionRules {
  /** The shortest justification a departure from the computed outcome may carry, in characters. */
  minJustification: number;
  /** The fewest plenary members present for a decision to stand. */
  quorum: number;
}

/** A justification of at least two sentences' worth; a plenary of at least three (the collegial decision of comparable accreditors). */
export const DEFAULT_DECISION_RULES: DecisionRules = { minJustification: 50, quorum: 3 };

/** What the rules decided, as the decider would write it: a grade, `not_accredited`, or `incomplete` (no decision possible). */
export function computedDecision(
  outcome: Pick<ScoreResult, "outcome" | "grade">,
): Grade | "not_accredited" | "incomplete" {
  if (outcome.outcome === "graded" && outcome.grade) return outcome.grade;
  return outcome.outcome === "incomplete" ? "incomplete" : "not_accredited";
}

/** Whether the decision says something other than the rules: another grade, a grade where the rules give none, or none where they give one. */
export function departsFromComputed(
  outcome: Pick<ScoreResult, "outcome" | "grade">,
  decision: AccreditationDecision,
): boolean {
  const decided = decision.kind === "accredit" ? decision.grade : "not_accredited";
  return decided !== computedDecision(outcome);
}

const problem = (field: string, id: string, en: string): FieldProblem => ({ field, text: { id, en } });

/**
 * Everything wrong with a decision against the computed outcome, by field; empty when it may be
 * recorded. Refused outright: accrediting over a safeguarding finding, or on incomplete scores
 * (blanks the rules do not allow: nobody can know the grade). Needed: a justification of
 * `minJustification` characters for any departure; for "not accredited", its reasons and at
 * least one thing to fix before applying again.
 */
export function decisionProblems(
  outcome: Pick<ScoreResult, "outcome" | "grade" | "reasons">,
  decision: AccreditationDecision,
  rules: DecisionRules,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (decision.kind === "accredit") {
    if (!(GRADES as readonly string[]).includes(decision.grade))
      problems.push(problem("grade", "Predikat harus A, B atau C", "The grade must be A, B or C"));
    if (outcome.reasons.some((r) => r.code === "safeguarding_finding"))
      problems.push(
        problem(
          "kind",
          "Tidak dapat diakreditasi: ada temuan perlindungan, yang tidak dapat dikesampingkan oleh pleno",
          "Cannot be accredited: there is a safeguarding finding, which no plenary may set aside",
        ),
      );
    else if (outcome.outcome === "incomplete")
      problems.push(
        problem(
          "kind",
          "Tidak dapat diakreditasi: penilaian belum lengkap",
          "Cannot be accredited: the assessment is incomplete",
        ),
      );
  } else {
    if (decision.reasons.trim() === "")
      problems.push(problem("reasons", "Tuliskan alasan tidak terakreditasi", "Give the reasons for not accrediting"));
    if (!decision.toFix.some((item) => item.trim() !== ""))
      problems.push(
        problem(
          "toFix",
          "Tuliskan paling sedikit satu hal yang harus diperbaiki sebelum mengajukan kembali",
          "Name at least one thing to fix before applying again",
        ),
      );
  }
  if (departsFromComputed(outcome, decision) && (decision.justification ?? "").trim().length < rules.minJustification) {
    const computed = computedDecision(outcome);
    const said =
      computed === "not_accredited"
        ? { id: "tidak terakreditasi", en: "not accredited" }
        : computed === "incomplete"
          ? { id: "belum lengkap", en: "incomplete" }
          : { id: `predikat ${computed}`, en: `grade ${computed}` };
    problems.push(
      problem(
        "justification",
        `Keputusan berbeda dari hasil perhitungan (${said.id}): tuliskan justifikasi minimal ${rules.minJustification} karakter`,
        `The decision departs from the computed outcome (${said.en}): write a justification of at least ${rules.minJustification} characters`,
      ),
    );
  }
  return problems;
}

/**
 * The date an accreditation with `grade` decided on `decidedOn` (YYYY-MM-DD) stays valid until:
 * the same calendar date the grade's validity years later, from the instrument's grade rules (the
 * rules the application was pinned to, not today's). Null when the rules have no such grade.
 */
export function validUntil(decidedOn: string, grade: Grade, rules: Pick<GradeRules, "bands">): string | null {
  const band = rules.bands.find((b) => b.grade === grade);
  return band ? addYears(decidedOn, band.validityYears) : null;
}

export type PlenaryOutcome = { kind: "consensus" } | { kind: "vote"; for: number; against: number; abstain: number };

/** The plenary meeting that decided: when, who was there, and how it decided. */
export interface PlenaryRecord {
  /** YYYY-MM-DD (Jakarta). */
  date: string;
  /** Names of the members present. */
  members: string[];
  outcome: PlenaryOutcome;
}

/**
 * What is wrong with a plenary record, by field: a real date not after today; at least `quorum`
 * distinct members present; a vote in whole numbers that add up to the members present and that
 * carried (more for than against: a decision the plenary did not carry is not its decision).
 */
export function plenaryProblems(record: PlenaryRecord, rules: DecisionRules, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isCalendarDate(record.date))
    problems.push(problem("date", "Tanggal pleno tidak valid", "The plenary date is not a valid date"));
  else if (record.date > today)
    problems.push(
      problem("date", "Tanggal pleno tidak boleh di masa depan", "The plenary date cannot be in the future"),
    );
  const names = record.members.map((m) => m.trim().toLowerCase());
  if (names.some((n) => n === ""))
    problems.push(
      problem("members", "Nama anggota pleno tidak boleh kosong", "A plenary member's name cannot be empty"),
    );
  if (new Set(names).size !== names.length)
    problems.push(
      problem("members", "Anggota pleno tercantum lebih dari sekali", "A plenary member is listed more than once"),
    );
  if (record.members.length < rules.quorum)
    problems.push(
      problem(
        "members",
        `Pleno tidak kuorum: ${record.members.length} anggota hadir, minimal ${rules.quorum}`,
        `No quorum: ${record.members.length} members present, at least ${rules.quorum} needed`,
      ),
    );
  if (record.outcome.kind === "vote") {
    const { for: yes, against, abstain } = record.outcome;
    if (![yes, against, abstain].every((n) => Number.isInteger(n) && n >= 0))
      problems.push(
        problem("outcome", "Jumlah suara harus bilangan bulat ≥ 0", "Vote counts must be whole numbers ≥ 0"),
      );
    else if (yes + against + abstain !== record.members.length)
      problems.push(
        problem(
          "outcome",
          `Jumlah suara (${yes + against + abstain}) tidak sama dengan anggota yang hadir (${record.members.length})`,
          `The votes (${yes + against + abstain}) do not add up to the members present (${record.members.length})`,
        ),
      );
    else if (yes <= against)
      problems.push(
        problem(
          "outcome",
          `Keputusan tidak disetujui pleno: ${yes} setuju, ${against} tidak setuju`,
          `The plenary did not carry the decision: ${yes} for, ${against} against`,
        ),
      );
  }
  return problems;
}

/** What is wrong with decision rules BALKS is saving. */
export function decisionRulesProblems(rules: DecisionRules): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(rules.minJustification) || rules.minJustification < 1 || rules.minJustification > 2000)
    problems.push(
      problem(
        "minJustification",
        "Panjang minimal justifikasi harus bilangan bulat 1 sampai 2000 karakter",
        "The minimum justification must be a whole number of characters from 1 to 2000",
      ),
    );
  if (!Number.isInteger(rules.quorum) || rules.quorum < 1 || rules.quorum > 50)
    problems.push(
      problem("quorum", "Kuorum harus bilangan bulat 1 sampai 50", "The quorum must be a whole number from 1 to 50"),
    );
  return problems;
}
