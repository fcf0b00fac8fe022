/**
 * A slow link in front of a local server, for the bench: a TCP proxy that every requester in the
 * browser goes through from its first byte (pages and the service worker alike, which DevTools'
 * per-target emulation cannot promise: a worker's first requests leave before its target is
 * announced). Chromium is pointed at it by URL (the proxy's origin is the app's origin then; the
 * app takes its origin from the Host header, so sign-in and CSRF checks hold).
 *
 * The model is one radio link: each direction is a single queue shared by every connection, which
 * sends at `kbitPerSecond` (serialisation) and delivers after half the round trip (propagation). A
 * request of q bytes answered with r bytes therefore takes RTT + (q + r) / rate, plus the wait for
 * whatever else is queued on the link; requests in parallel share the rate instead of each getting
 * it. Not modelled: TCP's handshake and slow start (connections are opened at loopback speed), loss.
 *
 * It also reads HTTP/1.1 request heads (Chromium does not pipeline: a connection carries one
 * exchange at a time) to say who asked for each exchange: the service worker (its script's fetch
 * carries `Service-Worker: script`, its own fetches its script as referrer) or the page.
 *
 *   const shaper = new LinkShaper({ target: "http://127.0.0.1:8865", rttMs: 800, kbitPerSecond: 250 });
 *   const url = await shaper.start(8866); // http://127.0.0.1:8866: open the app here
 *   … shaper.exchanges …
 *   await shaper.stop();
 *
 * Node only (node:net); HTTP/1.1 in plain text, which is what a local `wrangler dev` speaks.
 */
import net from "node:net";

/**
 * One direction of the link: when bytes handed to it at `now` (ms) have all reached the other end.
 * They wait for the bytes queued before them (one radio), take `bytes / rate` to send, then half the
 * round trip to arrive. Pure arithmetic, so the pacing can be tested without sockets.
 */
export class LinkDirection {
  /** When the bytes queued so far have all been sent (ms, the clock the caller passes). */
  private sentAt = 0;

  constructor(
    private readonly bytesPerMs: number,
    private readonly oneWayMs: number,
  ) {
    if (!(bytesPerMs > 0) || !(oneWayMs >= 0)) throw new Error(`bad link: ${bytesPerMs} B/ms, ${oneWayMs} ms one way`);
  }

  /** Queues `bytes` at `now` and returns when the last of them arrives. */
  arrival(now: number, bytes: number): number {
    const start = Math.max(now, this.sentAt);
    this.sentAt = start + bytes / this.bytesPerMs;
    return this.sentAt + this.oneWayMs;
  }
}

/** Bytes per millisecond of a link of `kbitPerSecond` (kilo = 1000, as DevTools and radio links count). */
export const bytesPerMs = (kbitPerSecond: number) => (kbitPerSecond * 1000) / 8 / 1000;

/** What one request and its answer cost on an idle link: RTT plus both ways' bytes at the link's rate. */
export const idleExchangeMs = (link: { rttMs: number; kbitPerSecond: number }, sent: number, received: number) =>
  link.rttMs + (sent + received) / bytesPerMs(link.kbitPerSecond);

/** One request and its answer as they crossed the link. */
export interface Exchange {
  /** The request line's method and target ("" until the head has arrived whole). */
  method: string;
  path: string;
  /** Who asked: the service worker (its script, or a fetch whose referrer is its script) or a page. */
  by: "worker" | "page";
  /** When the first byte of the request reached the proxy (performance.now()). */
  startedAt: number;
  /** Which connection carried it (1 for the proxy's first). */
  connection: number;
  /** Bytes client → server (request head and body) and server → client (answer head and body) that have crossed the link so far. */
  sent: number;
  received: number;
  /** When the last byte of its answer so far reached the client (performance.now(); 0 before the first). */
  answeredAt: number;
}

export interface LinkShaperOptions {
  /** Where to forward: "http://host:port". */
  target: string;
  rttMs: number;
  kbitPerSecond: number;
  /** The service worker's script path (default /service-worker.js): fetches with it as referrer are the worker's. */
  workerScript?: string;
}

/** A piece is sent on its own: one TCP segment's worth, so a long answer arrives bit by bit, as on a radio. */
const SLICE = 1460;

/** The bytes of one connection's one direction, delivered in order at their arrival times. */
class Delivery {
  private readonly queue: { at: number; run: () => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  push(at: number, run: () => void): void {
    this.queue.push({ at, run });
    if (!this.timer) this.arm();
  }

  /** When the last queued thing arrives (or `now`, with nothing queued). */
  lastAt(now: number): number {
    return Math.max(now, this.queue.at(-1)?.at ?? now);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
  }

  private arm(): void {
    const head = this.queue[0];
    if (!head) return;
    this.timer = setTimeout(() => this.fire(), Math.max(0, head.at - performance.now()));
  }

  private fire(): void {
    this.timer = null;
    const now = performance.now();
    while (this.queue.length && this.queue[0]!.at <= now + 0.5) this.queue.shift()!.run();
    this.arm();
  }
}

export class LinkShaper {
  /** Every exchange since the start (or the last `reset`), in the order their requests arrived. */
  readonly exchanges: Exchange[] = [];
  connections = 0;

  private readonly host: string;
  private readonly targetPort: number;
  private readonly up: LinkDirection;
  private readonly down: LinkDirection;
  private readonly oneWayMs: number;
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly deliveries = new Set<Delivery>();

  constructor(private readonly options: LinkShaperOptions) {
    const target = new URL(options.target);
    this.host = target.hostname;
    this.targetPort = Number(target.port || 80);
    this.oneWayMs = options.rttMs / 2;
    const rate = bytesPerMs(options.kbitPerSecond);
    this.up = new LinkDirection(rate, this.oneWayMs);
    this.down = new LinkDirection(rate, this.oneWayMs);
  }

  /** Listens on 127.0.0.1:`port` (0: any free port) and resolves to the proxy's base URL. */
  async start(port = 0): Promise<string> {
    const server = net.createServer({ allowHalfOpen: true }, (client) => this.handle(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    return this.url;
  }

  get url(): string {
    const address = this.server?.address();
    if (!address || typeof address === "string") throw new Error("the link shaper is not listening");
    return `http://127.0.0.1:${address.port}`;
  }

  /** Closes the listener and every open connection, dropping what was still on the link. */
  async stop(): Promise<void> {
    for (const delivery of this.deliveries) delivery.cancel();
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The exchanges whose request arrived in [from, to) (performance.now() times). */
  between(from: number, to = Number.POSITIVE_INFINITY): Exchange[] {
    return this.exchanges.filter((exchange) => exchange.startedAt >= from && exchange.startedAt < to);
  }

  private handle(client: net.Socket): void {
    const connection = ++this.connections;
    const upstream = net.connect({ port: this.targetPort, host: this.host, allowHalfOpen: true });
    const toServer = new Delivery();
    const toClient = new Delivery();
    this.deliveries.add(toServer).add(toClient);
    this.sockets.add(client).add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      toServer.cancel();
      toClient.cancel();
      this.deliveries.delete(toServer);
      this.deliveries.delete(toClient);
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };

    // The exchange under way on this connection, its request head while it is still arriving, and
    // whether its answer has begun to come from the server.
    let current: Exchange | null = null;
    let head = "";
    let answering = false;
    client.on("data", (chunk: Buffer) => {
      // Bytes from the client after an answer began start the next exchange (no pipelining).
      if (!current || answering) {
        current = {
          method: "",
          path: "",
          by: "page",
          startedAt: performance.now(),
          connection,
          sent: 0,
          received: 0,
          answeredAt: 0,
        };
        this.exchanges.push(current);
        head = "";
        answering = false;
      }
      const exchange = current;
      if (!exchange.method) {
        head += chunk.toString("latin1");
        if (head.includes("\r\n\r\n")) this.readHead(exchange, head);
      }
      // Counted as they reach the other end: the bytes that have crossed the link so far.
      this.send(this.up, toServer, chunk, (slice) => {
        exchange.sent += slice.length;
        upstream.write(slice);
      });
    });
    upstream.on("data", (chunk: Buffer) => {
      answering = true;
      const exchange = current;
      this.send(this.down, toClient, chunk, (slice) => {
        if (exchange) {
          exchange.received += slice.length;
          exchange.answeredAt = performance.now();
        }
        client.write(slice);
      });
    });
    // An end travels the link behind the bytes before it.
    client.on("end", () => toServer.push(toServer.lastAt(performance.now()), () => upstream.end()));
    upstream.on("end", () => toClient.push(toClient.lastAt(performance.now()), () => client.end()));
    let ended = 0;
    const oneSideDone = () => {
      ended += 1;
      if (ended === 2) close();
    };
    client.on("finish", oneSideDone);
    upstream.on("finish", oneSideDone);
    client.on("error", close);
    upstream.on("error", close);
    client.on("close", () => toServer.push(toServer.lastAt(performance.now()), close));
    upstream.on("close", () => toClient.push(toClient.lastAt(performance.now()), close));
  }

  /** Paces `chunk` on `direction` a slice at a time and hands each slice over when it arrives. */
  private send(direction: LinkDirection, delivery: Delivery, chunk: Buffer, write: (slice: Buffer) => void): void {
    const now = performance.now();
    for (let offset = 0; offset < chunk.length; offset += SLICE) {
      const slice = chunk.subarray(offset, offset + SLICE);
      delivery.push(direction.arrival(now, slice.length), () => write(slice));
    }
  }

  private readHead(exchange: Exchange, head: string): void {
    const [requestLine = "", ...lines] = head.slice(0, head.indexOf("\r\n\r\n")).split("\r\n");
    const [method = "?", target = "?"] = requestLine.split(" ");
    exchange.method = method;
    exchange.path = target;
    const headers = new Map(
      lines.map((line) => {
        const colon = line.indexOf(":");
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
      }),
    );
    const script = this.options.workerScript ?? "/service-worker.js";
    const referrer = headers.get("referer");
    const fromWorker = referrer !== undefined && URL.canParse(referrer) && new URL(referrer).pathname === script;
    if (headers.get("service-worker") === "script" || fromWorker) exchange.by = "worker";
  }
}
