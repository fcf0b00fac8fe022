import { describe, expect, it } from "vitest";
import { DEFAULT_REGIONAL_PART, composeDefinition } from "./definition.ts";
import { applyTransition, availableActions, canMoveToVersion, stepOf } from "./engine.ts";

const def = composeDefinition(DEFAULT_REGIONAL_PART);
const actions = (stepId: string, ...roles: Parameters<typeof availableActions>[2]) =>
  availableActions(def, stepId, roles).map((t) => t.action);
const done = { checklistComplete: true };

describe("availableActions", () => {
  it("offers each role what it may do in the step", () => {
    expect(actions("draft", "lks_operator")).toEqual(["submit", "withdraw"]);
    expect(actions("kabkota_verification", "dinsos_verifier")).toEqual(["return"]);
    expect(actions("kabkota_verification", "dinsos_head")).toEqual(["return", "recommend"]);
    expect(actions("kabkota_verification", "lks_operator")).toEqual([]);
    expect(actions("decision", "balks_decider")).toEqual(["accredit", "decline"]);
    expect(actions("visit", "asesor", "balks_secretariat")).toEqual(["record_visit"]);
  });

  it("offers nothing in terminal or unknown steps", () => {
    expect(actions("certified", "balks_secretariat", "platform_admin")).toEqual([]);
    expect(actions("nowhere", "dinsos_head")).toEqual([]);
  });
});

describe("applyTransition", () => {
  it("moves an application along the default path to its certificate", () => {
    const path: [string, string, Parameters<typeof applyTransition>[3]][] = [
      ["draft", "submit", { roles: ["lks_operator"], ...done }],
      ["kabkota_verification", "recommend", { roles: ["dinsos_head"], ...done }],
      ["province_verification", "recommend", { roles: ["dinsos_head"], ...done }],
      ["balks_intake", "accept", { roles: ["balks_secretariat"], ...done }],
      ["admin_check", "pass", { roles: ["balks_secretariat"], ...done }],
      ["asesor_assignment", "assign", { roles: ["balks_secretariat"], ...done }],
      ["visit", "record_visit", { roles: ["asesor"], ...done }],
      ["scoring", "submit_scores", { roles: ["asesor"], ...done }],
      ["decision", "accredit", { roles: ["balks_decider"], ...done }],
      ["accredited", "issue_certificate", { roles: ["balks_secretariat"], ...done }],
    ];
    let at = def.start;
    for (const [from, action, ctx] of path) {
      expect(at).toBe(from);
      const result = applyTransition(def, at, action, ctx);
      if (!result.ok) throw new Error(`${from} ${action}: ${result.reason}`);
      at = result.to.id;
    }
    expect(at).toBe("certified");
    expect(stepOf(def, at)?.terminal).toBe(true);
  });

  it("says why it refuses", () => {
    const verifier = { roles: ["dinsos_verifier"] as const, ...done };
    expect(applyTransition(def, "nowhere", "submit", verifier)).toEqual({ ok: false, reason: "unknown_step" });
    expect(applyTransition(def, "withdrawn", "resubmit", { roles: ["lks_operator"], ...done })).toEqual({
      ok: false,
      reason: "terminal",
    });
    expect(applyTransition(def, "kabkota_verification", "accredit", verifier)).toEqual({
      ok: false,
      reason: "unknown_action",
    });
    expect(applyTransition(def, "kabkota_verification", "recommend", verifier)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(applyTransition(def, "kabkota_verification", "return", { ...verifier, comment: "   " })).toEqual({
      ok: false,
      reason: "comment_required",
    });
    const strict = structuredClone(def);
    for (const t of strict.transitions) if (t.action === "recommend") t.checklistRequired = true;
    expect(
      applyTransition(strict, "kabkota_verification", "recommend", {
        roles: ["dinsos_head"],
        checklistComplete: false,
      }),
    ).toEqual({ ok: false, reason: "checklist_incomplete" });
    expect(
      applyTransition(strict, "kabkota_verification", "recommend", { roles: ["dinsos_head"], checklistComplete: true })
        .ok,
    ).toBe(true);
  });

  it("returns for revision with a comment, and resubmits to the verifier", () => {
    const returned = applyTransition(def, "kabkota_verification", "return", {
      roles: ["dinsos_verifier"],
      comment: "Akta notaris tidak terbaca",
      checklistComplete: false,
    });
    expect(returned.ok && returned.to.id).toBe("revision");
    const resubmitted = applyTransition(def, "revision", "resubmit", { roles: ["lks_operator"], ...done });
    expect(resubmitted.ok && resubmitted.to.id).toBe("kabkota_verification");
  });

  it("refuses a transition into a step the definition lacks, as availableActions does not offer it", () => {
    const broken = {
      ...def,
      transitions: [...def.transitions, { ...def.transitions[0]!, action: "leap", to: "nowhere" }],
    };
    expect(actions("draft", "lks_operator")).not.toContain("leap");
    expect(applyTransition(broken, "draft", "leap", { roles: ["lks_operator"], ...done })).toEqual({
      ok: false,
      reason: "unknown_step",
    });
  });
});

describe("canMoveToVersion", () => {
  it("moves an application only if its current step exists in the new version", () => {
    const next = composeDefinition({
      ...DEFAULT_REGIONAL_PART,
      steps: DEFAULT_REGIONAL_PART.steps.filter((s) => s.id !== "province_verification"),
    });
    expect(canMoveToVersion("kabkota_verification", next)).toBe(true);
    expect(canMoveToVersion("scoring", next)).toBe(true);
    expect(canMoveToVersion("province_verification", next)).toBe(false);
  });
});
