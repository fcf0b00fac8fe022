import { ROLES, TENANT_ROLES, roleLabel, type Role } from "../identity/roles.ts";
import {
  NATIONAL_INTAKE,
  NATIONAL_PART,
  NATIONAL_STEP_IDS,
  type RegionalPart,
  type WorkflowDefinition,
  type WorkflowStep,
} from "./definition.ts";
import { reachableFrom } from "./graph.ts";

export const DEFINITION_PROBLEM_CODES = [
  "missing_start",
  "duplicate_step",
  "duplicate_action",
  "unknown_step",
  "unknown_role",
  "empty_roles",
  "unreachable_step",
  "dead_end",
  "no_path_to_end",
  "no_forward_to_balks",
  "national_step_in_regional_part",
  "terminal_with_exit",
  "bad_sla",
] as const;
export type DefinitionProblemCode = (typeof DEFINITION_PROBLEM_CODES)[number];

export interface DefinitionProblem {
  code: DefinitionProblemCode;
  /** "Indonesian / English", like the API's other messages. */
  message: string;
  /** `transition` is an index into the transitions of what was validated; `field` names the offending property. */
  where: { step?: string; transition?: number; field?: string };
}

export const MAX_SLA_DAYS = 365;

const problem = (
  code: DefinitionProblemCode,
  where: DefinitionProblem["where"],
  id: string,
  en: string,
): DefinitionProblem => ({
  code,
  message: `${id} / ${en}`,
  where,
});

/**
 * Every problem of a whole definition, each with where it is. A definition without problems is a
 * graph an application can always finish: every step reachable from the start, every step able to
 * reach a terminal one, every transition between known steps and takeable by a known role.
 */
export function validateDefinition(def: WorkflowDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const steps = new Map<string, WorkflowStep>();

  for (const step of def.steps) {
    if (steps.has(step.id)) {
      problems.push(
        problem(
          "duplicate_step",
          { step: step.id, field: "id" },
          `Langkah "${step.id}" didefinisikan lebih dari sekali`,
          `Step "${step.id}" is defined more than once`,
        ),
      );
      continue;
    }
    steps.set(step.id, step);
    problems.push(...slaProblems(step));
  }

  const startKnown = steps.has(def.start);
  if (!startKnown) {
    problems.push(
      problem(
        "missing_start",
        { field: "start" },
        `Langkah awal "${def.start}" tidak ada di daftar langkah`,
        `Start step "${def.start}" is not among the steps`,
      ),
    );
  }

  const actionsSeen = new Set<string>();
  def.transitions.forEach((t, index) => {
    for (const field of ["from", "to"] as const) {
      if (!steps.has(t[field])) {
        problems.push(
          problem(
            "unknown_step",
            { transition: index, field },
            `Transisi "${t.action}" merujuk langkah "${t[field]}" yang tidak ada`,
            `Transition "${t.action}" refers to unknown step "${t[field]}"`,
          ),
        );
      }
    }
    // Two transitions with one name from one step would make "do `return`" ambiguous.
    const actionKey = `${t.from}\u0000${t.action}`;
    if (actionsSeen.has(actionKey)) {
      problems.push(
        problem(
          "duplicate_action",
          { step: t.from, transition: index, field: "action" },
          `Aksi "${t.action}" sudah ada pada langkah "${t.from}"`,
          `Action "${t.action}" already exists on step "${t.from}"`,
        ),
      );
    }
    actionsSeen.add(actionKey);
    if (t.roles.length === 0) {
      problems.push(
        problem(
          "empty_roles",
          { transition: index, field: "roles" },
          `Transisi "${t.action}" tidak dapat dilakukan siapa pun: pilih minimal satu peran`,
          `Nobody may take transition "${t.action}": choose at least one role`,
        ),
      );
    }
    for (const role of t.roles) {
      if (!(ROLES as readonly string[]).includes(role)) {
        problems.push(
          problem(
            "unknown_role",
            { transition: index, field: "roles" },
            `Peran "${role}" tidak dikenal`,
            `Unknown role "${role}"`,
          ),
        );
      }
    }
    if (steps.get(t.from)?.terminal) {
      problems.push(
        problem(
          "terminal_with_exit",
          { step: t.from, transition: index, field: "from" },
          `Langkah akhir "${t.from}" tidak boleh punya transisi keluar ("${t.action}")`,
          `Terminal step "${t.from}" cannot have an outgoing transition ("${t.action}")`,
        ),
      );
    }
  });

  problems.push(...graphProblems(def, steps, startKnown));
  return problems;
}

function slaProblems(step: WorkflowStep): DefinitionProblem[] {
  const where = { step: step.id, field: "slaDays" };
  if (step.terminal && step.slaDays !== null) {
    return [
      problem(
        "bad_sla",
        where,
        `Langkah akhir "${step.id}" tidak menunggu siapa pun, jadi tidak punya SLA`,
        `Terminal step "${step.id}" waits for nobody, so it has no SLA`,
      ),
    ];
  }
  if (step.slaDays !== null && !(Number.isInteger(step.slaDays) && step.slaDays >= 1 && step.slaDays <= MAX_SLA_DAYS)) {
    return [
      problem(
        "bad_sla",
        where,
        `SLA langkah "${step.id}" harus 1–${MAX_SLA_DAYS} hari kerja (bilangan bulat) atau kosong`,
        `SLA of step "${step.id}" must be a whole number of 1–${MAX_SLA_DAYS} working days, or none`,
      ),
    ];
  }
  return [];
}

/**
 * Reachability from the start, and a way to a terminal step from everywhere. A step that cannot
 * finish only because it leads into a dead end or a broken transition is not reported again: the
 * dead end or the transition is the problem to fix, and naming every step upstream would bury it.
 */
function graphProblems(
  def: WorkflowDefinition,
  steps: ReadonlyMap<string, WorkflowStep>,
  startKnown: boolean,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const edges = def.transitions.filter((t) => steps.has(t.from) && steps.has(t.to)).map((t) => [t.from, t.to] as const);

  if (startKnown) {
    const reached = reachableFrom([def.start], edges);
    for (const id of steps.keys()) {
      if (!reached.has(id))
        problems.push(
          problem(
            "unreachable_step",
            { step: id },
            `Langkah "${id}" tidak dapat dicapai dari langkah awal`,
            `Step "${id}" cannot be reached from the start`,
          ),
        );
    }
  }

  const hasExit = new Set(def.transitions.map((t) => t.from));
  const deadEnds = [...steps.values()].filter((s) => !s.terminal && !hasExit.has(s.id)).map((s) => s.id);
  for (const id of deadEnds) {
    problems.push(
      problem(
        "dead_end",
        { step: id },
        `Langkah "${id}" bukan langkah akhir tetapi tidak punya jalan keluar`,
        `Step "${id}" is not terminal but has no way out`,
      ),
    );
  }

  const brokenExits = def.transitions.filter((t) => steps.has(t.from) && !steps.has(t.to)).map((t) => t.from);
  const terminals = [...steps.values()].filter((s) => s.terminal).map((s) => s.id);
  const canFinish = reachableFrom([...terminals, ...deadEnds, ...brokenExits], edges, "backward");
  for (const id of steps.keys()) {
    if (!canFinish.has(id))
      problems.push(
        problem(
          "no_path_to_end",
          { step: id },
          `Dari langkah "${id}" tidak ada jalan menuju langkah akhir`,
          `No path leads from step "${id}" to a terminal step`,
        ),
      );
  }
  return problems;
}

/**
 * Every problem of a tenant's regional part. Graph rules are checked on the part composed with
 * BALKS's, so a step that only finishes by going through BALKS is fine; problems inside the fixed
 * national part are consequences of regional ones (reported at their cause) and are left out.
 * `where.transition` indexes `part.transitions`.
 */
export function validateRegionalPart(part: RegionalPart): DefinitionProblem[] {
  const problems = regionalRuleProblems(part);
  // Regional steps that reuse a national id are already reported; leaving them out keeps the
  // national part intact for the graph checks.
  const composed: WorkflowDefinition = {
    start: part.start,
    steps: [...part.steps.filter((s) => !NATIONAL_STEP_IDS.has(s.id)), ...NATIONAL_PART.steps],
    transitions: [...part.transitions, ...NATIONAL_PART.transitions],
  };
  for (const found of validateDefinition(composed)) {
    const { step, transition } = found.where;
    if (transition !== undefined && transition >= part.transitions.length) {
      // BALKS's part sends applications back into the regional part (to `revision`): that step must exist.
      if (found.code === "unknown_step" && found.where.field === "to") {
        const target = NATIONAL_PART.transitions[transition - part.transitions.length]?.to;
        problems.push(
          problem(
            "unknown_step",
            { field: "steps" },
            `BALKS mengembalikan permohonan ke langkah "${target}", jadi langkah itu wajib ada`,
            `BALKS returns applications to step "${target}", so that step must exist`,
          ),
        );
      }
      continue;
    }
    if (step !== undefined && NATIONAL_STEP_IDS.has(step)) continue;
    problems.push(found);
  }
  return problems;
}

/** Rules only a regional part has: it stays out of BALKS's part except to hand over, with tenant roles. */
function regionalRuleProblems(part: RegionalPart): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (NATIONAL_STEP_IDS.has(part.start)) {
    problems.push(
      problem(
        "missing_start",
        { field: "start" },
        `Langkah awal harus langkah regional, bukan "${part.start}" milik BALKS`,
        `The start must be a regional step, not BALKS's "${part.start}"`,
      ),
    );
  }
  for (const step of part.steps) {
    if (NATIONAL_STEP_IDS.has(step.id)) {
      problems.push(
        problem(
          "national_step_in_regional_part",
          { step: step.id, field: "id" },
          `Langkah "${step.id}" milik BALKS dan tidak dapat diubah tenant`,
          `Step "${step.id}" belongs to BALKS and cannot be edited by a tenant`,
        ),
      );
    } else if (step.actor === "national") {
      problems.push(
        problem(
          "national_step_in_regional_part",
          { step: step.id, field: "actor" },
          `Langkah regional "${step.id}" tidak dapat dikerjakan BALKS`,
          `Regional step "${step.id}" cannot be acted on by BALKS`,
        ),
      );
    }
  }
  part.transitions.forEach((t, index) => {
    if (NATIONAL_STEP_IDS.has(t.from)) {
      problems.push(
        problem(
          "national_step_in_regional_part",
          { transition: index, field: "from" },
          `Transisi dari langkah BALKS "${t.from}" tidak dapat diatur tenant`,
          `Transitions out of BALKS's step "${t.from}" cannot be set by a tenant`,
        ),
      );
    }
    if (NATIONAL_STEP_IDS.has(t.to) && t.to !== NATIONAL_INTAKE) {
      problems.push(
        problem(
          "national_step_in_regional_part",
          { transition: index, field: "to" },
          `Bagian regional hanya boleh meneruskan ke "${NATIONAL_INTAKE}", bukan "${t.to}"`,
          `The regional part may only forward to "${NATIONAL_INTAKE}", not "${t.to}"`,
        ),
      );
    }
    // A tenant's workflow cannot hand its decisions to BALKS staff or asesor; made-up roles are reported by the graph checks.
    for (const role of t.roles) {
      if ((ROLES as readonly string[]).includes(role) && !(TENANT_ROLES as readonly Role[]).includes(role)) {
        problems.push(
          problem(
            "unknown_role",
            { transition: index, field: "roles" },
            `Peran "${roleLabel(role)}" bukan peran tenant dan tidak dapat dipakai di bagian regional`,
            `Role "${roleLabel(role, "en")}" is not a tenant role and cannot act in a regional part`,
          ),
        );
      }
    }
  });
  if (!part.transitions.some((t) => t.to === NATIONAL_INTAKE && !NATIONAL_STEP_IDS.has(t.from))) {
    problems.push(
      problem(
        "no_forward_to_balks",
        { field: "transitions" },
        `Bagian regional tidak pernah meneruskan permohonan ke BALKS ("${NATIONAL_INTAKE}")`,
        `The regional part never forwards applications to BALKS ("${NATIONAL_INTAKE}")`,
      ),
    );
  }
  return problems;
}
