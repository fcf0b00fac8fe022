/**
 * The one way a form keeps what its person typed for an action that needs the server at that moment
 * (see `person-drafts.ts`): given back when the form opens again (after a reload, a closed tab or a
 * failed send), dropped once the server accepted the action. A form uses it in three lines:
 *
 *   const draft = new TypedDraft(() => `decision:${id}`);
 *   ({ reasons } = draft.restore({ reasons: "" }));   // when the form opens
 *   $effect(() => draft.keep({ reasons }));            // as the person types
 *   draft.clear();                                     // the server accepted it
 *
 * Offline, its send button reads `sendLabel(…)`: such an action is not queued, and says so.
 */
import { offline } from "#lib/offline/state.svelte.ts";
import { clearDraft, draftToKeep, loadDraft, personDraftKey, saveDraft } from "./person-drafts.ts";

/** The offline text, once loaded (see `needs-connection.ts`). */
let needs = $state<(() => string) | null>(null);

/**
 * The send button's text: its own online; offline, that it needs a connection (the text stays).
 * The button is disabled offline, so its own text stands in while the offline one loads.
 */
export function sendLabel(label: string): string {
  if (offline.online) return label;
  if (!needs) void import("./needs-connection.ts").then((module) => (needs = module.needsConnection));
  return needs?.() ?? label;
}

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
    this.#key = personDraftKey(offline.userId, this.#place());
    return loadDraft<T>(this.#key)?.value || start;
  }

  /** The form's values as they change (read in an `$effect`): kept until the form is back at its start. */
  keep(value: T): void {
    if (this.#start !== null) saveDraft(this.#key, draftToKeep(this.#start, value));
  }

  /** The server accepted the action (or the outbox holds it now): nothing is left to keep. */
  clear(): void {
    clearDraft(this.#key);
  }
}
