import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/src/app.ts";
import { apiDocument } from "../../worker/src/routes/docs/index.ts";
import { DEV_BACKUP_SECRET } from "../../worker/src/services/backup-key.ts";
import { ORIGIN, api, expectProblem, login } from "./helpers.ts";

type Key = { userId: string; keyId: string; algorithm: string; key: string };
const keyOf = async (token: string) => {
  const res = await api("/api/v1/auth/backup-key", { token });
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return (await res.json()) as Key;
};
const bytes = (key: string) =>
  Uint8Array.from(atob(key.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));

describe("GET /api/v1/auth/backup-key", () => {
  it("gives each person one key of 32 bytes, the same in every session, and another person another key", async () => {
    const first = await login("lks@akrab.test");
    const again = await login("lks@akrab.test");
    const other = await login("dinsos.kota-tangerang@akrab.test");
    const [a, b, c] = await Promise.all([keyOf(first.token), keyOf(again.token), keyOf(other.token)]);
    expect(a).toMatchObject({ keyId: "v1", algorithm: "HMAC-SHA256" });
    expect(bytes(a.key)).toHaveLength(32);
    expect(b).toEqual(a);
    expect(c.userId).not.toBe(a.userId);
    expect(c.key).not.toBe(a.key);
  });

  it("answers the browser's cookie as well, and nobody without a session", async () => {
    const { cookie, token } = await login("lks@akrab.test");
    const viaCookie = await api("/api/v1/auth/backup-key", { headers: { cookie } });
    expect(((await viaCookie.json()) as Key).key).toBe((await keyOf(token)).key);
    await expectProblem(await api("/api/v1/auth/backup-key"), 401, "unauthenticated");
  });

  it("refuses to derive keys outside development without a real BACKUP_SECRET", async () => {
    const { token } = await login("lks@akrab.test");
    const jwt = "a-real-jwt-secret-of-at-least-32-characters!!";
    // Sign in under "production" needs its own token: the dev token's secret differs.
    const app = createApp();
    const prod = { ...env, ENVIRONMENT: "production", JWT_SECRET: jwt };
    const signIn = await app.fetch(
      new Request(`${ORIGIN}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "lks@akrab.test", password: "Akrab-Demo-2026!" }),
      }),
      prod,
    );
    const prodToken = ((await signIn.json()) as { token: string }).token;
    const ask = (extra: Record<string, string>) =>
      app.fetch(
        new Request(`${ORIGIN}/api/v1/auth/backup-key`, { headers: { authorization: `Bearer ${prodToken}` } }),
        { ...prod, ...extra },
      );
    await expectProblem(await ask({}), 500, "misconfigured");
    await expectProblem(await ask({ BACKUP_SECRET: DEV_BACKUP_SECRET }), 500, "misconfigured");
    const ok = await ask({ BACKUP_SECRET: "another-real-secret-of-at-least-32-chars" });
    expect(ok.status).toBe(200);
    // Another secret, another key: the development key never signs a production file.
    expect(((await ok.json()) as Key).key).not.toBe((await keyOf(token)).key);
  });
});

/**
 * The person axis of the route walk: every route outside the tenant and national paths that the
 * document says needs a session (the person's own data: who they are, their backup key, their
 * work list, their notifications) answers 401 to a caller without one. New
 * routes join the walk automatically.
 */
describe("person walk: signed-in-only routes outside /t/ and /national/", () => {
  it("answer 401 to nobody", async () => {
    const doc = apiDocument(createApp());
    const routes = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { security?: Record<string, string[]>[] }>)
        .filter(([, op]) => (op.security ?? []).some((s) => "Bearer" in s))
        .filter(() => !/^\/api\/v1\/(t|national)\//.test(path))
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes).toContainEqual({ method: "GET", path: "/api/v1/auth/backup-key" });
    for (const { method, path } of routes) {
      const url = path.replace(/\{(\w+)\}/g, "x");
      const init = { method, ...(method === "GET" || method === "DELETE" ? {} : { json: {} }) };
      const res = await api(url, { ...init, headers: { origin: ORIGIN } });
      expect(res.status, `${method} ${path}`).toBe(401);
      await expectProblem(res, 401, "unauthenticated");
    }
  });
});
