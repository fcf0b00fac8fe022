/**
 * "Simpan cadangan": the signed file of a person's unsent changes (pure: no DOM, no IndexedDB;
 * WebCrypto only, unit-tested in Node).
 *
 * The file is signed with HMAC-SHA256 under the person's backup key (`GET /auth/backup-key`,
 * derived by the server from its secret and the user id), over the canonical JSON of everything
 * in the file but the signature. The key lives on the device with the person's other data and
 * goes at sign-out. That it sits on the device is acceptable: all it allows is making a file that
 * imports as this person's own changes, which the person can make anyway by typing them; the
 * server checks every change it receives as it checks any other (session, access, version, base).
 * What the signature buys is that a file edited by hand, damaged, or made for someone else is
 * refused before anything of it reaches the outbox.
 */
import type { OutboxItem } from "./outbox.ts";
import { OUTBOX_KINDS } from "./slot.ts";

const BACKUP_FORMAT = "akrab-cadangan";
const BACKUP_VERSION = 1;

export interface BackupKeyInfo {
  userId: string;
  keyId: string;
  /** 32 bytes, base64url. */
  key: string;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  keyId: string;
  userId: string;
  /** Shown when the file is offered to someone else ("milik Siti"). */
  userName: string;
  createdAt: string;
  items: OutboxItem[];
  signature: string;
}

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth and no whitespace: the same
 * bytes for the same value however its keys were ordered (RFC 8785's serialisation, whose number
 * and string forms are JavaScript's own). Values JSON cannot carry are refused, not dropped.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonicalJson: not a finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (ch) => ch.charCodeAt(0));
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

const hmacKey = (key: BackupKeyInfo, use: "sign" | "verify") =>
  crypto.subtle.importKey("raw", fromBase64Url(key.key), { name: "HMAC", hash: "SHA-256" }, false, [use]);

const signedBytes = (file: Omit<BackupFile, "signature">) => new TextEncoder().encode(canonicalJson(file));

export async function signBackup(
  key: BackupKeyInfo,
  content: { userName: string; items: OutboxItem[]; createdAt: Date },
): Promise<BackupFile> {
  const unsigned: Omit<BackupFile, "signature"> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    keyId: key.keyId,
    userId: key.userId,
    userName: content.userName,
    createdAt: content.createdAt.toISOString(),
    items: content.items,
  };
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(key, "sign"), signedBytes(unsigned));
  return { ...unsigned, signature: toBase64Url(new Uint8Array(signature)) };
}

export type VerifyResult =
  | { ok: true; file: BackupFile }
  /** Not a backup file of this app (another JSON, not JSON at all, a later version). */
  | { ok: false; reason: "not-backup" }
  /** Made by another person (named in the file). */
  | { ok: false; reason: "other-user"; userName: string }
  /** Changed after it was saved, or damaged: the signature does not match. */
  | { ok: false; reason: "tampered" };

const KINDS = new Set<string>(OUTBOX_KINDS);
const STATES = new Set<string>(["pending", "refused", "conflict"]);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An outbox item as the sync loop sends it (the signature vouches for the author, this for the shape). */
function isItem(v: unknown): v is OutboxItem {
  if (!isRecord(v)) return false;
  const strings = ["id", "userId", "key", "kind", "tenant", "targetId", "label", "href"];
  return (
    strings.every((k) => typeof v[k] === "string") &&
    KINDS.has(v.kind as string) &&
    STATES.has(v.state as string) &&
    isRecord(v.values) &&
    isRecord(v.base) &&
    typeof v.expectedVersion === "number" &&
    typeof v.createdAt === "number" &&
    typeof v.attempts === "number" &&
    Array.isArray(v.conflicts)
  );
}

/** Reads a file's text: this person's signed backup, or why it is refused. Changes nothing. */
export async function verifyBackup(text: string, key: BackupKeyInfo): Promise<VerifyResult> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-backup" };
  }
  if (!isRecord(parsed) || parsed.format !== BACKUP_FORMAT || parsed.version !== BACKUP_VERSION)
    return { ok: false, reason: "not-backup" };
  const { signature, ...unsigned } = parsed;
  if (typeof signature !== "string" || typeof parsed.userId !== "string") return { ok: false, reason: "tampered" };
  // Another person's file is said so by name (their key, which this device never has, signed it).
  if (parsed.userId !== key.userId)
    return { ok: false, reason: "other-user", userName: typeof parsed.userName === "string" ? parsed.userName : "" };
  let valid = false;
  try {
    valid = await crypto.subtle.verify(
      "HMAC",
      await hmacKey(key, "verify"),
      fromBase64Url(signature),
      signedBytes(unsigned as Omit<BackupFile, "signature">),
    );
  } catch {
    valid = false; // a signature that is not base64url, a value JSON cannot carry
  }
  if (!valid) return { ok: false, reason: "tampered" };
  const file = parsed as unknown as BackupFile;
  if (!Array.isArray(file.items) || !file.items.every(isItem) || file.items.some((i) => i.userId !== key.userId))
    return { ok: false, reason: "not-backup" };
  return { ok: true, file };
}

/** `akrab-cadangan-20261205-1041.json`, in Jakarta time like every time the app shows. */
export function backupFileName(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Jakarta",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${BACKUP_FORMAT}-${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}.json`;
}

/**
 * What importing adds to the outbox: each item of the file not already there. Items keep their id
 * and their Idempotency-Key: a change the first device already sent comes back from the server as
 * the first answer replayed (same key, same body), so it is never applied twice; an item already
 * in this outbox (the same device restoring its own file) is left as it is.
 */
export function itemsToImport(file: BackupFile, present: readonly Pick<OutboxItem, "id">[]): OutboxItem[] {
  const have = new Set(present.map((i) => i.id));
  return file.items.filter((item) => !have.has(item.id));
}
