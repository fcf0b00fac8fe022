/**
 * The device's one store of unsent work (IndexedDB `akrab-offline`): `outbox` holds changes not yet
 * accepted by the server (profile, letter, checklist reviews, workflow actions), `uploads` and
 * `upload-files` the upload queue's entries and their bytes. Every row carries its user id, so one
 * person's work is never sent under another's session; sign-out deletes it.
 *
 * Version 2 took in the upload queue, which had a database of its own (`akrab-uploads`): its entries
 * are copied over on the first open and the old database is deleted only after the copy committed,
 * so a file queued before the update is never lost (an interrupted move simply runs again).
 */
import type { OutboxItem } from "./outbox.ts";

const DB_NAME = "akrab-offline";
const OUTBOX = "outbox";
export const UPLOADS = "uploads";
export const UPLOAD_FILES = "upload-files";
/** The upload queue's database before version 2, with its stores `queue` and `files`. */
const OLD_UPLOADS_DB = "akrab-uploads";

let opening: Promise<IDBDatabase> | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("indexedDB failed"));
  });
}

/** The old upload database if this browser still has it (never creates it). */
function openOldUploads(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const req = indexedDB.open(OLD_UPLOADS_DB);
    let created = false;
    req.onupgradeneeded = () => {
      // It did not exist: abort, so asking does not create it.
      created = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      if (created) {
        req.result.close();
        resolve(null);
      } else resolve(req.result);
    };
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

/** Copies the old upload queue into this database, then deletes the old one. */
async function moveOldUploads(db: IDBDatabase): Promise<void> {
  if (typeof indexedDB.databases === "function") {
    const names = await indexedDB.databases().catch(() => null);
    if (names && !names.some((d) => d.name === OLD_UPLOADS_DB)) return;
  }
  const old = await openOldUploads();
  if (!old) return;
  try {
    if (!old.objectStoreNames.contains("queue") || !old.objectStoreNames.contains("files")) return;
    const read = old.transaction(["queue", "files"], "readonly");
    const [entries, files] = await Promise.all([
      request(read.objectStore("queue").getAll()),
      request(read.objectStore("files").getAll()),
    ]);
    if (entries.length > 0 || files.length > 0) {
      await new Promise<void>((resolve, reject) => {
        const write = db.transaction([UPLOADS, UPLOAD_FILES], "readwrite");
        for (const file of files) write.objectStore(UPLOAD_FILES).put(file);
        for (const entry of entries) write.objectStore(UPLOADS).put(entry);
        write.oncomplete = () => resolve();
        write.onerror = () => reject(write.error ?? new Error("indexedDB failed"));
        write.onabort = () => reject(write.error ?? new Error("indexedDB aborted"));
      });
    }
  } finally {
    old.close();
  }
  // Only after the copy committed (a failure above leaves the old database for the next open).
  indexedDB.deleteDatabase(OLD_UPLOADS_DB);
}

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(OUTBOX))
        db.createObjectStore(OUTBOX, { keyPath: "id" }).createIndex("userId", "userId");
      if (!db.objectStoreNames.contains(UPLOADS))
        db.createObjectStore(UPLOADS, { keyPath: "id" }).createIndex("userId", "userId");
      if (!db.objectStoreNames.contains(UPLOAD_FILES)) db.createObjectStore(UPLOAD_FILES, { keyPath: "id" });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading later must not be blocked by this one.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      moveOldUploads(db).then(
        () => resolve(db),
        () => resolve(db),
      );
    };
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error("indexedDB open failed"));
    };
    req.onblocked = () => {
      opening = null;
      reject(new Error("indexedDB blocked"));
    };
  });
  return opening;
}

/** One transaction over `stores`; resolves with `work`'s result once the transaction has committed. */
export function transact<T>(
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(stores, mode);
        const req = work(tx);
        tx.oncomplete = () => resolve(req ? req.result : undefined);
        tx.onerror = () => reject(tx.error ?? new Error("indexedDB failed"));
        tx.onabort = () => reject(tx.error ?? new Error("indexedDB aborted"));
      }),
  );
}

export async function listOutbox(userId: string): Promise<OutboxItem[]> {
  const items = await transact([OUTBOX], "readonly", (tx) => tx.objectStore(OUTBOX).index("userId").getAll(userId));
  return ((items ?? []) as OutboxItem[]).sort((a, b) => a.createdAt - b.createdAt);
}

export const putOutbox = (item: OutboxItem) =>
  transact([OUTBOX], "readwrite", (tx) => void tx.objectStore(OUTBOX).put(item));
export const deleteOutbox = (id: string) =>
  transact([OUTBOX], "readwrite", (tx) => void tx.objectStore(OUTBOX).delete(id));

/** Deletes a person's unsent work, changes and files (signed out: nothing of them stays on the device). */
export async function clearOutbox(userId: string): Promise<void> {
  await transact([OUTBOX, UPLOADS, UPLOAD_FILES], "readwrite", (tx) => {
    const remove = (store: string, also?: string) => {
      const cursor = tx.objectStore(store).index("userId").openKeyCursor(IDBKeyRange.only(userId));
      cursor.onsuccess = () => {
        if (!cursor.result) return;
        tx.objectStore(store).delete(cursor.result.primaryKey);
        if (also) tx.objectStore(also).delete(cursor.result.primaryKey);
        cursor.result.continue();
      };
    };
    remove(OUTBOX);
    remove(UPLOADS, UPLOAD_FILES);
  });
}
