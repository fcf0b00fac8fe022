/** The outbox's rows in `akrab-offline` (loaded with the sync loop, not with every page). */
import { OUTBOX, transact, UPLOAD_FILES, UPLOADS } from "./db.ts";
import type { OutboxItem } from "./outbox.ts";

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
