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
