import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../../env.ts";
import { Problem, onError, onNotFound } from "./index.ts";

const app = new Hono<AppEnv>()
  .use(requestId())
  .get("/conflict", () => {
    throw new Problem("conflict", "Sudah diputus / Already decided", { errors: [{ path: "status", message: "…" }] });
  })
  .get("/too-large", () => {
    throw new HTTPException(413, { message: "too large" });
  })
  .get("/bug", () => {
    throw new Error("secret internal detail");
  })
  .notFound(onNotFound)
  .onError(onError);

type Body = { type: string; status: number; title: string; detail: string; instance: string; requestId: string };

afterEach(() => vi.restoreAllMocks());

describe("problem responses", () => {
  it("answers a Problem as RFC 9457 problem+json with its type, fields and the request id", async () => {
    const res = await app.request("/conflict", { headers: { "x-request-id": "req-1" } });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as Body & { errors: unknown[] };
    expect(body).toMatchObject({
      type: "urn:akrab:problem:conflict",
      status: 409,
      instance: "/conflict",
      requestId: "req-1",
    });
    expect(body.errors).toEqual([{ path: "status", message: "…" }]);
  });

  it("maps Hono's own HTTP errors onto the problem types", async () => {
    const res = await app.request("/too-large");
    expect(res.status).toBe(413);
    expect(((await res.json()) as Body).type).toBe("urn:akrab:problem:payload-too-large");
  });

  it("hides an unexpected error's detail from the client and logs it with the request id", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await app.request("/bug", { headers: { "x-request-id": "req-2" } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret internal detail");
    expect(text).toContain("req-2");
    expect(String(log.mock.calls[0]?.[0])).toContain("secret internal detail");
  });

  it("answers an unknown route as a not-found problem naming it", async () => {
    const res = await app.request("/nowhere", { method: "DELETE" });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Body).detail).toContain("DELETE /nowhere");
  });
});
