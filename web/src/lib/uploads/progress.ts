/**
 * Bytes sent, speed and time left: pure functions (unit-tested), fed with tus-js-client's
 * progress callbacks and the clock.
 */

/** A smoothed transfer speed. `bytes` and `at` are the last sample. */
export interface SpeedState {
  at: number;
  bytes: number;
  /** Bytes per second, exponentially smoothed over time; 0 until there is a second sample. */
  rate: number;
  /** Milliseconds of transfer the rate is based on (an estimate from 1 s of data is not shown). */
  observed: number;
}

/** How quickly the estimate follows a change of speed (time constant, ms). */
const SPEED_TIME_CONSTANT = 8000;

/**
 * Adds a progress sample. A time-weighted moving average: on a link that stalls and bursts, the
 * estimate moves smoothly instead of jumping with every XHR progress event. Bytes going backwards
 * (a chunk lost to a drop, resumed from the server's offset) restart the baseline without a
 * negative speed; a long silence (paused, offline) restarts it too.
 */
export function nextSpeed(
  state: SpeedState | null,
  at: number,
  bytes: number,
  timeConstant = SPEED_TIME_CONSTANT,
): SpeedState {
  if (state === null || bytes < state.bytes || at - state.at > 60_000)
    return { at, bytes, rate: state?.rate ?? 0, observed: 0 };
  const dt = at - state.at;
  if (dt <= 0) return { ...state, bytes: Math.max(bytes, state.bytes) };
  // Events closer than 250 ms carry little information and make the estimate jittery: wait.
  if (dt < 250) return state;
  const instant = ((bytes - state.bytes) * 1000) / dt;
  const alpha = state.observed === 0 && state.rate === 0 ? 1 : 1 - Math.exp(-dt / timeConstant);
  return { at, bytes, rate: state.rate + alpha * (instant - state.rate), observed: state.observed + dt };
}

/** Seconds left at the smoothed rate; null while there is no trustworthy estimate. */
export function secondsLeft(remaining: number, speed: SpeedState | null, minObserved = 2000): number | null {
  if (remaining <= 0) return 0;
  if (!speed || speed.rate <= 1 || speed.observed < minObserved) return null;
  return remaining / speed.rate;
}

/**
 * A time left that does not flicker: under a minute in steps of 5 s (rounded up), then whole
 * minutes, then hours and minutes.
 */
export function roundedTimeLeft(seconds: number): { hours: number; minutes: number; seconds: number } {
  if (!Number.isFinite(seconds) || seconds <= 0) return { hours: 0, minutes: 0, seconds: 0 };
  if (seconds < 60) return { hours: 0, minutes: 0, seconds: Math.min(60, Math.max(5, Math.ceil(seconds / 5) * 5)) };
  const minutes = Math.round(seconds / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60, seconds: 0 };
}

/** Total bytes sent over total bytes of several files (finished files count in full). */
export function overall(items: ReadonlyArray<{ sent: number; total: number }>): {
  sent: number;
  total: number;
  fraction: number;
} {
  let sent = 0;
  let total = 0;
  for (const item of items) {
    total += item.total;
    sent += Math.min(item.sent, item.total);
  }
  return { sent, total, fraction: total > 0 ? sent / total : 0 };
}

/** Time left for the whole queue: bytes still to send at the combined rate of the files moving now. */
export function overallSecondsLeft(
  items: ReadonlyArray<{ sent: number; total: number; speed: SpeedState | null; active: boolean }>,
): number | null {
  let remaining = 0;
  let rate = 0;
  let trusted = false;
  for (const item of items) {
    remaining += Math.max(0, item.total - item.sent);
    if (item.active && item.speed && item.speed.rate > 1 && item.speed.observed >= 2000) {
      rate += item.speed.rate;
      trusted = true;
    }
  }
  if (remaining === 0) return 0;
  return trusted ? remaining / rate : null;
}
