/**
 * The fault proxy itself (no Worker involved): it forwards both ways, cuts each connection at a
 * seeded point inside its range, counts what it saw, and draws the same cut points for the same seed.
 */
import net, { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FaultProxy, mulberry32 } from "../support/fault-proxy.ts";

let sink: Server;
let sinkPort = 0;
/** Bytes received by the sink, per connection, once each connection closes. */
const received: number[] = [];

beforeAll(async () => {
  // Echoes the first line back, then swallows everything.
  sink = createServer((socket) => {
    let count = 0;
    let echoed = false;
    socket.on("data", (chunk: Buffer) => {
      count += chunk.length;
      if (!echoed) {
        echoed = true;
        socket.write(`got ${chunk.subarray(0, 5).toString()}`);
      }
    });
    socket.on("error", () => {});
    socket.on("close", () => received.push(count));
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  sinkPort = (sink.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

/** Sends `bytes` bytes through the proxy on one connection; resolves with what came back once it closes. */
function send(proxyUrl: string, bytes: number): Promise<{ reply: string }> {
  return new Promise((resolve) => {
    const { port } = new URL(proxyUrl);
    const socket = net.connect(Number(port), "127.0.0.1");
    let reply = "";
    let sent = 0;
    socket.on("data", (chunk) => (reply += chunk.toString()));
    // End only once the sink has answered (or clearly will not): a loaded machine may be slow to reply.
    const answered = Promise.race([
      new Promise((r) => socket.once("data", r)),
      new Promise((r) => setTimeout(r, 2000)),
    ]);
    socket.on("error", () => {});
    socket.on("close", () => resolve({ reply }));
    const block = Buffer.alloc(16 * 1024, 0x61);
    block.write("hello");
    const pump = () => {
      while (sent < bytes) {
        const piece = block.subarray(0, Math.min(block.length, bytes - sent));
        sent += piece.length;
        if (!socket.write(piece)) return void socket.once("drain", pump);
      }
      void answered.then(() => socket.end());
    };
    socket.once("connect", pump);
  });
}

describe("FaultProxy", () => {
  test("cuts each connection at a seeded point in its range and counts the bytes", async () => {
    const proxy = new FaultProxy({
      target: `127.0.0.1:${sinkPort}`,
      seed: 7,
      cutAfter: { min: 100_000, max: 200_000 },
    });
    const url = await proxy.start();
    received.length = 0;
    for (let i = 0; i < 5; i++) await send(url, 1_000_000);
    await new Promise((r) => setTimeout(r, 100));
    await proxy.stop();

    expect(proxy.connections).toBe(5);
    expect(proxy.cuts).toBe(5);
    expect(Math.min(...proxy.cutPoints)).toBeGreaterThanOrEqual(100_000);
    expect(Math.max(...proxy.cutPoints)).toBeLessThanOrEqual(200_000);
    // Each connection forwarded exactly its cut point; the sink got at most that.
    expect(proxy.bytesToServer).toBe(proxy.cutPoints.reduce((a, b) => a + b, 0));
    expect(proxy.bytesFromClients).toBeGreaterThanOrEqual(proxy.bytesToServer);
    expect(received.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(proxy.bytesToServer);

    // The same seed draws the same points.
    const again = new FaultProxy({
      target: `127.0.0.1:${sinkPort}`,
      seed: 7,
      cutAfter: { min: 100_000, max: 200_000 },
    });
    await again.start();
    for (let i = 0; i < 5; i++) await send(again.url, 1_000_000);
    await again.stop();
    expect(again.cutPoints).toEqual(proxy.cutPoints);
  });

  test("forwards both ways and leaves connections under their cut point alone", async () => {
    const proxy = new FaultProxy({ target: `http://127.0.0.1:${sinkPort}`, seed: 1 });
    const url = await proxy.start();
    const { reply } = await send(url, 50_000); // well under 300 KiB
    await proxy.stop();
    expect(reply).toBe("got hello");
    expect(proxy.cuts).toBe(0);
    expect(proxy.bytesFromClients).toBe(50_000);
    expect(proxy.bytesToServer).toBe(50_000);
    expect(proxy.bytesToClients).toBe("got hello".length);
  });

  test("mulberry32 is deterministic and uniform enough for cut points", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});
