import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CERTIFICATE_STATUSES,
  certificateStatus,
  eventRefusal,
  type CertificateEvent,
  type CertificateFacts,
} from "./status.ts";

const cert = (over: Partial<CertificateFacts> = {}): CertificateFacts => ({
  id: "c1",
  lksId: "lks-1",
  issuedAt: "2026-01-10T03:00:00.000Z",
  validFrom: "2026-01-10",
  validUntil: "2029-01-10",
  events: [],
  ...over,
});

const at = (day: string) => `${day}T05:00:00.000Z`;

describe("certificateStatus", () => {
  it("is active, then expiring within 180 days of its end, then expired the day after", () => {
    expect(certificateStatus(cert(), [], at("2027-01-01"), "2027-01-01").status).toBe("active");
    expect(certificateStatus(cert(), [], at("2028-07-14"), "2028-07-14").status).toBe("expiring");
    expect(certificateStatus(cert(), [], at("2028-07-13"), "2028-07-13").status).toBe("active");
    expect(certificateStatus(cert(), [], at("2029-01-10"), "2029-01-10").status).toBe("expiring");
    expect(certificateStatus(cert(), [], at("2029-01-11"), "2029-01-11")).toEqual({
      status: "expired",
      since: "2029-01-11",
      reason: null,
      supersededBy: null,
    });
  });

  it("is suspended from the event until reinstated, and revoked for good with its reason", () => {
    const events: CertificateEvent[] = [
      { kind: "suspended", at: at("2027-02-01"), reason: "Pemeriksaan pengaduan" },
      { kind: "reinstated", at: at("2027-03-01"), reason: "Pengaduan tidak terbukti" },
      { kind: "revoked", at: at("2027-06-01"), reason: "Kekerasan terhadap anak" },
    ];
    const c = cert({ events });
    expect(certificateStatus(c, [], at("2027-01-15"), "2027-01-15").status).toBe("active");
    expect(certificateStatus(c, [], at("2027-02-15"), "2027-02-15")).toMatchObject({
      status: "suspended",
      reason: "Pemeriksaan pengaduan",
    });
    expect(certificateStatus(c, [], at("2027-04-01"), "2027-04-01").status).toBe("active");
    expect(certificateStatus(c, [], at("2027-07-01"), "2027-07-01")).toMatchObject({
      status: "revoked",
      since: at("2027-06-01"),
      reason: "Kekerasan terhadap anak",
    });
  });

  it("is superseded only by a later, unrevoked certificate of the same LKS", () => {
    const later = { id: "c2", lksId: "lks-1", issuedAt: at("2028-11-01"), events: [] };
    const otherLks = { id: "c3", lksId: "lks-2", issuedAt: at("2028-11-01"), events: [] };
    const earlier = { id: "c0", lksId: "lks-1", issuedAt: at("2023-01-01"), events: [] };
    expect(certificateStatus(cert(), [otherLks, earlier], at("2028-12-01"), "2028-12-01").status).toBe("expiring");
    expect(certificateStatus(cert(), [later], at("2028-10-01"), "2028-10-01").status).toBe("expiring");
    expect(certificateStatus(cert(), [later], at("2028-12-01"), "2028-12-01")).toMatchObject({
      status: "superseded",
      supersededBy: "c2",
    });
    const revokedLater = { ...later, events: [{ kind: "revoked" as const, at: at("2028-11-02"), reason: "x" }] };
    expect(certificateStatus(cert(), [revokedLater], at("2028-12-01"), "2028-12-01").status).toBe("expiring");
  });
});

describe("certificateStatus properties", () => {
  const dayArb = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));
  const eventArb = fc.record({
    kind: fc.constantFrom("suspended" as const, "reinstated" as const, "revoked" as const),
    at: dayArb.map(at),
    reason: fc.string({ minLength: 1, maxLength: 10 }),
  });
  const certArb = fc.record({
    id: fc.constantFrom("a", "b", "c", "d"),
    lksId: fc.constantFrom("lks-1", "lks-2"),
    issuedAt: dayArb.map(at),
    validFrom: dayArb,
    validUntil: dayArb,
    events: fc.array(eventArb, { maxLength: 4 }),
  });

  it("gives exactly one known status for any dates and events; revocation wins; supersession only by a later certificate of the same LKS", () => {
    fc.assert(
      fc.property(certArb, fc.array(certArb, { maxLength: 4 }), dayArb, (c, others, today) => {
        const now = at(today);
        const answer = certificateStatus(c, others, now, today);
        expect(CERTIFICATE_STATUSES).toContain(answer.status);
        const revokedNow = c.events.some((e) => e.kind === "revoked" && e.at <= now);
        expect(answer.status === "revoked").toBe(revokedNow);
        if (answer.status === "superseded") {
          const by = others.filter((o) => o.id === answer.supersededBy);
          expect(
            by.some(
              (o) =>
                o.lksId === c.lksId &&
                (o.issuedAt > c.issuedAt || (o.issuedAt === c.issuedAt && o.id > c.id)) &&
                o.issuedAt <= now,
            ),
          ).toBe(true);
        }
        // Certificates of other LKS never change the answer.
        const sameLks = others.filter((o) => o.lksId === c.lksId);
        expect(certificateStatus(c, sameLks, now, today)).toEqual(answer);
      }),
    );
  });
});

describe("eventRefusal", () => {
  it("allows nothing after revocation and keeps suspend/reinstate in turn", () => {
    const s = { kind: "suspended" as const, at: at("2027-01-01"), reason: "r" };
    expect(eventRefusal([], "suspended")).toBeNull();
    expect(eventRefusal([], "reinstated")).toBe("not_suspended");
    expect(eventRefusal([s], "suspended")).toBe("already_suspended");
    expect(eventRefusal([s], "reinstated")).toBeNull();
    expect(eventRefusal([s], "revoked")).toBeNull();
    expect(eventRefusal([{ ...s, kind: "revoked" }], "suspended")).toBe("revoked");
  });
});
