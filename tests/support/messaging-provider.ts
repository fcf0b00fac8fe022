import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for a WhatsApp/SMS HTTP provider, on a real local port, so the Worker's adapter
 * makes real HTTP requests from workerd. It answers by recipient: +628000000503 → 503 (try
 * again), +628000000400 → 400 (refused for good), anything else → 200 with an id. Requests are
 * kept and listed at GET /__requests for the tests to check method, headers and body.
 */
export async function startMessagingStub(): Promise<string> {
  const received: { method: string; headers: IncomingMessage["headers"]; body: unknown }[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/__requests") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
        return;
      }
      const body = raw ? (JSON.parse(raw) as { to?: string }) : {};
      received.push({ method: req.method ?? "", headers: req.headers, body });
      if (req.headers.authorization !== "Bearer stub-token") return void res.writeHead(401).end("bad token");
      if (body.to === "+628000000503") return void res.writeHead(503).end("gateway overloaded");
      if (body.to === "+628000000400") return void res.writeHead(400).end('{"error":"number not on WhatsApp"}');
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `stub-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref(); // the test process may end while it listens
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
