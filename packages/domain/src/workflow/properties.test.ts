import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../identity/roles.ts";
import {
  DEFAULT_REGIONAL_PART,
  NATIONAL_INTAKE,
  composeDefinition,
  type RegionalPart,
  type WorkflowDefinition,
} from "./definition.ts";
import { applyTransition, availableActions, stepOf } from "./engine.ts";
import { anyDefinition, editedDefinition, someRoles, validRegionalPart } from "./test-arbitraries.ts";
import {
  validateDefinition,
  validateRegionalPart,
  type DefinitionProblem,
  type DefinitionProblemCode,
} from "./validate.ts";

const anyValidPart = fc.oneof(validRegionalPart, fc.constant(DEFAULT_REGIONAL_PART));
const copy = (part: RegionalPart): RegionalPart => structuredClone(part);
const openSteps = (part: RegionalPart) => part.steps.filter((s) => !s.terminal);
const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

/** Independent of the validator: can a terminal step be reached from `from`? */
function reachesTerminal(def: WorkflowDefinition, from: string): boolean {
  const seen = new Set([from]);
  for (let frontier = [from]; frontier.length > 0; ) {
    frontier = def.transitions.filter((t) => frontier.includes(t.from) && !seen.has(t.to)).map((t) => t.to);
    for (const id of frontier) seen.add(id);
  }
  return def.steps.some((s) => s.terminal && seen.has(s.id));
}

/** The rules of a well-formed definition, written as plainly as possible (transitive closure). */
function wellFormed(def: WorkflowDefinition): boolean {
  const ids = def.steps.map((s) => s.id);
  if (new Set(ids).size !== ids.length || !ids.includes(def.start)) return false;
  const isTerminal = (id: string) => def.steps.find((s) => s.id === id)!.terminal;
  for (const s of def.steps) {
    if (s.slaDays !== null && (s.terminal || !Number.isInteger(s.slaDays) || s.slaDays < 1 || s.slaDays > 365))
      return false;
    if (!s.terminal && !def.transitions.some((t) => t.from === s.id)) return false;
  }
  const pairs = def.transitions.map((t) => `${t.from} ${t.action}`);
  if (new Set(pairs).size !== pairs.length) return false;
  for (const t of def.transitions) {
    if (!ids.includes(t.from) || !ids.includes(t.to) || isTerminal(t.from)) return false;
    if (t.roles.length === 0 || t.roles.some((r) => !(ROLES as readonly string[]).includes(r))) return false;
  }
  const reach = ids.map((a) => ids.map((b) => a === b || def.transitions.some((t) => t.from === a && t.to === b)));
  // Warshall's transitive closure.
  for (const k of ids.keys()) {
    for (const i of ids.keys()) for (const j of ids.keys()) reach[i]![j] ||= reach[i]![k]! && reach[k]![j]!;
  }
  const start = ids.indexOf(def.start);
  return ids.every((_, i) => reach[start]![i] && ids.some((id, j) => isTerminal(id) && reach[i]![j]));
}

describe("validation accepts exactly the well-formed graphs", () => {
  it("finds nothing wrong with generated well-formed regional parts, alone or composed", () => {
    fc.assert(
      fc.property(validRegionalPart, (part) => {
        expect(validateRegionalPart(part)).toEqual([]);
        expect(validateDefinition(composeDefinition(part))).toEqual([]);
      }),
    );
  });

  it("agrees with a plain closure-based oracle on arbitrary definitions", () => {
    // Random small graphs (mostly broken), valid ones, and valid ones with one edit (either side of the line).
    const definitions = fc.oneof(anyDefinition, validRegionalPart.map(composeDefinition), editedDefinition);
    fc.assert(
      fc.property(definitions, (def) => {
        expect(validateDefinition(def).length === 0).toBe(wellFormed(def));
      }),
      { numRuns: 600 },
    );
  });

  it("never passes a regional part whose composed definition is broken", () => {
    fc.assert(
      fc.property(anyValidPart, fc.nat(), fc.nat(), (part, from, to) => {
        // A random extra edge: harmless, or the start of a problem the regional check must see.
        const edited = copy(part);
        const ids = [...edited.steps.map((s) => s.id), NATIONAL_INTAKE, "admin_check", "certified", "nowhere"];
        edited.transitions.push({
          ...edited.transitions[0]!,
          action: "extra",
          from: pick(ids, from),
          to: pick(ids, to),
        });
        if (validateRegionalPart(edited).length === 0)
          expect(validateDefinition(composeDefinition(edited))).toEqual([]);
      }),
    );
  });
});

interface Mutation {
  /** Breaks one rule of a well-formed part; undefined when the part offers nothing to break that way. */
  apply(
    part: RegionalPart,
    n: number,
  ): { part: RegionalPart; expected: Pick<DefinitionProblem, "code" | "where"> } | undefined;
  /** True when the broken rule must be the only problem reported. */
  only: boolean;
}

const MUTATIONS: Record<string, Mutation> = {
  "drop a step someone points at": {
    only: false,
    apply(part, n) {
      const victims = part.steps.filter((s) => s.id !== part.start);
      if (victims.length === 0) return undefined;
      const victim = pick(victims, n).id;
      const edited = copy(part);
      edited.steps = edited.steps.filter((s) => s.id !== victim);
      edited.transitions = edited.transitions.filter((t) => t.from !== victim);
      const pointer = edited.transitions.findIndex((t) => t.to === victim);
      // `revision` may be pointed at only by BALKS's return, which is reported without an index.
      const where = pointer >= 0 ? { transition: pointer, field: "to" } : { field: "steps" };
      return { part: edited, expected: { code: "unknown_step", where } };
    },
  },
  "add an orphan step": {
    only: true,
    apply(part) {
      const edited = copy(part);
      edited.steps.push({
        id: "z_orphan",
        label: { id: "Yatim", en: "Orphan" },
        actor: "kabkota",
        slaDays: 3,
        terminal: false,
      });
      edited.transitions.push({ ...edited.transitions[0]!, action: "back_to_start", from: "z_orphan", to: part.start });
      return { part: edited, expected: { code: "unreachable_step", where: { step: "z_orphan" } } };
    },
  },
  "remove the only exit of a step": {
    only: false,
    apply(part, n) {
      const victim = pick(openSteps(part), n).id;
      const edited = copy(part);
      edited.transitions = edited.transitions.filter((t) => t.from !== victim);
      return { part: edited, expected: { code: "dead_end", where: { step: victim } } };
    },
  },
  "use a made-up role": {
    only: true,
    apply(part, n) {
      const edited = copy(part);
      const index = n % edited.transitions.length;
      edited.transitions[index]!.roles.push("kepala_desa" as Role);
      return { part: edited, expected: { code: "unknown_role", where: { transition: index, field: "roles" } } };
    },
  },
  "give a national role a regional action": {
    only: true,
    apply(part, n) {
      const edited = copy(part);
      const index = n % edited.transitions.length;
      edited.transitions[index]!.roles = ["balks_decider"];
      return { part: edited, expected: { code: "unknown_role", where: { transition: index, field: "roles" } } };
    },
  },
  "remove the forward to balks_intake": {
    only: false,
    apply(part) {
      const edited = copy(part);
      edited.transitions = edited.transitions.filter((t) => t.to !== NATIONAL_INTAKE);
      return { part: edited, expected: { code: "no_forward_to_balks", where: { field: "transitions" } } };
    },
  },
  "forward past intake into BALKS's part": {
    only: true,
    apply(part, n) {
      const edited = copy(part);
      edited.transitions.push({
        ...edited.transitions[0]!,
        action: "z_shortcut",
        from: pick(openSteps(part), n).id,
        to: "decision",
      });
      return {
        part: edited,
        expected: {
          code: "national_step_in_regional_part",
          where: { transition: edited.transitions.length - 1, field: "to" },
        },
      };
    },
  },
  "leave a terminal step": {
    only: true,
    apply(part, n) {
      const terminals = part.steps.filter((s) => s.terminal);
      if (terminals.length === 0) return undefined;
      const edited = copy(part);
      const from = pick(terminals, n).id;
      edited.transitions.push({ ...edited.transitions[0]!, action: "reopen", from, to: part.start });
      return {
        part: edited,
        expected: {
          code: "terminal_with_exit",
          where: { step: from, transition: edited.transitions.length - 1, field: "from" },
        },
      };
    },
  },
  "repeat an action name on a step": {
    only: true,
    apply(part, n) {
      const edited = copy(part);
      const twin = structuredClone(pick(edited.transitions, n));
      edited.transitions.push(twin);
      return {
        part: edited,
        expected: {
          code: "duplicate_action",
          where: { step: twin.from, transition: edited.transitions.length - 1, field: "action" },
        },
      };
    },
  },
  "loop with no way out": {
    only: false,
    apply(part) {
      const edited = copy(part);
      for (const id of ["z_loop_a", "z_loop_b"])
        edited.steps.push({ id, label: { id: "Putar", en: "Loop" }, actor: "province", slaDays: 2, terminal: false });
      const base = edited.transitions[0]!;
      edited.transitions.push(
        { ...base, action: "z_enter", from: part.start, to: "z_loop_a" },
        { ...base, action: "z_on", from: "z_loop_a", to: "z_loop_b" },
        { ...base, action: "z_back", from: "z_loop_b", to: "z_loop_a" },
      );
      return { part: edited, expected: { code: "no_path_to_end", where: { step: "z_loop_a" } } };
    },
  },
  "set an SLA of zero days": {
    only: true,
    apply(part, n) {
      const edited = copy(part);
      const victim = pick(openSteps(edited), n);
      victim.slaDays = 0;
      return { part: edited, expected: { code: "bad_sla", where: { step: victim.id, field: "slaDays" } } };
    },
  },
};

describe("validation reports a broken rule with its code and where", () => {
  it.each(Object.entries(MUTATIONS))("%s", (_, mutation) => {
    fc.assert(
      fc.property(anyValidPart, fc.nat(), (part, n) => {
        const mutated = mutation.apply(part, n);
        fc.pre(mutated !== undefined);
        const reported = validateRegionalPart(mutated!.part).map(({ code, where }) => ({ code, where }));
        if (mutation.only) expect(reported).toEqual([mutated!.expected]);
        else expect(reported).toContainEqual(mutated!.expected);
      }),
    );
  });

  it("reports only codes the contract names", () => {
    const codes = new Set<DefinitionProblemCode>([
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
    ]);
    fc.assert(
      fc.property(anyDefinition, (def) =>
        validateRegionalPart(def).every((p) => codes.has(p.code) && / \/ /.test(p.message)),
      ),
    );
  });
});

describe("running a valid definition", () => {
  const run = fc.record({
    part: anyValidPart,
    moves: fc.array(fc.record({ roles: someRoles, choice: fc.nat() }), { maxLength: 40 }),
  });

  it("lands only on defined steps, from each of which an end stays reachable and someone can act", () => {
    fc.assert(
      fc.property(run, ({ part, moves }) => {
        const def = composeDefinition(part);
        let at = def.start;
        for (const move of moves) {
          const offered = availableActions(def, at, move.roles);
          if (offered.length === 0) continue; // waiting for someone holding other roles
          const result = applyTransition(def, at, pick(offered, move.choice).action, {
            roles: move.roles,
            comment: "Catatan",
            checklistComplete: true,
          });
          if (!result.ok) throw new Error(`offered action refused: ${result.reason}`);
          expect(stepOf(def, result.to.id)).toBe(result.to);
          at = result.to.id;
          // Terminal, or waiting for an actor who has something to do and a way to an end.
          if (!result.to.terminal) expect(availableActions(def, at, ROLES).length).toBeGreaterThan(0);
          expect(reachesTerminal(def, at)).toBe(true);
        }
      }),
    );
  });
});

describe("applyTransition refuses exactly what availableActions does not offer", () => {
  const definitions = fc.oneof(anyValidPart.map(composeDefinition), anyDefinition, editedDefinition);

  it("for any step, roles and action name, valid definition or not", () => {
    fc.assert(
      fc.property(definitions, someRoles, fc.nat(), fc.nat(), (def, roles, stepPick, actionPick) => {
        const stepId = pick([...def.steps.map((s) => s.id), "nowhere"], stepPick);
        const action = pick([...def.transitions.map((t) => t.action), "no_such_action"], actionPick);
        const offered = availableActions(def, stepId, roles).filter((t) => t.action === action);
        const result = applyTransition(def, stepId, action, { roles, comment: "Catatan", checklistComplete: true });
        expect(result.ok).toBe(offered.length > 0);
        if (result.ok) expect(offered).toContain(result.transition);
      }),
      { numRuns: 300 },
    );
  });

  it("and of what it offers, refuses only for a missing comment or checklist", () => {
    fc.assert(
      fc.property(
        anyValidPart,
        someRoles,
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        (part, roles, stepPick, withComment, checklistComplete) => {
          const def = composeDefinition(part);
          const stepId = pick(def.steps, stepPick).id;
          for (const t of availableActions(def, stepId, roles)) {
            const result = applyTransition(def, stepId, t.action, {
              roles,
              checklistComplete,
              ...(withComment ? { comment: "Catatan" } : {}),
            });
            const expected =
              t.commentRequired && !withComment
                ? "comment_required"
                : t.checklistRequired && !checklistComplete
                  ? "checklist_incomplete"
                  : null;
            expect(result.ok ? null : result.reason).toBe(expected);
          }
        },
      ),
    );
  });
});
