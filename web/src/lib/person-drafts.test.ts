import { describe, expect, it } from "vitest";
import { clearPersonDrafts, draftToKeep, getDraft, personDraftKey, putDraft } from "./person-drafts.ts";

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
  });

  it("sign-out removes every draft of that person and nothing else", () => {
    const mine = `${personDraftKey("u1", "action:a1:return")}`;
    const mine2 = `${personDraftKey("u1", "certificate:a1:revoke")}`;
    const theirs = `${personDraftKey("u12", "action:a1:return")}`;
    const store = memoryStorage({
      [mine]: "{}",
      [mine2]: "{}",
      [theirs]: "{}",
      "akrab.draft.daftar-lks": "{}",
      "akrab.offline.user": "u1",
    });
    clearPersonDrafts("u1", store);
    expect(store.getItem(mine)).toBeNull();
    expect(store.getItem(mine2)).toBeNull();
    expect(store.getItem(theirs)).toBe("{}");
    expect(store.getItem("akrab.draft.daftar-lks")).toBe("{}");
    expect(store.getItem("akrab.offline.user")).toBe("u1");
  });
});

describe("putDraft and getDraft", () => {
  it("give back what was kept, and nothing once it was dropped", () => {
    const store = memoryStorage();
    const key = personDraftKey("u1", "decision:a1");
    putDraft(store, key, { reasons: "Nilai standar 2 di bawah ambang" });
    expect(getDraft(store, key)).toEqual({ reasons: "Nilai standar 2 di bawah ambang" });
    putDraft(store, key, null);
    expect(getDraft(store, key)).toBeNull();
    expect(store.length).toBe(0);
  });

  it("read a damaged entry as no draft", () => {
    const key = personDraftKey("u1", "x");
    expect(getDraft(memoryStorage({ [key]: "{not json" }), key)).toBeNull();
  });
});
