import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, api, auditActions, expectProblem, linkTokenFor, login, outboxFor } from "./helpers.ts";

describe("password reset", () => {
  it("answers 202 for unknown emails and sends nothing", async () => {
    const res = await api("/api/v1/auth/password-reset", { method: "POST", json: { email: "ghost@akrab.test" } });
    expect(res.status).toBe(202);
    expect(await outboxFor("ghost@akrab.test")).toHaveLength(0);
  });

  it("emails a one-time link that sets a new password and signs out every session", async () => {
    const before = await login("dinsos.batang@akrab.test");
    expect(
      (await api("/api/v1/auth/password-reset", { method: "POST", json: { email: "DINSOS.BATANG@akrab.test" } }))
        .status,
    ).toBe(202);
    const token = await linkTokenFor("dinsos.batang@akrab.test", "/reset-password/");

    const weak = await expectProblem(
      await api("/api/v1/auth/password-reset/complete", { method: "POST", json: { token, password: "short" } }),
      400,
      "validation",
    );
    expect(weak.errors?.[0]?.path).toBe("password");
    // A refused password does not use up the link.
    const done = await api("/api/v1/auth/password-reset/complete", {
      method: "POST",
      json: { token, password: "batik-batang-baru-2026" },
    });
    expect(done.status).toBe(204);

    await expectProblem(await api("/api/v1/auth/me", { token: before.token }), 401, "unauthenticated");
    await expectProblem(
      await api("/api/v1/auth/login", {
        method: "POST",
        json: { email: "dinsos.batang@akrab.test", password: DEMO_PASSWORD },
      }),
      401,
      "invalid-credentials",
    );
    await login("dinsos.batang@akrab.test", "batik-batang-baru-2026");

    await expectProblem(
      await api("/api/v1/auth/password-reset/complete", {
        method: "POST",
        json: { token, password: "another-good-password" },
      }),
      404,
      "not-found",
    );
    const actions = (await auditActions({ actorEmail: "dinsos.batang@akrab.test" })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.password_reset_requested", "auth.password_reset"]));
  });

  it("applies exactly one of two concurrent uses of the same link", async () => {
    await api("/api/v1/auth/password-reset", { method: "POST", json: { email: "viewer@akrab.test" } });
    const token = await linkTokenFor("viewer@akrab.test", "/reset-password/");
    const results = await Promise.all(
      ["first-racing-password", "second-racing-password"].map((password) =>
        api("/api/v1/auth/password-reset/complete", { method: "POST", json: { token, password } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 404]);
    const winner = results[0]!.status === 204 ? "first-racing-password" : "second-racing-password";
    await login("viewer@akrab.test", winner);
  });

  it("rejects unknown tokens", async () => {
    await expectProblem(
      await api("/api/v1/auth/password-reset/complete", {
        method: "POST",
        json: { token: "made-up-token", password: "a-fine-password-1" },
      }),
      404,
      "not-found",
    );
  });
});
