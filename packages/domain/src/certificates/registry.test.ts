import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REGISTRY_STATUSES, heldStatus, standingCertificate, statusByDate } from "./registry.ts";
import { certificateStatus, type CertificateEvent, type CertificateFacts } from "./status.ts";

const day = (offset: number) =>
  new Date(Date.parse("2026-01-01T00:00:00Z") + offset * 86_400_000).toISOString().slice(0, 10);

describe("statusByDate", () => {
  it("agrees with certificateStatus on every day around the bounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (until, t) => {
        const validUntil = day(until);
        const today = day(t);
        const cert: CertificateFacts = {
          id: "c",
          lksId: "l",
          issuedAt: "2025-01-01T00:00:00.000Z",
          validFrom: "2025-01-01",
          validUntil,
          events: [],
        };
        expect(statusByDate(validUntil, today)).toBe(
          certificateStatus(cert, [], `${today}T05:00:00.000Z`, today).status,
        );
      }),
    );
  });
});

describe("standingCertificate", () => {
  const event = fc.record({
    kind: fc.constantFrom<CertificateEvent["kind"]>("suspended", "reinstated", "revoked"),
    at: fc.integer({ min: 0, max: 900 }).map((d) => `${day(d)}T03:00:00.000Z`),
    reason: fc.constant("alasan"),
  });
  const certificates = fc
    .array(
      fc.record({
        issued: fc.integer({ min: 0, max: 900 }),
        length: fc.integer({ min: 30, max: 1900 }),
        events: fc.array(event, { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((list) =>
      list.map(
        (c, i): CertificateFacts => ({
          id: `c${i}`,
          lksId: "l",
          issuedAt: `${day(c.issued)}T02:00:00.000Z`,
          validFrom: day(c.issued),
          validUntil: day(c.issued + c.length),
          events: c.events,
        }),
      ),
    );

  it("is never superseded, supersedes every other certificate not revoked, and is revoked only when all are", () => {
    fc.assert(
      fc.property(certificates, fc.integer({ min: 900, max: 3000 }), (certs, t) => {
        const today = day(t);
        const now = `${today}T05:00:00.000Z`;
        const standing = standingCertificate(certs, now, today);
        expect(standing).not.toBeNull();
        if (!standing) return;
        expect(REGISTRY_STATUSES).toContain(standing.status);
        const own = certificateStatus(standing.certificate, certs, now, today).status;
        expect(own).toBe(standing.status);
        const revoked = (c: CertificateFacts) => certificateStatus(c, certs, now, today).status === "revoked";
        const unrevoked = certs.filter((c) => !revoked(c));
        if (unrevoked.length > 0) {
          expect(standing.status).not.toBe("revoked");
          // Every other certificate not revoked is older, so the domain calls it superseded (or, held, suspended).
          for (const c of unrevoked.filter((c) => c !== standing.certificate))
            expect(["superseded", "suspended"]).toContain(certificateStatus(c, certs, now, today).status);
        } else expect(standing.status).toBe("revoked");
      }),
    );
  });

  it("is null for an LKS without certificates", () => {
    expect(standingCertificate([], "2026-01-01T00:00:00.000Z", "2026-01-01")).toBeNull();
  });
});

describe("heldStatus", () => {
  it("gives the hold first, else the status by date with the day after the end as the expiry's date", () => {
    const base = { holdSince: null, holdReason: null, validUntil: "2026-03-31" };
    expect(heldStatus({ ...base, hold: "none" }, "2026-04-01")).toEqual({
      status: "expired",
      since: "2026-04-01",
      reason: null,
    });
    expect(heldStatus({ ...base, hold: "none" }, "2026-03-31").status).toBe("expiring");
    expect(heldStatus({ ...base, hold: "none" }, "2025-10-01").status).toBe("active");
    expect(
      heldStatus(
        { hold: "revoked", holdSince: "2026-02-01T03:00:00.000Z", holdReason: "Pelanggaran", validUntil: "2029-01-01" },
        "2026-04-01",
      ),
    ).toEqual({
      status: "revoked",
      since: "2026-02-01T03:00:00.000Z",
      reason: "Pelanggaran",
    });
  });
});
