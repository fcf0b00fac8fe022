import { describe, expect, it } from "vitest";
import { readEagerly } from "./index.ts";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  const sizes: number[] = [];
  for await (const chunk of stream) sizes.push(chunk.byteLength);
  return sizes;
}

/** A network body: `chunks` arrive at once, then the connection breaks, discarding whatever nobody read. */
function breaking(chunks: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size));
      setTimeout(() => controller.error(new Error("connection reset")), 5);
    },
  });
}

describe("readEagerly", () => {
  it("is needed: a broken body read late gives nothing", async () => {
    const late = breaking([1000, 2000]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(readAll(late)).rejects.toThrow("connection reset");
  });

  it("keeps the bytes that arrived before a body broke, even when nobody was reading yet", async () => {
    const stream = readEagerly(breaking([1000, 2000, 3000]), 1 << 20);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the handler is busy elsewhere meanwhile
    expect(await readAll(stream)).toEqual([1000, 2000, 3000]);
  });

  it("passes a whole body through in order", async () => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const size of [5, 6, 7]) controller.enqueue(new Uint8Array(size));
        controller.close();
      },
    });
    expect(await readAll(readEagerly(source, 1 << 20))).toEqual([5, 6, 7]);
  });

  it("holds no more than its high-water mark ahead of the reader", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1000;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    const stream = readEagerly(endless, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulled).toBeLessThanOrEqual(12_000);
    await stream.cancel();
  });
});
