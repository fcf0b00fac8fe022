/**
 * A 20 MB upload over a connection that keeps breaking: tus-js-client (Node) → FaultProxy, which cuts
 * every connection after 300–900 KiB (seeded) → wrangler dev. The upload must finish, the stored
 * bytes must be the file's, and resuming must not resend much: at most 1.25 × the file size on the
 * wire (the official Node tus server with a file store does about 1.12 × here).
 *
 * `npm test` runs this file on its own (`npm run test:faults`), after the browser tests: it
 * measures what network cuts cost, and three Chromium runs competing for two cores would add the
 * cost of a starved local server to that figure.
 */
import { describe, expect, inject, test } from "vitest";
import {
  downloadDocument,
  formatTrace,
  prepareUploader,
  sha256Hex,
  uploadThroughFaults,
} from "../support/tus-node-client.ts";

const baseUrl = inject("baseUrl");

describe("resumable uploads over a bad connection", () => {
  test("a 20 MB PDF in 256 KiB chunks survives a cut every 300–900 KiB, with ≤ 1.25 × its size on the wire", {
    timeout: 150_000,
  }, async () => {
    const uploader = await prepareUploader(baseUrl);
    const result = await uploadThroughFaults(baseUrl, { seed: 20261117, timeoutMs: 120_000 });
    const { summary } = result;
    console.log(
      [
        `upload through the fault proxy: ${(result.fileBytes / 1e6).toFixed(1)} MB in ${result.seconds.toFixed(1)} s`,
        `  wire / file = ${result.ratio.toFixed(3)} × (${result.wireBytes} bytes through the proxy; ${(result.clientBytes / result.fileBytes).toFixed(3)} × counting what it dropped at the cuts), ${result.cuts} cuts over ${result.connections} connections, ${result.retries} retries`,
        `  ${summary.patches} PATCH (${summary.cutPatches} cut), ${summary.heads} HEAD; bytes of cut PATCHes kept by the server: ${summary.keptFromCutPatches}; stale HEADs: ${summary.staleHeads}; 409 after a resume: ${summary.conflicts} (${summary.conflictBytes} body bytes); short 204s: ${summary.shortAcks} (${summary.shortAckBytes} bytes); non-2xx: ${JSON.stringify(summary.statuses)}`,
        `  Location origin ${result.locationOrigin} (proxy ${result.proxyOrigin})`,
      ].join("\n"),
    );
    if (process.env.AKRAB_UPLOAD_TRACE) console.log(formatTrace(result.trace));

    const stored = await downloadDocument(uploader, result.documentId);
    expect(stored.length).toBe(result.fileBytes);
    expect(sha256Hex(stored)).toBe(result.sha256);
    expect(summary.staleHeads, "a HEAD answered less than an offset already acknowledged").toBe(0);
    expect(result.cuts, "the proxy should have cut the upload's connections many times").toBeGreaterThanOrEqual(20);
    expect(
      result.ratio,
      `bytes sent through the proxy / file size (${result.wireBytes} / ${result.fileBytes})`,
    ).toBeLessThanOrEqual(1.25);
  });
});
