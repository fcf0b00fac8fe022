/**
 * A list the API serves a page at a time (cursor pagination): the items so far, the next page's
 * cursor, whether a page is on its way, and why the last one failed. Shown by `CursorList.svelte`.
 * Only the newest request counts: a filter changed while a page was loading drops that page.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class CursorPages<T> {
  items = $state<T[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  #fetch: (cursor: string | null) => Promise<Page<T>>;
  #describe: (error: unknown) => string;
  #generation = 0;
  /** What failed last: the first page, or the page after the items shown. */
  #failedCursor: string | null = null;

  constructor(fetch: (cursor: string | null) => Promise<Page<T>>, describe: (error: unknown) => string) {
    this.#fetch = fetch;
    this.#describe = describe;
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

  /** Shows a first page read elsewhere (the page's `load`) without asking: a page still on its way is dropped. */
  show(page: Page<T>): void {
    this.#generation++;
    this.items = page.items;
    this.nextCursor = page.nextCursor;
    this.loading = false;
    this.error = null;
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
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch(cursor);
      if (mine !== this.#generation) return;
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (e) {
      if (mine !== this.#generation) return;
      this.error = this.#describe(e);
      this.#failedCursor = cursor;
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }
}
