/**
 * The one way a form keeps what its person typed for an action that needs the server at that moment
 * (see `#lib/drafts.ts`): given back when the form opens again (after a reload, a closed tab or a
 * failed send), dropped once the server accepted the action. A form uses it in three lines:
 *
 *   const draft = new TypedDraft(() => `decision:${id}`);
 *   ({ reasons } = draft.restore({ reasons: "" }));   // when the form opens
 *   $effect(() => draft.keep({ reasons }));            // as the person types
 *   draft.clear();                                     // the server accepted it
 */
import { offline } from "#lib/offline/state.svelte.ts";
import { clearDraft, draftToKeep, loadDraft, personDraftKey, saveDraft } from "./drafts.ts";

export class TypedDraft<T> {
  #start: string | null = null;
  #key: string | null = null;
  readonly #place: () => string;

  constructor(place: () => string) {
    this.#place = place;
  }

  /** The form opens: what was typed in it before on this device, by this person, or `start`. */
  restore(start: T): T {
    this.#start = JSON.stringify(start);
    this.#key = offline.userId ? personDraftKey(offline.userId, this.#place()) : null;
    return (this.#key && loadDraft<T>(this.#key)?.value) || start;
  }

  /** The form's values as they change (read in an `$effect`): kept until the form is back at its start. */
  keep(value: T): void {
    if (this.#start === null || !this.#key) return;
    const kept = draftToKeep(this.#start, value);
    if (kept === null) clearDraft(this.#key);
    else saveDraft(this.#key, kept);
  }

  /** The server accepted the action (or the outbox holds it now): nothing is left to keep. */
  clear(): void {
    if (this.#key) clearDraft(this.#key);
  }
}
