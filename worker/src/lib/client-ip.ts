import type { Context } from "hono";

/** Cloudflare sets CF-Connecting-IP on every request at the edge; it cannot be forged by the client there. */
export function clientIp(c: Context): string {
  return c.req.header("cf-connecting-ip") ?? "unknown";
}
