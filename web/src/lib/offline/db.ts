/**
 * The offline store on the device (IndexedDB), one database for everything a person has seen and
 * changed: `reads` holds API answers keyed by user and URL with the time they were fetched;
 * `outbox` holds changes not yet accepted by the server. Every row carries its user id, so one
 * person's data is never read under another's session; sign-out deletes the person's rows.
 * (The upload queue keeps its own database for now; its entries fit the outbox's shape next.)
 */
import type { OutboxItem } from "./outbox.ts";

export interface StoredRead {
  userId: string;
  url: string;
  data: unknown;
  fetchedAt: number;
}

const DB_NAME = "akrab-offline";
const READS = "reads";
const OUTBOX = "outbox";

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(READS, { keyPath: ["userId", "url"] }).createIndex("userId", "userId");
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

export const getRead = (userId: string, url: string) =>
  transact<StoredRead | undefined>(READS, "readonly", (s) => s.get([userId, url]));

export const putRead = (read: StoredRead) => transact(READS, "readwrite", (s) => void s.put(read));

export async function listOutbox(userId: string): Promise<OutboxItem[]> {
  const items = await transact<OutboxItem[]>(OUTBOX, "readonly", (s) => s.index("userId").getAll(userId));
  return (items ?? []).sort((a, b) => a.createdAt - b.createdAt);
}

export const putOutbox = (item: OutboxItem) => transact(OUTBOX, "readwrite", (s) => void s.put(item));
export const deleteOutbox = (id: string) => transact(OUTBOX, "readwrite", (s) => void s.delete(id));

/** Deletes a person's rows: their reads always, their unsent changes too when `outbox`. */
export async function clearUser(userId: string, { outbox }: { outbox: boolean }): Promise<void> {
  const stores = outbox ? [READS, OUTBOX] : [READS];
  for (const store of stores) {
    await transact(store, "readwrite", (s) => {
      const cursor = s.index("userId").openKeyCursor(IDBKeyRange.only(userId));
      cursor.onsuccess = () => {
        if (!cursor.result) return;
        s.delete(cursor.result.primaryKey);
        cursor.result.continue();
      };
    });
  }
}
