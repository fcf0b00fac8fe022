import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADES } from "../instruments/types.ts";
import {
  canonicalPayload,
  parsePayloadText,
  signPayload,
  verifyPayload,
  type CertificatePayload,
  type PublicJwk,
} from "./payload.ts";

async function keyPair(kid: string) {
  const pair = (await crypto.subtle.generateKey("Ed25519", true, ["sign", "verify"])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey("jwk", pair.publicKey)) as JsonWebKey;
  const pub: PublicJwk = { kty: "OKP", crv: "Ed25519", x: jwk.x as string, kid };
  return { privateKey: pair.privateKey, pub };
}

const payload = (kid: string): CertificatePayload => ({
  kid,
  number: "0123/BALKS/B/XII/2026",
  lksName: "Panti Asuhan Kasih Bunda",
  grade: "B",
  validFrom: "2026-12-05",
  validUntil: "2029-12-05",
});

describe("QR payload", () => {
  it("verifies a signed payload, also after a rotation (the old key stays in the set)", async () => {
    const old = await keyPair("k2026");
    const current = await keyPair("k2027");
    const signedOld = await signPayload(payload("k2026"), old.privateKey);
    const signedNew = await signPayload(payload("k2027"), current.privateKey);
    const set = [current.pub, old.pub];
    expect(await verifyPayload(signedOld, set)).toEqual({ genuine: true, payload: payload("k2026") });
    expect(await verifyPayload(signedNew, set)).toEqual({ genuine: true, payload: payload("k2027") });
    // Without the old key the old payload is not genuine (unknown key), never valid.
    expect(await verifyPayload(signedOld, [current.pub])).toEqual({ genuine: false, reason: "unknown_key" });
  });

  it("refuses tampered, truncated and forged payloads", async () => {
    const real = await keyPair("k1");
    const forger = await keyPair("k1");
    const signed = await signPayload(payload("k1"), real.privateKey);
    const [body, sig] = signed.split(".") as [string, string];
    const tamperedText = canonicalPayload({ ...payload("k1"), grade: "A" });
    const tamperedBody = btoa(tamperedText).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect((await verifyPayload(`${tamperedBody}.${sig}`, [real.pub])).genuine).toBe(false);
    expect((await verifyPayload(signed.slice(0, -3), [real.pub])).genuine).toBe(false);
    expect((await verifyPayload(body, [real.pub])).genuine).toBe(false);
    expect((await verifyPayload(`${body}.${sig}.x`, [real.pub])).genuine).toBe(false);
    expect((await verifyPayload("", [real.pub])).genuine).toBe(false);
    const forged = await signPayload(payload("k1"), forger.privateKey);
    expect(await verifyPayload(forged, [real.pub])).toEqual({ genuine: false, reason: "bad_signature" });
  });

  it("property: any change to a signed payload's characters is never genuine", async () => {
    const real = await keyPair("k1");
    const signed = await signPayload(payload("k1"), real.privateKey);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: signed.length - 1 }),
        fc.constantFrom(..."ABCabc019-_.|"),
        async (i, ch) => {
          fc.pre(signed[i] !== ch);
          const changed = signed.slice(0, i) + ch + signed.slice(i + 1);
          expect((await verifyPayload(changed, [real.pub])).genuine).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: canonical text round-trips for any LKS name (separators are replaced before signing)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom(...GRADES), (name, grade) => {
        fc.pre(name.replace(/[|\r\n\t ]/g, "").length > 0);
        const text = canonicalPayload({ ...payload("k1"), lksName: name, grade });
        const parsed = parsePayloadText(text);
        expect(parsed).not.toBeNull();
        expect(parsed && canonicalPayload(parsed)).toBe(text);
      }),
    );
  });
});
