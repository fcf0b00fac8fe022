/**
 * Form drafts kept on this device (localStorage) so a long form survives a failed submit,
 * a reload or a closed tab on a flaky connection. Drafts never hold passwords, and are
 * removed once the server has accepted the form. Storage may be unavailable (private mode,
 * quota): then drafts silently last only as long as the page.
 */

const PREFIX = "akrab.draft.";

export interface StoredDraft<T> {
  value: T;
  savedAt: string;
}

export function loadDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft<T>;
    return parsed && typeof parsed === "object" && "value" in parsed ? parsed : null;
  } catch {
    return null;
  }
}

export function saveDraft<T>(key: string, value: T): string | null {
  const savedAt = new Date().toISOString();
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ value, savedAt } satisfies StoredDraft<T>));
    return savedAt;
  } catch {
    return null;
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing stored, nothing to clear
  }
}

/**
 * Calls `save` at most once per `ms` while changes keep coming, and once more after the last
 * change, so typing does not write to storage on every key press.
 */
export function throttled(save: () => void, ms = 600): { schedule(): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        save();
      }, ms);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      save();
    },
  };
}

/**
 * A person's own drafts: text typed for an action sent straight to the server (a decision's reasons,
 * a certificate's revocation reason, a workflow action's comment, a sign-up's rejection reason),
 * which needs the server's state at that moment and so never waits in the outbox. Kept per person
 * (`akrab.draft.u.<userId>.<place>`): another person on the same phone never sees them, and sign-out
 * removes them with everything else the person kept (an expired session does not: like unsent
 * changes, the text waits for them to sign in again).
 */
const personPrefix = (userId: string) => `${PREFIX}u.${userId}.`;
export const personDraftKey = (userId: string, place: string) => `u.${userId}.${place}`;

/** Whether `value` holds any text a person typed (a string that is not blank, at any depth). */
const hasText = (value: unknown): boolean =>
  typeof value === "string"
    ? value.trim() !== ""
    : typeof value === "object" && value !== null && Object.values(value).some(hasText);

/**
 * What a form's draft becomes now: the form's value to keep, or null to keep nothing when it is
 * what the form starts from (`start`, as JSON) or holds no text (an emptied field leaves no draft).
 */
export const draftToKeep = <T>(start: string, value: T): T | null =>
  hasText(value) && JSON.stringify(value) !== start ? value : null;

/** Removes every draft of `userId` (signed out: nothing they typed stays on the device). */
export function clearPersonDrafts(userId: string, store: Storage = localStorage): void {
  const prefix = personPrefix(userId);
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}
