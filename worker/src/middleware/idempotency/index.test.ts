import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { lksProfile } from "../../../../tests/worker/fixtures.ts";
import { api, expectProblem, login, outboxFor } from "../../../../tests/worker/helpers.ts";

const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;

describe("idempotency (Idempotency-Key), through the whole app", () => {
  it("replays the first answer to a retried request and does the work once", async () => {
    const { token } = await login("dinsos.kota-tangerang@akrab.test");
    const send = () =>
      api("/api/v1/t/kota-tangerang/invitations", {
        method: "POST",
        token,
        headers: { "idempotency-key": "invite-0001-retry" },
        json: { email: "sekali@akrab.test", role: "dinsos_verifier" },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await outboxFor("sekali@akrab.test")).toHaveLength(1);
  });

  it("replays a public registration once, even when the retries race", async () => {
    const body = {
      lks: lksProfile({ name: "Panti Sekali Daftar" }),
      operator: { name: "Operator", email: "sekali.daftar@akrab.test", password: "sekali-daftar-2026" },
    };
    const send = () =>
      api("/api/v1/public/lks-registrations", {
        method: "POST",
        headers: { "idempotency-key": "register-0001-retry" },
        json: body,
      });
    const results = await Promise.all([send(), send()]);
    const statuses = results.map((r) => r.status).sort();
    // Either both answered 201 (one replayed) or the racer was told the first is still running.
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    expect((await send()).headers.get("idempotent-replayed")).toBe("true");
    expect(await count("SELECT count(*) AS n FROM lks WHERE name = 'Panti Sekali Daftar'")).toBe(1);
  });

  it("refuses a key reused for a different request, and malformed keys", async () => {
    const { token } = await login("dinsos.kota-tangerang@akrab.test");
    const invite = (email: string, key: string) =>
      api("/api/v1/t/kota-tangerang/invitations", {
        method: "POST",
        token,
        headers: { "idempotency-key": key },
        json: { email, role: "dinsos_verifier" },
      });
    expect((await invite("satu@akrab.test", "invite-0002-reuse")).status).toBe(201);
    await expectProblem(await invite("dua@akrab.test", "invite-0002-reuse"), 409, "conflict");
    await expectProblem(await invite("dua@akrab.test", "short"), 400, "validation");
    expect(await outboxFor("dua@akrab.test")).toHaveLength(0);
  });
});
