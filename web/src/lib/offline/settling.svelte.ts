import { untrack } from "svelte";

/**
 * What a page shows for a change that has just left the outbox (sent, or a conflict settled) until
 * the page has read the server's new version: the values the device sent, never the answer the
 * page had read before the change. Without it, a note read back empty for the moment between the
 * two (the self-assessment's conflict e2e caught it). One per page, fed from an effect.
 */
export class Settling<T> {
  #waiting = new Map<string, T>();
  #held = $state.raw<Record<string, T>>({});

  /** The values a place shows while its change settles; undefined when nothing is settling there. */
  of(ref: string): T | undefined {
    return this.#held[ref];
  }

  /**
   * `now`: the page's changes in the outbox, by place. Those that left since the last call are held
   * until `reread` (the page reading the server again) returns, whether or not it reached it.
   */
  follow(now: Map<string, T>, reread: () => Promise<void>) {
    const left = [...this.#waiting].filter(([ref]) => !now.has(ref));
    this.#waiting = now;
    if (left.length === 0) return;
    this.#held = { ...untrack(() => this.#held), ...Object.fromEntries(left) };
    void reread().finally(() => {
      // Only what this read settles: a newer change of the same place keeps its own.
      const settled = (ref: string, values: T) => left.some(([k, v]) => k === ref && v === values);
      this.#held = Object.fromEntries(Object.entries(this.#held).filter(([ref, values]) => !settled(ref, values)));
    });
  }
}
