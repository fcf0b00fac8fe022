import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../env.ts";
import { noStoreByDefault } from "./index.ts";

const app = new Hono<AppEnv>()
  .use(noStoreByDefault())
  .get("/private", (c) => c.json({ nik: "3671014101700001" }))
  .get("/public", (c) => c.json({ regions: [] }, 200, { "cache-control": "public, max-age=86400" }))
  .get("/boom", () => {
    throw new Error("broken");
  })
  .onError((_, c) => c.json({ title: "error" }, 500));

describe("noStoreByDefault", () => {
  it("marks an answer no-store when its handler said nothing", async () => {
    expect((await app.request("/private")).headers.get("cache-control")).toBe("no-store");
  });

  it("keeps the caching a handler chose", async () => {
    expect((await app.request("/public")).headers.get("cache-control")).toBe("public, max-age=86400");
  });

  it("marks errors no-store too", async () => {
    const res = await app.request("/boom");
    expect(res.status).toBe(500);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
