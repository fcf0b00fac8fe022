import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterPageLoad } from "./after-load.ts";

/** The browser pieces `afterPageLoad` uses, in Node: a loaded document and a resource observer we drive. */
let arrive: () => void;
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("document", { readyState: "complete" });
  vi.stubGlobal("addEventListener", () => {});
  vi.stubGlobal("removeEventListener", () => {});
  vi.stubGlobal(
    "PerformanceObserver",
    class {
      constructor(callback: () => void) {
        arrive = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("afterPageLoad", () => {
  it("runs once nothing arrived for 1.5 s; every arrival (a script, an API answer) starts the wait again", () => {
    const run = vi.fn();
    afterPageLoad(run);
    vi.advanceTimersByTime(1000);
    arrive();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
    arrive();
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("a page that keeps fetching holds it back at most 15 s; cancelled, it never runs", () => {
    const run = vi.fn();
    afterPageLoad(run);
    for (let t = 0; t < 14_500; t += 500) {
      arrive();
      vi.advanceTimersByTime(500);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    afterPageLoad(cancelled)();
    vi.advanceTimersByTime(20_000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
