import type { PublicJwk } from "@akrab/domain";
import type { Bindings } from "../env.ts";
import { Problem } from "../middleware/problem/index.ts";

/**
 * The Ed25519 keys that sign certificates' QR payloads (issue 14).
 *
 * Production: the Worker secret `CERT_SIGNING_KEYS` (`wrangler secret put CERT_SIGNING_KEYS --env
 * production`), JSON `{ "active": "<kid>", "keys": [{ "kid": "<kid>", "jwk": <Ed25519 JWK> }, …] }`.
 * The active key's JWK carries its private part `d`; keys retired by a rotation keep only their
 * public part (`kty`, `crv`, `x`) and stay in the list, so they are still published at
 * `/.well-known/jwks.json` and every certificate signed with them still verifies offline.
 * Rotation: add the new key, point `active` at it, strip `d` from the old one.
 *
 * Development only (wrangler dev, tests): a built-in key, refused anywhere else — like the other
 * development secrets (JWT_SECRET, BACKUP_SECRET), a Worker without its own key cannot issue.
 *
 * Seam for a certified signature: a QR signed with this key is an *uncertified* electronic
 * signature under Indonesian law. A BSrE-certified (PSrE) PAdES signature of the PDF itself would be
 * added where the PDF is made (`services/certificate-pdf.ts`, `certificatePdf`), by sending the
 * PDF's digest to BSrE's signing service and embedding the returned CMS; nothing here pretends to
 * be that signature.
 */

const DEV_CERT_KID = "dev-local";

/** Used only when ENVIRONMENT is "development"; refused elsewhere (anyone can read it here). */
export const DEV_CERT_SIGNING_KEYS = JSON.stringify({
  active: DEV_CERT_KID,
  keys: [
    {
      kid: DEV_CERT_KID,
      jwk: {
        kty: "OKP",
        crv: "Ed25519",
        x: "7PVrYzsdInkTIir3e_XB2cn1873-hV17BTP9m_n0vQ4",
        d: "u_1U3WCVpyllmwtDZpZ_zXGPd2b8JMeLs57YfPIHh08",
      },
    },
  ],
});

interface KeyEntry {
  kid: string;
  jwk: { kty: string; crv: string; x: string; d?: string };
}

interface KeyConfig {
  active: string;
  keys: KeyEntry[];
}

const misconfigured = (why: string) =>
  new Problem(
    "misconfigured",
    `Kunci tanda tangan sertifikat (CERT_SIGNING_KEYS) belum diatur dengan benar: ${why} / The certificate signing keys (CERT_SIGNING_KEYS) are not set up correctly: ${why}`,
  );

function parseConfig(text: string): KeyConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw misconfigured("JSON");
  }
  const config = parsed as Partial<KeyConfig>;
  if (typeof config.active !== "string" || !Array.isArray(config.keys)) throw misconfigured("active, keys");
  for (const key of config.keys) {
    if (
      typeof key?.kid !== "string" ||
      !/^[A-Za-z0-9_-]{1,32}$/.test(key.kid) ||
      key.jwk?.kty !== "OKP" ||
      key.jwk.crv !== "Ed25519" ||
      typeof key.jwk.x !== "string"
    )
      throw misconfigured("kid, jwk");
  }
  const kids = config.keys.map((k) => k.kid);
  if (new Set(kids).size !== kids.length) throw misconfigured("kid");
  return config as KeyConfig;
}

/** The configured key set; in production the development key is refused, published or not. */
function keyConfig(env: Bindings): KeyConfig {
  const development = env.ENVIRONMENT === "development";
  const text = env.CERT_SIGNING_KEYS ?? (development ? DEV_CERT_SIGNING_KEYS : undefined);
  if (!text) throw misconfigured("—");
  const config = parseConfig(text);
  if (!development && config.keys.some((k) => k.kid === DEV_CERT_KID || k.jwk.x === devPublicX()))
    throw misconfigured("kunci pengembangan / the development key");
  return config;
}

const devPublicX = () => (JSON.parse(DEV_CERT_SIGNING_KEYS) as KeyConfig).keys[0]?.jwk.x;

/** The public keys, as published in the JWKS (never a private part). */
export function publicKeys(env: Bindings): PublicJwk[] {
  return keyConfig(env).keys.map((k) => ({
    kty: "OKP",
    crv: "Ed25519",
    x: k.jwk.x,
    kid: k.kid,
    alg: "Ed25519",
    use: "sig",
  }));
}

/** The active signing key and its kid. */
export async function signingKey(env: Bindings): Promise<{ kid: string; key: CryptoKey }> {
  const config = keyConfig(env);
  const entry = config.keys.find((k) => k.kid === config.active);
  if (!entry?.jwk.d) throw misconfigured("active");
  const key = await crypto.subtle.importKey(
    "jwk",
    { kty: "OKP", crv: "Ed25519", x: entry.jwk.x, d: entry.jwk.d },
    "Ed25519",
    false,
    ["sign"],
  );
  return { kid: entry.kid, key };
}
