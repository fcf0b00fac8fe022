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
const DB_NAME = "akrab-offline";
export const OUTBOX = "outbox";
export const UPLOADS = "uploads";
export const UPLOAD_FILES = "upload-files";
/** The upload queue's database before version 2, with its stores `queue` and `files`. */
const OLD_UPLOADS_DB = "akrab-uploads";

let opening: Promise<IDBDatabase> | null = null;

/**
 * Moves the old upload queue over when this browser still has its database (the move's code loads
 * only then: every first load opens this database).
 */
async function moveOldUploads(db: IDBDatabase): Promise<void> {
  // Where the browser cannot list its databases, the move looks for itself (it never creates the old one).
  const names = await indexedDB.databases?.().catch(() => null);
  if (names?.some((d) => d.name === OLD_UPLOADS_DB) === false) return;
  await (await import("./move-uploads.ts")).moveOldUploads(db, OLD_UPLOADS_DB);
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
      // Another tab upgrading later must not be blocked by this one (and an older tab, which does the
      // same, lets this upgrade through: no `onblocked` refusal, the open simply waits for it).
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
