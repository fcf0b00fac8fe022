import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { createDb, enqueueEmail, enqueuePhoneMessage, type Db } from "@akrab/db";
import { MAX_DELIVERY_ATTEMPTS, RETRY_BACKOFF_SECONDS } from "@akrab/domain";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";
import { deliverOutbox } from "../../worker/src/jobs/deliver-outbox.ts";
import { configuredChannels, emailChannel, httpChannel, type Channel } from "../../worker/src/messaging/index.ts";
import { emailDocument, lksDecisionEmail } from "../../worker/src/services/mail.ts";
import { api, auditActions, login } from "./helpers.ts";

interface Row {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  provider_message_id: string | null;
  recipient: string;
}

const db: Db = createDb(env.DB);
const rows = async () => (await env.DB.prepare("SELECT * FROM outbox ORDER BY created_at, id").all<Row>()).results;
const row = async (recipient: string) => (await rows()).find((r) => r.recipient === recipient)!;
const email = emailChannel(env.EMAIL, "noreply@akrab.id");
const refusing = emailChannel(env.EMAIL_REFUSING, "noreply@akrab.id");
const whatsapp = httpChannel({ name: "whatsapp", url: env.TEST_MESSAGING_URL, token: "stub-token" });
const message = (to: string, tenantId: string | null = null) =>
  lksDecisionEmail({
    tenantId: tenantId!,
    to,
    lksName: "Panti <Kasih>",
    verified: false,
    comments: [{ field: "NPWP", message: "a & b" }],
    link: "https://akrab.test/t/kota-tangerang/lks/x",
  });

/** Figures for the lead's closing note, printed at the end. */
const figures = { delivered: 0, failedTries: 0, deadLettered: 0 };
function tally(report: Awaited<ReturnType<typeof deliverOutbox>>) {
  figures.delivered += report.sent;
  figures.failedTries += report.failed + report.dead;
  figures.deadLettered += report.dead;
  return report;
}
afterAll(() => console.log(`[delivery figures] ${JSON.stringify(figures)}`));

beforeEach(async () => {
  await env.DB.exec("DELETE FROM outbox");
});

describe("outbox delivery", () => {
  it("delivers a password reset through the send_email binding from the minute cron", async () => {
    const res = await api("/api/v1/auth/password-reset", { method: "POST", json: { email: "lks@akrab.test" } });
    expect(res.status).toBe(202);
    expect((await row("lks@akrab.test")).status).toBe("pending");

    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env);
    figures.delivered++;

    const sent = await row("lks@akrab.test");
    expect(sent).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect(sent.provider_message_id).toMatch(/@/); // the binding's Message-ID
    // A second run finds nothing to send.
    expect(tally(await deliverOutbox(db, [email]))).toEqual({ claimed: 0, sent: 0, failed: 0, dead: 0 });
  });

  it("escapes what people typed, links to the exact page and names the Dinsos in the footer", async () => {
    const mail = message("x@akrab.test");
    expect(mail.html).toContain("Panti &lt;Kasih&gt;");
    expect(mail.html).toContain("a &amp; b");
    expect(mail.html).not.toContain("<Kasih>");
    expect(mail.html).toContain('href="https://akrab.test/t/kota-tangerang/lks/x"');
    expect(mail.body.indexOf("Dinas Sosial mengembalikan")).toBeLessThan(
      mail.body.indexOf("The Dinas Sosial returned"),
    );
    const doc = emailDocument(mail.subject, mail.html, "Dinas Sosial <Kota> Tangerang");
    expect(doc).toContain("atas nama Dinas Sosial &lt;Kota&gt; Tangerang");
    expect(doc).not.toMatch(/unsubscribe|berhenti berlangganan/i);
    expect(emailDocument(mail.subject, mail.html, null)).toContain("BALKS");
  });

  it("records the provider's reason, backs off, and dead-letters after the last try", async () => {
    await db.batch([enqueueEmail(db, message("refused@akrab.test"))]);
    const start = Date.parse("2030-01-01T00:00:00Z");
    let now = start;
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      const report = tally(await deliverOutbox(db, [refusing], now));
      expect(report.claimed).toBe(1);
      const r = await row("refused@akrab.test");
      expect(r.attempts).toBe(attempt);
      expect(r.last_error).toContain("not allowed");
      if (attempt < MAX_DELIVERY_ATTEMPTS) {
        const wait = RETRY_BACKOFF_SECONDS[attempt - 1]! * 1000;
        expect(r).toMatchObject({ status: "failed", next_attempt_at: new Date(now + wait).toISOString() });
        // Not before its time.
        expect((await deliverOutbox(db, [refusing], now + wait - 1000)).claimed).toBe(0);
        now += wait;
      } else {
        expect(r).toMatchObject({ status: "dead", next_attempt_at: null });
      }
    }
    expect((await deliverOutbox(db, [refusing], now + 365 * 86_400_000)).claimed).toBe(0);
  });

  it("never sends a message twice when runs overlap, even when a lease runs out", async () => {
    const count = 30;
    await db.batch(
      Array.from({ length: count }, (_, i) => enqueueEmail(db, message(`many${i}@akrab.test`))) as [never],
    );
    const calls = new Map<string, number>();
    const counting: Channel = {
      name: "email",
      async send(m) {
        calls.set(m.id, (calls.get(m.id) ?? 0) + 1);
        return email.send(m);
      },
    };
    const now = Date.now();
    const reports = await Promise.all([1, 2, 3].map(() => deliverOutbox(db, [counting], now, 20)));
    reports.forEach(tally);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(count);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(calls.size).toBe(count);
    expect((await rows()).every((r) => r.status === "sent")).toBe(true);

    // A run that stalls past its lease loses the message; its late answer changes nothing.
    await db.batch([enqueueEmail(db, message("slow@akrab.test"))]);
    let release!: () => void;
    const stalled: Channel = {
      name: "email",
      send: () => new Promise((resolve) => (release = () => resolve({ ok: false, reason: "late", permanent: false }))),
    };
    const first = deliverOutbox(db, [stalled], now);
    await new Promise((r) => setTimeout(r, 50));
    const second = tally(await deliverOutbox(db, [email], now + 10 * 60_000));
    expect(second.sent).toBe(1);
    release();
    await first;
    expect(await row("slow@akrab.test")).toMatchObject({ status: "sent", attempts: 2, last_error: null });
  });

  it("lets a platform admin put a dead message back once (audited), and only a platform admin", async () => {
    await db.batch([enqueueEmail(db, message("retry@akrab.test"))]);
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++)
      tally(await deliverOutbox(db, [refusing], Date.parse("2031-01-01T00:00:00Z") + i * 86_400_000));
    const dead = await row("retry@akrab.test");
    expect(dead.status).toBe("dead");

    const other = await login("dinsos.kota-tangerang@akrab.test");
    expect((await api(`/api/v1/national/outbox/${dead.id}/retry`, { method: "POST", token: other.token })).status).toBe(
      404,
    );
    const { token } = await login("admin@akrab.test");
    expect((await api("/api/v1/national/outbox/nope/retry", { method: "POST", token })).status).toBe(404);

    for (let i = 0; i < 2; i++) {
      const res = await api(`/api/v1/national/outbox/${dead.id}/retry`, { method: "POST", token });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: dead.id, status: "pending", attempts: 0 });
    }
    expect((await auditActions({ action: "outbox.retried" })).length).toBe(1);

    expect(tally(await deliverOutbox(db, [email])).sent).toBe(1);
    expect(await row("retry@akrab.test")).toMatchObject({ status: "sent", attempts: 1 });
    const page = (await (await api("/api/v1/national/outbox", { token })).json()) as {
      items: { id: string; status: string; lastError: string | null }[];
    };
    expect(page.items.find((m) => m.id === dead.id)?.status).toBe("sent");
  });

  it("sends WhatsApp messages through the HTTP provider adapter to a local stub", async () => {
    await db.batch([
      enqueuePhoneMessage(db, {
        tenantId: null,
        channel: "whatsapp",
        phone: "+6281234567890",
        subject: "Tes",
        body: "Halo",
      }),
      enqueuePhoneMessage(db, {
        tenantId: null,
        channel: "whatsapp",
        phone: "+628000000503",
        subject: "Tes",
        body: "Halo",
      }),
      enqueuePhoneMessage(db, {
        tenantId: null,
        channel: "whatsapp",
        phone: "+628000000400",
        subject: "Tes",
        body: "Halo",
      }),
      enqueueEmail(db, message("waits@akrab.test")),
    ]);
    const report = tally(await deliverOutbox(db, [whatsapp]));
    expect(report).toEqual({ claimed: 3, sent: 1, failed: 1, dead: 1 });
    expect(await row("+6281234567890")).toMatchObject({
      status: "sent",
      provider_message_id: expect.stringMatching(/^stub-/),
    });
    expect(await row("+628000000503")).toMatchObject({ status: "failed", last_error: "HTTP 503: gateway overloaded" });
    expect((await row("+628000000400")).status).toBe("dead"); // refused for good: no retry
    expect((await row("waits@akrab.test")).status).toBe("pending"); // not this channel's

    const received = (await (await fetch(env.TEST_MESSAGING_URL.replace("/messages", "/__requests"))).json()) as {
      method: string;
      headers: Record<string, string>;
      body: { channel: string; to: string; text: string; reference: string };
    }[];
    const ok = received.find((r) => r.body.to === "+6281234567890")!;
    expect(ok.method).toBe("POST");
    expect(ok.headers["content-type"]).toBe("application/json");
    expect(ok.headers["idempotency-key"]).toBe((await row("+6281234567890")).id);
    expect(ok.body).toMatchObject({ channel: "whatsapp", reference: ok.headers["idempotency-key"] });
    expect(ok.body.text).toContain("Halo");
    expect(ok.body.text).toContain("BALKS");

    // A wrong token is the provider's 401: refused for good, with its reason.
    await db.batch([
      enqueuePhoneMessage(db, { tenantId: null, channel: "sms", phone: "+6281111111111", subject: "T", body: "x" }),
    ]);
    const wrong = httpChannel({ name: "sms", url: env.TEST_MESSAGING_URL, token: "wrong" });
    expect(tally(await deliverOutbox(db, [wrong])).dead).toBe(1);
    expect(await row("+6281111111111")).toMatchObject({ status: "dead", last_error: "HTTP 401: bad token" });
  });

  it("turns the HTTP channel on only when its URL and token are both configured", () => {
    expect(configuredChannels(env).map((c) => c.name)).toEqual(["email"]);
    expect(configuredChannels({ ...env, MESSAGING_HTTP_URL: "https://x.test" }).map((c) => c.name)).toEqual(["email"]);
    const on = {
      ...env,
      MESSAGING_HTTP_URL: "https://x.test",
      MESSAGING_HTTP_TOKEN: "t",
      MESSAGING_HTTP_CHANNEL: "sms",
    };
    expect(configuredChannels(on).map((c) => c.name)).toEqual(["email", "sms"]);
  });
});
