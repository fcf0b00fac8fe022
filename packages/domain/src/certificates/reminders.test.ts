import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../calendar/jakarta.ts";
import { CERTIFICATE_REMINDER_DAYS, type CertificateReminderDays, dueCertificateReminder } from "./reminders.ts";
import { type CertificateEvent, type CertificateFacts, certificateStatus } from "./status.ts";

const live = (validUntil: string, issuedOn = "2026-01-10") => ({ status: "expiring" as const, issuedOn, validUntil });

describe("dueCertificateReminder", () => {
  it("is due from 180, 90 and 30 days before the last valid day, the tightest one crossed", () => {
    expect(dueCertificateReminder({ ...live("2029-01-10"), status: "active" }, "2028-07-13")).toBeNull();
    expect(dueCertificateReminder(live("2029-01-10"), "2028-07-14")).toBe(180);
    expect(dueCertificateReminder(live("2029-01-10"), "2028-10-11")).toBe(180);
    expect(dueCertificateReminder(live("2029-01-10"), "2028-10-12")).toBe(90);
    expect(dueCertificateReminder(live("2029-01-10"), "2028-12-11")).toBe(30);
    expect(dueCertificateReminder(live("2029-01-10"), "2029-01-10")).toBe(30);
  });

  it("is never due after the last valid day", () => {
    expect(dueCertificateReminder(live("2029-01-10"), "2029-01-11")).toBeNull();
  });

  it("is never due for a revoked, superseded, suspended or expired certificate", () => {
    for (const status of ["revoked", "superseded", "suspended", "expired"] as const)
      expect(dueCertificateReminder({ ...live("2029-01-10"), status }, "2028-12-20")).toBeNull();
  });

  it("gives a certificate issued late only the reminders still ahead of it", () => {
    // Issued with 60 days left: the 180- and 90-day marks passed before it existed.
    const late = live("2029-01-10", "2028-11-11");
    expect(dueCertificateReminder(late, "2028-11-11")).toBeNull();
    expect(dueCertificateReminder(late, "2028-12-10")).toBeNull();
    expect(dueCertificateReminder(late, "2028-12-11")).toBe(30);
    // Issued on the very day of a mark: that mark is its own.
    expect(dueCertificateReminder(live("2029-01-10", "2028-10-12"), "2028-10-12")).toBe(90);
  });
});

const DAY_COUNT = 700; // past the last possible end (200 + 400) by more than the 30-day mark
const START = "2026-01-01";

/**
 * A daily job over the whole span: each day it computes the status, asks for the due reminder and
 * sends it unless already claimed. Events and a successor fall on random days.
 */
const scenario = fc.record({
  issueDay: fc.integer({ min: 0, max: 200 }),
  validDays: fc.integer({ min: 1, max: 400 }),
  events: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: DAY_COUNT }),
      kind: fc.constantFrom("suspended", "reinstated", "revoked"),
    }),
    { maxLength: 4 },
  ),
  successorDay: fc.option(fc.integer({ min: 0, max: DAY_COUNT }), { nil: null }),
  skipped: fc.array(fc.integer({ min: 0, max: DAY_COUNT }), { maxLength: 60 }),
});

/** Events and issues happen at 10:00 WIB; the daily job runs at 08:00 WIB, before them. */
const isoOf = (day: number) => `${addCalendarDays(START, day)}T03:00:00.000Z`;
const jobAt = (today: string) => `${today}T01:00:00.000Z`;

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario) {
  const issuedOn = addCalendarDays(START, s.issueDay);
  const validUntil = addCalendarDays(issuedOn, s.validDays);
  const events: CertificateEvent[] = s.events
    .filter((e) => e.day >= s.issueDay)
    .map((e) => ({ kind: e.kind as CertificateEvent["kind"], at: isoOf(e.day), reason: "test" }));
  const certificate: CertificateFacts = {
    id: "c1",
    lksId: "lks-1",
    issuedAt: isoOf(s.issueDay),
    validFrom: issuedOn,
    validUntil,
    events,
  };
  const successorDay = s.successorDay !== null && s.successorDay > s.issueDay ? s.successorDay : null;
  const others = successorDay === null ? [] : [{ id: "c2", lksId: "lks-1", issuedAt: isoOf(successorDay), events: [] }];
  const skipped = new Set(s.skipped);
  const sent: { threshold: CertificateReminderDays; day: string; status: string }[] = [];
  for (let day = s.issueDay; day <= DAY_COUNT; day++) {
    if (skipped.has(day)) continue;
    const today = addCalendarDays(START, day);
    const { status } = certificateStatus(certificate, others, jobAt(today), today);
    const threshold = dueCertificateReminder({ status, issuedOn, validUntil }, today);
    if (threshold !== null && !sent.some((r) => r.threshold === threshold))
      sent.push({ threshold, day: today, status });
  }
  const firstEnd = [
    ...events.filter((e) => e.kind === "revoked").map((e) => e.at),
    ...(successorDay === null ? [] : [isoOf(successorDay)]),
  ].sort()[0];
  return { sent, issuedOn, validUntil, firstEnd };
}

describe("dueCertificateReminder over a certificate's life (property)", () => {
  // Many days per run, on a machine shared with other work: a generous timeout.
  it("sends each threshold at most once, never after expiry, revocation or supersession, never before issue", {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { sent, issuedOn, validUntil, firstEnd } = run(s);
        expect(new Set(sent.map((r) => r.threshold)).size).toBe(sent.length);
        for (const reminder of sent) {
          expect(reminder.day <= validUntil).toBe(true);
          expect(reminder.day >= issuedOn).toBe(true);
          expect(["active", "expiring"]).toContain(reminder.status);
          // The job of the revocation's or successor's own day ran before it: that day's reminder may still go.
          if (firstEnd) expect(jobAt(reminder.day) < firstEnd).toBe(true);
          expect(addCalendarDays(validUntil, -reminder.threshold) >= issuedOn).toBe(true);
        }
      }),
    );
  });

  it("sends every threshold still ahead of an undisturbed certificate exactly once, on its day", {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { sent, issuedOn, validUntil } = run({ ...s, events: [], successorDay: null, skipped: [] });
        const ahead = CERTIFICATE_REMINDER_DAYS.filter((d) => addCalendarDays(validUntil, -d) >= issuedOn);
        expect(sent.map((r) => r.threshold)).toEqual(ahead);
        for (const reminder of sent) expect(reminder.day).toBe(addCalendarDays(validUntil, -reminder.threshold));
      }),
    );
  });
});
