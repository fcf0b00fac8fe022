/**
 * The bench's link shaper: its pacing arithmetic (one queue per direction shared by every
 * connection, then half the round trip), and a real exchange through it taking RTT + bytes / rate.
 * The upper bounds leave room for a loaded machine (timers fire late, never early); the lower ones
 * are exact: nothing may cross faster than the link.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LinkDirection, LinkShaper, bytesPerMs, idleExchangeMs } from "./link-shaper.ts";

describe("LinkDirection", () => {
  test("bytes on an idle link arrive after their sending time plus half the round trip", () => {
    // 250 kbit/s = 31.25 bytes per ms; 800 ms round trip = 400 ms one way.
    const link = new LinkDirection(bytesPerMs(250), 400);
    expect(link.arrival(1000, 3125)).toBe(1000 + 100 + 400);
  });

  test("bytes queued behind others wait for them: the link's rate is shared, not per connection", () => {
    const link = new LinkDirection(bytesPerMs(250), 400);
    // Two connections hand over 31,250 bytes each at the same moment: the second is sent after the first.
    expect(link.arrival(0, 31_250)).toBe(1000 + 400);
    expect(link.arrival(0, 31_250)).toBe(2000 + 400);
    // Later, once the link is idle again, no wait.
    expect(link.arrival(5000, 3125)).toBe(5000 + 100 + 400);
  });

  test("an idle exchange costs one round trip plus both ways' bytes at the rate", () => {
    expect(idleExchangeMs({ rttMs: 800, kbitPerSecond: 250 }, 500, 31_250)).toBe(800 + 16 + 1000);
  });

  test("a link without rate or with negative latency is refused", () => {
    expect(() => new LinkDirection(0, 400)).toThrow(/bad link/);
    expect(() => new LinkDirection(1, -1)).toThrow(/bad link/);
  });
});

describe("LinkShaper", () => {
  const BODY = Buffer.alloc(20_000, 0x61);
  let server: http.Server;
  let target = "";

  beforeAll(async () => {
    server = http.createServer((_request, response) => {
      response.setHeader("content-length", BODY.length);
      response.end(BODY);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** GETs `path` through `base` on a new connection; resolves with the answer's length and the time taken. */
  const get = (base: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<{ length: number; ms: number }>((resolve, reject) => {
      const start = performance.now();
      const request = http.get(`${base}${path}`, { agent: false, headers }, (response) => {
        let length = 0;
        response.on("data", (chunk: Buffer) => (length += chunk.length));
        response.on("end", () => resolve({ length, ms: performance.now() - start }));
      });
      request.on("error", reject);
    });

  test("a known-size answer takes RTT + bytes / rate, and the shaper counts and attributes it", async () => {
    // 800 kbit/s = 100 bytes per ms: 20 KB takes 200 ms to send, plus a 200 ms round trip.
    const link = { rttMs: 200, kbitPerSecond: 800 };
    const shaper = new LinkShaper({ target, ...link });
    const base = await shaper.start();
    try {
      const plain = await get(base, "/file");
      expect(plain.length).toBe(BODY.length);
      const [exchange] = shaper.exchanges;
      expect(exchange).toMatchObject({ method: "GET", path: "/file", by: "page" });
      expect(exchange!.received).toBeGreaterThan(BODY.length);
      const expected = idleExchangeMs(link, exchange!.sent, exchange!.received);
      expect(plain.ms).toBeGreaterThanOrEqual(expected - 5);
      expect(plain.ms).toBeLessThan(expected + 300);

      // The worker's own fetches name its script as referrer; its script's fetch says so in a header.
      await get(base, "/precached", { referer: `${base}/service-worker.js` });
      await get(base, "/service-worker.js", { "service-worker": "script" });
      expect(shaper.exchanges.map((e) => [e.path, e.by])).toEqual([
        ["/file", "page"],
        ["/precached", "worker"],
        ["/service-worker.js", "worker"],
      ]);
    } finally {
      await shaper.stop();
    }
  });

  test("two answers at once share the rate: the pair takes twice one answer's sending time", async () => {
    const link = { rttMs: 100, kbitPerSecond: 800 };
    const shaper = new LinkShaper({ target, ...link });
    const base = await shaper.start();
    try {
      const start = performance.now();
      await Promise.all([get(base, "/a"), get(base, "/b")]);
      const ms = performance.now() - start;
      const received = shaper.exchanges.reduce((sum, e) => sum + e.received, 0);
      // Both answers' bytes go through the one downlink (≈ 400 ms), not 200 ms each side by side.
      expect(ms).toBeGreaterThanOrEqual(link.rttMs + received / bytesPerMs(link.kbitPerSecond) - 5);
      expect(ms).toBeLessThan(link.rttMs + received / bytesPerMs(link.kbitPerSecond) + 300);
    } finally {
      await shaper.stop();
    }
  });
});
