import { describe, expect, test } from "vitest";
import { sha256Hex, toHex } from "./hash.ts";
import { failureText, timeLeftText } from "./messages.ts";
import {
  KIB,
  MIB,
  RETRY_DELAYS,
  acceptAttribute,
  canSend,
  documentTypeOfFile,
  keepSmaller,
  photoTargets,
  renameFor,
  savedFraction,
  transferPlan,
} from "./plan.ts";
import { nextSpeed, overall, overallSecondsLeft, roundedTimeLeft, secondsLeft, type SpeedState } from "./progress.ts";
import {
  base64Utf8,
  createUpload,
  encodeMetadata,
  failureFrom,
  failureKind,
  NetworkDown,
  parseProblem,
  shouldRetryStatus,
  UploadRefused,
} from "./protocol.ts";
import { targetKey } from "./store.ts";

describe("transferPlan: chunk size from the connection", () => {
  test("slow links get 256 KiB chunks, one file at a time", () => {
    for (const effectiveType of ["slow-2g", "2g", "3g"]) {
      expect(transferPlan({ effectiveType, downlink: 0.4 }, true)).toEqual({ chunkSize: 256 * KIB, parallel: 1 });
    }
    // Data saver, whatever the link.
    expect(transferPlan({ effectiveType: "4g", downlink: 10, saveData: true }, false).chunkSize).toBe(256 * KIB);
    // "4g" covers anything from ~0.7 Mbit/s: a low downlink estimate is a 3G-ish link.
    expect(transferPlan({ effectiveType: "4g", downlink: 1.2 }, true).chunkSize).toBe(256 * KIB);
  });
  test("4g gets 1 MiB; a fast desktop link 5 MiB", () => {
    expect(transferPlan({ effectiveType: "4g", downlink: 4 }, true)).toEqual({ chunkSize: MIB, parallel: 2 });
    expect(transferPlan({ effectiveType: "4g", downlink: 10 }, true).chunkSize).toBe(MIB);
    expect(transferPlan({ effectiveType: "4g", downlink: 10 }, false).chunkSize).toBe(5 * MIB);
  });
  test("without the Network Information API: 5 MiB on a desktop, 1 MiB on a phone", () => {
    expect(transferPlan(null, false).chunkSize).toBe(5 * MIB);
    expect(transferPlan(undefined, true).chunkSize).toBe(MIB);
    expect(transferPlan({}, false).chunkSize).toBe(5 * MIB);
  });
  test("retries go on for a long time, never faster than the first quick tries", () => {
    expect(RETRY_DELAYS[0]).toBe(0);
    expect(RETRY_DELAYS.reduce((a, b) => a + b, 0)).toBeGreaterThan(10 * 60_000);
    for (let i = 1; i < RETRY_DELAYS.length; i++) expect(RETRY_DELAYS[i]!).toBeGreaterThanOrEqual(RETRY_DELAYS[i - 1]!);
  });
});

describe("file types", () => {
  test("accept attribute lists MIME types and extensions", () => {
    expect(acceptAttribute(["pdf", "jpeg"])).toBe("application/pdf,.pdf,image/jpeg,.jpg,.jpeg");
    expect(acceptAttribute(["heic"])).toBe("image/heic,.heic,.heif,image/heif");
  });
  test("a file's type from its MIME type, else its extension", () => {
    expect(documentTypeOfFile("scan.PDF", "")).toBe("pdf");
    expect(documentTypeOfFile("x", "image/jpg")).toBe("jpeg");
    expect(documentTypeOfFile("IMG_0001.HEIC", "")).toBe("heic");
    expect(documentTypeOfFile("a.bin", "image/heif")).toBe("heic");
    expect(documentTypeOfFile("data.xlsx", "application/octet-stream")).toBe("xlsx");
    expect(documentTypeOfFile("notes.txt", "text/plain")).toBeNull();
  });
  test("photos are re-encoded to WebP where accepted and encodable, else JPEG; HEIC and PDFs never", () => {
    expect(photoTargets("jpeg", ["pdf", "jpeg", "png", "webp"], true)).toEqual(["image/webp", "image/jpeg"]);
    expect(photoTargets("jpeg", ["pdf", "jpeg", "png", "webp"], false)).toEqual(["image/jpeg"]);
    expect(photoTargets("png", ["pdf", "jpeg", "png"], true)).toEqual(["image/jpeg"]);
    expect(photoTargets("png", ["png"], true)).toEqual(["image/png"]);
    expect(photoTargets("heic", ["heic", "jpeg"], true)).toEqual([]);
    expect(photoTargets("pdf", ["pdf", "jpeg"], true)).toEqual([]);
  });
  test("a PNG can go to a JPEG-only requirement (converted); a PDF cannot go to an image one", () => {
    expect(canSend("png", ["jpeg"], false)).toBe(true);
    expect(canSend("pdf", ["jpeg", "png"], true)).toBe(false);
    expect(canSend(null, ["pdf"], true)).toBe(false);
    expect(canSend("heic", ["heic"], false)).toBe(true);
  });
  test("the name follows the new type", () => {
    expect(renameFor("IMG_0001.PNG", "image/jpeg")).toBe("IMG_0001.jpg");
    expect(renameFor("foto.jpeg", "image/jpeg")).toBe("foto.jpeg");
    expect(renameFor("foto.jpg", "image/webp")).toBe("foto.webp");
    expect(renameFor("noext", "image/webp")).toBe("noext.webp");
  });
  test("the smaller of original and re-encoded wins; small savings are not announced", () => {
    const original = { size: 100 };
    expect(keepSmaller(original, { size: 60 })).toEqual({ size: 60 });
    expect(keepSmaller(original, { size: 120 })).toBe(original);
    expect(keepSmaller(original, null)).toBe(original);
    expect(savedFraction(1000, 400)).toBeCloseTo(0.6);
    expect(savedFraction(1000, 980)).toBe(0);
    expect(savedFraction(1000, 1200)).toBe(0);
  });
});

describe("progress: speed and time left", () => {
  test("a steady 50 KB/s link is estimated at 50 KB/s", () => {
    let speed: SpeedState | null = null;
    for (let t = 0; t <= 10_000; t += 500) speed = nextSpeed(speed, t, (t / 1000) * 50_000);
    expect(speed!.rate).toBeCloseTo(50_000, -2);
    expect(secondsLeft(500_000, speed)).toBeCloseTo(10, 0);
  });
  test("no estimate before two seconds of data, none from a single sample", () => {
    const first = nextSpeed(null, 0, 0);
    expect(secondsLeft(1000, first)).toBeNull();
    const second = nextSpeed(first, 1000, 50_000);
    expect(second.rate).toBe(50_000);
    expect(secondsLeft(1000, second)).toBeNull();
    expect(secondsLeft(0, null)).toBe(0);
  });
  test("bursts are smoothed; a drop that loses bytes restarts the baseline without a negative speed", () => {
    let speed: SpeedState | null = null;
    for (let t = 0; t <= 6000; t += 1000) speed = nextSpeed(speed, t, (t / 1000) * 40_000);
    const burst = nextSpeed(speed, 7000, 6 * 40_000 + 400_000); // 400 KB in one second
    expect(burst.rate).toBeLessThan(200_000);
    expect(burst.rate).toBeGreaterThan(40_000);
    const lost = nextSpeed(burst, 8000, 100_000);
    expect(lost.bytes).toBe(100_000);
    expect(lost.rate).toBeGreaterThanOrEqual(0);
    expect(lost.observed).toBe(0);
    expect(secondsLeft(10_000, lost)).toBeNull();
  });
  test("jittery events closer than 250 ms are folded into the next", () => {
    const a = nextSpeed(nextSpeed(null, 0, 0), 1000, 1000);
    expect(nextSpeed(a, 1100, 900_000)).toBe(a);
  });
  test("time left is rounded so it does not flicker", () => {
    expect(roundedTimeLeft(3)).toEqual({ hours: 0, minutes: 0, seconds: 5 });
    expect(roundedTimeLeft(41)).toEqual({ hours: 0, minutes: 0, seconds: 45 });
    expect(roundedTimeLeft(150)).toEqual({ hours: 0, minutes: 3, seconds: 0 });
    expect(roundedTimeLeft(2 * 3600 + 10 * 60)).toEqual({ hours: 2, minutes: 10, seconds: 0 });
    expect(timeLeftText(150)).toBe("sekitar 3 menit lagi");
    expect(timeLeftText(12)).toBe("sekitar 15 detik lagi");
    expect(timeLeftText(null)).toBeNull();
  });
  test("overall progress and time left of the queue", () => {
    const steady: SpeedState = { at: 0, bytes: 0, rate: 50_000, observed: 5000 };
    expect(
      overall([
        { sent: 100, total: 200 },
        { sent: 300, total: 300 },
      ]),
    ).toEqual({ sent: 400, total: 500, fraction: 0.8 });
    expect(overall([])).toEqual({ sent: 0, total: 0, fraction: 0 });
    expect(
      overallSecondsLeft([
        { sent: 0, total: 500_000, speed: steady, active: true },
        { sent: 0, total: 500_000, speed: null, active: false },
      ]),
    ).toBeCloseTo(20);
    expect(overallSecondsLeft([{ sent: 0, total: 10, speed: null, active: false }])).toBeNull();
  });
});

describe("tus protocol pieces", () => {
  test("Upload-Metadata values are base64 of UTF-8", () => {
    expect(base64Utf8("foto.jpg")).toBe("Zm90by5qcGc=");
    expect(Buffer.from(base64Utf8("Akta pendirian – Ü.pdf"), "base64").toString("utf8")).toBe("Akta pendirian – Ü.pdf");
    expect(encodeMetadata({ filename: "a.pdf", filetype: "application/pdf" })).toBe(
      "filename YS5wZGY=,filetype YXBwbGljYXRpb24vcGRm",
    );
  });
  test("refusals map by problem type first, status second", () => {
    expect(failureKind(415, "urn:akrab:problem:file-type-mismatch", "transfer")).toBe("type_mismatch");
    expect(failureKind(415, "urn:akrab:problem:unsupported-media-type", "create")).toBe("unsupported_type");
    expect(failureKind(415, null, "create")).toBe("unsupported_type");
    expect(failureKind(460, "urn:akrab:problem:checksum-mismatch", "transfer")).toBe("checksum");
    expect(failureKind(460, null, "transfer")).toBe("checksum");
    expect(failureKind(413, "urn:akrab:problem:payload-too-large", "create")).toBe("too_large");
    expect(failureKind(410, "urn:akrab:problem:gone", "transfer")).toBe("gone");
    expect(failureKind(404, "urn:akrab:problem:not-found", "transfer")).toBe("gone");
    expect(failureKind(404, "urn:akrab:problem:not-found", "create")).toBe("not_found");
    expect(failureKind(403, "urn:akrab:problem:forbidden", "create")).toBe("forbidden");
    expect(failureKind(400, "urn:akrab:problem:validation", "create")).toBe("validation");
    expect(failureKind(500, null, "transfer")).toBe("server");
  });
  test("only link trouble and server hiccups are retried by themselves", () => {
    for (const status of [0, 409, 423, 429, 500, 502, 503]) expect(shouldRetryStatus(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 410, 413, 415, 460]) expect(shouldRetryStatus(status)).toBe(false);
  });
  test("problem bodies are read defensively", () => {
    expect(parseProblem('{"type":"urn:akrab:problem:gone","detail":"Hilang / Gone"}')).toEqual({
      type: "urn:akrab:problem:gone",
      detail: "Hilang / Gone",
    });
    expect(parseProblem("<html>")).toEqual({ type: null, detail: null });
    expect(parseProblem(null)).toEqual({ type: null, detail: null });
    expect(failureFrom(460, '{"type":"urn:akrab:problem:checksum-mismatch"}', "transfer").kind).toBe("checksum");
  });
  test("every refusal has an Indonesian sentence that says what to do", () => {
    const context = { size: 3 * MIB, maxBytes: 2 * MIB, acceptedTypes: ["pdf", "jpeg"] as ("pdf" | "jpeg")[] };
    expect(failureText({ kind: "too_large", status: 413, detail: null }, context)).toBe(
      "Berkas terlalu besar (3 MB). Batas untuk dokumen ini 2 MB.",
    );
    expect(failureText({ kind: "unsupported_type", status: 415, detail: null }, context)).toContain("PDF, JPEG");
    expect(failureText({ kind: "type_mismatch", status: 415, detail: null }, context)).toContain("tidak sesuai");
    expect(failureText({ kind: "checksum", status: 460, detail: null }, context)).toContain("SHA-256");
    expect(failureText({ kind: "gone", status: 410, detail: null }, context)).toContain("mulai lagi");
    expect(
      failureText({ kind: "validation", status: 400, detail: "Nama berkas wajib ada / filename is required" }, context),
    ).toBe("Berkas ditolak: Nama berkas wajib ada");
  });
});

describe("createUpload: the tus creation POST", () => {
  const request = {
    tenant: "kota-tangerang",
    size: 1234,
    filename: "foto.webp",
    filetype: "image/webp",
    sha256: "a".repeat(64),
    target: { applicationId: "app-1", requirement: "formulir_b" },
  };

  test("sends the tus headers and resolves the Location", async () => {
    let seen: { url: string; init: RequestInit } | null = null;
    const fetchFn = (async (url: string, init: RequestInit) => {
      seen = { url, init };
      return new Response(JSON.stringify({ id: "u1", offset: 0, length: 1234, duplicate: false, documentId: null }), {
        status: 201,
        headers: {
          Location: "/api/v1/t/kota-tangerang/uploads/u1",
          "Upload-Offset": "0",
          "content-type": "application/json",
        },
      });
    }) as unknown as typeof fetch;
    const created = await createUpload(request, fetchFn, "http://127.0.0.1:8791/permohonan/app-1");
    expect(created).toEqual({
      url: "http://127.0.0.1:8791/api/v1/t/kota-tangerang/uploads/u1",
      offset: 0,
      duplicate: false,
      documentId: null,
    });
    expect(seen!.url).toBe("/api/v1/t/kota-tangerang/uploads");
    const headers = seen!.init.headers as Record<string, string>;
    expect(headers["Tus-Resumable"]).toBe("1.0.0");
    expect(headers["Upload-Length"]).toBe("1234");
    const pairs = Object.fromEntries(
      headers["Upload-Metadata"]!.split(",")
        .map((pair) => pair.split(" "))
        .map(([k, v]) => [k, Buffer.from(v!, "base64").toString()]),
    );
    expect(pairs).toEqual({
      filename: "foto.webp",
      filetype: "image/webp",
      sha256: "a".repeat(64),
      applicationId: "app-1",
      requirement: "formulir_b",
    });
  });

  test("names a profile document of an LKS (its decree) as the target instead of a requirement", async () => {
    let metadata = "";
    const fetchFn = (async (_url: string, init: RequestInit) => {
      metadata = (init.headers as Record<string, string>)["Upload-Metadata"]!;
      return new Response("{}", { status: 201, headers: { Location: "/api/v1/t/prov-dki-jakarta/uploads/u3" } });
    }) as unknown as typeof fetch;
    await createUpload({ ...request, target: { lksId: "lks-7", profileField: "decree" } }, fetchFn);
    const keys = metadata.split(",").map((pair) => pair.split(" ")[0]);
    expect(keys).toEqual(["filename", "filetype", "sha256", "lksId", "profileField"]);
    expect(targetKey({ lksId: "lks-7", profileField: "decree" })).not.toBe(
      targetKey({ applicationId: "lks-7", requirement: "decree" }),
    );
  });

  test("names an indicator of the application as the target of evidence, its own place beside a requirement", async () => {
    let metadata = "";
    const fetchFn = (async (_url: string, init: RequestInit) => {
      metadata = (init.headers as Record<string, string>)["Upload-Metadata"]!;
      return new Response("{}", { status: 201, headers: { Location: "/api/v1/t/kota-tangerang/uploads/u4" } });
    }) as unknown as typeof fetch;
    await createUpload({ ...request, target: { applicationId: "app-1", indicator: "5.2.1" } }, fetchFn);
    const keys = metadata.split(",").map((pair) => pair.split(" ")[0]);
    expect(keys).toEqual(["filename", "filetype", "sha256", "applicationId", "indicator"]);
    expect(targetKey({ applicationId: "app-1", indicator: "5.2.1" })).not.toBe(
      targetKey({ applicationId: "app-1", requirement: "5.2.1" }),
    );
  });

  test("an already stored file is reported before any byte is sent", async () => {
    const fetchFn = (async () =>
      new Response(JSON.stringify({ id: "u2", offset: 1234, length: 1234, duplicate: true, documentId: "doc-9" }), {
        status: 201,
        headers: {
          Location: "http://127.0.0.1:8791/api/v1/t/kota-tangerang/uploads/u2",
          "Upload-Offset": "1234",
          "Akrab-Duplicate": "true",
          "Akrab-Document-Id": "doc-9",
        },
      })) as unknown as typeof fetch;
    expect(await createUpload(request, fetchFn)).toEqual({
      url: "http://127.0.0.1:8791/api/v1/t/kota-tangerang/uploads/u2",
      offset: 1234,
      duplicate: true,
      documentId: "doc-9",
    });
  });

  test("a refusal carries its kind; no answer or a 5xx means wait and retry", async () => {
    const refuse = (async () =>
      new Response(
        JSON.stringify({
          type: "urn:akrab:problem:payload-too-large",
          status: 413,
          detail: "Terlalu besar / Too large",
        }),
        {
          status: 413,
          headers: { "content-type": "application/problem+json" },
        },
      )) as unknown as typeof fetch;
    const error = await createUpload(request, refuse).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadRefused);
    expect((error as UploadRefused).failure).toEqual({
      kind: "too_large",
      status: 413,
      detail: "Terlalu besar / Too large",
    });

    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    expect(await createUpload(request, offline).catch((e: unknown) => e)).toBeInstanceOf(NetworkDown);
    const busy = (async () => new Response("", { status: 503 })) as unknown as typeof fetch;
    expect(await createUpload(request, busy).catch((e: unknown) => e)).toBeInstanceOf(NetworkDown);
  });
});

describe("sha256Hex", () => {
  test("hashes the bytes of a Blob", async () => {
    expect(await sha256Hex(new Blob(["abc"]))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe("000fff");
  });
});
