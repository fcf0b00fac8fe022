import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { addCalendarDays, jakartaDay } from "@akrab/domain";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";
import { api, expectProblem, login } from "./helpers.ts";

const DAY_MS = 86_400_000;
const TODAY = jakartaDay();
/** The last valid day of the certificates that end: 400 days ahead of the real clock. */
const ENDS = addCalendarDays(TODAY, 400);
const LONG_AGO = new Date(Date.now() - 730 * DAY_MS).toISOString();

const lksIdOf = async (name: string) =>
  (await env.DB.prepare("SELECT id, tenant_id FROM lks WHERE name = ?").bind(name).first<{
    id: string;
    tenant_id: string;
  }>())!;

/** A closed application and its certificate (grade B), written as issuing would have. */
async function certificate(
  id: string,
  lksName: string,
  validUntil: string,
  issuedAt = LONG_AGO,
): Promise<{ id: string; lksId: string }> {
  const lks = await lksIdOf(lksName);
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, profile_snapshot, checklist, return_items, step_entered_at, step_due_at, submitted_at, version, created_by, created_at, updated_at)
       VALUES (?3, ?1, ?2, 'first', 'certified', 1, 0, '{}', NULL, '[]', '[]', ?4, NULL, ?4, 1, NULL, ?4, ?4)`,
    ).bind(lks.tenant_id, lks.id, `app-${id}`, issuedAt),
    env.DB.prepare(
      `INSERT INTO certificates (id, tenant_id, application_id, lks_id, number, year, sequence, lks_name, lks_legal_name, lks_address, kab_kota_code, kab_kota_name, province_name, lks_types, grade, decided_on, valid_from, valid_until, instrument_version_id, instrument_label, regulation, signer_name, signer_position, payload, kid, pdf_key, pdf_sha256, pdf_bytes, issued_at, issued_by, handed_over_on, handed_over_to, handed_over_by, version, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, 2024, ?6, ?7, NULL, NULL, '36.71', 'Kota Tangerang', 'Banten', '["LKSA"]', 'B', ?8, ?8, ?9, NULL, 'Instrumen LKSA', 'Permensos', 'Ketua', 'Ketua BALKS', '{}', 'k1', 'x', ?10, 1, ?11, NULL, NULL, NULL, NULL, 1, ?11)`,
    ).bind(
      id,
      lks.tenant_id,
      `app-${id}`,
      lks.id,
      `${id}/BALKS/B/I/2024`,
      Math.floor(Math.random() * 1e9),
      lksName,
      issuedAt.slice(0, 10),
      validUntil,
      "0".repeat(64),
      issuedAt,
    ),
  ]);
  return { id, lksId: lks.id };
}

const event = (certificateId: string, kind: string, at: string) =>
  env.DB.prepare(
    "INSERT INTO certificate_events (id, certificate_id, tenant_id, kind, reason, by_user_id, at) SELECT ?1 || ?2, ?1, tenant_id, ?2, 'Alasan pengujian', NULL, ?3 FROM certificates WHERE id = ?1",
  )
    .bind(certificateId, kind, at)
    .run();

/** The daily cron at 08:00 WIB of a Jakarta day. */
const daily = (day: string) =>
  worker.scheduled(
    createScheduledController({ scheduledTime: Date.parse(`${day}T01:00:00.000Z`), cron: "0 1 * * *" }),
    env,
  );

/** Reminder emails per recipient and days-left, from the outbox. */
async function reminderMails(): Promise<Record<string, string[]>> {
  const { results } = await env.DB.prepare(
    "SELECT recipient, subject FROM outbox WHERE subject LIKE 'Akreditasi % berakhir dalam %' ORDER BY recipient, created_at",
  ).all<{ recipient: string; subject: string }>();
  const by: Record<string, string[]> = {};
  for (const row of results) {
    by[row.recipient] = [...(by[row.recipient] ?? []), row.subject.match(/berakhir dalam (\d+) hari/)![1]!];
  }
  return by;
}

beforeAll(async () => {
  // Live, with an operator (lks@akrab.test), its own address and the Dinsos of Kota Tangerang.
  await certificate("live", "Panti Asuhan Kasih Bunda", ENDS);
  // Revoked: never reminded.
  await certificate("revoked", "Panti Werdha Sejahtera Cipondoh", ENDS);
  await event("revoked", "revoked", new Date().toISOString());
  // Superseded by a later certificate of the same LKS (which ends years later): the old one never reminded.
  await certificate("old", "Yayasan Difabel Mandiri Tangerang", ENDS);
  await certificate("new", "Yayasan Difabel Mandiri Tangerang", addCalendarDays(TODAY, 1800), new Date().toISOString());
  // Suspended and not reinstated: not reminded while the suspension holds.
  await certificate("suspended", "Rumah Singgah Anak Pandeglang", ENDS);
  await event("suspended", "suspended", new Date().toISOString());
  // Another tenant's live one (Kabupaten Lebak): its own Dinsos is told, not Kota Tangerang's.
  await certificate("lebak", "Panti Asuhan Al-Hikmah Rangkasbitung", ENDS);
  // Issued with 60 days left (DKI Jakarta): the 180- and 90-day marks passed before it existed.
  await certificate("late", "Yayasan Bina Laras Jakarta Timur", ENDS, `${addCalendarDays(ENDS, -60)}T03:00:00.000Z`);
});

describe("reminders before a certificate ends (daily cron)", () => {
  it("sends each of 180, 90 and 30 days exactly once per recipient, however often or concurrently the job runs; none for revoked, superseded, suspended; a late one only what is ahead", async () => {
    await daily(addCalendarDays(ENDS, -181));
    expect(await reminderMails()).toEqual({});

    for (const days of [180, 90, 30]) {
      const day = addCalendarDays(ENDS, -days);
      await daily(day);
      await daily(day);
      // Two runs racing, and the next day's run: still nothing more.
      await Promise.all([daily(day), daily(day)]);
      await daily(addCalendarDays(day, 1));
    }
    await daily(ENDS);
    await daily(addCalendarDays(ENDS, 1));

    const mails = await reminderMails();
    const thresholds = ["180", "90", "30"];
    expect(mails).toEqual({
      "lks@akrab.test": thresholds,
      "kasihbunda@example.org": thresholds,
      "dinsos.kota-tangerang@akrab.test": thresholds,
      "alhikmah@example.org": thresholds,
      "dinsos.lebak@akrab.test": thresholds,
      "binalaras@example.org": ["30"],
      "dinsos.jakarta@akrab.test": ["30"],
    });
    const claimed = await env.DB.prepare(
      "SELECT certificate_id AS id, group_concat(threshold_days) AS t FROM certificate_reminders GROUP BY certificate_id ORDER BY certificate_id",
    ).all<{ id: string; t: string }>();
    expect(claimed.results.map((r) => [r.id, r.t.split(",").sort().join(",")])).toEqual([
      ["late", "30"],
      ["lebak", "180,30,90"],
      ["live", "180,30,90"],
    ]);
  });

  it("tells the LKS's operator and its Dinsos in the app too, once per threshold", async () => {
    const { results } = await env.DB.prepare(
      `SELECT u.email, n.title, n.link FROM notifications n JOIN users u ON u.id = n.user_id
       WHERE n.title LIKE 'Akreditasi % berakhir dalam %' ORDER BY u.email, n.created_at`,
    ).all<{ email: string; title: string; link: string }>();
    const of = (email: string) => results.filter((r) => r.email === email);
    expect(of("lks@akrab.test").map((r) => r.title)).toEqual([
      "Akreditasi Panti Asuhan Kasih Bunda berakhir dalam 180 hari",
      "Akreditasi Panti Asuhan Kasih Bunda berakhir dalam 90 hari",
      "Akreditasi Panti Asuhan Kasih Bunda berakhir dalam 30 hari",
    ]);
    expect(of("lks@akrab.test")[0]!.link).toBe("/t/kota-tangerang/permohonan/app-live");
    expect(of("dinsos.kota-tangerang@akrab.test")).toHaveLength(3);
    expect(of("dinsos.lebak@akrab.test").map((r) => r.title)).toEqual([
      "Akreditasi Panti Asuhan Al-Hikmah Rangkasbitung berakhir dalam 180 hari",
      "Akreditasi Panti Asuhan Al-Hikmah Rangkasbitung berakhir dalam 90 hari",
      "Akreditasi Panti Asuhan Al-Hikmah Rangkasbitung berakhir dalam 30 hari",
    ]);
    expect(of("dinsos.jakarta@akrab.test").map((r) => r.title)).toEqual([
      "Akreditasi Yayasan Bina Laras Jakarta Timur berakhir dalam 30 hari",
    ]);
    expect(results).toHaveLength(10);
  });

  it("writes the email in Bahasa Indonesia, then English, with the link to the certificate", async () => {
    const mail = await env.DB.prepare(
      "SELECT subject, body FROM outbox WHERE recipient = 'kasihbunda@example.org' AND subject LIKE 'Akreditasi%' ORDER BY created_at LIMIT 1",
    ).first<{ subject: string; body: string }>();
    expect(mail!.subject).toBe(
      "Akreditasi Panti Asuhan Kasih Bunda berakhir dalam 180 hari / The accreditation of Panti Asuhan Kasih Bunda ends in 180 days",
    );
    expect(mail!.body.indexOf("berlaku sampai")).toBeLessThan(mail!.body.indexOf("is valid until"));
    expect(mail!.body).toContain(`berlaku sampai ${ENDS}`);
    expect(mail!.body).toContain("/t/kota-tangerang/permohonan/app-live");
  });
});

type ExpiringPage = {
  items: {
    number: string;
    tenant: string;
    lksName: string;
    grade: string;
    validUntil: string;
    daysLeft: number;
    applicationId: string;
  }[];
  nextCursor: string | null;
};

describe("the Dinsos's list of LKS whose accreditation ends soon", () => {
  const T = "/api/v1/t/kota-tangerang/certificates/expiring";
  let dinsos: string;

  beforeAll(async () => {
    dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
    // Bring the fixtures' ends within reach of the real clock: 100 days from today.
    await env.DB.prepare(
      "UPDATE certificates SET valid_until = ? WHERE id IN ('live', 'revoked', 'old', 'suspended', 'lebak')",
    )
      .bind(addCalendarDays(TODAY, 100))
      .run();
    // Cipondoh's revoked certificate was followed by a new one that ends in 20 days.
    await certificate(
      "cipondoh-new",
      "Panti Werdha Sejahtera Cipondoh",
      addCalendarDays(TODAY, 20),
      new Date().toISOString(),
    );
  });

  it("lists the tenant's live certificates ending within the window, soonest first, page by page", async () => {
    const first = await api(`${T}?within=180&limit=1`, { token: dinsos });
    expect(first.status, await first.clone().text()).toBe(200);
    const page1 = (await first.json()) as ExpiringPage;
    expect(page1.items).toEqual([
      {
        number: "cipondoh-new/BALKS/B/I/2024",
        tenant: "kota-tangerang",
        lksId: expect.any(String),
        lksName: "Panti Werdha Sejahtera Cipondoh",
        grade: "B",
        validUntil: addCalendarDays(TODAY, 20),
        daysLeft: 20,
        applicationId: "app-cipondoh-new",
      },
    ]);
    const page2 = (await (
      await api(`${T}?within=180&limit=1&cursor=${page1.nextCursor}`, { token: dinsos })
    ).json()) as ExpiringPage;
    expect(page2.items.map((i) => [i.lksName, i.daysLeft])).toEqual([["Panti Asuhan Kasih Bunda", 100]]);
    // Revoked, superseded and other tenants' certificates are not there: two in all.
    expect(page2.nextCursor).toBeNull();
    const narrow = (await (await api(`${T}?within=50`, { token: dinsos })).json()) as ExpiringPage;
    expect(narrow.items.map((i) => i.lksName)).toEqual(["Panti Werdha Sejahtera Cipondoh"]);
  });

  it("lists a province's kab/kota LKS too, each with its own tenant for the link", async () => {
    const province = (await login("dinsos.banten@akrab.test")).token;
    const page = (await (
      await api("/api/v1/t/prov-banten/certificates/expiring", { token: province })
    ).json()) as ExpiringPage;
    expect(page.items.map((i) => [i.lksName, i.tenant])).toEqual([
      ["Panti Werdha Sejahtera Cipondoh", "kota-tangerang"],
      // Same last day: by id ("lebak" before "live").
      ["Panti Asuhan Al-Hikmah Rangkasbitung", "kab-lebak"],
      ["Panti Asuhan Kasih Bunda", "kota-tangerang"],
    ]);
  });

  it("leaves out a suspended certificate until it is reinstated", async () => {
    // The Banten province verifier is seconded to Kabupaten Pandeglang, where the suspended one is.
    const seconded = (await login("dinsos.banten@akrab.test")).token;
    const path = "/api/v1/t/kab-pandeglang/certificates/expiring";
    const before = (await (await api(path, { token: seconded })).json()) as ExpiringPage;
    expect(before.items).toEqual([]);
    await event("suspended", "reinstated", new Date(Date.now() + 1000).toISOString());
    const after = (await (await api(path, { token: seconded })).json()) as ExpiringPage;
    expect(after.items.map((i) => i.lksName)).toEqual(["Rumah Singgah Anak Pandeglang"]);
  });

  it("refuses an LKS operator, a window out of range and a cursor it did not issue", async () => {
    const operator = (await login("lks@akrab.test")).token;
    await expectProblem(await api(T, { token: operator }), 404, "not-found");
    const wide = await expectProblem(await api(`${T}?within=5000`, { token: dinsos }), 400, "validation");
    expect(wide.errors?.[0]?.path).toContain("within");
    await expectProblem(await api(`${T}?cursor=nonsense`, { token: dinsos }), 400, "validation");
  });
});
