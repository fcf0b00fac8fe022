import { describe, expect, it } from "vitest";
import { DEFAULT_REGIONAL_PART, NATIONAL_PART, REVISION_STEP } from "../index.ts";
import { queueableOffline } from "./queueable.ts";

describe("which workflow actions may wait on the device", () => {
  const steps = [...DEFAULT_REGIONAL_PART.steps, ...NATIONAL_PART.steps];
  const queueable = [...DEFAULT_REGIONAL_PART.transitions, ...NATIONAL_PART.transitions]
    .filter((t) => queueableOffline(t, steps.find((s) => s.id === t.from)!))
    .map((t) => `${t.from}:${t.action}`)
    .sort();

  it("in the default workflow: the LKS's submit and resubmit, and every return for revision", () => {
    expect(queueable).toEqual([
      "admin_check:return",
      "draft:submit",
      "kabkota_verification:return",
      "province_verification:return",
      `${REVISION_STEP}:resubmit`,
    ]);
  });

  it("never a withdrawal, a forward or a decision", () => {
    expect(queueableOffline({ to: "withdrawn", checklistRequired: false }, { id: "draft", actor: "lks" })).toBe(false);
    expect(
      queueableOffline(
        { to: "province_verification", checklistRequired: true },
        { id: "kabkota_verification", actor: "kabkota" },
      ),
    ).toBe(false);
    expect(
      queueableOffline({ to: "accredited", checklistRequired: false }, { id: "decision", actor: "national" }),
    ).toBe(false);
  });
});
