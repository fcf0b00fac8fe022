import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../env.ts";
import { onError } from "../problem/index.ts";
import { csrf } from "./index.ts";

const app = new Hono<AppEnv>()
  .use(csrf())
  .get("/read", (c) => c.json({ ok: true }))
  .post("/change", (c) => c.json({ ok: true }))
  .onError(onError);

const ORIGIN = "https://akrab.test";
const COOKIE = "__Host-akrab_session=token";
const post = (headers: Record<string, string>) => app.request(`${ORIGIN}/change`, { method: "POST", headers });

describe("csrf", () => {
  it("lets reads through whatever their origin", async () => {
    expect((await app.request(`${ORIGIN}/read`, { headers: { origin: "https://evil.test" } })).status).toBe(200);
  });

  it("refuses a change whose Origin names another site, signed in or not (login CSRF)", async () => {
    const res = await post({ origin: "https://evil.test" });
    expect(res.status).toBe(403);
    expect((await res.json()) as { type: string }).toMatchObject({ type: "urn:akrab:problem:csrf-rejected" });
    expect((await post({ origin: "https://evil.test", cookie: COOKIE })).status).toBe(403);
  });

  it("asks a cookie-carrying change to prove it is same-origin", async () => {
    expect((await post({ cookie: COOKIE })).status).toBe(403);
    expect((await post({ cookie: COOKIE, origin: ORIGIN })).status).toBe(200);
    expect((await post({ cookie: COOKIE, "sec-fetch-site": "same-origin" })).status).toBe(200);
  });

  it("lets bearer-token clients and cookie-less requests through (no ambient credential to abuse)", async () => {
    expect((await post({ authorization: "Bearer abc", cookie: COOKIE })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });
});
