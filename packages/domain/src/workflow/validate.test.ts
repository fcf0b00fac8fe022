import { describe, expect, it } from "vitest";
import type { Role } from "../identity/roles.ts";
import {
  DEFAULT_REGIONAL_PART,
  type RegionalPart,
  type WorkflowDefinition,
  type WorkflowStep,
  type WorkflowTransition,
} from "./definition.ts";
import { validateDefinition, validateRegionalPart, type DefinitionProblem } from "./validate.ts";

const label = { id: "Langkah", en: "Step" };
const step = (id: string, extra: Partial<WorkflowStep> = {}): WorkflowStep => ({
  id,
  label,
  actor: "kabkota",
  slaDays: 5,
  terminal: false,
  ...extra,
});
const end = (id: string) => step(id, { terminal: true, slaDays: null });
const go = (from: string, to: string, action = `to_${to}`, roles: Role[] = ["dinsos_head"]): WorkflowTransition => ({
  action,
  label,
  from,
  to,
  roles,
  commentRequired: false,
  checklistRequired: false,
});

/** A copy of the default the test may change. */
const editable = (): RegionalPart => structuredClone(DEFAULT_REGIONAL_PART);
const indexOf = (part: RegionalPart, from: string, action: string) =>
  part.transitions.findIndex((t) => t.from === from && t.action === action);
const summary = (problems: DefinitionProblem[]) => problems.map(({ code, where }) => ({ code, where }));

describe("validateDefinition", () => {
  const linear: WorkflowDefinition = {
    start: "a",
    steps: [step("a"), step("b"), end("c")],
    transitions: [go("a", "b"), go("b", "c")],
  };

  it("accepts a small well-formed graph", () => {
    expect(validateDefinition(linear)).toEqual([]);
  });

  it("reports a start that is not a step", () => {
    expect(summary(validateDefinition({ ...linear, start: "z" }))).toEqual([
      { code: "missing_start", where: { field: "start" } },
    ]);
  });

  it("reports a step defined twice", () => {
    expect(summary(validateDefinition({ ...linear, steps: [...linear.steps, step("b")] }))).toEqual([
      { code: "duplicate_step", where: { step: "b", field: "id" } },
    ]);
  });

  it("reports one action name used twice from one step, but not across steps", () => {
    const def = { ...linear, transitions: [...linear.transitions, go("a", "c", "to_b")] };
    expect(summary(validateDefinition(def))).toEqual([
      { code: "duplicate_action", where: { step: "a", transition: 2, field: "action" } },
    ]);
    expect(validateDefinition({ ...linear, transitions: [go("a", "b", "next"), go("b", "c", "next")] })).toEqual([]);
  });

  it("reports transitions from or to unknown steps, with the field", () => {
    const def = { ...linear, transitions: [...linear.transitions, go("b", "nowhere"), go("ghost", "c")] };
    expect(summary(validateDefinition(def))).toEqual([
      { code: "unknown_step", where: { transition: 2, field: "to" } },
      { code: "unknown_step", where: { transition: 3, field: "from" } },
    ]);
  });

  it("reports roles that do not exist and transitions nobody may take", () => {
    const def = {
      ...linear,
      transitions: [go("a", "b", "to_b", ["dinsos_head", "kepala_desa" as Role]), go("b", "c", "to_c", [])],
    };
    const problems = validateDefinition(def);
    expect(summary(problems)).toEqual([
      { code: "unknown_role", where: { transition: 0, field: "roles" } },
      { code: "empty_roles", where: { transition: 1, field: "roles" } },
    ]);
    expect(problems[0]!.message).toContain("kepala_desa");
  });

  it("reports steps the start cannot reach", () => {
    const def = {
      ...linear,
      steps: [...linear.steps, step("orphan")],
      transitions: [...linear.transitions, go("orphan", "c")],
    };
    expect(summary(validateDefinition(def))).toEqual([{ code: "unreachable_step", where: { step: "orphan" } }]);
  });

  it("reports a non-terminal step without exits, and not the steps leading to it", () => {
    const def = { ...linear, transitions: [go("a", "b")], steps: [step("a"), step("b")] };
    expect(summary(validateDefinition(def))).toEqual([{ code: "dead_end", where: { step: "b" } }]);
  });

  it("reports every step of a loop with no way to an end", () => {
    const def = { start: "a", steps: [step("a"), step("b"), end("c")], transitions: [go("a", "b"), go("b", "a")] };
    expect(summary(validateDefinition(def))).toEqual([
      { code: "unreachable_step", where: { step: "c" } },
      { code: "no_path_to_end", where: { step: "a" } },
      { code: "no_path_to_end", where: { step: "b" } },
    ]);
  });

  it("reports exits out of a terminal step", () => {
    const def = { ...linear, transitions: [...linear.transitions, go("c", "a", "reopen")] };
    expect(summary(validateDefinition(def))).toEqual([
      { code: "terminal_with_exit", where: { step: "c", transition: 2, field: "from" } },
    ]);
  });

  it("reports SLAs that are not 1–365 whole working days, or set on a terminal step", () => {
    const def = {
      ...linear,
      steps: [
        step("a", { slaDays: 0 }),
        step("b", { slaDays: 1.5 }),
        step("c", { terminal: true, slaDays: 3 }),
        step("d", { slaDays: 366 }),
      ],
    };
    def.transitions = [...linear.transitions, go("a", "d"), go("d", "c")];
    expect(summary(validateDefinition(def))).toEqual(
      ["a", "b", "c", "d"].map((id) => ({ code: "bad_sla", where: { step: id, field: "slaDays" } })),
    );
  });

  it("writes every message in Indonesian, then English", () => {
    const def = { start: "z", steps: [step("a"), step("a")], transitions: [go("a", "q", "x", [])] };
    for (const problem of validateDefinition(def)) expect(problem.message).toMatch(/^.+ \/ .+$/);
  });
});

describe("validateRegionalPart", () => {
  it("reports a regional part that never forwards to BALKS", () => {
    const part = editable();
    part.transitions[indexOf(part, "province_verification", "recommend")]!.to = "withdrawn";
    expect(summary(validateRegionalPart(part))).toEqual([
      { code: "no_forward_to_balks", where: { field: "transitions" } },
    ]);
  });

  it("reports a tenant step that takes a BALKS step's id or actor", () => {
    const part = editable();
    part.steps.push(step("admin_check"), step("local_review", { actor: "national" }));
    part.transitions.push(go("kabkota_verification", "local_review"), go("local_review", "revision"));
    expect(summary(validateRegionalPart(part))).toEqual([
      { code: "national_step_in_regional_part", where: { step: "admin_check", field: "id" } },
      { code: "national_step_in_regional_part", where: { step: "local_review", field: "actor" } },
    ]);
  });

  it("lets the regional part enter BALKS's part only at intake, and never leave from it", () => {
    const part = editable();
    part.transitions.push(go("kabkota_verification", "decision", "shortcut"), go("visit", "revision", "redo"));
    const at = part.transitions.length;
    expect(summary(validateRegionalPart(part))).toEqual([
      { code: "national_step_in_regional_part", where: { transition: at - 2, field: "to" } },
      { code: "national_step_in_regional_part", where: { transition: at - 1, field: "from" } },
    ]);
  });

  it("allows only tenant roles in a regional part", () => {
    const part = editable();
    part.transitions[0]!.roles = ["lks_operator", "asesor", "seksi_lks" as Role];
    expect(summary(validateRegionalPart(part))).toEqual([
      { code: "unknown_role", where: { transition: 0, field: "roles" } },
      { code: "unknown_role", where: { transition: 0, field: "roles" } },
    ]);
  });

  it("requires the revision step BALKS returns files to", () => {
    const part = editable();
    part.steps = part.steps.filter((s) => s.id !== "revision");
    part.transitions = part.transitions.filter((t) => t.from !== "revision");
    const returns = part.transitions.flatMap((t, index) =>
      t.to === "revision" ? [{ code: "unknown_step", where: { transition: index, field: "to" } }] : [],
    );
    const problems = validateRegionalPart(part);
    expect(summary(problems)).toEqual([...returns, { code: "unknown_step", where: { field: "steps" } }]);
    expect(problems.at(-1)!.message).toContain('"revision"');
  });

  it("reports a start that is BALKS's step, or no step at all", () => {
    expect(summary(validateRegionalPart({ ...editable(), start: "nowhere" })).map((p) => p.code)).toContain(
      "missing_start",
    );
    const fromBalks = validateRegionalPart({ ...editable(), start: "balks_intake" });
    expect(summary(fromBalks)).toContainEqual({ code: "missing_start", where: { field: "start" } });
  });

  it("checks the regional graph through BALKS: steps reachable only on BALKS's return are fine", () => {
    const part = editable();
    // Only BALKS's `return` leads to revision now; the kab/kota and province returns are gone.
    part.transitions = part.transitions.filter((t) => t.action !== "return");
    expect(validateRegionalPart(part)).toEqual([]);
  });

  it("reports unreachable and dead-end regional steps with where they are, not BALKS's steps", () => {
    const part = editable();
    part.steps.push(step("lkks_recommendation"));
    part.transitions = part.transitions.filter((t) => t.from !== "province_verification");
    expect(summary(validateRegionalPart(part))).toEqual([
      { code: "no_forward_to_balks", where: { field: "transitions" } },
      { code: "unreachable_step", where: { step: "lkks_recommendation" } },
      { code: "dead_end", where: { step: "province_verification" } },
      { code: "dead_end", where: { step: "lkks_recommendation" } },
    ]);
  });
});
