import { describe, expect, test } from "vitest";
import { setupState, type SetupFacts } from "./setup.ts";

const fresh: SetupFacts = {
  address: null,
  phone: "0254 200123",
  hasLogo: false,
  dinsosPeople: 1,
  openDinsosInvitations: 0,
  workflowReviewedAt: null,
  setupDismissedAt: null,
};

describe("the tenant admin's setup list", () => {
  test("a new Dinsos has every step open and sees the list", () => {
    expect(setupState(fresh)).toEqual({
      steps: [
        { id: "profile", done: false },
        { id: "colleagues", done: false },
        { id: "workflow", done: false },
      ],
      complete: false,
      dismissed: false,
      show: true,
    });
  });

  test("the profile needs an address, a phone and a logo; blank text does not count", () => {
    const profile = (facts: Partial<SetupFacts>) => setupState({ ...fresh, ...facts }).steps[0]!.done;
    expect(profile({ address: "Jl. Ki Mas Jong No. 5", hasLogo: true })).toBe(true);
    expect(profile({ address: "  ", hasLogo: true })).toBe(false);
    expect(profile({ address: "Jl. Ki Mas Jong No. 5", hasLogo: false })).toBe(false);
    expect(profile({ address: "Jl. Ki Mas Jong No. 5", phone: null, hasLogo: true })).toBe(false);
  });

  test("a colleague invited or already a member completes the colleagues step", () => {
    expect(setupState({ ...fresh, openDinsosInvitations: 1 }).steps[1]!.done).toBe(true);
    expect(setupState({ ...fresh, dinsosPeople: 2 }).steps[1]!.done).toBe(true);
  });

  test("all done: complete, and the list goes away", () => {
    const state = setupState({
      ...fresh,
      address: "Jl. Ki Mas Jong No. 5",
      hasLogo: true,
      dinsosPeople: 2,
      workflowReviewedAt: "2026-12-05T10:00:00.000Z",
    });
    expect(state.complete).toBe(true);
    expect(state.show).toBe(false);
  });

  test("hidden before it is done: not shown, still not complete", () => {
    const state = setupState({ ...fresh, setupDismissedAt: "2026-12-05T10:00:00.000Z" });
    expect(state).toMatchObject({ complete: false, dismissed: true, show: false });
  });
});
