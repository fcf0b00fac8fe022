/**
 * Exports (for `bench/run.ts`, alone with `AKRAB_BENCH_ONLY=export`): 25,000 LKS rows of ten typed
 * columns written as XLSX and as CSV by the streaming writers (`worker/src/lib/export/`), in Node
 * in-process (time, bytes, chunks, the most heap the run added) and in workerd behind `wrangler dev`
 * (time to the last byte as a client downloads it). The bar: under 5 s on local workerd,
 * never the whole file in memory.
 *
 * Standalone: `npx tsx bench/export.ts`.
 */
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { csvStream } from "../worker/src/lib/export/csv-stream.ts";
import { xlsxStream } from "../worker/src/lib/export/xlsx-stream.ts";
import { BENCH_EXPORT_COLUMNS, benchExportRows } from "./export-rows.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ROWS = 25_000;
const PORT = Number(process.env.AKRAB_BENCH_EXPORT_PORT ?? 8859);

interface ExportFigure {
  where: string;
  format: string;
  ms: number;
  bytes: number;
  chunks: number;
  largestChunk: number;
  heapAddedMb: number | null;
}

async function drain(stream: ReadableStream<Uint8Array>, sampleHeap: boolean) {
  let bytes = 0;
  let chunks = 0;
  let largest = 0;
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  for await (const chunk of stream) {
    bytes += chunk.length;
    chunks++;
    largest = Math.max(largest, chunk.length);
    if (sampleHeap && chunks % 10 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  return { bytes, chunks, largest, heapAddedMb: sampleHeap ? (peakHeap - baseHeap) / 2 ** 20 : null };
}

async function inProcess(format: "xlsx" | "csv"): Promise<ExportFigure> {
  const table = { columns: BENCH_EXPORT_COLUMNS, rows: benchExportRows(ROWS), preamble: ["Data per (bench)"] };
  global.gc?.();
  const started = performance.now();
  const r = await drain(format === "xlsx" ? xlsxStream(table) : csvStream(table), true);
  return { where: `Node ${process.version}`, format, ms: performance.now() - started, ...r, largestChunk: r.largest };
}

async function startExportWorker(): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    "wrangler",
    [
      "dev",
      "-c",
      "bench/export-worker/wrangler.toml",
      "--ip",
      "127.0.0.1",
      "--port",
      String(PORT),
      "--show-interactive-dev-session=false",
    ],
    { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" }, detached: true, stdio: "ignore" },
  );
  const url = `http://127.0.0.1:${PORT}`;
  const stop = () => process.kill(-(child.pid as number), "SIGTERM");
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/csv?rows=1`)).ok) return { url, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  stop();
  throw new Error("export bench worker did not start");
}

async function inWorkerd(url: string, format: "xlsx" | "csv"): Promise<ExportFigure> {
  await drain((await fetch(`${url}/${format}?rows=1000`)).body as ReadableStream<Uint8Array>, false); // warm-up
  const started = performance.now();
  const res = await fetch(`${url}/${format}?rows=${ROWS}`);
  const r = await drain(res.body as ReadableStream<Uint8Array>, false);
  return { where: "workerd (wrangler dev)", format, ms: performance.now() - started, ...r, largestChunk: r.largest };
}

export async function benchExports(): Promise<ExportFigure[]> {
  const figures = [await inProcess("xlsx"), await inProcess("csv")];
  const worker = await startExportWorker();
  try {
    figures.push(await inWorkerd(worker.url, "xlsx"), await inWorkerd(worker.url, "csv"));
  } finally {
    worker.stop();
  }
  console.log(`\nExports: ${ROWS.toLocaleString("en")} rows × ${BENCH_EXPORT_COLUMNS.length} typed columns, streamed`);
  console.table(
    figures.map((f) => ({
      where: f.where,
      format: f.format,
      time: `${f.ms.toFixed(0)} ms`,
      size: `${(f.bytes / 1024).toFixed(0)} KB`,
      chunks: f.chunks,
      "largest chunk": `${(f.largestChunk / 1024).toFixed(1)} KB`,
      "heap added (peak)": f.heapAddedMb === null ? "–" : `${f.heapAddedMb.toFixed(1)} MB`,
    })),
  );
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchExports();
