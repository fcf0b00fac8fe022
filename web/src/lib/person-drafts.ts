/**
 * A person's own drafts: text typed for an action sent straight to the server (a decision's reasons,
 * a certificate's revocation reason, a workflow action's comment, a sign-up's rejection reason),
 * which needs the server's state at that moment and so never waits in the outbox (see
 * `typed-draft.ts`). Kept in localStorage per person (`akrab.draft.u.<userId>.<place>`): written as
 * they type (a few hundred bytes, synchronously, so nothing is lost to a closed tab) and read when
 * the form opens. Another person on the same phone never sees them, and sign-out removes them with
 * everything else the person kept (an expired session does not: like unsent changes, the text waits
 * for them to sign in again). Plain functions over a `Storage`, unit-tested.
 */
const personPrefix = (userId: string) => `akrab.draft.u.${userId}.`;
export const personDraftKey = (userId: string, place: string) => personPrefix(userId) + place;

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

/** Writes `value` under `key`, or removes the draft when there is nothing to keep. */
export function putDraft(store: Storage, key: string, value: unknown): void {
  try {
    if (value === null) store.removeItem(key);
    else store.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused (private mode): the text lasts as long as the page.
  }
}

export function getDraft<T>(store: Storage, key: string): T | null {
  try {
    return JSON.parse(store.getItem(key) ?? "null") as T | null;
  } catch {
    return null;
  }
}

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
