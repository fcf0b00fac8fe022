/**
 * The workflow editor's working copy: a tenant's regional part with form-friendly fields
 * (SLA as text, a stable key per row for Svelte's keyed lists), and the conversions both ways.
 * Pure, unit-tested.
 */
import { selfAssessmentRequired } from "@akrab/domain";
import type { DefinitionProblem, RegionalPart, StepActor } from "#lib/api-types.ts";

interface StepDraft {
  uid: number;
  id: string;
  labelId: string;
  labelEn: string;
  actor: StepActor;
  sla: string;
  terminal: boolean;
}

interface TransitionDraft {
  uid: number;
  action: string;
  labelId: string;
  labelEn: string;
  from: string;
  to: string;
  roles: string[];
  commentRequired: boolean;
  checklistRequired: boolean;
  /** As the tenant set it; unset, the domain's default applies (on where the LKS hands over). */
  selfAssessmentRequired?: boolean;
}

export interface PartDraft {
  start: string;
  steps: StepDraft[];
  transitions: TransitionDraft[];
}

let nextUid = 1;
export const uid = () => nextUid++;

export function toDraft(part: RegionalPart): PartDraft {
  return {
    start: part.start,
    steps: part.steps.map((s) => ({
      uid: uid(),
      id: s.id,
      labelId: s.label.id,
      labelEn: s.label.en,
      actor: s.actor,
      sla: s.slaDays === null ? "" : String(s.slaDays),
      terminal: s.terminal,
    })),
    transitions: part.transitions.map((t) => ({
      uid: uid(),
      action: t.action,
      labelId: t.label.id,
      labelEn: t.label.en,
      from: t.from,
      to: t.to,
      roles: [...t.roles],
      commentRequired: t.commentRequired,
      checklistRequired: t.checklistRequired,
      ...(t.selfAssessmentRequired === undefined ? {} : { selfAssessmentRequired: t.selfAssessmentRequired }),
    })),
  };
}

/**
 * Whether the transition needs a complete self-assessment as the editor shows it: the tenant's own
 * setting, or the domain's default from the steps it joins (a step outside the regional part is BALKS's).
 */
export function needsSelfAssessment(draft: PartDraft, transition: TransitionDraft): boolean {
  const actorOf = (id: string) => ({ actor: draft.steps.find((s) => s.id === id)?.actor ?? ("national" as const) });
  return selfAssessmentRequired(transition, actorOf(transition.from), actorOf(transition.to));
}

/** The API's shape. An SLA that is not a whole number is sent as is (NaN → the API reports it). */
export function fromDraft(draft: PartDraft): RegionalPart {
  return {
    start: draft.start,
    steps: draft.steps.map((s) => ({
      id: s.id.trim(),
      label: { id: s.labelId.trim(), en: s.labelEn.trim() },
      actor: s.actor,
      slaDays: s.sla.trim() === "" ? null : Number(s.sla),
      terminal: s.terminal,
    })),
    transitions: draft.transitions.map((t) => ({
      action: t.action.trim(),
      label: { id: t.labelId.trim(), en: t.labelEn.trim() },
      from: t.from,
      to: t.to,
      roles: t.roles as RegionalPart["transitions"][number]["roles"],
      commentRequired: t.commentRequired,
      checklistRequired: t.checklistRequired,
      ...(t.selfAssessmentRequired === undefined ? {} : { selfAssessmentRequired: t.selfAssessmentRequired }),
    })),
  } as RegionalPart;
}

export interface PlacedProblems {
  /** By step index. */
  steps: Map<number, string[]>;
  /** By transition index. */
  transitions: Map<number, string[]>;
  /** Problems of the whole definition. */
  general: string[];
}

/**
 * Puts each problem beside what it points at: the domain validator's `where` (step id,
 * transition index) and zod's error paths ("regional.steps.2.label.id", "regional.transitions.0.roles").
 */
export function placeProblems(
  draft: PartDraft,
  problems: DefinitionProblem[],
  fieldErrors: Record<string, string>,
  localize: (text: string) => string,
  /** The field's name in words ("label.id" → "Label (Bahasa Indonesia)"); a raw path is never shown. */
  fieldName: (field: string) => string | undefined = () => undefined,
): PlacedProblems {
  const out: PlacedProblems = { steps: new Map(), transitions: new Map(), general: [] };
  const add = (map: Map<number, string[]>, index: number, message: string) =>
    map.set(index, [...(map.get(index) ?? []), message]);
  for (const problem of problems) {
    const message = localize(problem.message);
    if (problem.where.transition !== undefined && problem.where.transition < draft.transitions.length)
      add(out.transitions, problem.where.transition, message);
    else if (problem.where.step !== undefined && draft.steps.some((s) => s.id === problem.where.step)) {
      draft.steps.forEach((s, i) => {
        if (s.id === problem.where.step) add(out.steps, i, message);
      });
    } else out.general.push(message);
  }
  for (const [path, raw] of Object.entries(fieldErrors)) {
    const message = localize(raw);
    const match = /^(?:regional\.)?(steps|transitions)\.(\d+)(?:\.(.+))?$/.exec(path);
    if (match) {
      // "roles.2" is the roles field; a field without a name in words shows its message alone.
      const name = match[3] ? fieldName(match[3].replace(/\.\d+$/, "")) : undefined;
      const field = name ? `${name}: ` : "";
      add(match[1] === "steps" ? out.steps : out.transitions, Number(match[2]), `${field}${message}`);
    } else out.general.push(message);
  }
  return out;
}
