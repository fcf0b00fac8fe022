import { describe, expect, it } from "vitest";
import {
  CYCLE_END_STEPS,
  DEFAULT_REGIONAL_PART,
  NATIONAL_INTAKE,
  NATIONAL_PART,
  NATIONAL_STEP_IDS,
  composeDefinition,
  selfAssessmentRequired,
} from "./definition.ts";
import { validateDefinition, validateRegionalPart } from "./validate.ts";

describe("the national default workflow", () => {
  it("validates clean, as a regional part and composed with BALKS's part", () => {
    expect(validateRegionalPart(DEFAULT_REGIONAL_PART)).toEqual([]);
    expect(validateDefinition(composeDefinition(DEFAULT_REGIONAL_PART))).toEqual([]);
  });

  it("starts at draft and walks kab/kota, then the province, then BALKS", () => {
    const def = composeDefinition(DEFAULT_REGIONAL_PART);
    expect(def.start).toBe("draft");
    const next = (from: string, action: string) =>
      def.transitions.find((t) => t.from === from && t.action === action)?.to;
    expect(next("draft", "submit")).toBe("kabkota_verification");
    expect(next("kabkota_verification", "recommend")).toBe("province_verification");
    expect(next("province_verification", "recommend")).toBe(NATIONAL_INTAKE);
    expect(next("admin_check", "return")).toBe("revision");
    expect(
      def.steps
        .filter((s) => s.terminal)
        .map((s) => s.id)
        .sort(),
    ).toEqual(["certified", "not_accredited", "withdrawn"]);
  });

  it("stays valid when a tenant drops the province step and recommends straight to BALKS", () => {
    const withoutProvince = {
      ...DEFAULT_REGIONAL_PART,
      steps: DEFAULT_REGIONAL_PART.steps.filter((s) => s.id !== "province_verification"),
      transitions: DEFAULT_REGIONAL_PART.transitions
        .filter((t) => t.from !== "province_verification")
        .map((t) => (t.to === "province_verification" ? { ...t, to: NATIONAL_INTAKE } : t)),
    };
    expect(validateRegionalPart(withoutProvince)).toEqual([]);
  });

  it("gives every step an Indonesian and English label and SLAs only where someone is chased", () => {
    for (const step of composeDefinition(DEFAULT_REGIONAL_PART).steps) {
      expect(step.label.id.length).toBeGreaterThan(0);
      expect(step.label.en.length).toBeGreaterThan(0);
      if (step.terminal || step.actor === "lks") expect(step.slaDays).toBeNull();
      else expect(step.slaDays).toBeGreaterThan(0);
    }
  });

  it("cannot be edited in place: tenants copy it", () => {
    expect(() => NATIONAL_PART.steps.push(NATIONAL_PART.steps[0]!)).toThrow(TypeError);
    expect(() => {
      DEFAULT_REGIONAL_PART.steps[0]!.slaDays = 3;
    }).toThrow(TypeError);
  });
});

describe("the self-assessment requirement", () => {
  const def = composeDefinition(DEFAULT_REGIONAL_PART);
  const step = (id: string) => def.steps.find((s) => s.id === id)!;
  const required = def.transitions
    .filter((t) => selfAssessmentRequired(t, step(t.from), step(t.to)))
    .map((t) => `${t.from}:${t.action}`);

  it("is on by default exactly where the LKS hands the application over", () => {
    expect(required).toEqual(["draft:submit", "revision:resubmit"]);
  });

  it("follows the transition where the tenant says so", () => {
    const lks = { actor: "lks" as const };
    const kabkota = { actor: "kabkota" as const };
    expect(selfAssessmentRequired({ selfAssessmentRequired: false }, lks, kabkota)).toBe(false);
    expect(selfAssessmentRequired({ selfAssessmentRequired: true }, kabkota, kabkota)).toBe(true);
    expect(selfAssessmentRequired({}, kabkota, lks)).toBe(false);
  });
});

describe("the steps that end a cycle", () => {
  it("are BALKS's decided steps", () => {
    expect(CYCLE_END_STEPS.every((id) => NATIONAL_STEP_IDS.has(id))).toBe(true);
    expect([...CYCLE_END_STEPS].sort()).toEqual(["accredited", "certified", "not_accredited"]);
  });
});
