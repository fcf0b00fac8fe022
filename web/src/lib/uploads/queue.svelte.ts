/**
 * The upload queue: files picked on any checklist requirement wait here (persisted in IndexedDB,
 * see store.ts) and go out one or two at a time over tus. It resumes by itself — after a reload,
 * when the phone reconnects (`online`), and every half minute while it waits for signal — from
 * the server's offset, so the person never picks the file again.
 *
 * This module is loaded on demand (see lazy.svelte.ts): when the person picks a file, or when the
 * device holds unfinished files. tus-js-client is imported only when a transfer starts.
 */
import { uploadBytes } from "#lib/data-saver/meter.svelte.ts";
import { api, isApiError } from "#lib/api.ts";
import { UPLOAD_DONE } from "#lib/offline/outbox.ts";
import type { DocumentType } from "#lib/api-types.ts";
import { prepareFile, PrepareRefused } from "./prepare.ts";
import { RETRY_DELAYS, transferPlan, type ConnectionInfo } from "./plan.ts";
import { nextSpeed, type SpeedState } from "./progress.ts";
import {
  createUpload,
  failureFrom,
  NetworkDown,
  shouldRetryStatus,
  terminateUpload,
  UploadRefused,
  type Failure,
} from "./protocol.ts";
import {
  addEntry,
  deleteEntry,
  getEntry,
  getFile,
  loadEntries,
  saveEntry,
  targetKey,
  type StoredEntry,
  type UploadTarget,
} from "./store.ts";

export type ItemState =
  | "preparing" // downscaling, hashing (not yet in the queue)
  | "queued" // waiting for its turn
  | "creating" // asking the server for an upload URL
  | "uploading"
  | "paused" // by the person; stays paused across reloads
  | "offline" // waiting for signal; resumes by itself
  | "elsewhere" // another tab of this browser is sending it
  | "finishing" // bytes done; storing the thumbnail
  | "done"
  | "duplicate" // the server already had this file: nothing was sent
  | "failed";

export interface UploadItem {
  id: string;
  tenant: string;
  target: UploadTarget;
  /** The application and requirement of a checklist file (the indicator of evidence); null for a profile document. */
  applicationId: string | null;
  requirement: string | null;
  indicator: string | null;
  label: string;
  filename: string;
  size: number;
  originalSize: number;
  sent: number;
  state: ItemState;
  failure: Failure | null;
  speed: SpeedState | null;
  documentId: string | null;
  maxBytes: number;
  acceptedTypes: DocumentType[];
  /** When it was queued ("belum terkirim sejak 10:41" counts files with the other changes). */
  createdAt: number;
}

export interface AddRequest {
  file: File;
  tenant: string;
  target: UploadTarget;
  label: string;
  acceptedTypes: DocumentType[];
  maxBytes: number;
  sendOriginal: boolean;
}

interface Runner {
  stop: (reason: "paused" | "cancelled" | "offline" | "reset") => void;
  abort: (() => Promise<void>) | null;
}

class Stopped extends Error {
  constructor(readonly reason: "paused" | "cancelled" | "offline" | "reset") {
    super(reason);
  }
}

const RETRY_EVERY_MS = 30_000;

function connectionInfo(): { connection: ConnectionInfo | null; mobile: boolean } {
  const nav = navigator as Navigator & { connection?: ConnectionInfo; userAgentData?: { mobile?: boolean } };
  const mobile = nav.userAgentData?.mobile ?? /Mobi|Android|iPhone|iPad/i.test(nav.userAgent);
  return { connection: nav.connection ?? null, mobile };
}

const newId = () =>
  crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class UploadQueue {
  items = $state<UploadItem[]>([]);
  /** False until the stored queue has been read (the panel says nothing until then). */
  ready = $state(false);

  #userId: string | null = null;
  #records = new Map<string, StoredEntry>();
  #running = new Map<string, Runner>();
  #listeners = new Set<(item: UploadItem) => void>();
  #started = false;

  /** Reads this person's stored queue and starts sending. Safe to call again (e.g. on every page mount). */
  async start(userId: string): Promise<void> {
    if (this.#userId === userId) {
      this.#schedule();
      return;
    }
    if (this.#userId !== null) this.#stopAll("reset");
    this.#userId = userId;
    this.#records.clear();
    this.items = [];
    this.ready = false;
    if (!this.#started) {
      this.#started = true;
      addEventListener("online", () => this.#wake());
      addEventListener("offline", () => this.#wentOffline());
      // The queue lives as long as the app: listeners and the retry timer are set up once and never torn down.
      setInterval(() => this.#wake(), RETRY_EVERY_MS);
    }
    let stored: StoredEntry[] = [];
    try {
      stored = await loadEntries(userId);
    } catch {
      // No IndexedDB (private mode in old browsers): the queue lives in this page only.
    }
    if (this.#userId !== userId) return;
    for (const entry of stored) {
      this.#records.set(entry.id, entry);
      this.items.push(this.#itemFrom(entry));
    }
    this.ready = true;
    this.#schedule();
  }

  /** Signed out: stops every transfer and forgets this person's files in memory (the device's copy is deleted by the caller). */
  stop(): void {
    this.#stopAll("reset");
    this.#userId = null;
    this.#records.clear();
    this.items = [];
    this.ready = false;
  }

  /** Called with each file that reached the server (also when it was already there). */
  onFinished(listener: (item: UploadItem) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  forApplication(applicationId: string): UploadItem[] {
    return this.items.filter((item) => item.applicationId === applicationId);
  }

  /** The files on their way to an LKS's profile documents. */
  forLksProfile(lksId: string): UploadItem[] {
    return this.items.filter((item) => "lksId" in item.target && item.target.lksId === lksId);
  }

  /**
   * Prepares a picked file (downscale, thumbnail, hash, local checks) and queues it. Resolves with
   * a failure when the file cannot be sent as it is (too big, wrong type) — nothing is queued then.
   */
  async add(request: AddRequest): Promise<Failure | null> {
    const userId = this.#userId;
    if (!userId) return { kind: "unauthorized", status: 0, detail: null };
    const id = newId();
    const placeholder: UploadItem = {
      id,
      tenant: request.tenant,
      ...itemTarget(request.target),
      label: request.label,
      filename: request.file.name,
      size: request.file.size,
      originalSize: request.file.size,
      sent: 0,
      state: "preparing",
      failure: null,
      speed: null,
      documentId: null,
      maxBytes: request.maxBytes,
      acceptedTypes: [...request.acceptedTypes],
      createdAt: Date.now(),
    };
    this.items.push(placeholder);
    let prepared: Awaited<ReturnType<typeof prepareFile>>;
    try {
      prepared = await prepareFile(request.file, request.acceptedTypes, request.maxBytes, request.sendOriginal);
    } catch (e) {
      this.#remove(id);
      if (e instanceof PrepareRefused) return e.failure;
      return { kind: "decode", status: 0, detail: null };
    }
    const entry: StoredEntry = {
      id,
      userId,
      tenant: request.tenant,
      // A plain copy, as for the types below.
      target: { ...request.target },
      label: request.label,
      filename: prepared.filename,
      filetype: prepared.filetype,
      size: prepared.size,
      originalSize: prepared.originalSize,
      sha256: prepared.sha256,
      maxBytes: request.maxBytes,
      // A plain copy: the caller's array may be a reactive proxy, which IndexedDB cannot clone.
      acceptedTypes: [...request.acceptedTypes],
      uploadUrl: null,
      offset: 0,
      documentId: null,
      state: "queued",
      failure: null,
      createdAt: Date.now(),
    };
    try {
      await addEntry(entry, { id, blob: prepared.blob, thumbnail: prepared.thumbnail });
    } catch (error) {
      console.warn("upload queue: the file could not be stored on this device", error);
      this.#remove(id);
      return { kind: "storage", status: 0, detail: null };
    }
    // A newer file for the same requirement replaces one still waiting or on its way.
    for (const other of [...this.#records.values()]) {
      if (targetKey(other.target) === targetKey(request.target) && other.state !== "finishing") {
        void this.cancel(other.id);
      }
    }
    this.#records.set(id, entry);
    const item = this.#item(id);
    if (item) Object.assign(item, this.#itemFrom(entry));
    this.#schedule();
    return null;
  }

  pause(id: string): void {
    const entry = this.#records.get(id);
    if (!entry || entry.state === "finishing") return;
    this.#running.get(id)?.stop("paused");
    void this.#persist(entry, { state: "paused" });
    this.#set(id, { state: "paused", speed: null });
  }

  resume(id: string): void {
    const entry = this.#records.get(id);
    if (!entry) return;
    void this.#persist(entry, { state: "queued", failure: null });
    this.#set(id, { state: "queued", failure: null });
    this.#schedule();
  }

  /** Starts over with a new upload (after "gone", a checksum or server refusal): same bytes, new URL. */
  restart(id: string): void {
    const entry = this.#records.get(id);
    if (!entry) return;
    void this.#persist(entry, { state: "queued", failure: null, uploadUrl: null, offset: 0 });
    this.#set(id, { state: "queued", failure: null, sent: 0, speed: null });
    this.#schedule();
  }

  /** Stops and forgets a file; an upload already created on the server is terminated (tus DELETE). */
  async cancel(id: string): Promise<void> {
    const entry = this.#records.get(id);
    this.#running.get(id)?.stop("cancelled");
    this.#records.delete(id);
    this.#remove(id);
    if (!entry) return;
    await deleteEntry(id).catch(() => undefined);
    if (entry.uploadUrl && entry.state !== "finishing") await terminateUpload(entry.uploadUrl);
  }

  /** Removes a finished or failed file from the list. */
  dismiss(id: string): void {
    const item = this.#item(id);
    if (!item) return;
    if (item.state === "done" || item.state === "duplicate") {
      this.#remove(id);
      return;
    }
    void this.cancel(id);
  }

  // ---------- internals ----------

  #item(id: string): UploadItem | undefined {
    return this.items.find((item) => item.id === id);
  }

  #set(id: string, patch: Partial<UploadItem>): void {
    const item = this.#item(id);
    if (item) Object.assign(item, patch);
  }

  #remove(id: string): void {
    const index = this.items.findIndex((item) => item.id === id);
    if (index >= 0) this.items.splice(index, 1);
  }

  #itemFrom(entry: StoredEntry): UploadItem {
    // "uploading"/"finishing" were interrupted (reload, closed tab): they queue again and continue.
    const state: ItemState = entry.state === "uploading" || entry.state === "finishing" ? "queued" : entry.state;
    return {
      id: entry.id,
      tenant: entry.tenant,
      ...itemTarget(entry.target),
      label: entry.label,
      filename: entry.filename,
      size: entry.size,
      originalSize: entry.originalSize,
      sent: entry.state === "finishing" ? entry.size : entry.offset,
      state,
      failure: entry.failure,
      speed: null,
      documentId: entry.documentId,
      maxBytes: entry.maxBytes,
      acceptedTypes: entry.acceptedTypes,
      createdAt: entry.createdAt,
    };
  }

  async #persist(entry: StoredEntry, patch: Partial<StoredEntry>): Promise<void> {
    Object.assign(entry, patch);
    if (!this.#records.has(entry.id)) return; // cancelled meanwhile
    try {
      await saveEntry(entry);
    } catch {
      // the state in memory still drives this page
    }
  }

  #wake(): void {
    if (navigator.onLine === false) return;
    for (const item of this.items) {
      if ((item.state === "offline" || item.state === "elsewhere") && !this.#running.has(item.id))
        item.state = "queued";
    }
    this.#schedule();
  }

  #wentOffline(): void {
    for (const [id, runner] of this.#running) {
      runner.stop("offline");
      this.#set(id, { state: "offline", speed: null });
    }
  }

  #stopAll(reason: "reset"): void {
    for (const runner of this.#running.values()) runner.stop(reason);
    this.#running.clear();
  }

  #schedule(): void {
    if (!this.#userId) return;
    const { connection, mobile } = connectionInfo();
    const { parallel } = transferPlan(connection, mobile);
    for (const item of this.items) {
      if (this.#running.size >= parallel) break;
      if (item.state !== "queued" || this.#running.has(item.id)) continue;
      // A file waiting to finish (thumbnail) does not need a transfer slot, but taking one is harmless.
      void this.#run(item.id);
    }
  }

  /** Holds a Web Lock for the entry while it is sent, so two tabs never send the same file. */
  async #lock(id: string): Promise<(() => void) | null> {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks) return () => undefined;
    return new Promise((resolve) => {
      void locks
        .request(`akrab-upload-${id}`, { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(null);
            return undefined;
          }
          return new Promise<void>((release) => resolve(() => release()));
        })
        .catch(() => resolve(() => undefined));
    });
  }

  async #run(id: string): Promise<void> {
    const entry = this.#records.get(id);
    if (!entry) return;
    // Mutated by `stop` from outside this function (an object, so TypeScript does not narrow it away).
    const control: { reason: Stopped["reason"] | null; rejectTransfer: ((error: Error) => void) | null } = {
      reason: null,
      rejectTransfer: null,
    };
    const runner: Runner = {
      abort: null,
      stop: (reason) => {
        control.reason = reason;
        void runner.abort?.();
        control.rejectTransfer?.(new Stopped(reason));
      },
    };
    this.#running.set(id, runner);
    const release = await this.#lock(id);
    if (!release) {
      this.#running.delete(id);
      // Another tab has it; if it finished there, the entry is gone from the store.
      if (!(await getEntry(id).catch(() => undefined))) {
        this.#records.delete(id);
        this.#remove(id);
      } else this.#set(id, { state: "elsewhere" });
      return;
    }
    // After every wait: a pause, cancel or lost signal meanwhile ends this run here (and the item keeps the state they set).
    const stillRunning = () => {
      if (control.reason) throw new Stopped(control.reason);
    };
    try {
      stillRunning();
      const file = await getFile(id);
      stillRunning();
      if (!file) throw new UploadRefused({ kind: "storage", status: 0, detail: null });
      if (entry.state !== "finishing") {
        if (!entry.uploadUrl) {
          this.#set(id, { state: "creating", failure: null });
          const created = await createUpload({
            tenant: entry.tenant,
            size: entry.size,
            filename: entry.filename,
            filetype: entry.filetype,
            sha256: entry.sha256,
            target: entry.target,
          });
          if (control.reason) {
            // Paused or cancelled while the POST was in flight: keep (or terminate) the new upload.
            if (control.reason === "cancelled") void terminateUpload(created.url);
            else await this.#persist(entry, { uploadUrl: created.url });
            throw new Stopped(control.reason);
          }
          if (created.duplicate) {
            await this.#persist(entry, {
              uploadUrl: created.url,
              offset: entry.size,
              documentId: created.documentId,
              state: "finishing",
            });
            await this.#finish(entry, file.thumbnail, true);
            return;
          }
          await this.#persist(entry, { uploadUrl: created.url, offset: created.offset });
          stillRunning();
        }
        await this.#persist(entry, { state: "uploading", failure: null });
        stillRunning();
        this.#set(id, { state: "uploading", failure: null, sent: entry.offset });
        const documentId = await new Promise<string | null>((resolve, reject) => {
          control.rejectTransfer = reject;
          // The tus-js-client chunk is precached by the service worker; a failed import is a dropped link.
          this.#transfer(entry, file.blob, runner, () => control.reason !== null, resolve, reject).catch(() =>
            reject(new NetworkDown()),
          );
        });
        await this.#persist(entry, {
          state: "finishing",
          offset: entry.size,
          documentId: documentId ?? entry.documentId,
        });
      }
      await this.#finish(entry, file.thumbnail, false);
    } catch (error) {
      if (error instanceof Stopped || control.reason) {
        // paused / cancelled / offline: already reflected in the item
      } else if (error instanceof NetworkDown) {
        this.#set(id, { state: "offline", speed: null });
      } else if (error instanceof UploadRefused) {
        await this.#persist(entry, { state: "failed", failure: error.failure });
        this.#set(id, { state: "failed", failure: error.failure, speed: null });
      } else {
        const failure: Failure = { kind: "server", status: 0, detail: error instanceof Error ? error.message : null };
        await this.#persist(entry, { state: "failed", failure });
        this.#set(id, { state: "failed", failure, speed: null });
      }
    } finally {
      this.#running.delete(id);
      release();
      this.#schedule();
    }
  }

  async #transfer(
    entry: StoredEntry,
    blob: Blob,
    runner: Runner,
    stopped: () => boolean,
    resolve: (documentId: string | null) => void,
    reject: (error: Error) => void,
  ): Promise<void> {
    const tus = await import("tus-js-client");
    if (stopped()) return; // the run was already told why
    const { connection, mobile } = connectionInfo();
    const { chunkSize } = transferPlan(connection, mobile);
    const id = entry.id;
    let lastSaved = 0;
    // For the session data meter: bytes sent since the last report (a resume restarts from the server's offset).
    let reported = -1;
    const upload = new tus.Upload(blob, {
      uploadUrl: entry.uploadUrl,
      uploadSize: entry.size,
      chunkSize,
      retryDelays: [...RETRY_DELAYS],
      // The IndexedDB queue keeps the upload URL; tus-js-client's own localStorage copy would be a second truth.
      storeFingerprintForResuming: false,
      removeFingerprintOnSuccess: true,
      onShouldRetry: (error) =>
        navigator.onLine !== false && shouldRetryStatus(error.originalResponse?.getStatus() ?? 0),
      onProgress: (sent) => {
        if (reported >= 0 && sent > reported) uploadBytes.sent += sent - reported;
        reported = sent;
        const item = this.#item(id);
        if (!item) return;
        item.sent = sent;
        item.speed = nextSpeed(item.speed, performance.now(), sent);
      },
      onChunkComplete: (_chunk, accepted) => {
        entry.offset = accepted;
        // The offset on the device is only for display before the HEAD answers: save it now and then.
        if (Date.now() - lastSaved > 3000) {
          lastSaved = Date.now();
          void this.#persist(entry, { offset: accepted });
        }
      },
      onSuccess: ({ lastResponse }) => resolve(lastResponse.getHeader("Akrab-Document-Id") ?? null),
      onError: (error) => {
        const response = "originalResponse" in error ? error.originalResponse : null;
        const status = response?.getStatus() ?? 0;
        if (status === 0 || shouldRetryStatus(status)) reject(new NetworkDown());
        else reject(new UploadRefused(failureFrom(status, response?.getBody(), "transfer")));
      },
    });
    runner.abort = () => upload.abort(false);
    upload.start();
  }

  /** After the bytes: the thumbnail beside the document, then the entry leaves the device. */
  async #finish(entry: StoredEntry, thumbnail: Blob | null, duplicate: boolean): Promise<void> {
    const id = entry.id;
    this.#set(id, { state: "finishing", sent: entry.size, speed: null });
    let documentId = entry.documentId;
    try {
      // A visit photo's document is the asesor's, reached through their assignment (not the tenant's
      // document routes): the upload's answer names it, and it needs no thumbnail from here.
      if ("assignmentId" in entry.target) thumbnail = null;
      else if (!documentId) {
        const { target } = entry;
        const list =
          "applicationId" in target
            ? await api.get("/t/{tenant}/applications/{applicationId}/documents", {
                params: { tenant: entry.tenant, applicationId: target.applicationId },
              })
            : await api.get("/t/{tenant}/lks/{lksId}/documents", {
                params: { tenant: entry.tenant, lksId: target.lksId },
              });
        const slot = targetKey(target);
        documentId =
          list.items.find(
            (doc) =>
              targetKey(
                doc.applicationId && doc.indicator
                  ? { applicationId: doc.applicationId, indicator: doc.indicator }
                  : doc.applicationId
                    ? { applicationId: doc.applicationId, requirement: doc.requirement ?? "" }
                    : { lksId: doc.lksId, profileField: doc.profileField ?? "" },
              ) === slot && doc.versions.some((v) => v.sha256 === entry.sha256),
          )?.id ?? null;
      }
      if (documentId && thumbnail) {
        const params = { tenant: entry.tenant, documentId };
        const wanted = duplicate
          ? !(await api.get("/t/{tenant}/documents/{documentId}", { params })).current.hasThumbnail
          : true;
        // makeThumbnail encodes WebP or JPEG, the two the API takes.
        const contentType = thumbnail.type === "image/webp" ? "image/webp" : "image/jpeg";
        if (wanted)
          await api.putBytes(
            "/t/{tenant}/documents/{documentId}/thumbnail",
            { bytes: thumbnail, contentType },
            { params },
          );
      }
    } catch (error) {
      // Without signal: stay "finishing" on the device and try again later. A refused thumbnail is not worth a failure.
      if (isApiError(error) && (error.status === 0 || error.status >= 500)) throw new NetworkDown();
    }
    this.#records.delete(id);
    await deleteEntry(id).catch(() => undefined);
    this.#set(id, { state: duplicate ? "duplicate" : "done", documentId, sent: entry.size });
    const item = this.#item(id);
    if (item) for (const listener of this.#listeners) listener(item);
    dispatchEvent(new Event(UPLOAD_DONE));
  }
}

export const uploadQueue = new UploadQueue();

function itemTarget(target: UploadTarget): Pick<UploadItem, "target" | "applicationId" | "requirement" | "indicator"> {
  if ("assignmentId" in target) return { target, applicationId: null, requirement: null, indicator: target.indicator };
  if ("indicator" in target)
    return { target, applicationId: target.applicationId, requirement: null, indicator: target.indicator };
  return "applicationId" in target
    ? { target, applicationId: target.applicationId, requirement: target.requirement, indicator: null }
    : { target, applicationId: null, requirement: null, indicator: null };
}
