import { afterEach, describe, expect, it, vi } from "vitest";
import {
  clearDraft,
  clearPersonDrafts,
  draftToKeep,
  loadDraft,
  personDraftKey,
  saveDraft,
  signUpDraftKey,
  throttled,
} from "./person-drafts.ts";

/** localStorage's shape over a Map (Node has none). */
function memoryStorage(entries: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe("draftToKeep", () => {
  const start = JSON.stringify({ comment: "", rows: [{ kind: "document", ref: "akta", message: "Scan buram" }] });

  it("keeps what the person typed", () => {
    const typed = { comment: "Mohon diperbaiki", rows: [{ kind: "document", ref: "akta", message: "Scan buram" }] };
    expect(draftToKeep(start, typed)).toBe(typed);
  });

  it("keeps nothing when the form is back at its start (carried notes are not the person's typing)", () => {
    expect(draftToKeep(start, JSON.parse(start))).toBeNull();
  });

  it("keeps nothing when no field holds text, at any depth", () => {
    expect(draftToKeep('"x"', "   ")).toBeNull();
    expect(draftToKeep("{}", { a: "", b: { c: "  \n" }, d: [""] })).toBeNull();
    expect(draftToKeep("{}", { a: "", b: [{ c: "alasan" }] })).toEqual({ a: "", b: [{ c: "alasan" }] });
  });

  it("keeps a plain string that differs from its start", () => {
    expect(draftToKeep(JSON.stringify(""), "Dicabut karena izin operasional berakhir")).toBe(
      "Dicabut karena izin operasional berakhir",
    );
    expect(draftToKeep(JSON.stringify("catatan"), "catatan")).toBeNull();
  });
});

describe("person drafts", () => {
  it("are keyed by person and place, so another person's drafts are never the same key", () => {
    expect(personDraftKey("u1", "decision:a1")).not.toBe(personDraftKey("u2", "decision:a1"));
    expect(personDraftKey("u1", "decision:a1")).not.toBe(personDraftKey("u1", "decision:a2"));
    expect(personDraftKey("u1", "lks-new.banten")).not.toBe(signUpDraftKey("lks-registration"));
  });

  it("are not kept while nobody is known (no key: nothing written, nothing read)", () => {
    const store = memoryStorage();
    expect(personDraftKey(null, "lks-new.banten")).toBeNull();
    expect(saveDraft(null, { name: "Panti Asuhan Harapan" }, store)).toBeNull();
    expect(loadDraft(null, store)).toBeNull();
    expect(store.length).toBe(0);
  });

  it("sign-out removes every draft of that person and nothing else", () => {
    const mine = `${personDraftKey("u1", "action:a1:return")}`;
    const mine2 = `${personDraftKey("u1", "lks-edit.l1")}`;
    const theirs = `${personDraftKey("u12", "action:a1:return")}`;
    const store = memoryStorage({
      [mine]: "{}",
      [mine2]: "{}",
      [theirs]: "{}",
      [signUpDraftKey("lks-registration")]: "{}",
      [signUpDraftKey("tenant-signup")]: "{}",
      "akrab.offline.user": "u1",
    });
    clearPersonDrafts("u1", store);
    expect(store.getItem(mine)).toBeNull();
    expect(store.getItem(mine2)).toBeNull();
    expect(store.getItem(theirs)).toBe("{}");
    expect(store.getItem(signUpDraftKey("lks-registration"))).toBe("{}");
    expect(store.getItem(signUpDraftKey("tenant-signup"))).toBe("{}");
    expect(store.getItem("akrab.offline.user")).toBe("u1");
  });

  it("sign-out also removes the long forms' drafts kept before they were per person (nobody's)", () => {
    const unowned = ["lks-new.banten", "lks-edit.l1", "application.l1", "kemensos-new"].map(
      (place) => `akrab.draft.${place}`,
    );
    const store = memoryStorage(Object.fromEntries(unowned.map((key) => [key, "{}"])));
    clearPersonDrafts("u1", store);
    expect(store.length).toBe(0);
  });
});

describe("saveDraft and loadDraft", () => {
  it("give back what was kept with when it was saved, and nothing once it was cleared", () => {
    const store = memoryStorage();
    const key = personDraftKey("u1", "decision:a1");
    const savedAt = saveDraft(key, { reasons: "Nilai standar 2 di bawah ambang" }, store);
    expect(savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(loadDraft(key, store)).toEqual({ value: { reasons: "Nilai standar 2 di bawah ambang" }, savedAt });
    clearDraft(key, store);
    expect(loadDraft(key, store)).toBeNull();
    expect(store.length).toBe(0);
  });

  it("saving null removes the draft (an emptied form leaves nothing)", () => {
    const store = memoryStorage();
    const key = personDraftKey("u1", "lks-new.banten");
    saveDraft(key, { name: "Panti" }, store);
    expect(saveDraft(key, null, store)).toBeNull();
    expect(store.length).toBe(0);
  });

  it("read a damaged or foreign entry as no draft", () => {
    const key = personDraftKey("u1", "x");
    expect(loadDraft(key, memoryStorage({ [key as string]: "{not json" }))).toBeNull();
    expect(loadDraft(key, memoryStorage({ [key as string]: '"text"' }))).toBeNull();
  });

  it("say nothing was saved when storage refuses (the page keeps the text)", () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
    } as Storage;
    expect(saveDraft(personDraftKey("u1", "x"), { a: "b" }, full)).toBeNull();
  });
});

describe("throttled", () => {
  afterEach(() => void vi.useRealTimers());

  it("writes at most once per interval while typing, and at once on flush", () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const saver = throttled(save, 600);
    saver.schedule();
    saver.schedule();
    vi.advanceTimersByTime(599);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    saver.schedule();
    saver.flush();
    expect(save).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(600);
    expect(save).toHaveBeenCalledTimes(2);
  });
});
