/**
 * A tus client in Node (tus-js-client, as a browser on a phone would drive the endpoint) with a
 * request trace: the client side of the upload fault test (tests/e2e/upload-faults.test.ts) and
 * of the upload bench (bench/uploads.ts).
 *
 * Uploads go to the `formulir_b` requirement (pdf/jpeg/png/webp/heic, ≤ 20 MiB) of an
 * application of "Panti Werdha Sejahtera Cipondoh", by an LKS operator invited for the purpose
 * (see `prepareUploader`): no other test touches that LKS, so its application stays a draft while
 * e2e files run side by side.
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import {
  DefaultHttpStack,
  Upload,
  type DetailedError,
  type HttpRequest,
  type HttpResponse,
  type HttpStack,
} from "tus-js-client";
import { FaultProxy } from "./fault-proxy.ts";

const DEMO_PASSWORD = "Akrab-Demo-2026!";
const TENANT = "kota-tangerang";
const LKS_NAME = "Panti Werdha Sejahtera Cipondoh";
const REQUIREMENT = "formulir_b";
export const KiB = 1024;
export const MiB = 1024 * KiB;
/** The file of the figures: 20 MB (decimal), under formulir_b's 20 MiB limit. */
export const FILE_BYTES = 20_000_000;
/** Retry at once after a cut (tus-js-client starts the list over whenever the offset moved). */
const FAST_RETRIES = [0, 100, 300, 500, ...Array<number>(30).fill(1000)];

// ---------------------------------------------------------------------------------------------
// The file

/**
 * A real, valid one-page PDF of about `bytes` bytes: the page shows an uncompressed RGB image
 * whose pixels are random, so the content is incompressible and unique per call. Structure:
 * catalog, pages, page, content stream, image XObject, xref table with exact offsets.
 */
export function makePdf(bytes: number, random: (n: number) => Buffer = randomBytes): Buffer {
  const width = 1000;
  const height = Math.max(1, Math.floor((bytes - 1200) / (width * 3)));
  const pixels = random(width * height * 3);
  const content = Buffer.from("q 595 0 0 842 0 0 cm /Im0 Do Q\n");
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: Buffer | string) => {
    const buffer = typeof part === "string" ? Buffer.from(part, "latin1") : part;
    parts.push(buffer);
    length += buffer.length;
  };
  const object = (n: number, body: string, stream?: Buffer) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\n`);
    if (stream) {
      push("stream\n");
      push(stream);
      push("\nendstream\n");
    }
    push("endobj\n");
  };
  push("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(
    3,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
  );
  object(4, `<< /Length ${content.length} >>`, content);
  object(
    5,
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${pixels.length} >>`,
    pixels,
  );
  const xref = length;
  push(
    `xref\n0 6\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
      .join("")}`,
  );
  push(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

export const sha256Hex = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

// ---------------------------------------------------------------------------------------------
// Who uploads, and to what

export interface Uploader {
  baseUrl: string;
  tenant: string;
  token: string;
  lksId: string;
  applicationId: string;
  email: string;
}

async function call(
  baseUrl: string,
  path: string,
  init: { method?: string; token?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json", ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return fetch(`${baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

async function expectJson<T>(response: Response, what: string, status = 200): Promise<T> {
  if (response.status !== status)
    throw new Error(`${what}: HTTP ${response.status} (expected ${status}): ${await response.text()}`);
  return (await response.json()) as T;
}

/** Logs in through the API (`POST /api/v1/auth/login`) and returns the bearer token. */
async function apiLogin(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const body = await expectJson<{ token: string }>(
    await call(baseUrl, "/api/v1/auth/login", { method: "POST", json: { email, password } }),
    `login ${email}`,
  );
  return body.token;
}

const uploaders = new Map<string, Promise<Uploader>>();

/**
 * An LKS operator with an application in draft, ready to receive uploads. The Kota Tangerang
 * admin invites a fresh operator for Panti Werdha Sejahtera Cipondoh, the link is read from the
 * outbox (platform admin), the operator accepts it and opens an application (or reuses the LKS's
 * open draft). Kasih Bunda (lks@akrab.test) is left alone: tests/e2e/applications.test.ts moves
 * and withdraws its application, which would cut an upload off mid-way (403) when files run in
 * parallel. Memoised per base URL.
 */
export function prepareUploader(baseUrl: string): Promise<Uploader> {
  let pending = uploaders.get(baseUrl);
  if (!pending) {
    pending = createUploader(baseUrl);
    pending.catch(() => uploaders.delete(baseUrl));
    uploaders.set(baseUrl, pending);
  }
  return pending;
}

async function createUploader(baseUrl: string): Promise<Uploader> {
  const t = `/api/v1/t/${TENANT}`;
  const admin = await apiLogin(baseUrl, "dinsos.kota-tangerang@akrab.test");
  const { items } = await expectJson<{ items: { id: string; name: string }[] }>(
    await call(baseUrl, `${t}/lks?q=Cipondoh`, { token: admin }),
    "find the LKS",
  );
  const lksId = items.find((l) => l.name === LKS_NAME)?.id;
  if (!lksId) throw new Error(`${LKS_NAME} is not in ${TENANT}'s registry`);

  const email = `upload.${Date.now().toString(36)}${randomBytes(3).toString("hex")}@akrab.test`;
  await expectJson(
    await call(baseUrl, `${t}/invitations`, {
      method: "POST",
      token: admin,
      json: { email, role: "lks_operator", lksId },
    }),
    "invite an operator",
    201,
  );
  const platform = await apiLogin(baseUrl, "admin@akrab.test");
  const outbox = await expectJson<{ items: { recipient: string; body: string }[] }>(
    await call(baseUrl, "/api/v1/national/outbox", { token: platform }),
    "read the outbox",
  );
  const invite = outbox.items.find((m) => m.recipient === email)?.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  if (!invite) throw new Error(`no invitation link for ${email} in the outbox`);
  const password = `unggah-${randomBytes(6).toString("hex")}`;
  const { token } = await expectJson<{ token: string }>(
    await call(baseUrl, `/api/v1/auth/invitations/${invite}/accept`, {
      method: "POST",
      json: { name: "Operator Unggah (uji)", password },
    }),
    "accept the invitation",
  );

  type Listed = { id: string; open: boolean; step: { id: string } };
  const listed = await expectJson<{ items: Listed[] }>(
    await call(baseUrl, `${t}/lks/${lksId}/applications`, { token }),
    "list the LKS's applications",
  );
  const open = listed.items.find((a) => a.open);
  let applicationId: string;
  if (open) {
    if (open.step.id !== "draft" && open.step.id !== "revision")
      throw new Error(`${LKS_NAME}'s open application ${open.id} is at step ${open.step.id}, not with the LKS`);
    applicationId = open.id;
  } else {
    const letter = {
      number: "021/PWSC/XI/2026",
      date: "2026-11-02",
      signatoryName: "Drs. Bambang Hartono",
      signatoryPosition: "Ketua Yayasan",
    };
    const created = await expectJson<{ id: string }>(
      await call(baseUrl, `${t}/applications`, {
        method: "POST",
        token,
        headers: { "idempotency-key": `upload-bench-${randomBytes(8).toString("hex")}` },
        json: { lksId, kind: "first", letter },
      }),
      "create an application",
      201,
    );
    applicationId = created.id;
  }
  return { baseUrl, tenant: TENANT, token, lksId, applicationId, email };
}

// ---------------------------------------------------------------------------------------------
// One tus upload, with a trace of every request

export interface TraceEntry {
  /** Milliseconds since the upload started. */
  at: number;
  ms: number;
  method: string;
  /** Upload-Offset sent (PATCH). */
  offset: number | null;
  /** Body bytes of a PATCH. */
  bytes: number;
  /** HTTP status, or 0 when the connection failed. */
  status: number;
  /** Upload-Offset answered (HEAD, PATCH, POST). */
  answeredOffset: number | null;
  error?: string;
}

export interface UploadRun {
  uploadUrl: string;
  /** Origin of the Location the POST answered (does the server honour the Host it was reached at?). */
  locationOrigin: string;
  documentId: string | null;
  seconds: number;
  trace: TraceEntry[];
  retries: number;
}

export interface UploadOptions {
  /** tus endpoint, e.g. `${proxy.url}/api/v1/t/kota-tangerang/uploads`. */
  endpoint: string;
  token: string;
  file: Buffer;
  metadata: Record<string, string>;
  chunkSize: number;
  retryDelays?: number[];
  /** Send requests for this origin to another (e.g. a Location naming the server, not the proxy). */
  rewriteOrigin?: { from: string; to: string };
  /** Give up after this long (default 110 s). */
  timeoutMs?: number;
}

/** Uploads `file` with tus-js-client's Node stack on a dedicated keep-alive agent; resolves on success. */
export function tusUpload(options: UploadOptions): Promise<UploadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const inner = new DefaultHttpStack({ agent });
  const rewrite = (url: string) =>
    options.rewriteOrigin && url.startsWith(options.rewriteOrigin.from)
      ? options.rewriteOrigin.to + url.slice(options.rewriteOrigin.from.length)
      : url;
  const httpStack: HttpStack = {
    createRequest: (method, url) => inner.createRequest(method, rewrite(url)),
    getName: () => "rewriting NodeHttpStack",
  };
  const trace: TraceEntry[] = [];
  const open = new Map<HttpRequest, TraceEntry>();
  const t0 = performance.now();
  let retries = 0;
  let locationOrigin = "";
  let documentId: string | null = null;
  const size = options.file.length;
  const header = (value: string | undefined) => (value === undefined || value === "" ? null : Number(value));

  return new Promise<UploadRun>((resolve, reject) => {
    const timer = setTimeout(() => {
      void upload.abort();
      agent.destroy();
      reject(
        new Error(
          `upload did not finish within ${(options.timeoutMs ?? 110_000) / 1000} s; last requests:\n${formatTrace(trace.slice(-15))}`,
        ),
      );
    }, options.timeoutMs ?? 110_000);
    const upload = new Upload(options.file, {
      endpoint: options.endpoint,
      chunkSize: options.chunkSize,
      retryDelays: options.retryDelays ?? FAST_RETRIES,
      headers: { authorization: `Bearer ${options.token}` },
      metadata: options.metadata,
      httpStack,
      onBeforeRequest(req) {
        const offset = header(req.getHeader("Upload-Offset"));
        const method = req.getMethod();
        const entry: TraceEntry = {
          at: performance.now() - t0,
          ms: 0,
          method,
          offset,
          bytes: method === "PATCH" && offset !== null ? Math.min(options.chunkSize, size - offset) : 0,
          status: 0,
          answeredOffset: null,
        };
        open.set(req, entry);
        trace.push(entry);
      },
      onAfterResponse(req, res: HttpResponse) {
        const entry = open.get(req);
        open.delete(req);
        if (entry) {
          entry.ms = performance.now() - t0 - entry.at;
          entry.status = res.getStatus();
          entry.answeredOffset = header(res.getHeader("Upload-Offset"));
        }
        if (req.getMethod() === "POST") {
          const location = res.getHeader("Location");
          if (location) locationOrigin = new URL(location, options.endpoint).origin;
        }
        documentId = res.getHeader("Akrab-Document-Id") || documentId;
      },
      onShouldRetry(error: DetailedError) {
        const entry = open.get(error.originalRequest);
        open.delete(error.originalRequest);
        if (entry) {
          entry.ms = performance.now() - t0 - entry.at;
          entry.error = String(error.causingError ?? error.message).slice(0, 120);
        }
        const status = error.originalResponse?.getStatus() ?? 0;
        const retry = !(status >= 400 && status < 500) || status === 409 || status === 423;
        if (retry) retries++;
        return retry;
      },
      onSuccess() {
        clearTimeout(timer);
        agent.destroy();
        resolve({
          uploadUrl: upload.url ?? "",
          locationOrigin,
          documentId,
          seconds: (performance.now() - t0) / 1000,
          trace,
          retries,
        });
      },
      onError(error) {
        clearTimeout(timer);
        agent.destroy();
        reject(new Error(`upload failed: ${error.message}\nlast requests:\n${formatTrace(trace.slice(-15))}`));
      },
    });
    upload.start();
  });
}

export function formatTrace(trace: TraceEntry[]): string {
  return trace
    .map(
      (e) =>
        `${e.at.toFixed(0).padStart(7)} ms ${e.method.padEnd(5)} offset=${e.offset ?? "-"} bytes=${e.bytes} → ${e.status || "cut"} offset=${e.answeredOffset ?? "-"} (${e.ms.toFixed(0)} ms)${e.error ? ` ${e.error}` : ""}`,
    )
    .join("\n");
}

interface TraceSummary {
  requests: number;
  patches: number;
  /** PATCHes whose connection was cut before an answer. */
  cutPatches: number;
  heads: number;
  /** Bytes of cut PATCHes the server kept anyway (the next HEAD's offset minus the PATCH's offset). */
  keptFromCutPatches: number;
  /** HEADs answering less than an offset the server had already acknowledged: must be 0. */
  staleHeads: number;
  /**
   * PATCHes refused with 409 (offset mismatch) and their body bytes (sent in vain, at most). After a cut,
   * a 409 means the HEAD before it answered an offset the server moved past afterwards: the cut
   * request's bytes were committed after the HEAD had answered.
   */
  conflicts: number;
  conflictBytes: number;
  /** PATCHes answered 204 with less than their whole body taken, and the bytes not taken. */
  shortAcks: number;
  shortAckBytes: number;
  /** Answers other than 2xx (status: count). */
  statuses: Record<number, number>;
}

/** What the trace says about resuming: how much of each cut PATCH survived, and stale offsets. */
function summarizeTrace(trace: TraceEntry[]): TraceSummary {
  const summary: TraceSummary = {
    requests: trace.length,
    patches: 0,
    cutPatches: 0,
    heads: 0,
    keptFromCutPatches: 0,
    staleHeads: 0,
    conflicts: 0,
    conflictBytes: 0,
    shortAcks: 0,
    shortAckBytes: 0,
    statuses: {},
  };
  let acknowledged = 0;
  let cutAt: number | null = null;
  for (const entry of trace) {
    if (entry.status >= 300 || (entry.status > 0 && entry.status < 200))
      summary.statuses[entry.status] = (summary.statuses[entry.status] ?? 0) + 1;
    if (entry.method === "PATCH") {
      summary.patches++;
      if (entry.status === 0) {
        summary.cutPatches++;
        cutAt = entry.offset;
      } else if (entry.status === 409) {
        summary.conflicts++;
        summary.conflictBytes += entry.bytes;
      } else if (entry.status === 204 && entry.answeredOffset !== null) {
        acknowledged = Math.max(acknowledged, entry.answeredOffset);
        const short = (entry.offset ?? 0) + entry.bytes - entry.answeredOffset;
        if (short > 0) {
          summary.shortAcks++;
          summary.shortAckBytes += short;
        }
      }
    } else if (entry.method === "HEAD" && entry.status === 200 && entry.answeredOffset !== null) {
      summary.heads++;
      if (entry.answeredOffset < acknowledged) summary.staleHeads++;
      if (cutAt !== null) summary.keptFromCutPatches += Math.max(0, entry.answeredOffset - cutAt);
      cutAt = null;
      acknowledged = Math.max(acknowledged, entry.answeredOffset);
    } else if (entry.method === "POST" && entry.answeredOffset !== null) acknowledged = entry.answeredOffset;
  }
  return summary;
}

/** Downloads a document's current content through the API. */
export async function downloadDocument(uploader: Uploader, documentId: string): Promise<Buffer> {
  const response = await call(uploader.baseUrl, `/api/v1/t/${uploader.tenant}/documents/${documentId}/content`, {
    token: uploader.token,
    headers: { accept: "*/*" },
  });
  if (response.status !== 200)
    throw new Error(`download ${documentId}: HTTP ${response.status}: ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}

/** The document id of a completed upload, from its HEAD (`Akrab-Document-Id`). */
async function documentIdOf(uploadUrl: string, token: string): Promise<string | null> {
  const response = await fetch(uploadUrl, {
    method: "HEAD",
    headers: { authorization: `Bearer ${token}`, "tus-resumable": "1.0.0" },
  });
  return response.headers.get("akrab-document-id");
}

export function metadataFor(uploader: Uploader, file: Buffer, filename: string): Record<string, string> {
  return {
    filename,
    filetype: "application/pdf",
    sha256: sha256Hex(file),
    applicationId: uploader.applicationId,
    requirement: REQUIREMENT,
  };
}

// ---------------------------------------------------------------------------------------------
// Through the fault proxy (the test and the bench)

export interface FaultyUploadResult {
  fileBytes: number;
  sha256: string;
  documentId: string;
  /** Bytes sent client → server through the proxy (forwarded upstream), all connections, headers included. */
  wireBytes: number;
  /** wireBytes / fileBytes: the figure to compare with @tus/server's 1.12 ×. */
  ratio: number;
  /**
   * Bytes the client handed to the proxy, including the rest of the socket read in which a cut fell
   * (dropped, never forwarded): a stricter count, about 0.05 × above `wireBytes` here.
   */
  clientBytes: number;
  cuts: number;
  connections: number;
  retries: number;
  seconds: number;
  locationOrigin: string;
  proxyOrigin: string;
  summary: TraceSummary;
  trace: TraceEntry[];
}

export interface FaultyUploadOptions {
  fileBytes?: number;
  chunkSize?: number;
  seed?: number;
  cutAfter?: { min: number; max: number };
  /** tus-js-client's retryDelays (default FAST_RETRIES: the first retry at once). */
  retryDelays?: number[];
  timeoutMs?: number;
}

/** One upload of a fresh random PDF through a `FaultProxy` in front of `baseUrl`. */
export async function uploadThroughFaults(
  baseUrl: string,
  options: FaultyUploadOptions = {},
): Promise<FaultyUploadResult> {
  const uploader = await prepareUploader(baseUrl);
  const file = makePdf(options.fileBytes ?? FILE_BYTES);
  const proxy = new FaultProxy({ target: baseUrl, seed: options.seed ?? 20261117, cutAfter: options.cutAfter });
  const proxyOrigin = await proxy.start();
  try {
    const run = await tusUpload({
      endpoint: `${proxyOrigin}/api/v1/t/${uploader.tenant}/uploads`,
      token: uploader.token,
      file,
      metadata: metadataFor(uploader, file, "formulir-b-bukti-layanan.pdf"),
      chunkSize: options.chunkSize ?? 256 * KiB,
      retryDelays: options.retryDelays,
      // A Location naming the server itself would bypass the proxy: keep the traffic on it.
      rewriteOrigin: { from: new URL(baseUrl).origin, to: proxyOrigin },
      timeoutMs: options.timeoutMs,
    });
    const documentId =
      run.documentId ??
      (await documentIdOf(
        run.uploadUrl.replace(new URL(run.uploadUrl).origin, new URL(baseUrl).origin),
        uploader.token,
      ));
    if (!documentId) throw new Error(`upload ${run.uploadUrl} finished without an Akrab-Document-Id`);
    return {
      fileBytes: file.length,
      sha256: sha256Hex(file),
      documentId,
      wireBytes: proxy.bytesToServer,
      ratio: proxy.bytesToServer / file.length,
      clientBytes: proxy.bytesFromClients,
      cuts: proxy.cuts,
      connections: proxy.connections,
      retries: run.retries,
      seconds: run.seconds,
      locationOrigin: run.locationOrigin,
      proxyOrigin,
      summary: summarizeTrace(run.trace),
      trace: run.trace,
    };
  } finally {
    await proxy.stop();
  }
}
