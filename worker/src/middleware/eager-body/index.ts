import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env.ts";

/**
 * Starts reading a request body the moment the request arrives, into a bounded buffer, and hands
 * handlers a stream (`c.var.body`) that delivers what arrived and then simply ends, also when the
 * client's connection broke.
 *
 * Why: a request body that breaks discards the bytes it had queued but nobody had read yet. An
 * upload chunk waits for authentication and a few queries before its handler reads it; a phone
 * that loses signal in that moment would lose bytes the server already received. Read at once,
 * they are kept, and the upload resumes after them. At most `highWaterMark` bytes are held
 * ahead of the reader.
 */
export const eagerBody = (highWaterMark: number) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const body = c.req.raw.body;
    if (body) c.set("body", readEagerly(body, highWaterMark));
    await next();
  });

export function readEagerly(source: ReadableStream<Uint8Array>, highWaterMark: number): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const queue: Uint8Array[] = [];
  let queued = 0;
  let finished = false;
  // Resolvers of whoever waits: the reader for a chunk, the pump for room.
  const waiting: { chunk?: () => void; room?: () => void } = {};

  void (async () => {
    try {
      for (;;) {
        while (queued >= highWaterMark) await new Promise<void>((resolve) => (waiting.room = resolve));
        const { value, done } = await reader.read();
        if (done) break;
        queue.push(value);
        queued += value.byteLength;
        waiting.chunk?.();
      }
    } catch {
      // The connection broke: what arrived before it is in the queue.
    }
    finished = true;
    waiting.chunk?.();
  })();

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (queue.length === 0 && !finished) await new Promise<void>((resolve) => (waiting.chunk = resolve));
      const chunk = queue.shift();
      if (!chunk) return controller.close();
      queued -= chunk.byteLength;
      waiting.room?.();
      controller.enqueue(chunk);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
