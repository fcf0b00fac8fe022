import { createDb, tenantScope } from "@akrab/db";
import { checkSniffedType, sniffFileType, type SniffedType, type UploadRule } from "@akrab/domain";
import { DurableObject } from "cloudflare:workers";
import type { Bindings } from "../env.ts";

const PART_SIZE = 5 * 1024 * 1024;
/** Bytes gathered in memory before they are written down: the most a crash of this object (not of the client) can lose. */
const COMMIT_BYTES = 128 * 1024;
/** What sniffFileType needs to see of a file. */
const SNIFF_BYTES = 4096;
const UPLOAD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface UploadInit {
  uploadId: string;
  tenantId: string;
  key: string;
  length: number;
  sha256: string;
  /** The declared MIME type and the requirement's rule: the first bytes must match both. */
  declaredType: string;
  rule: UploadRule;
}

export interface UploadCompletion {
  sha256: string;
  size: number;
  contentType: SniffedType;
  key: string;
}

type UploadStatus = "receiving" | "complete" | "failed";

export interface UploadState {
  status: UploadStatus;
  offset: number;
  length: number;
  expiresAt: number;
  completion: UploadCompletion | null;
  failure: UploadFailure | null;
}

export type UploadFailure = "type-mismatch" | "checksum-mismatch";

export type AppendResult =
  | { ok: true; state: UploadState }
  | { ok: false; reason: "offset-mismatch" | "too-long"; state: UploadState }
  | { ok: false; reason: "gone" }
  | { ok: false; reason: UploadFailure; state: UploadState };

interface Row extends Record<string, SqlStorageValue> {
  upload_id: string;
  tenant_id: string;
  r2_key: string;
  r2_upload_id: string;
  length: number;
  sha256: string;
  type_rule: string;
  offset: number;
  status: UploadStatus;
  expires_at: number;
  sniffed: string | null;
  completion: string | null;
  failure: string | null;
}

type Hasher = { offset: number; writer: WritableStreamDefaultWriter<Uint8Array>; stream: DigestStream };

/**
 * One resumable upload: its offset, the R2 multipart parts and the bytes not yet in a part.
 *
 * R2 wants equal parts of at least 5 MiB, while a phone on 2G sends 64–256 KiB at a time and is
 * cut off mid-request. So every byte that arrives is first written to this object's own SQLite
 * storage (durable before the offset moves), and whole parts go to R2 once enough has
 * accumulated. A dropped connection keeps what arrived before the drop; a resume after the
 * Worker or this object restarts continues from the stored offset.
 */
export class UploadSession extends DurableObject<Bindings> {
  private readonly sql: SqlStorage;
  /** The SHA-256 so far, fed in offset order; lost if this object is evicted, then recomputed from R2 at the end. */
  private hasher: Hasher | null = null;
  /** The request currently streaming in, so a newer one can take over at once (a cut connection may linger). */
  private active: { cancel: () => void; done: Promise<unknown> } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.ensureSchema();
  }

  private ensureSchema(): void {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS upload (
      id INTEGER PRIMARY KEY CHECK (id = 1), upload_id TEXT NOT NULL, tenant_id TEXT NOT NULL, r2_key TEXT NOT NULL,
      r2_upload_id TEXT NOT NULL, length INTEGER NOT NULL, sha256 TEXT NOT NULL, type_rule TEXT NOT NULL,
      offset INTEGER NOT NULL, status TEXT NOT NULL, expires_at INTEGER NOT NULL, sniffed TEXT, completion TEXT, failure TEXT)`);
    this.sql.exec("CREATE TABLE IF NOT EXISTS parts (number INTEGER PRIMARY KEY, etag TEXT NOT NULL)");
    this.sql.exec("CREATE TABLE IF NOT EXISTS tail (seq INTEGER PRIMARY KEY AUTOINCREMENT, bytes BLOB NOT NULL)");
  }

  /** Starts the R2 multipart upload. Calling it again is harmless. */
  async init(init: UploadInit): Promise<UploadState> {
    return this.exclusive(async () => {
      const existing = this.row();
      if (existing) return this.stateOf(existing);
      const multipart = await this.env.DOCS.createMultipartUpload(init.key);
      const expiresAt = Date.now() + UPLOAD_TTL_MS;
      this.sql.exec(
        "INSERT INTO upload (id, upload_id, tenant_id, r2_key, r2_upload_id, length, sha256, type_rule, offset, status, expires_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, 0, 'receiving', ?)",
        init.uploadId,
        init.tenantId,
        init.key,
        multipart.uploadId,
        init.length,
        init.sha256,
        JSON.stringify({ declaredType: init.declaredType, rule: init.rule }),
        expiresAt,
      );
      await this.ctx.storage.setAlarm(expiresAt);
      return this.stateOf(this.currentRow());
    });
  }

  /** The offset a client resumes from. Waits for a request still streaming to stop first. */
  async state(): Promise<UploadState | null> {
    this.active?.cancel();
    return this.exclusive(async () => {
      const row = this.row();
      return row ? this.stateOf(row) : null;
    });
  }

  /**
   * Appends the bytes of one PATCH at `offset`. Whatever arrives before the body ends or breaks
   * is kept; the upload completes when the last byte is in.
   */
  async append(offset: number, body: ReadableStream<Uint8Array>): Promise<AppendResult> {
    this.active?.cancel();
    return this.exclusive(async () => {
      const row = this.row();
      if (row?.status !== "receiving") {
        await body.cancel().catch(() => {});
        return row?.status === "complete" && offset === row.length
          ? { ok: true as const, state: this.stateOf(row) }
          : { ok: false as const, reason: "gone" as const };
      }
      if (offset !== row.offset) {
        await body.cancel().catch(() => {});
        return { ok: false as const, reason: "offset-mismatch" as const, state: this.stateOf(row) };
      }
      const reader = body.getReader();
      let cancelled = false;
      const done = this.receive(row, reader, () => cancelled);
      const cancel = () => {
        cancelled = true;
        void reader.cancel().catch(() => {});
      };
      this.active = { cancel, done };
      try {
        return await done;
      } finally {
        this.active = null;
      }
    });
  }

  /** Termination (tus DELETE): the multipart is aborted and nothing of the upload is kept here. */
  async terminate(): Promise<void> {
    this.active?.cancel();
    await this.exclusive(() => this.discard());
  }

  /** Seven days without a byte: the upload is abandoned. */
  override async alarm(): Promise<void> {
    await this.exclusive(async () => {
      const row = this.row();
      if (!row) return;
      const store = tenantScope(createDb(this.env.DB), { id: row.tenant_id, parentId: null }).documents;
      if (row.status === "receiving") {
        if (row.expires_at > Date.now() + 1000) {
          await this.ctx.storage.setAlarm(row.expires_at);
          return;
        }
        await store.finishUpload(row.upload_id, "expired");
        await this.discard();
        return;
      }
      // A finished upload's state is needed only until the Worker has recorded it in D1.
      if ((await store.findUpload(row.upload_id))?.status !== "receiving") await this.discard();
      else await this.ctx.storage.setAlarm(Date.now() + UPLOAD_TTL_MS);
    });
  }

  private async receive(
    row: Row,
    reader: ReadableStreamDefaultReader<Uint8Array>,
    cancelled: () => boolean,
  ): Promise<AppendResult> {
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let offset = row.offset;
    const commit = async (): Promise<AppendResult | null> => {
      if (pendingBytes === 0) return null;
      const bytes = concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      offset = this.commit(row, bytes, offset);
      await this.feedHasher(bytes, offset);
      return (await this.checkType(row, offset)) ?? (await this.flushParts(row));
    };

    let tooLong = false;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        break; // The client went away mid-request: keep what arrived, it is theirs to resume from.
      }
      const { value, done } = chunk;
      if (done || cancelled()) break;
      if (offset + pendingBytes + value.byteLength > row.length) {
        tooLong = true;
        await reader.cancel().catch(() => {});
        break;
      }
      pending.push(value);
      pendingBytes += value.byteLength;
      if (pendingBytes >= COMMIT_BYTES) {
        const refused = await commit();
        if (refused) {
          await reader.cancel().catch(() => {});
          return refused;
        }
      }
    }
    const refused = await commit();
    if (refused) return refused;
    if (tooLong) return { ok: false, reason: "too-long", state: this.stateOf(this.currentRow()) };
    if (offset === row.length) return this.complete();
    return { ok: true, state: this.stateOf(this.currentRow()) };
  }

  /** Writes bytes durably and moves the offset in one transaction. */
  private commit(row: Row, bytes: Uint8Array, offset: number): number {
    const next = offset + bytes.byteLength;
    const expiresAt = Date.now() + UPLOAD_TTL_MS;
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("INSERT INTO tail (bytes) VALUES (?)", bytes);
      this.sql.exec("UPDATE upload SET offset = ?, expires_at = ? WHERE id = 1", next, expiresAt);
    });
    // The alarm moves with activity, but not on every chunk.
    if (expiresAt - row.expires_at > 60 * 60 * 1000) {
      row.expires_at = expiresAt;
      void this.ctx.storage.setAlarm(expiresAt);
    }
    return next;
  }

  private async feedHasher(bytes: Uint8Array, offsetAfter: number): Promise<void> {
    const before = offsetAfter - bytes.byteLength;
    if (before === 0 && !this.hasher) {
      const stream = new crypto.DigestStream("SHA-256");
      this.hasher = { offset: 0, stream, writer: stream.getWriter() };
    }
    if (!this.hasher || this.hasher.offset !== before) {
      this.hasher = null;
      return;
    }
    this.hasher.offset = offsetAfter;
    await this.hasher.writer.write(bytes);
  }

  /** Once the first bytes are in, the file must be what was declared. */
  private async checkType(row: Row, offset: number): Promise<AppendResult | null> {
    if (row.sniffed !== null || offset < Math.min(SNIFF_BYTES, row.length)) return null;
    const head = this.tailBytes(SNIFF_BYTES);
    const sniffed = sniffFileType(head);
    const { declaredType, rule } = JSON.parse(row.type_rule) as { declaredType: string; rule: UploadRule };
    if (!sniffed || checkSniffedType(sniffed, declaredType, rule) !== "ok") return this.fail("type-mismatch");
    row.sniffed = sniffed;
    this.sql.exec("UPDATE upload SET sniffed = ? WHERE id = 1", sniffed);
    return null;
  }

  /** Sends every whole part gathered in the tail to R2. */
  private async flushParts(row: Row): Promise<null> {
    for (;;) {
      const tailSize =
        this.sql.exec<{ size: number | null }>("SELECT sum(length(bytes)) AS size FROM tail").one().size ?? 0;
      if (tailSize < PART_SIZE) return null;
      const all = this.tailBytes(tailSize);
      await this.uploadPart(row, all.subarray(0, PART_SIZE));
      this.ctx.storage.transactionSync(() => {
        this.sql.exec("DELETE FROM tail");
        if (all.byteLength > PART_SIZE) this.sql.exec("INSERT INTO tail (bytes) VALUES (?)", all.subarray(PART_SIZE));
      });
    }
  }

  private async uploadPart(row: Row, bytes: Uint8Array): Promise<void> {
    const number = (this.sql.exec<{ n: number | null }>("SELECT max(number) AS n FROM parts").one().n ?? 0) + 1;
    const multipart = this.env.DOCS.resumeMultipartUpload(row.r2_key, row.r2_upload_id);
    const part = await multipart.uploadPart(number, bytes);
    this.sql.exec("INSERT OR REPLACE INTO parts (number, etag) VALUES (?, ?)", number, part.etag);
  }

  private async complete(): Promise<AppendResult> {
    const row = this.currentRow();
    await this.flushParts(row); // whole parts a failed flush left behind, so only the last part is short
    const tailSize =
      this.sql.exec<{ size: number | null }>("SELECT sum(length(bytes)) AS size FROM tail").one().size ?? 0;
    if (tailSize > 0) await this.uploadPart(row, this.tailBytes(tailSize));
    const parts = this.sql
      .exec<{ number: number; etag: string }>("SELECT number, etag FROM parts ORDER BY number")
      .toArray();
    const multipart = this.env.DOCS.resumeMultipartUpload(row.r2_key, row.r2_upload_id);
    await multipart.complete(parts.map((p) => ({ partNumber: p.number, etag: p.etag })));
    this.sql.exec("DELETE FROM tail");

    const sha256 = await this.finalDigest(row);
    if (sha256 !== row.sha256) {
      await this.env.DOCS.delete(row.r2_key);
      return this.fail("checksum-mismatch", { multipartDone: true });
    }
    const completion: UploadCompletion = {
      sha256,
      size: row.length,
      contentType: row.sniffed as SniffedType,
      key: row.r2_key,
    };
    this.sql.exec("UPDATE upload SET status = 'complete', completion = ? WHERE id = 1", JSON.stringify(completion));
    return { ok: true, state: this.stateOf(this.currentRow()) };
  }

  /** The streamed digest when this object saw every byte; otherwise the stored object is read back once. */
  private async finalDigest(row: Row): Promise<string> {
    const hasher = this.hasher;
    this.hasher = null;
    if (hasher && hasher.offset === row.length) {
      await hasher.writer.close();
      return hex(await hasher.stream.digest);
    }
    const object = await this.env.DOCS.get(row.r2_key);
    if (!object) throw new Error(`Completed upload ${row.r2_key} is missing from R2`);
    const stream = new crypto.DigestStream("SHA-256");
    await object.body.pipeTo(stream);
    return hex(await stream.digest);
  }

  private async fail(failure: UploadFailure, opts: { multipartDone?: boolean } = {}): Promise<AppendResult> {
    const row = this.currentRow();
    if (!opts.multipartDone) await this.abortMultipart(row);
    this.hasher = null;
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("DELETE FROM tail");
      this.sql.exec("DELETE FROM parts");
      this.sql.exec("UPDATE upload SET status = 'failed', failure = ? WHERE id = 1", failure);
    });
    return { ok: false, reason: failure, state: this.stateOf(this.currentRow()) };
  }

  private async discard(): Promise<void> {
    const row = this.row();
    if (row?.status === "receiving") await this.abortMultipart(row);
    this.hasher = null;
    // D1 keeps the upload's row with its final status; nothing of it needs to stay here.
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.ensureSchema();
  }

  private async abortMultipart(row: Row): Promise<void> {
    try {
      await this.env.DOCS.resumeMultipartUpload(row.r2_key, row.r2_upload_id).abort();
    } catch {
      // Already completed or aborted.
    }
  }

  /** The first `max` bytes of the tail, in order. */
  private tailBytes(max: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (const segment of this.sql.exec<{ bytes: ArrayBuffer }>("SELECT bytes FROM tail ORDER BY seq")) {
      const bytes = new Uint8Array(segment.bytes);
      chunks.push(bytes);
      size += bytes.byteLength;
      if (size >= max) break;
    }
    return concat(chunks, size).subarray(0, Math.min(size, max));
  }

  /** Runs one operation at a time, in arrival order. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => {});
    return run;
  }

  private row(): Row | null {
    return this.sql.exec<Row>("SELECT * FROM upload WHERE id = 1").toArray()[0] ?? null;
  }

  /** The row once `init` has stored it (every caller runs after that). */
  private currentRow(): Row {
    const row = this.row();
    if (!row) throw new Error("Upload session has no row");
    return row;
  }

  private stateOf(row: Row): UploadState {
    return {
      status: row.status,
      offset: row.status === "complete" ? row.length : row.offset,
      length: row.length,
      expiresAt: row.expires_at,
      completion: row.completion ? (JSON.parse(row.completion) as UploadCompletion) : null,
      failure: (row.failure as UploadFailure | null) ?? null,
    };
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const [only] = chunks;
  if (chunks.length === 1 && only) return only;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
