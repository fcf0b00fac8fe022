// biome-ignore-all lint/style/noNonNullAssertion: every index is taken modulo its array's length; guards add only noise
/**
 * fast-check generators for the workflow property tests. Not exported from the package.
 */
import fc from "fast-check";
import { ROLES, TENANT_ROLES, type Role } from "../identity/roles.ts";
import {
  NATIONAL_INTAKE,
  NATIONAL_STEP_IDS,
  REVISION_STEP,
  composeDefinition,
  type RegionalPart,
  type StepActor,
  type WorkflowDefinition,
  type WorkflowStep,
  type WorkflowTransition,
} from "./definition.ts";

const label = { id: "Label", en: "Label" };

/** Generated ids start with a–y, so tests can add steps named `z_…` without a clash. */
const stepId = fc
  .stringMatching(/^[a-y][a-z0-9_]{0,11}$/)
  .filter((id) => !NATIONAL_STEP_IDS.has(id) && id !== REVISION_STEP);

const stepShape = fc.record({
  id: stepId,
  terminal: fc.boolean(),
  actor: fc.constantFrom<StepActor>("lks", "kabkota", "province"),
  slaDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
  /** Picks the earlier step that leads here, so every step is reachable from the start. */
  parent: fc.nat(),
  /** Picks a later step (or BALKS) this one leads to, so every step can move towards an end. */
  progress: fc.nat(),
});

const transitionShape = fc.record({
  roles: fc.subarray([...TENANT_ROLES], { minLength: 1 }),
  commentRequired: fc.boolean(),
  checklistRequired: fc.boolean(),
});

const extraEdge = fc.record({ from: fc.nat(), to: fc.nat() });

/**
 * Well-formed regional parts, built rather than filtered: steps in an order where each one is
 * entered from an earlier non-terminal step and every non-terminal step has an exit to a later
 * step or to BALKS (the last non-terminal one always forwards to BALKS), plus random extra
 * edges for loops and shortcuts. One non-terminal step is `revision`, where BALKS returns files.
 */
export const validRegionalPart: fc.Arbitrary<RegionalPart> = fc
  .record({
    shapes: fc.uniqueArray(stepShape, { selector: (s) => s.id, minLength: 1, maxLength: 8 }),
    extras: fc.array(extraEdge, { maxLength: 6 }),
    attributes: fc.array(transitionShape, { minLength: 22, maxLength: 22 }),
    revisionPick: fc.nat(),
  })
  .map(({ shapes, extras, attributes, revisionPick }) => {
    const steps: WorkflowStep[] = shapes.map((s, index) => {
      const terminal = index === 0 ? false : s.terminal;
      return { id: s.id, label, actor: s.actor, slaDays: terminal ? null : s.slaDays, terminal };
    });
    const open = steps.map((s, index) => (s.terminal ? -1 : index)).filter((index) => index >= 0);
    // Mostly not the start, which is usually a draft in practice.
    const revisionCandidates = open.length > 1 ? open.slice(1) : open;
    steps[revisionCandidates[revisionPick % revisionCandidates.length]!]!.id = REVISION_STEP;

    const edges: [number, string][] = [];
    steps.forEach((_, index) => {
      if (index === 0) return;
      const earlier = open.filter((j) => j < index);
      edges.push([earlier[shapes[index]!.parent % earlier.length]!, steps[index]!.id]);
    });
    const lastOpen = open[open.length - 1]!;
    for (const index of open) {
      const later = [...steps.slice(index + 1).map((s) => s.id), NATIONAL_INTAKE];
      edges.push([index, index === lastOpen ? NATIONAL_INTAKE : later[shapes[index]!.progress % later.length]!]);
    }
    for (const extra of extras) {
      const targets = [...steps.map((s) => s.id), NATIONAL_INTAKE];
      edges.push([open[extra.from % open.length]!, targets[extra.to % targets.length]!]);
    }

    const transitions: WorkflowTransition[] = edges.map(([from, to], index) => ({
      action: `act_${index}`,
      label,
      from: steps[from]!.id,
      to,
      ...attributes[index]!,
    }));
    return { start: steps[0]!.id, steps, transitions };
  });

/**
 * Small arbitrary definitions over four step ids, biased towards plausible ones so that both
 * well-formed and subtly broken graphs come up: now and then a duplicate id, an unknown step,
 * an odd SLA, an empty or made-up role list. For checking the validator against an oracle.
 */
export const anyDefinition: fc.Arbitrary<WorkflowDefinition> = (() => {
  const ids = ["a", "b", "c", "d"];
  const rarely = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>, odds = 12) =>
    fc.oneof({ weight: odds, arbitrary: usual }, { weight: 1, arbitrary: odd });
  const step = (id: string) =>
    fc.record({
      id: rarely(fc.constant(id), fc.constantFrom(...ids)),
      label: fc.constant(label),
      actor: fc.constantFrom<StepActor>("lks", "kabkota", "province", "national"),
      slaDays: rarely(fc.constant(null), fc.constantFrom(5, 0, 400, 2.5)),
      terminal: rarely(fc.constant(false), fc.constant(true), 2),
    });
  const roles = rarely(
    fc.subarray<Role>(["lks_operator", "dinsos_head", "asesor"], { minLength: 1 }),
    fc.constantFrom<Role[]>([], ["made_up_role" as Role]),
  );
  return fc.shuffledSubarray(ids, { minLength: 1 }).chain((chosen) => {
    const stepId = rarely(fc.constantFrom(...chosen), fc.constantFrom(...ids, "x"), 30);
    const transition = fc.record({
      action: rarely(fc.constant(""), fc.constant("go")), // "" is replaced by a name unique to the transition
      label: fc.constant(label),
      from: stepId,
      to: stepId,
      roles,
      commentRequired: fc.boolean(),
      checklistRequired: fc.boolean(),
    });
    return fc.record({
      start: rarely(fc.constant(chosen[0]!), stepId),
      steps: fc.tuple(...chosen.map(step)),
      transitions: fc
        .array(transition, { maxLength: 8 })
        .map((list) => list.map((t, index) => ({ ...t, action: t.action || `act_${index}` }))),
    });
  });
})();

/**
 * A valid composed definition with one random edit (flip a step's terminal flag, drop, add or
 * retarget a transition): graphs right at the edge of well-formed, on either side.
 */
export const editedDefinition: fc.Arbitrary<WorkflowDefinition> = fc
  .record({
    def: validRegionalPart.map(composeDefinition),
    edit: fc.constantFrom("flip_terminal", "drop_transition", "add_transition", "retarget"),
    a: fc.nat(),
    b: fc.nat(),
  })
  .map(({ def, edit, a, b }) => {
    const edited = structuredClone(def);
    const stepAt = (n: number) => edited.steps[n % edited.steps.length]!;
    const transitionAt = (n: number) => n % edited.transitions.length;
    if (edit === "flip_terminal") stepAt(a).terminal = !stepAt(a).terminal;
    if (edit === "drop_transition") edited.transitions.splice(transitionAt(a), 1);
    if (edit === "add_transition")
      edited.transitions.push({ ...edited.transitions[0]!, action: "extra", from: stepAt(a).id, to: stepAt(b).id });
    if (edit === "retarget") edited.transitions[transitionAt(a)]!.to = stepAt(b).id;
    // A terminal step has no SLA; keep that rule out of the way of the graph edits.
    for (const step of edited.steps) if (step.terminal) step.slaDays = null;
    return edited;
  });

export const someRoles = fc.subarray([...ROLES]);
