import { afterEach, describe, expect, test } from "vitest";
import { ApiError, api, setReadCache, type ReadCache } from "./api.ts";

type Call = { url: string; init: RequestInit };

function fakeFetch(response: Response | Error, calls: Call[] = []): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    if (response instanceof Error) throw response;
    return response;
  }) as typeof fetch;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("api client", () => {
  test("GET: same-origin credentials, /api/v1 prefix, path values filled, query without empty values", async () => {
    const calls: Call[] = [];
    const body = await api.get("/t/{tenant}/lks", {
      params: { tenant: "kota-tangerang" },
      fetch: fakeFetch(json({ items: [], nextCursor: null }), calls),
      query: { cursor: null, limit: 20, q: "" },
    });
    expect(body).toEqual({ items: [], nextCursor: null });
    expect(calls[0]?.url).toBe("/api/v1/t/kota-tangerang/lks?limit=20");
    expect(calls[0]?.init.credentials).toBe("same-origin");
    expect(calls[0]?.init.method).toBe("GET");
    expect(calls[0]?.init.body).toBeUndefined();
  });

  test("path values are URL-encoded; a missing one is a bug that sends nothing", async () => {
    const calls: Call[] = [];
    const params = { tenant: "kota tangerang", applicationId: "a/b?c" };
    await api.get("/t/{tenant}/applications/{applicationId}", { params, fetch: fakeFetch(json({}), calls) });
    expect(calls[0]?.url).toBe("/api/v1/t/kota%20tangerang/applications/a%2Fb%3Fc");
    const loose = api.get as (path: string, options: object) => Promise<unknown>;
    const error = await loose("/t/{tenant}/members", { fetch: fakeFetch(json({}), calls) }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(String(error)).toContain("{tenant}");
    expect(calls).toHaveLength(1);
  });

  test("POST sends JSON", async () => {
    const calls: Call[] = [];
    await api.post("/auth/login", { email: "a@b.c", password: "x" }, { fetch: fakeFetch(json({}), calls) });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers["content-type"]).toBe("application/json");
    expect(calls[0]?.init.body).toBe('{"email":"a@b.c","password":"x"}');
  });

  test("problem+json becomes an ApiError with its fields", async () => {
    const problem = {
      type: "urn:akrab:problem:validation",
      title: "Validation failed",
      status: 400,
      detail: "Kata sandi terlalu pendek / Password too short",
      errors: [{ path: "password", message: "Minimal 10 karakter / At least 10 characters" }],
    };
    const response = new Response(JSON.stringify(problem), {
      status: 400,
      headers: { "content-type": "application/problem+json" },
    });
    const body = { name: "Ani", password: "x" };
    const options = { params: { token: "t" }, fetch: fakeFetch(response) };
    const error = await api.post("/auth/invitations/{token}/accept", body, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.type).toBe("urn:akrab:problem:validation");
    expect(apiError.title).toBe("Validation failed");
    expect(apiError.detail).toBe(problem.detail);
    expect(apiError.fieldError("password")).toBe("Minimal 10 karakter / At least 10 characters");
    expect(apiError.fieldError("name")).toBeUndefined();
  });

  test("429 carries Retry-After in seconds", async () => {
    const response = json(
      { type: "urn:akrab:problem:rate-limited", title: "Too many requests", status: 429, detail: "…" },
      429,
      {
        "retry-after": "125",
      },
    );
    const login = { email: "a@b.c", password: "x" };
    const error = (await api
      .post("/auth/login", login, { fetch: fakeFetch(response) })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(125);
  });

  test("a dropped connection is status 0", async () => {
    const error = (await api
      .get("/auth/me", { fetch: fakeFetch(new TypeError("Failed to fetch")) })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
  });

  test("204 and bodiless 202 resolve to undefined; HTML instead of JSON is an error", async () => {
    expect(
      await api.post("/auth/logout", undefined, { fetch: fakeFetch(new Response(null, { status: 204 })) }),
    ).toBeUndefined();
    const accepted = fakeFetch(new Response(null, { status: 202 }));
    expect(await api.post("/auth/password-reset", { email: "a@b.c" }, { fetch: accepted })).toBeUndefined();
    const html = new Response("<!doctype html>", { status: 200, headers: { "content-type": "text/html" } });
    const error = (await api.get("/auth/me", { fetch: fakeFetch(html) }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
  });
});

describe("the answers kept on the device (the read cache)", () => {
  /** A fetch whose answers the test gives, in the order it chooses. */
  function heldFetch() {
    const waiting: { url: string; answer: (body: unknown) => void }[] = [];
    const fetch = ((input: RequestInfo | URL) =>
      new Promise<Response>((resolve) =>
        waiting.push({ url: String(input), answer: (body) => resolve(json(body)) }),
      )) as typeof globalThis.fetch;
    return { fetch, waiting };
  }
  function store(owner = "u1") {
    const puts: { url: string; data: unknown }[] = [];
    const cache: ReadCache = {
      owner,
      get: async (url) => puts.findLast((p) => p.url === url)?.data,
      put: async (url, data) => void puts.push({ url, data }),
    };
    return { cache, puts };
  }
  afterEach(() => setReadCache(null));

  const setup = "/api/v1/t/kota-tangerang/setup";
  const params = { tenant: "kota-tangerang" };
  const read = (fetch: typeof globalThis.fetch) => api.get("/t/{tenant}/setup", { params, fetch });

  test("each GET's answer is kept, in order when they arrive in order", async () => {
    const { cache, puts } = store();
    setReadCache(cache);
    const { fetch, waiting } = heldFetch();
    const first = read(fetch);
    const second = read(fetch);
    waiting[0]!.answer({ n: 1 });
    await first;
    waiting[1]!.answer({ n: 2 });
    await second;
    expect(puts).toEqual([
      { url: setup, data: { n: 1 } },
      { url: setup, data: { n: 2 } },
    ]);
  });

  test("a GET answered after one of the same URL asked later is not kept: the store keeps the newer one", async () => {
    const { cache, puts } = store();
    setReadCache(cache);
    const { fetch, waiting } = heldFetch();
    const older = read(fetch);
    const newer = read(fetch);
    waiting[1]!.answer({ n: 2 });
    expect(await newer).toEqual({ n: 2 });
    waiting[0]!.answer({ n: 1 });
    // The caller still gets its answer; only the device's copy stays the newer one.
    expect(await older).toEqual({ n: 1 });
    expect(puts).toEqual([{ url: setup, data: { n: 2 } }]);
    expect(await cache.get(setup)).toEqual({ n: 2 });
  });

  test("another URL's answers do not count", async () => {
    const { cache, puts } = store();
    setReadCache(cache);
    const { fetch, waiting } = heldFetch();
    const here = read(fetch);
    const there = api.get("/t/{tenant}/setup", { params: { tenant: "kota-serang" }, fetch });
    waiting[1]!.answer({ there: true });
    await there;
    waiting[0]!.answer({ here: true });
    await here;
    expect(puts.map((p) => p.url)).toEqual(["/api/v1/t/kota-serang/setup", setup]);
  });

  test("a write kept with `keep: true` counts as asked when it was sent: a read asked before it, answered after it, is not kept", async () => {
    const { cache, puts } = store();
    setReadCache(cache);
    const { fetch, waiting } = heldFetch();
    const before = read(fetch);
    const write = api.patch("/t/{tenant}/setup", { dismissed: true } as never, { params, fetch, keep: true });
    const after = read(fetch);
    waiting[1]!.answer({ saved: true });
    await write;
    waiting[0]!.answer({ saved: false });
    await before;
    expect(puts.map((p) => p.data)).toEqual([{ saved: true }]);
    // A read asked after the write is newer: kept.
    waiting[2]!.answer({ saved: true, read: true });
    await after;
    expect(await cache.get(setup)).toEqual({ saved: true, read: true });
  });

  test("a write without `keep: true` keeps nothing and does not count", async () => {
    const { cache, puts } = store();
    setReadCache(cache);
    const { fetch, waiting } = heldFetch();
    const before = read(fetch);
    const write = api.patch("/t/{tenant}/setup", { dismissed: true } as never, { params, fetch });
    waiting[1]!.answer({ saved: true });
    await write;
    waiting[0]!.answer({ saved: false });
    await before;
    expect(puts.map((p) => p.data)).toEqual([{ saved: false }]);
  });

  test("per person: another person's store keeps its own answers, whatever the one before kept", async () => {
    const first = store("u1");
    setReadCache(first.cache);
    const { fetch, waiting } = heldFetch();
    const older = read(fetch);
    const newer = read(fetch);
    waiting[1]!.answer({ who: "u1" });
    await newer;
    const second = store("u2");
    setReadCache(second.cache);
    waiting[0]!.answer({ who: "u2" });
    await older;
    expect(second.puts).toEqual([{ url: setup, data: { who: "u2" } }]);
  });

  test("the same person's store again (the server confirmed it) goes on counting: the older answer is still left out", async () => {
    const first = store("u1");
    setReadCache(first.cache);
    const { fetch, waiting } = heldFetch();
    const older = read(fetch);
    const newer = read(fetch);
    waiting[1]!.answer({ n: 2 });
    await newer;
    const confirmed = store("u1");
    setReadCache(confirmed.cache);
    waiting[0]!.answer({ n: 1 });
    await older;
    expect(confirmed.puts).toEqual([]);
  });
});
