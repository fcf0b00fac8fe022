import { addCalendarDays, daysBetween } from "../calendar/jakarta.ts";
import type { Role } from "../identity/roles.ts";

/**
 * Supervision after a decision (issue 14): the plenary's recommendations become an improvement
 * plan whose items the LKS answers with a note and evidence, and the Dinsos (first) or BALKS
 * reviews. Deadlines follow two accreditation bodies' practice: The Joint Commission asks for
 * evidence of standards compliance within 60 days, CARF for a quality improvement plan within 90.
 * BALKS may change every number here; what an item was given is stored on the item.
 */
export interface SupervisionRules {
  /** Days to show a finding corrected (what a "not accredited" decision said to fix). */
  correctionDays: number;
  /** Days to answer a recommendation with an improvement plan. */
  planDays: number;
  /** The LKS is reminded this many days before an item is due (and again on the due day). */
  remindBeforeDays: number;
  /** Overdue this many days: the Dinsos is told. */
  escalateDinsosAfterDays: number;
  /** Overdue this many days: BALKS is told. Larger than `escalateDinsosAfterDays`. */
  escalateBalksAfterDays: number;
}

export const DEFAULT_SUPERVISION_RULES: SupervisionRules = {
  correctionDays: 60,
  planDays: 90,
  remindBeforeDays: 7,
  escalateDinsosAfterDays: 7,
  escalateBalksAfterDays: 30,
};

/** The settings' own problems (field and message), empty when they hold together. */
export function supervisionRulesProblems(
  rules: SupervisionRules,
): { field: keyof SupervisionRules; message: string }[] {
  const wrong: { field: keyof SupervisionRules; message: string }[] = [];
  const within = (field: keyof SupervisionRules, min: number, max: number) => {
    const v = rules[field];
    if (!Number.isInteger(v) || v < min || v > max)
      wrong.push({ field, message: `Bilangan bulat ${min}–${max} / A whole number ${min}–${max}` });
  };
  within("correctionDays", 1, 365);
  within("planDays", 1, 365);
  within("remindBeforeDays", 1, 60);
  within("escalateDinsosAfterDays", 1, 180);
  within("escalateBalksAfterDays", 2, 365);
  if (wrong.length === 0 && rules.escalateBalksAfterDays <= rules.escalateDinsosAfterDays)
    wrong.push({
      field: "escalateBalksAfterDays",
      message: "Harus lebih lama dari eskalasi ke Dinsos / Must be later than the escalation to the Dinsos",
    });
  return wrong;
}

/** A correction of what the decision said to fix, or a plan answering a recommendation. */
export type ImprovementKind = "correction" | "plan";

export interface PlannedItem {
  kind: ImprovementKind;
  text: string;
  dueOn: string;
}

/** At most this many items come from one decision (a plenary's text, not a spreadsheet). */
export const MAX_PLAN_ITEMS = 50;

/**
 * The recommendations as the team wrote them (one free text): one item per non-empty line, list
 * markers ("-", "•", "1.", "a)") dropped, so a numbered list becomes numbered items.
 */
export function recommendationLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^(?:[-*•·]|\(?(?:\d{1,3}|[a-zA-Z])[.)])\s*/, "")
        .trim(),
    )
    .filter((line) => line !== "");
}

/**
 * The items a decision starts: for "not accredited" first what it said to fix (corrections),
 * then every recommendation (plans), each due counted from the plenary day. Empty when there is
 * nothing to follow up: no plan is made then.
 */
export function planItemsFrom(
  decision: { toFix: readonly string[]; decidedOn: string },
  recommendations: string,
  rules: SupervisionRules = DEFAULT_SUPERVISION_RULES,
): PlannedItem[] {
  const corrections = decision.toFix
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((text) => ({
      kind: "correction" as const,
      text,
      dueOn: addCalendarDays(decision.decidedOn, rules.correctionDays),
    }));
  const plans = recommendationLines(recommendations).map((text) => ({
    kind: "plan" as const,
    text,
    dueOn: addCalendarDays(decision.decidedOn, rules.planDays),
  }));
  return [...corrections, ...plans].slice(0, MAX_PLAN_ITEMS);
}

/**
 * An item's state. `open`: waiting for the LKS; `answered`: waiting for a reviewer; `returned`:
 * the reviewer sent it back with a reason (the LKS answers again); `accepted`: closed.
 */
export const ITEM_STATES = ["open", "answered", "returned", "accepted"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export type ItemAction = "answer" | "accept" | "return";

/** Who answers: the LKS's own operators. */
export const ITEM_ANSWERERS: readonly Role[] = ["lks_operator"];
/** Who reviews: the LKS's Dinsos first; BALKS may as well (a stalled Dinsos must not stall the plan). */
export const ITEM_REVIEWERS: readonly Role[] = ["dinsos_verifier", "dinsos_head", "balks_secretariat", "balks_decider"];

const FROM: Record<ItemAction, readonly ItemState[]> = {
  answer: ["open", "returned"],
  accept: ["answered"],
  return: ["answered"],
};
const TO: Record<ItemAction, ItemState> = { answer: "answered", accept: "accepted", return: "returned" };

export type ItemRefusal = "role" | "state";

/** Where an action takes an item, or why it may not: the wrong role, or not from this state. */
export function itemTransition(
  state: ItemState,
  action: ItemAction,
  roles: readonly Role[],
): { ok: true; to: ItemState } | { ok: false; refusal: ItemRefusal } {
  const allowed = action === "answer" ? ITEM_ANSWERERS : ITEM_REVIEWERS;
  if (!roles.some((r) => allowed.includes(r))) return { ok: false, refusal: "role" };
  if (!FROM[action].includes(state)) return { ok: false, refusal: "state" };
  return { ok: true, to: TO[action] };
}

/** Closed items are accepted ones; a plan is closed when every item is. */
export const isClosed = (state: ItemState) => state === "accepted";
export const planClosed = (states: readonly ItemState[]) => states.every(isClosed);

/** Overdue: not closed and past its due day (on the due day itself it is still in time). */
export function itemOverdue(item: { state: ItemState; dueOn: string }, today: string): boolean {
  return !isClosed(item.state) && today > item.dueOn;
}

/** Whole days past due (0 when not overdue). */
export function itemDaysOverdue(item: { state: ItemState; dueOn: string }, today: string): number {
  return itemOverdue(item, today) ? daysBetween(item.dueOn, today) : 0;
}

/**
 * The reminders of an item, in order: to the LKS before the due day and on it (only while the
 * LKS owes an answer), then to the Dinsos and to BALKS once it is overdue long enough (while it is
 * not closed: an answer nobody reviews is late too).
 */
export const REMINDER_STAGES = ["before_due", "due_day", "escalated_dinsos", "escalated_balks"] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/**
 * The reminder an item has reached on `today` (the latest stage reached), or null. A job sends it
 * once per (item, stage); a day it missed is caught up by the next stage, never by a burst.
 */
export function reminderStage(
  item: { state: ItemState; dueOn: string },
  today: string,
  rules: SupervisionRules = DEFAULT_SUPERVISION_RULES,
): ReminderStage | null {
  if (isClosed(item.state)) return null;
  const late = itemDaysOverdue(item, today);
  if (late >= rules.escalateBalksAfterDays) return "escalated_balks";
  if (late >= rules.escalateDinsosAfterDays) return "escalated_dinsos";
  const waitingForLks = item.state === "open" || item.state === "returned";
  if (!waitingForLks) return null;
  if (today === item.dueOn) return "due_day";
  const ahead = daysBetween(today, item.dueOn);
  if (ahead > 0 && ahead <= rules.remindBeforeDays) return "before_due";
  return null;
}

/**
 * Evidence for an item is uploaded like any document of the application (the resumable upload),
 * to a requirement key of its own that no checklist uses: `improvement:{itemId}:{name}`, where
 * `name` (letters, digits, `-`, `_`, up to 16) lets one item hold several files. Null for any other key.
 */
const EVIDENCE_KEY = /^improvement:([A-Za-z0-9-]{1,64}):([A-Za-z0-9_-]{1,16})$/;
export function improvementEvidenceItem(requirement: string): string | null {
  return EVIDENCE_KEY.exec(requirement)?.[1] ?? null;
}
export const isImprovementEvidenceKey = (requirement: string) => requirement.startsWith("improvement:");
