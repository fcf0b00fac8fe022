import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";

const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;

describe("hourly housekeeping", () => {
  it("drops stale rate-limit windows and long-ended sessions, and keeps live ones", async () => {
    const now = Date.now();
    const nowSeconds = Math.floor(now / 1000);
    await env.DB.batch([
      env.DB.prepare("INSERT INTO rate_limits (key, window_start, count) VALUES ('old', ?, 3), ('fresh', ?, 1)").bind(
        nowSeconds - 3 * 86400,
        nowSeconds,
      ),
      env.DB.prepare(
        `INSERT INTO sessions (id, user_id, created_at, expires_at) SELECT 'ended', id, '2020-01-01T00:00:00.000Z', '2020-01-15T00:00:00.000Z' FROM users LIMIT 1`,
      ),
      env.DB.prepare(
        `INSERT INTO sessions (id, user_id, created_at, expires_at) SELECT 'live', id, ?, ? FROM users LIMIT 1`,
      ).bind(new Date(now).toISOString(), new Date(now + 86400000).toISOString()),
    ]);

    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "17 * * * *" }), env);

    expect(await count("SELECT count(*) AS n FROM rate_limits WHERE key = 'old'")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM rate_limits WHERE key = 'fresh'")).toBe(1);
    expect(await count("SELECT count(*) AS n FROM sessions WHERE id = 'ended'")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM sessions WHERE id = 'live'")).toBe(1);
  });
});
