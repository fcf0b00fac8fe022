import { DEFAULT_REGIONAL_PART } from "@akrab/domain";
import { describe, expect, test } from "vitest";
import { ApiError } from "./api.ts";
import {
  IdempotentAction,
  formatDuration,
  letterBody,
  letterChanged,
  letterForm,
  shortValue,
  validateLetter,
} from "./applications.ts";
import { fromDraft, needsSelfAssessment, placeProblems, toDraft } from "./workflow-editor.ts";

describe("applications helpers", () => {
  test("letter form: checks, the body the API takes, and whether it differs from the stored letter", () => {
    const stored = {
      number: "012/PAKB/2026",
      date: "2026-01-05",
      signatoryName: "Maria Suryani",
      signatoryPosition: "Ketua Yayasan",
    };
    const form = letterForm(stored);
    expect(form.summary).toBe("");
    expect(validateLetter(form, "req")).toEqual({});
    expect(letterChanged(form, stored)).toBe(false);
    expect(letterBody({ ...form, number: "  013/PAKB/2026 ", summary: "  " })).toEqual({
      ...stored,
      number: "013/PAKB/2026",
    });
    expect(letterChanged({ ...form, number: "012/PAKB/2026 " }, stored)).toBe(false);
    expect(letterChanged({ ...form, summary: "Baru" }, stored)).toBe(true);
    expect(validateLetter({ ...form, number: " ", date: "5/1/2026", signatoryName: "M" }, "req")).toEqual({
      "letter.number": "req",
      "letter.date": "req",
      "letter.signatoryName": "req",
    });
  });

  test("an idempotency key is reused after a network error only, for the same action", async () => {
    const runner = new IdempotentAction();
    const keys: string[] = [];
    const fail = (status: number) => async (headers: Record<string, string>) => {
      keys.push(headers["idempotency-key"]!);
      throw new ApiError(status, {});
    };
    await expect(runner.run("a", fail(0))).rejects.toThrow();
    await expect(runner.run("a", fail(409))).rejects.toThrow();
    await expect(runner.run("a", fail(0))).rejects.toThrow();
    await expect(runner.run("b", fail(0))).rejects.toThrow();
    expect(keys[0]).toBe(keys[1]); // retried after the dropped connection
    expect(keys[2]).not.toBe(keys[1]); // the server answered: a new action gets a new key
    expect(keys[3]).not.toBe(keys[2]); // a different action never shares a key
  });

  test("durations and values read shortly", () => {
    expect(formatDuration(3 * 86400 + 4 * 3600, "id")).toBe("3 hari 4 jam");
    expect(formatDuration(90, "en")).toBe("1 min");
    expect(formatDuration(null, "id")).toBe("—");
    expect(shortValue({ number: "12", date: "" })).toBe("number: 12");
    expect(shortValue(null)).toBe("—");
  });
});

describe("workflow editor model", () => {
  test("round-trips the regional part; SLA text becomes days or null", () => {
    const draft = toDraft(DEFAULT_REGIONAL_PART);
    expect(fromDraft(draft)).toEqual(DEFAULT_REGIONAL_PART);
    draft.steps[1]!.sla = "";
    expect(fromDraft(draft).steps[1]!.slaDays).toBeNull();
  });

  test("the self-assessment switch shows the default (on where the LKS hands over) and keeps what the tenant set", () => {
    const draft = toDraft(DEFAULT_REGIONAL_PART);
    const by = (action: string) => draft.transitions.find((t) => t.action === action)!;
    expect(needsSelfAssessment(draft, by("submit"))).toBe(true);
    expect(needsSelfAssessment(draft, by("resubmit"))).toBe(true);
    expect(needsSelfAssessment(draft, by("recommend"))).toBe(false);
    by("submit").selfAssessmentRequired = false;
    expect(needsSelfAssessment(draft, by("submit"))).toBe(false);
    const part = fromDraft(draft);
    expect(part.transitions.find((t) => t.action === "submit")?.selfAssessmentRequired).toBe(false);
    expect(toDraft(part).transitions.find((t) => t.action === "submit")?.selfAssessmentRequired).toBe(false);
    expect(part.transitions.find((t) => t.action === "resubmit")).not.toHaveProperty("selfAssessmentRequired");
  });

  test("problems land beside their step or transition; the rest are general", () => {
    const draft = toDraft(DEFAULT_REGIONAL_PART);
    const placed = placeProblems(
      draft,
      [
        { code: "dead_end", message: "Buntu / Dead end", where: { step: "province_verification" } },
        { code: "empty_roles", message: "Tanpa peran / No roles", where: { transition: 2, field: "roles" } },
        { code: "no_forward_to_balks", message: "Tidak ke BALKS / Not to BALKS", where: {} },
      ],
      {
        "regional.steps.0.label.id": "Wajib / Required",
        "regional.transitions.1.roles.0": "Peran tidak dikenal / Unknown role",
        "regional.transitions.1.unknownField": "Salah / Wrong",
      },
      (text) => text.split(" / ")[0]!,
      (field) => ({ "label.id": "Label (Bahasa Indonesia)", roles: "Peran yang boleh" })[field],
    );
    expect(placed.steps.get(3)).toEqual(["Buntu"]);
    // Named in words beside the field's row, never as a raw path.
    expect(placed.steps.get(0)).toEqual(["Label (Bahasa Indonesia): Wajib"]);
    expect(placed.transitions.get(1)).toEqual(["Peran yang boleh: Peran tidak dikenal", "Salah"]);
    expect(placed.transitions.get(2)).toEqual(["Tanpa peran"]);
    expect(placed.general).toEqual(["Tidak ke BALKS"]);
  });
});
