/**
 * A list the API serves a page at a time (cursor pagination): the items so far, the next page's
 * cursor, whether a page is on its way, and why the last one failed. Shown by `CursorList.svelte`.
 * Only the newest request counts: a filter changed while a page was loading drops that page.
 *
 * A page whose `load` reads the first page through the device's store (`readThrough`) passes that
 * read as `first`: the list shows it (the kept page at once, the server's when it arrives) and asks
 * `fetch` only for the pages after it. Without `first`, `fetch` reads every page (`reset`, `reload`).
 */
import type { Read } from "#lib/offline/read.svelte.ts";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class CursorPages<T> {
  #firstOf: (() => Read<Page<T>> | undefined) | undefined = undefined;
  /** The first page as the page's `load` read it (null: `fetch` reads it). A new one (new filters) starts the list over. */
  #first = $derived(this.#firstOf?.() ?? null);
  // The first page `load` read: writable deriveds, so a later page, a retry or `update` writes over
  // them, and the next answer to the read (the server's after the kept one, or new filters) starts over.
  items = $derived<T[]>(this.#first?.current?.items ?? []);
  nextCursor = $derived<string | null>(this.#first?.current?.nextCursor ?? null);
  /** Why `load` has no first page: not kept on this device and no link, or not the caller's (a retry clears it). */
  failed = $derived<Read<Page<T>>["failed"]>(this.#first?.failed ?? null);
  loading = $state(false);
  error = $state<string | null>(null);

  #fetch: (cursor: string | null) => Promise<Page<T>>;
  #describe: (error: unknown) => string;
  #generation = 0;
  /** What failed last: the first page, or the page after the items shown. */
  #failedCursor: string | null = null;

  constructor(
    fetch: (cursor: string | null) => Promise<Page<T>>,
    describe: (error: unknown) => string,
    first?: () => Read<Page<T>> | undefined,
  ) {
    this.#fetch = fetch;
    this.#describe = describe;
    this.#firstOf = first;
  }

  /** From the first page again (a new filter, or `fetch` for a new query); the items shown stay until it answers. */
  reload(fetch?: (cursor: string | null) => Promise<Page<T>>): Promise<void> {
    if (fetch) this.#fetch = fetch;
    return this.#load(null);
  }

  /** From the first page, with nothing shown meanwhile (the list was for something else). */
  reset(fetch?: (cursor: string | null) => Promise<Page<T>>): Promise<void> {
    this.items = [];
    this.nextCursor = null;
    return this.reload(fetch);
  }

  more(): Promise<void> {
    return this.nextCursor && !this.loading ? this.#load(this.nextCursor) : Promise.resolve();
  }

  /** Tries again what failed (the first page, or the next one). */
  retry(): Promise<void> {
    return this.#load(this.#failedCursor);
  }

  /** Replaces the items shown (a row changed in place, e.g. a tenant activated). */
  update(change: (items: T[]) => T[]): void {
    this.items = change(this.items);
  }

  async #load(cursor: string | null): Promise<void> {
    const mine = ++this.#generation;
    // A page after the first page shown: dropped when another first page replaced it meanwhile (new
    // filters, or the server's answer after the kept one), as its rows may repeat or skip the new one's.
    const first = this.#first;
    const shown = first?.current;
    const current = () => mine === this.#generation && first === this.#first && shown === first?.current;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch(cursor);
      if (!current()) return;
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.failed = null;
    } catch (e) {
      if (!current()) return;
      this.error = this.#describe(e);
      this.#failedCursor = cursor;
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }
}
