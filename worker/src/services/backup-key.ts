import type { Bindings } from "../env.ts";
import { Problem } from "../middleware/problem/index.ts";

/** Used only when ENVIRONMENT is "development" (wrangler dev, tests); production refuses it. */
export const DEV_BACKUP_SECRET = "akrab-local-development-backup-secret-not-for-production";

/** Named in every backup file, so a later rotation (v2 from a new secret) can still tell the files apart. */
export const BACKUP_KEY_ID = "v1";

function backupSecret(env: Bindings): string {
  const secret = env.BACKUP_SECRET ?? (env.ENVIRONMENT === "development" ? DEV_BACKUP_SECRET : undefined);
  if (!secret || (env.ENVIRONMENT !== "development" && (secret === DEV_BACKUP_SECRET || secret.length < 32))) {
    throw new Problem(
      "misconfigured",
      "BACKUP_SECRET harus diatur (minimal 32 karakter) / BACKUP_SECRET must be set to at least 32 characters",
    );
  }
  return secret;
}

/**
 * The person's key for signing backup files of their unsent changes ("Simpan cadangan"):
 * HKDF-SHA256 of the server's BACKUP_SECRET with the user id as info, so each person has their
 * own key, the same on every device and every session, and nothing is stored per person.
 * BACKUP_SECRET is its own secret (not JWT_SECRET) so rotating the session key after a leak does
 * not make every backup file unreadable, and a backup key can never verify a session token.
 */
export async function backupKey(env: Bindings, userId: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const secret = await crypto.subtle.importKey("raw", encoder.encode(backupSecret(env)), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: encoder.encode(`akrab-backup-${BACKUP_KEY_ID}`),
      info: encoder.encode(userId),
    },
    secret,
    256,
  );
  return new Uint8Array(bits);
}
