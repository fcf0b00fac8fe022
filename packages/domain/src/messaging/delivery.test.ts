import { describe, expect, it } from "vitest";
import {
  MAX_DELIVERY_ATTEMPTS,
  RETRY_BACKOFF_SECONDS,
  afterFailedAttempt,
  canRetryMessage,
  failureReason,
  isPermanentHttpFailure,
} from "./delivery.ts";

describe("outbox delivery rules", () => {
  const now = Date.parse("2026-03-02T01:00:00Z");

  it("waits longer after each failure, then dead-letters after the last try", () => {
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) {
      const outcome = afterFailedAttempt(attempt, now);
      expect(outcome.status).toBe("failed");
      waits.push((outcome.nextAttemptAt! - now) / 1000);
    }
    expect(waits).toEqual([...RETRY_BACKOFF_SECONDS]);
    expect(waits.every((w, i) => i === 0 || w > waits[i - 1]!)).toBe(true);
    expect(afterFailedAttempt(MAX_DELIVERY_ATTEMPTS, now)).toEqual({ status: "dead", nextAttemptAt: null });
    expect(afterFailedAttempt(MAX_DELIVERY_ATTEMPTS + 3, now).status).toBe("dead");
  });

  it("dead-letters at once when the provider refuses for good", () => {
    expect(afterFailedAttempt(1, now, true)).toEqual({ status: "dead", nextAttemptAt: null });
  });

  it("retries timeouts, rate limits and server errors, not other client errors", () => {
    expect([408, 429, 500, 502, 503].map(isPermanentHttpFailure)).toEqual([false, false, false, false, false]);
    expect([400, 401, 403, 404, 422].map(isPermanentHttpFailure)).toEqual([true, true, true, true, true]);
  });

  it("lets an admin put back only failed and dead messages", () => {
    expect(canRetryMessage("failed")).toBe(true);
    expect(canRetryMessage("dead")).toBe(true);
    expect(canRetryMessage("pending")).toBe(false);
    expect(canRetryMessage("sending")).toBe(false);
    expect(canRetryMessage("sent")).toBe(false);
  });

  it("keeps a provider's reason on one bounded line", () => {
    expect(failureReason("  upstream\n  timed out ")).toBe("upstream timed out");
    expect(failureReason("")).toBe("unknown error");
    expect(failureReason("x".repeat(2000))).toHaveLength(500);
  });
});
