/**
 * The one way a form keeps what was typed in it on this device (localStorage), so the text survives a
 * failed submit, a reload or a closed tab on a flaky connection; removed once the server accepted it.
 * Drafts never hold passwords. Storage may be unavailable (private mode, quota): then a draft lasts as
 * long as the page.
 *
 * Signed in, a draft is the person's own (`akrab.draft.u.<userId>.<place>`): the long forms (LKS
 * profile, application letter) and the typed reasons of actions sent straight to the server (see
 * `typed-draft.svelte.ts`). Another person on the same phone never sees it, and sign-out removes it with
 * everything else the person kept (an expired session does not: like unsent changes, the text waits for
 * them to sign in again).
 *
 * Signed out, the public sign-up forms keep an anonymous draft (`signUpDraftKey`): nobody is known yet
 * to keep it for, it holds only what that form asks (never a password), and the person finishing the
 * sign-up on their own phone after a dropped connection is the case it serves. Sign-out does not touch
 * it: it was never any signed-in person's. Plain functions over a `Storage`, unit-tested.
 */
const PREFIX = "akrab.draft.";
const personPrefix = (userId: string) => `${PREFIX}u.${userId}.`;

/** A signed-in person's draft of `place`; null while nobody is known (then nothing is kept). */
export const personDraftKey = (userId: string | null, place: string): string | null =>
  userId ? personPrefix(userId) + place : null;

/** A public sign-up form's draft (signed out, so anonymous: see above). */
export const signUpDraftKey = (place: "lks-registration" | "tenant-signup") => PREFIX + place;

export interface KeptDraft<T> {
  value: T;
  /** When it was written (ISO), for "draft saved at …". */
  savedAt: string;
}

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

export function loadDraft<T>(key: string | null, store: Storage = localStorage): KeptDraft<T> | null {
  if (!key) return null;
  try {
    const kept = JSON.parse(store.getItem(key) ?? "null") as KeptDraft<T> | null;
    return kept && typeof kept === "object" && "value" in kept ? kept : null;
  } catch {
    return null;
  }
}

/** Writes `value` under `key` (null: removes the draft). When it was written, or null if not written. */
export function saveDraft<T>(key: string | null, value: T | null, store: Storage = localStorage): string | null {
  if (!key) return null;
  try {
    if (value === null) {
      store.removeItem(key);
      return null;
    }
    const savedAt = new Date().toISOString();
    store.setItem(key, JSON.stringify({ value, savedAt } satisfies KeptDraft<T>));
    return savedAt;
  } catch {
    return null; // Storage full or refused (private mode): the text lasts as long as the page.
  }
}

export const clearDraft = (key: string | null, store: Storage = localStorage): void => void saveDraft(key, null, store);

/**
 * Drafts the long forms kept before they were per person (nobody's, so the next person saw them):
 * removed at the next sign-out on that device.
 */
const UNOWNED = ["lks-new.", "lks-edit.", "application.", "kemensos-new"].map((place) => PREFIX + place);

/** Removes every draft of `userId` (signed out: nothing they typed stays on the device). */
export function clearPersonDrafts(userId: string, store: Storage = localStorage): void {
  const prefixes = [personPrefix(userId), ...UNOWNED];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key && prefixes.some((prefix) => key.startsWith(prefix))) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
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
