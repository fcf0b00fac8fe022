/**
 * The upload queue on the device (IndexedDB, in the offline layer's database beside the outbox, see
 * `offline/db.ts`): every file waiting to be sent, with the bytes to send (after downscaling), its
 * thumbnail, and the tus upload URL once created. A reload, a closed tab or a dropped link loses
 * nothing: the queue picks up from the server's offset.
 *
 * Two object stores: `uploads` holds each entry's small, often rewritten state (offset, state);
 * `upload-files` holds its bytes, written once — so saving progress never copies a 20 MB blob again.
 */
import type { DocumentType } from "#lib/api-types.ts";
import { transact, UPLOAD_FILES, UPLOADS } from "#lib/offline/db.ts";
import type { Failure } from "./protocol.ts";

type StoredState = "queued" | "uploading" | "paused" | "finishing" | "failed";

/**
 * Where a file goes: an application's checklist requirement, evidence for one indicator of its
 * self-assessment (Formulir B), a document of an LKS's profile (its decree, deed…), or a photo an
 * asesor took on the visit for one indicator of their score sheet (with the time it was taken and,
 * when the asesor allowed it, where; strings, as tus metadata carries them).
 */
export type UploadTarget =
  | { applicationId: string; requirement: string }
  | { applicationId: string; indicator: string }
  | { lksId: string; profileField: string }
  | VisitPhotoTarget;

export interface VisitPhotoTarget {
  assignmentId: string;
  indicator: string;
  /** The device's id for the photo: each photo is its own place (several per indicator). */
  photoId: string;
  takenAt: string;
  latitude?: string;
  longitude?: string;
}

/** One key per place a document lives: a newer file for the same place replaces one still on its way. */
export function targetKey(target: UploadTarget): string {
  if ("assignmentId" in target) return `asg:${target.assignmentId}:photo:${target.photoId}`;
  if ("indicator" in target) return `app:${target.applicationId}:ind:${target.indicator}`;
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

const QUEUE = UPLOADS;
const FILES = UPLOAD_FILES;

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
