/**
 * Upload figures for `bench/run.ts`, with the Node tus client of tests/support/tus-node-client.ts:
 *
 *  - `benchUploadThroughput(baseUrl)`: a 20 MB PDF uploaded straight to the server (loopback, no
 *    proxy) with 5 MiB and with 256 KiB chunks → seconds and MB/s;
 *  - `benchUploadFaults(baseUrl)`: the same file through `FaultProxy`, which cuts every connection
 *    after 300–900 KiB (seeded), with 256 KiB chunks → bytes on the wire / file size, and cuts.
 *    The official Node tus server with a file store does about 1.12 × under the same proxy
 *    (shared/STACK-NOTES.md); the fault test requires ≤ 1.25 ×.
 *
 * Standalone: `tsx bench/uploads.ts` starts its own server on port 8793 (AKRAB_BENCH_PORT), or uses
 * a running one with AKRAB_BENCH_URL=http://127.0.0.1:8792.
 */
import { pathToFileURL } from "node:url";
import {
  FILE_BYTES,
  KiB,
  MiB,
  downloadDocument,
  makePdf,
  metadataFor,
  prepareUploader,
  sha256Hex,
  tusUpload,
  uploadThroughFaults,
  type FaultyUploadOptions,
} from "../tests/support/tus-node-client.ts";

// ---------------------------------------------------------------------------------------------
// Bench figures

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export interface ThroughputRow {
  chunk: string;
  fileBytes: number;
  seconds: number;
  mbPerSecond: number;
  requests: number;
  /** Should be 0 on loopback. */
  retries: number;
}

/** Loopback upload throughput straight to the server (no proxy): a 20 MB PDF per chunk size. */
export async function benchUploadThroughput(
  baseUrl: string,
  opts: { fileBytes?: number; chunkSizes?: number[] } = {},
): Promise<ThroughputRow[]> {
  const uploader = await prepareUploader(baseUrl);
  const rows: ThroughputRow[] = [];
  for (const chunkSize of opts.chunkSizes ?? [5 * MiB, 256 * KiB]) {
    const file = makePdf(opts.fileBytes ?? FILE_BYTES); // fresh bytes: the same sha256 would be answered as a duplicate
    const run = await tusUpload({
      endpoint: `${baseUrl}/api/v1/t/${uploader.tenant}/uploads`,
      token: uploader.token,
      file,
      metadata: metadataFor(uploader, file, `bench-${chunkSize}.pdf`),
      chunkSize,
      retryDelays: [0, 100, 500],
    });
    rows.push({
      chunk: chunkSize >= MiB ? `${chunkSize / MiB} MiB` : `${chunkSize / KiB} KiB`,
      fileBytes: file.length,
      seconds: run.seconds,
      mbPerSecond: file.length / 1e6 / run.seconds,
      requests: run.trace.length,
      retries: run.retries,
    });
  }
  console.log("Upload throughput, tus on loopback (no proxy)");
  console.table(
    rows.map((r) => ({
      file: mb(r.fileBytes),
      chunk: r.chunk,
      requests: r.requests,
      retries: r.retries,
      seconds: r.seconds.toFixed(2),
      "MB/s": r.mbPerSecond.toFixed(1),
    })),
  );
  return rows;
}

export interface FaultRow {
  fileBytes: number;
  wireBytes: number;
  ratio: number;
  cuts: number;
  connections: number;
  seconds: number;
  keptFromCutPatches: number;
  staleHeads: number;
  /** PATCHes refused 409 right after a resume (see TraceSummary.conflicts). */
  conflicts: number;
  /** Stricter: bytes the client handed to the proxy / file size (see FaultyUploadResult.clientBytes). */
  clientRatio: number;
}

/** Bytes on the wire / file size for a 20 MB upload whose connections are cut every 300–900 KiB (seeded). */
export async function benchUploadFaults(baseUrl: string, opts: FaultyUploadOptions = {}): Promise<FaultRow> {
  const result = await uploadThroughFaults(baseUrl, { timeoutMs: 300_000, ...opts });
  const uploader = await prepareUploader(baseUrl);
  const stored = await downloadDocument(uploader, result.documentId);
  if (sha256Hex(stored) !== result.sha256)
    throw new Error(
      `stored document ${result.documentId} differs from the uploaded file (sha256 ${sha256Hex(stored)} ≠ ${result.sha256})`,
    );
  const row: FaultRow = {
    fileBytes: result.fileBytes,
    wireBytes: result.wireBytes,
    ratio: result.ratio,
    cuts: result.cuts,
    connections: result.connections,
    seconds: result.seconds,
    keptFromCutPatches: result.summary.keptFromCutPatches,
    staleHeads: result.summary.staleHeads,
    conflicts: result.summary.conflicts,
    clientRatio: result.clientBytes / result.fileBytes,
  };
  console.log(
    "Resumable upload under a connection cut every 300–900 KiB (256 KiB chunks; reference: @tus/server ≈ 1.12 ×)",
  );
  console.table([
    {
      file: mb(row.fileBytes),
      "on the wire": mb(row.wireBytes),
      "wire / file": `${row.ratio.toFixed(3)} ×`,
      "client-sent / file": `${row.clientRatio.toFixed(3)} ×`,
      cuts: row.cuts,
      connections: row.connections,
      seconds: row.seconds.toFixed(1),
      "kept of cut PATCHes": `${(row.keptFromCutPatches / KiB).toFixed(0)} KiB`,
      "stale HEADs": row.staleHeads,
      "409 after resume": row.conflicts,
    },
  ]);
  return row;
}

// ---------------------------------------------------------------------------------------------
// `tsx bench/uploads.ts`

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const external = process.env.AKRAB_BENCH_URL?.replace(/\/$/, "");
  const { startLocalServer } = await import("../tests/support/local-server.ts");
  const server = external
    ? { url: external, stop: async () => {} }
    : await startLocalServer({ port: Number(process.env.AKRAB_BENCH_PORT ?? 8793) });
  try {
    await benchUploadThroughput(server.url);
    await benchUploadFaults(server.url);
  } finally {
    await server.stop();
  }
}
