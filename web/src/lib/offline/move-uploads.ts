/**
 * Version 2 of `akrab-offline` took in the upload queue, which had a database of its own
 * (`akrab-uploads`, stores `queue` and `files`). Its entries are copied over, and the old database is
 * deleted only after the copy committed: a file queued before the update is never lost (an
 * interrupted move simply runs again at the next open). Loaded only where the old database exists.
 */
import { UPLOAD_FILES, UPLOADS } from "./db.ts";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("indexedDB failed"));
  });
}

/** The old upload database if this browser still has it (never creates it). */
function openOldUploads(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const req = indexedDB.open(name);
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
export async function moveOldUploads(db: IDBDatabase, name: string): Promise<void> {
  const old = await openOldUploads(name);
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
  indexedDB.deleteDatabase(name);
}
