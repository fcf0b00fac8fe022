import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/src/app.ts";
import { DEV_JWT_SECRET } from "../../worker/src/services/tokens.ts";
import { DEMO_PASSWORD, ORIGIN, api, auditActions, expectProblem, login } from "./helpers.ts";

describe("login", () => {
  it("returns a token, the memberships and an HttpOnly __Host- cookie", async () => {
    const res = await api("/api/v1/auth/login", {
      method: "POST",
      json: { email: "Dinsos.Kota-Tangerang@akrab.test ", password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      token: string;
      expiresAt: string;
      user: { email: string };
      memberships: { role: string; tenant: { slug: string } }[];
    };
    expect(body.user.email).toBe("dinsos.kota-tangerang@akrab.test");
    expect(body.memberships.map((m) => m.role).sort()).toEqual(["dinsos_head", "dinsos_verifier", "tenant_admin"]);
    expect(
      body.memberships.every(
        (m) => m.tenant.slug === "kota-tangerang" && (m.tenant as { regionCode?: string }).regionCode === "36.71",
      ),
    ).toBe(true);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-akrab_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const wrong = await expectProblem(
      await api("/api/v1/auth/login", {
        method: "POST",
        json: { email: "lks@akrab.test", password: "not-the-password" },
      }),
      401,
      "invalid-credentials",
    );
    const unknown = await expectProblem(
      await api("/api/v1/auth/login", {
        method: "POST",
        json: { email: "nobody@akrab.test", password: "not-the-password" },
      }),
      401,
      "invalid-credentials",
    );
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(unknown)).toEqual(strip(wrong));
    const failed = await auditActions({ action: "auth.login_failed" });
    expect(failed.map((e) => JSON.parse(e.data!).email)).toEqual(
      expect.arrayContaining(["lks@akrab.test", "nobody@akrab.test"]),
    );
    expect(failed.every((e) => e.ip === "203.0.113.10")).toBe(true);
  });

  it("records logins as audit events with the IP", async () => {
    await login("viewer@akrab.test", DEMO_PASSWORD, "198.51.100.7");
    const events = await auditActions({ action: "auth.login", actorEmail: "viewer@akrab.test" });
    expect(events.at(-1)).toMatchObject({ ip: "198.51.100.7", target_type: "user" });
  });
});

describe("sessions", () => {
  it("authenticates by bearer token and by cookie", async () => {
    const { token, cookie } = await login("lks@akrab.test");
    const byBearer = await api("/api/v1/auth/me", { token });
    expect(byBearer.status).toBe(200);
    expect(((await byBearer.json()) as { user: { email: string } }).user.email).toBe("lks@akrab.test");
    const byCookie = await api("/api/v1/auth/me", { headers: { cookie } });
    expect(byCookie.status).toBe(200);
    await expectProblem(await api("/api/v1/auth/me"), 401, "unauthenticated");
  });

  it("revokes the session on logout: the old token and cookie stop working", async () => {
    const { token, cookie } = await login("asesor@akrab.test");
    const out = await api("/api/v1/auth/logout", { method: "POST", token });
    expect(out.status).toBe(204);
    await expectProblem(await api("/api/v1/auth/me", { token }), 401, "unauthenticated");
    const viaCookie = await api("/api/v1/auth/me", { headers: { cookie } });
    await expectProblem(viaCookie, 401, "unauthenticated");
    expect(viaCookie.headers.get("set-cookie")).toMatch(/__Host-akrab_session=;.*Max-Age=0/);
    expect((await auditActions({ action: "auth.logout", actorEmail: "asesor@akrab.test" })).length).toBe(1);
  });

  it("logs out a browser session through the cookie from the same origin", async () => {
    const { token, cookie } = await login("asesor@akrab.test");
    const out = await api("/api/v1/auth/logout", { method: "POST", headers: { cookie, origin: ORIGIN } });
    expect(out.status).toBe(204);
    await expectProblem(await api("/api/v1/auth/me", { token }), 401, "unauthenticated");
  });

  it("rejects forged, tampered, expired and wrong-algorithm tokens", async () => {
    const { token } = await login("lks@akrab.test");
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(atob(payload!.replaceAll("-", "+").replaceAll("_", "/")));
    const tampered = `${header}.${btoa(JSON.stringify({ ...claims, sub: "someone-else" })).replace(/=+$/, "")}.${signature}`;
    const unsigned = `${btoa(JSON.stringify({ alg: "none", typ: "JWT" })).replace(/=+$/, "")}.${payload}.`;
    const key = new TextEncoder().encode(DEV_JWT_SECRET);
    const expired = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(claims.sub)
      .setIssuer("akrab")
      .setAudience("akrab-api")
      .setIssuedAt(claims.iat - 7200)
      .setExpirationTime(claims.iat - 3600)
      .sign(key);
    const otherAlg = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: "HS512" })
      .setSubject(claims.sub)
      .setIssuer("akrab")
      .setAudience("akrab-api")
      .setExpirationTime("1h")
      .sign(new Uint8Array(64).fill(1));
    const otherAudience = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(claims.sub)
      .setIssuer("akrab")
      .setAudience("elsewhere")
      .setExpirationTime("1h")
      .sign(key);
    for (const bad of [tampered, unsigned, expired, otherAlg, otherAudience, "not-a-jwt"]) {
      await expectProblem(await api("/api/v1/auth/me", { token: bad }), 401, "unauthenticated");
    }
  });

  it("refuses to sign tokens outside development without a real secret", async () => {
    const app = createApp();
    const request = () =>
      new Request(`${ORIGIN}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "lks@akrab.test", password: DEMO_PASSWORD }),
      });
    await expectProblem(await app.fetch(request(), { ...env, ENVIRONMENT: "production" }), 500, "misconfigured");
    await expectProblem(
      await app.fetch(request(), { ...env, ENVIRONMENT: "production", JWT_SECRET: DEV_JWT_SECRET }),
      500,
      "misconfigured",
    );
    const ok = await app.fetch(request(), {
      ...env,
      ENVIRONMENT: "production",
      JWT_SECRET: "a-real-secret-of-at-least-32-characters!!",
    });
    expect(ok.status).toBe(200);
  });
});

describe("login rate limiting", () => {
  it("blocks an account after 10 failed attempts in 15 minutes with 429 and Retry-After, even with the right password", async () => {
    for (let i = 0; i < 10; i++) {
      await expectProblem(
        await api("/api/v1/auth/login", {
          method: "POST",
          json: { email: "balks@akrab.test", password: `wrong-${i}` },
          ip: `192.0.2.${i}`,
        }),
        401,
        "invalid-credentials",
      );
    }
    const blocked = await api("/api/v1/auth/login", {
      method: "POST",
      json: { email: "balks@akrab.test", password: DEMO_PASSWORD },
      ip: "192.0.2.99",
    });
    await expectProblem(blocked, 429, "rate-limited");
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it("blocks an IP address that guesses across many accounts", async () => {
    const ip = "192.0.2.200";
    for (let i = 0; i < 30; i++) {
      await expectProblem(
        await api("/api/v1/auth/login", {
          method: "POST",
          json: { email: `guess${i}@akrab.test`, password: "wrong-password" },
          ip,
        }),
        401,
        "invalid-credentials",
      );
    }
    await expectProblem(
      await api("/api/v1/auth/login", {
        method: "POST",
        json: { email: "viewer@akrab.test", password: DEMO_PASSWORD },
        ip,
      }),
      429,
      "rate-limited",
    );
    // Another address is unaffected.
    await login("viewer@akrab.test", DEMO_PASSWORD, "192.0.2.201");
  });

  it("does not count successful logins towards the limit", async () => {
    for (let i = 0; i < 12; i++) await login("dinsos.batang@akrab.test", DEMO_PASSWORD, "192.0.2.150");
  });
});

describe("CSRF", () => {
  it("refuses a cookie-authenticated state change from a foreign origin", async () => {
    const { token, cookie } = await login("dinsos.lebak@akrab.test");
    const res = await api("/api/v1/auth/logout", {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
    });
    await expectProblem(res, 403, "csrf-rejected");
    expect((await api("/api/v1/auth/me", { token })).status).toBe(200);
  });

  it("refuses a cookie-authenticated state change that does not prove its origin", async () => {
    const { cookie } = await login("dinsos.lebak@akrab.test");
    await expectProblem(
      await api("/api/v1/auth/logout", { method: "POST", headers: { cookie } }),
      403,
      "csrf-rejected",
    );
    const sameSite = await api("/api/v1/auth/logout", {
      method: "POST",
      headers: { cookie, "sec-fetch-site": "same-origin" },
    });
    expect(sameSite.status).toBe(204);
  });

  it("refuses a cross-site login form (login CSRF)", async () => {
    await expectProblem(
      await api("/api/v1/auth/login", {
        method: "POST",
        json: { email: "lks@akrab.test", password: DEMO_PASSWORD },
        headers: { origin: "https://evil.example" },
      }),
      403,
      "csrf-rejected",
    );
  });

  it("lets bearer-token clients through without an Origin", async () => {
    const { token } = await login("dinsos.lebak@akrab.test");
    expect((await api("/api/v1/auth/logout", { method: "POST", token })).status).toBe(204);
  });
});
