/**
 * A TCP proxy that simulates a bad mobile connection for upload tests and the bench: every client
 * connection is forwarded to `target`, and cut (both sockets destroyed) once it has sent a random
 * number of bytes upstream, drawn uniformly from `cutAfter` (default 300–900 KiB) by a seeded PRNG,
 * so a run with the same seed cuts at the same points. The counters say what crossed the proxy,
 * which is the cost of resuming: compare `bytesToServer` (client → server, all connections) with
 * the file size. `bytesFromClients` also counts the rest of the read in which a cut fell (dropped).
 *
 *   const proxy = new FaultProxy({ target: "http://127.0.0.1:8792" });
 *   const url = await proxy.start(); // http://127.0.0.1:<port>
 *   … upload through `url` …
 *   await proxy.stop();
 *   console.log(proxy.bytesToServer, proxy.cuts);
 *
 * Node only (node:net); HTTP/1.1 in plain text, which is what a local `wrangler dev` speaks.
 */
import net from "node:net";

export interface FaultProxyOptions {
  /** Where to forward: "http://host:port" or "host:port". */
  target: string;
  /** Port to listen on, on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Inclusive range of bytes (client → server) a connection may carry before it is cut. Default 300–900 KiB. */
  cutAfter?: { min: number; max: number };
  /** PRNG seed for the cut points (default 1). */
  seed?: number;
  /** Forward without cutting (same counters): for a baseline through the same proxy. */
  passThrough?: boolean;
}

/** mulberry32: a tiny, fast, seedable 32-bit PRNG; plenty for choosing cut points. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KiB = 1024;

export class FaultProxy {
  /** Bytes forwarded client → server (at most the cut point of each connection): the bytes on the wire. */
  bytesToServer = 0;
  /** Bytes the proxy read from clients: `bytesToServer` plus the rest of each read a cut fell in, which is dropped. */
  bytesFromClients = 0;
  /** Bytes forwarded server → client. */
  bytesToClients = 0;
  /** Client connections accepted. */
  connections = 0;
  /** Connections the proxy cut. */
  cuts = 0;
  /** The cut point drawn for each connection, in order of arrival (whether or not it was reached). */
  readonly cutPoints: number[] = [];

  private readonly host: string;
  private readonly targetPort: number;
  private readonly random: () => number;
  private readonly min: number;
  private readonly max: number;
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly options: FaultProxyOptions) {
    const target = new URL(options.target.includes("://") ? options.target : `tcp://${options.target}`);
    this.host = target.hostname;
    this.targetPort = Number(target.port || 80);
    this.random = mulberry32(options.seed ?? 1);
    this.min = options.cutAfter?.min ?? 300 * KiB;
    this.max = options.cutAfter?.max ?? 900 * KiB;
    if (!(this.min > 0 && this.max >= this.min)) throw new Error(`bad cutAfter range ${this.min}–${this.max}`);
  }

  /** Listens on 127.0.0.1 and resolves to the proxy's base URL (http://127.0.0.1:port). */
  async start(): Promise<string> {
    const server = net.createServer((client) => this.handle(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port ?? 0, "127.0.0.1", () => resolve());
    });
    return this.url;
  }

  get url(): string {
    const address = this.server?.address();
    if (!address || typeof address === "string") throw new Error("the proxy is not listening");
    return `http://127.0.0.1:${address.port}`;
  }

  /** Closes the listener and every open connection. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Zeroes the counters (the PRNG keeps its position). */
  reset(): void {
    this.bytesFromClients = this.bytesToServer = this.bytesToClients = this.connections = this.cuts = 0;
    this.cutPoints.length = 0;
  }

  private nextCutPoint(): number {
    return this.min + Math.floor(this.random() * (this.max - this.min + 1));
  }

  private handle(client: net.Socket): void {
    this.connections++;
    const limit = this.options.passThrough ? Infinity : this.nextCutPoint();
    this.cutPoints.push(limit);
    let sent = 0;
    let cut = false;
    const upstream = net.connect(this.targetPort, this.host);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    // Bytes that arrive before the upstream connection is up are buffered by the socket's writable side.
    client.on("data", (chunk: Buffer) => {
      if (cut) return;
      this.bytesFromClients += chunk.length;
      const room = limit - sent;
      if (chunk.length < room) {
        sent += chunk.length;
        this.bytesToServer += chunk.length;
        if (!upstream.write(chunk)) client.pause();
        return;
      }
      // The cut: forward exactly up to the drawn point, then drop both sides at once.
      cut = true;
      this.cuts++;
      const head = chunk.subarray(0, room);
      sent += head.length;
      this.bytesToServer += head.length;
      if (head.length > 0) upstream.write(head);
      close();
    });
    upstream.on("drain", () => client.resume());
    upstream.on("data", (chunk: Buffer) => {
      this.bytesToClients += chunk.length;
      if (!client.write(chunk)) upstream.pause();
    });
    client.on("drain", () => upstream.resume());
    client.on("end", () => upstream.end());
    upstream.on("end", () => client.end());
    client.on("close", close);
    upstream.on("close", close);
    client.on("error", close);
    upstream.on("error", close);
  }
}
