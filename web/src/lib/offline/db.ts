/**
 * The outbox on the device (IndexedDB): changes not yet accepted by the server, each row with its
 * user id, so one person's changes are never sent under another's session; sign-out deletes them.
 * Loaded with the sync loop only (the answers read are kept by `state.svelte.ts`).
 * (The upload queue keeps its own database for now; its entries fit the outbox's shape next.)
 */
import type { OutboxItem } from "./outbox.ts";

const DB_NAME = "akrab-offline";
const OUTBOX = "outbox";

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(OUTBOX, { keyPath: "id" }).createIndex("userId", "userId");
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error("indexedDB open failed"));
    };
  });
  return opening;
}

function transact<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T> | undefined) {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const request = work(tx.objectStore(store));
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onerror = () => reject(tx.error ?? new Error("indexedDB failed"));
        tx.onabort = () => reject(tx.error ?? new Error("indexedDB aborted"));
      }),
  );
}

export async function listOutbox(userId: string): Promise<OutboxItem[]> {
  const items = await transact<OutboxItem[]>(OUTBOX, "readonly", (s) => s.index("userId").getAll(userId));
  return (items ?? []).sort((a, b) => a.createdAt - b.createdAt);
}

export const putOutbox = (item: OutboxItem) => transact(OUTBOX, "readwrite", (s) => void s.put(item));
export const deleteOutbox = (id: string) => transact(OUTBOX, "readwrite", (s) => void s.delete(id));

/** Deletes a person's unsent changes (signed out: nothing of them stays on the device). */
export async function clearOutbox(userId: string): Promise<void> {
  await transact(OUTBOX, "readwrite", (s) => {
    const cursor = s.index("userId").openKeyCursor(IDBKeyRange.only(userId));
    cursor.onsuccess = () => {
      if (!cursor.result) return;
      s.delete(cursor.result.primaryKey);
      cursor.result.continue();
    };
  });
}
