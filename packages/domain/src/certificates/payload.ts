/**
 * The compact signed payload a certificate's QR code carries (issue 14), checkable offline against
 * the published keys: version tag, key id, number, LKS name, grade, valid from, valid until.
 *
 * Canonical encoding: the seven fields joined by `|` in that order, as UTF-8; no field may hold
 * `|` or a line break (the LKS name has them replaced before signing). The QR carries
 * `base64url(text).base64url(Ed25519 signature of the text bytes)`. Reading is strict: a payload
 * whose text is not exactly the canonical spelling of its fields is not genuine, even when signed.
 * Signing and verifying use WebCrypto (`crypto.subtle`, the same in workerd, Node 22 and browsers).
 */
import { GRADES, type Grade } from "../instruments/types.ts";

export const PAYLOAD_VERSION = "AK1";

/** Longer than any real payload (a 200-character LKS name): refused before decoding. */
export const MAX_PAYLOAD_LENGTH = 1024;

export interface CertificatePayload {
  kid: string;
  number: string;
  lksName: string;
  grade: Grade;
  /** YYYY-MM-DD. */
  validFrom: string;
  validUntil: string;
}

/** An Ed25519 public key as a JWK (RFC 8037), with its key id. */
export interface PublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg?: string;
  use?: string;
}

export type VerifyResult =
  | { genuine: true; payload: CertificatePayload }
  | { genuine: false; reason: "malformed" | "unknown_key" | "bad_signature" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KID = /^[A-Za-z0-9_-]{1,32}$/;

/** The LKS name as signed: separators and line breaks become spaces, runs of spaces one, trimmed. */
export const payloadName = (name: string): string =>
  name
    .replace(/[|\r\n\t]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();

/** The exact text that is signed. */
export function canonicalPayload(p: CertificatePayload): string {
  return [PAYLOAD_VERSION, p.kid, p.number, payloadName(p.lksName), p.grade, p.validFrom, p.validUntil].join("|");
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  // Only the canonical spelling: trailing bits that do not round-trip make another string of the same bytes.
  return toBase64Url(bytes) === text ? bytes : null;
}

/** The fields of a payload text, or null unless it is exactly canonical. */
export function parsePayloadText(text: string): CertificatePayload | null {
  const fields = text.split("|");
  if (fields.length !== 7) return null;
  const [version, kid, number, lksName, grade, validFrom, validUntil] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (version !== PAYLOAD_VERSION || !KID.test(kid) || !number || !lksName) return null;
  if (!(GRADES as readonly string[]).includes(grade) || !DATE.test(validFrom) || !DATE.test(validUntil)) return null;
  const payload: CertificatePayload = { kid, number, lksName, grade: grade as Grade, validFrom, validUntil };
  return canonicalPayload(payload) === text ? payload : null;
}

const encoder = new TextEncoder();

/** The payload as the QR carries it, signed with the private key named by `payload.kid`. */
export async function signPayload(payload: CertificatePayload, privateKey: CryptoKey): Promise<string> {
  if (!KID.test(payload.kid)) throw new Error("Invalid key id");
  const text = canonicalPayload(payload);
  const bytes = encoder.encode(text);
  const signature = new Uint8Array(await crypto.subtle.sign("Ed25519", privateKey, bytes));
  return `${toBase64Url(bytes)}.${toBase64Url(signature)}`;
}

/**
 * Whether `encoded` is a payload signed by one of `keys` (chosen by its kid: earlier keys stay in
 * the set after a rotation, so old certificates still verify). Anything else — truncated, altered,
 * unknown key, not canonical — is "not genuine", never valid.
 */
export async function verifyPayload(encoded: string, keys: readonly PublicJwk[]): Promise<VerifyResult> {
  if (encoded.length > MAX_PAYLOAD_LENGTH) return { genuine: false, reason: "malformed" };
  const [body, sig, ...rest] = encoded.split(".");
  if (body === undefined || sig === undefined || rest.length > 0) return { genuine: false, reason: "malformed" };
  const bytes = fromBase64Url(body);
  const signature = fromBase64Url(sig);
  if (!bytes || !signature || signature.length !== 64) return { genuine: false, reason: "malformed" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { genuine: false, reason: "malformed" };
  }
  const payload = parsePayloadText(text);
  if (!payload) return { genuine: false, reason: "malformed" };
  const jwk = keys.find((k) => k.kid === payload.kid && k.kty === "OKP" && k.crv === "Ed25519");
  if (!jwk) return { genuine: false, reason: "unknown_key" };
  let ok = false;
  try {
    const key = await crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x }, "Ed25519", false, [
      "verify",
    ]);
    ok = await crypto.subtle.verify("Ed25519", key, signature, bytes);
  } catch {
    ok = false;
  }
  return ok ? { genuine: true, payload } : { genuine: false, reason: "bad_signature" };
}
