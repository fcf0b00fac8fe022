/**
 * The upload queue on the device (IndexedDB): every file waiting to be sent, with the bytes to
 * send (after downscaling), its thumbnail, and the tus upload URL once created. A reload, a
 * closed tab or a dropped link loses nothing: the queue picks up from the server's offset.
 *
 * Two object stores: `queue` holds each entry's small, often rewritten state (offset, state);
 * `files` holds its bytes, written once — so saving progress never copies a 20 MB blob again.
 */
import type { DocumentType } from "#lib/api-types.ts";
import type { Failure } from "./protocol.ts";

type StoredState = "queued" | "uploading" | "paused" | "finishing" | "failed";

/** Where a file goes: an application's checklist requirement, or a document of an LKS's profile (its decree, deed…). */
export type UploadTarget = { applicationId: string; requirement: string } | { lksId: string; profileField: string };

/** One key per place a document lives: a newer file for the same place replaces one still on its way. */
export function targetKey(target: UploadTarget): string {
  return "applicationId" in target
    ? `app:${target.applicationId}:${target.requirement}`
    : `lks:${target.lksId}:${target.profileField}`;
}

export interface StoredEntry {
  id: string;
  /** Whose queue this is (a shared phone: one person's files never go out under another's session). */
  userId: string;
  tenant: string;
  target: UploadTarget;
  /** The requirement's (or profile document's) name, for the queue panel. */
  label: string;
  filename: string;
  filetype: string;
  /** Bytes to send (after downscaling); the bytes themselves are in `files`. */
  size: number;
  originalSize: number;
  sha256: string;
  /** The requirement's limits, for the messages. */
  maxBytes: number;
  acceptedTypes: DocumentType[];
  uploadUrl: string | null;
  /** The server's offset as last seen (for display before the HEAD answers). */
  offset: number;
  documentId: string | null;
  state: StoredState;
  failure: Failure | null;
  createdAt: number;
}

export interface StoredFile {
  id: string;
  /** The bytes to send (downscaled photo, or the original file). */
  blob: Blob;
  /** Preview to store beside the document once it exists (images only). */
  thumbnail: Blob | null;
}

const DB_NAME = "akrab-uploads";
const QUEUE = "queue";
const FILES = "files";

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(QUEUE))
        db.createObjectStore(QUEUE, { keyPath: "id" }).createIndex("userId", "userId");
      if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES, { keyPath: "id" });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading later must not be blocked by this one.
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
    request.onblocked = () => {
      opening = null;
      reject(new Error("indexedDB blocked"));
    };
  });
  return opening;
}

/** One transaction over `stores`; resolves with `work`'s result once the transaction has committed. */
function transact<T>(
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(stores, mode);
        const request = work(tx);
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onerror = () => reject(tx.error ?? new Error("indexedDB failed"));
        tx.onabort = () => reject(tx.error ?? new Error("indexedDB aborted"));
      }),
  );
}

export async function loadEntries(userId: string): Promise<StoredEntry[]> {
  const entries = await transact(
    [QUEUE],
    "readonly",
    (tx) => tx.objectStore(QUEUE).index("userId").getAll(userId) as IDBRequest<StoredEntry[]>,
  );
  return (entries ?? []).sort((a, b) => a.createdAt - b.createdAt);
}

/** How many files this person has waiting on this device (without reading them). */
export async function countEntries(userId: string): Promise<number> {
  return (await transact([QUEUE], "readonly", (tx) => tx.objectStore(QUEUE).index("userId").count(userId))) ?? 0;
}

export async function getEntry(id: string): Promise<StoredEntry | undefined> {
  return transact([QUEUE], "readonly", (tx) => tx.objectStore(QUEUE).get(id) as IDBRequest<StoredEntry | undefined>);
}

export async function getFile(id: string): Promise<StoredFile | undefined> {
  return transact([FILES], "readonly", (tx) => tx.objectStore(FILES).get(id) as IDBRequest<StoredFile | undefined>);
}

/** A new entry and its bytes, together (both or neither). */
export async function addEntry(entry: StoredEntry, file: StoredFile): Promise<void> {
  await transact([QUEUE, FILES], "readwrite", (tx) => {
    tx.objectStore(FILES).put(file);
    tx.objectStore(QUEUE).put(entry);
  });
}

/** Rewrites an entry's state (never its bytes). */
export async function saveEntry(entry: StoredEntry): Promise<void> {
  await transact([QUEUE], "readwrite", (tx) => {
    tx.objectStore(QUEUE).put(entry);
  });
}

export async function deleteEntry(id: string): Promise<void> {
  await transact([QUEUE, FILES], "readwrite", (tx) => {
    tx.objectStore(QUEUE).delete(id);
    tx.objectStore(FILES).delete(id);
  });
}
