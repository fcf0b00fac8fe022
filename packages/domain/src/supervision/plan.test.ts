import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../calendar/jakarta.ts";
import { ROLES, type Role } from "../identity/roles.ts";
import {
  DEFAULT_SUPERVISION_RULES,
  ITEM_STATES,
  itemDaysOverdue,
  itemOverdue,
  improvementEvidenceItem,
  itemTransition,
  planClosed,
  planItemsFrom,
  recommendationLines,
  reminderStage,
  supervisionRulesProblems,
  type ItemAction,
  type ItemState,
} from "./plan.ts";

const day = fc.integer({ min: 0, max: 3650 }).map((n) => addCalendarDays("2025-01-01", n));
const state = fc.constantFrom(...ITEM_STATES);
const action = fc.constantFrom<ItemAction>("answer", "accept", "return");
const roles = fc.subarray([...ROLES] as Role[]);

describe("planItemsFrom", () => {
  it("makes corrections due in 60 days and plans in 90 by default, numbered lists split into items", () => {
    const items = planItemsFrom(
      { toFix: ["Perbaiki SOP pengasuhan", "  "], decidedOn: "2026-12-01" },
      "1. Latih pengasuh\n\n- Susun rencana keuangan\n• Perbarui izin",
    );
    expect(items).toEqual([
      { kind: "correction", text: "Perbaiki SOP pengasuhan", dueOn: "2027-01-30" },
      { kind: "plan", text: "Latih pengasuh", dueOn: "2027-03-01" },
      { kind: "plan", text: "Susun rencana keuangan", dueOn: "2027-03-01" },
      { kind: "plan", text: "Perbarui izin", dueOn: "2027-03-01" },
    ]);
  });

  it("follows BALKS's settings and makes nothing from empty text", () => {
    const rules = { ...DEFAULT_SUPERVISION_RULES, correctionDays: 10, planDays: 20 };
    expect(planItemsFrom({ toFix: ["a"], decidedOn: "2026-01-01" }, "b", rules).map((i) => i.dueOn)).toEqual([
      "2026-01-11",
      "2026-01-21",
    ]);
    expect(planItemsFrom({ toFix: [], decidedOn: "2026-01-01" }, " \n \n")).toEqual([]);
  });

  it("keeps text that only looks like a marker mid-line", () => {
    expect(recommendationLines("Tambah 2 pengasuh. Segera")).toEqual(["Tambah 2 pengasuh. Segera"]);
  });
});

describe("itemTransition", () => {
  it("goes open → answered → returned → answered → accepted by the right roles", () => {
    const lks: Role[] = ["lks_operator"];
    const dinsos: Role[] = ["dinsos_verifier"];
    expect(itemTransition("open", "answer", lks)).toEqual({ ok: true, to: "answered" });
    expect(itemTransition("answered", "return", dinsos)).toEqual({ ok: true, to: "returned" });
    expect(itemTransition("returned", "answer", lks)).toEqual({ ok: true, to: "answered" });
    expect(itemTransition("answered", "accept", ["balks_decider"])).toEqual({ ok: true, to: "accepted" });
  });

  it("refuses the LKS reviewing its own answer, a reviewer answering, an asesor anything", () => {
    expect(itemTransition("answered", "accept", ["lks_operator"])).toEqual({ ok: false, refusal: "role" });
    expect(itemTransition("open", "answer", ["dinsos_head"])).toEqual({ ok: false, refusal: "role" });
    for (const a of ["answer", "accept", "return"] as const)
      expect(itemTransition("answered", a, ["asesor"])).toEqual({ ok: false, refusal: "role" });
  });

  it("property: an allowed action lands in exactly one state, and only from the states it names", () => {
    const from: Record<ItemAction, ItemState[]> = {
      answer: ["open", "returned"],
      accept: ["answered"],
      return: ["answered"],
    };
    fc.assert(
      fc.property(state, action, roles, (s, a, r) => {
        const result = itemTransition(s, a, r);
        if (!result.ok) return;
        expect(ITEM_STATES.filter((x) => x === result.to)).toHaveLength(1);
        expect(from[a]).toContain(s);
        const allowed =
          a === "answer" ? ["lks_operator"] : ["dinsos_verifier", "dinsos_head", "balks_secretariat", "balks_decider"];
        expect(r.some((role) => allowed.includes(role))).toBe(true);
      }),
    );
  });

  it("property: nothing leaves accepted", () => {
    fc.assert(
      fc.property(action, roles, (a, r) => {
        expect(itemTransition("accepted", a, r).ok).toBe(false);
      }),
    );
  });
});

describe("overdue and reminders", () => {
  it("is overdue only when not closed and past its due day", () => {
    fc.assert(
      fc.property(state, day, day, (s, due, today) => {
        const item = { state: s, dueOn: due };
        expect(itemOverdue(item, today)).toBe(s !== "accepted" && today > due);
        expect(itemDaysOverdue(item, today) > 0).toBe(itemOverdue(item, today));
      }),
    );
  });

  it("reminds the LKS 7 days before and on the due day, then the Dinsos at 7 days late, BALKS at 30", () => {
    const item = { state: "open" as const, dueOn: "2027-03-01" };
    expect(reminderStage(item, "2027-02-21")).toBeNull();
    expect(reminderStage(item, "2027-02-22")).toBe("before_due");
    expect(reminderStage(item, "2027-03-01")).toBe("due_day");
    expect(reminderStage(item, "2027-03-02")).toBeNull();
    expect(reminderStage(item, "2027-03-08")).toBe("escalated_dinsos");
    expect(reminderStage(item, "2027-03-31")).toBe("escalated_balks");
    // An answer waiting for review is not the LKS's to be reminded of, but it escalates when late.
    expect(reminderStage({ ...item, state: "answered" }, "2027-03-01")).toBeNull();
    expect(reminderStage({ ...item, state: "answered" }, "2027-03-08")).toBe("escalated_dinsos");
  });

  it("property: a closed item is never reminded; an escalation only when overdue", () => {
    fc.assert(
      fc.property(state, day, day, (s, due, today) => {
        const stage = reminderStage({ state: s, dueOn: due }, today);
        if (s === "accepted") expect(stage).toBeNull();
        if (stage?.startsWith("escalated")) expect(itemOverdue({ state: s, dueOn: due }, today)).toBe(true);
        if (stage === "before_due" || stage === "due_day") expect(today <= due).toBe(true);
      }),
    );
  });

  it("a plan is closed when every item is accepted", () => {
    expect(planClosed(["accepted", "accepted"])).toBe(true);
    expect(planClosed(["accepted", "answered"])).toBe(false);
  });
});

describe("supervisionRulesProblems", () => {
  it("accepts the defaults and names a bad field", () => {
    expect(supervisionRulesProblems(DEFAULT_SUPERVISION_RULES)).toEqual([]);
    expect(supervisionRulesProblems({ ...DEFAULT_SUPERVISION_RULES, planDays: 0 })[0]?.field).toBe("planDays");
    expect(supervisionRulesProblems({ ...DEFAULT_SUPERVISION_RULES, escalateBalksAfterDays: 7 })[0]?.field).toBe(
      "escalateBalksAfterDays",
    );
  });
});

describe("improvementEvidenceItem", () => {
  it("reads the item of an evidence key and nothing else", () => {
    expect(improvementEvidenceItem("improvement:0190abcd-1234:f1")).toBe("0190abcd-1234");
    expect(improvementEvidenceItem("improvement:0190abcd-1234")).toBeNull();
    expect(improvementEvidenceItem("improvement:a:b/c")).toBeNull();
    expect(improvementEvidenceItem("akta_pendirian")).toBeNull();
  });
});
