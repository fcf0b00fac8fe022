import type { NationalScope, NationalWriteScope, Principal, TenantLookup, TenantScope } from "@akrab/db";
import type { Db } from "@akrab/db";
import type { TenantAccess } from "@akrab/domain";

export interface Bindings {
  DB: D1Database;
  DOCS: R2Bucket;
  /** One Durable Object per resumable upload (see uploads/upload-session.ts). */
  UPLOADS: DurableObjectNamespace<import("./uploads/upload-session.ts").UploadSession>;
  ASSETS: Fetcher;
  /** "development" allows the built-in token secret; anything else requires JWT_SECRET. */
  ENVIRONMENT: string;
  JWT_SECRET?: string;
  /** Signs backup files of unsent changes (per-user keys derived from it); like JWT_SECRET, required outside development. */
  BACKUP_SECRET?: string;
  /**
   * Ed25519 keys that sign certificates' QR payloads, JSON `{ active, keys: [{ kid, jwk }] }` (see
   * services/certificate-keys.ts); a built-in key serves development only.
   */
  CERT_SIGNING_KEYS?: string;
  /** Days past an SLA after which reminders also go to the Dinsos head (default 3). */
  SLA_ESCALATION_DAYS?: string;
  /** Where emailed links point when no request is at hand (scheduled jobs). */
  APP_ORIGIN?: string;
  /** Cloudflare Email Service (`[[send_email]]` in wrangler.toml); the outbox job delivers through it. */
  EMAIL?: SendEmail;
  /** Sender address of every email; its domain must be verified for Email Service (default noreply@akrab.id). */
  MAIL_FROM?: string;
  /** Generic HTTP messaging provider (WhatsApp or SMS), off unless both URL and token are set. */
  MESSAGING_HTTP_URL?: string;
  MESSAGING_HTTP_TOKEN?: string;
  /** "whatsapp" (default) or "sms": which channel that provider serves. */
  MESSAGING_HTTP_CHANNEL?: string;
}

interface Variables {
  requestId: string;
  db: Db;
  /** Set by `authenticate()` when the request carries a valid session. */
  principal: Principal | undefined;
  /** How the request authenticated: cookies need CSRF protection, bearer tokens do not. */
  credential: "cookie" | "bearer" | undefined;
  /** Set by `authenticate()` on tenant paths: the tenant, fetched in the principal's round trip. */
  tenantLookup: TenantLookup | undefined;
  /** Set by `tenant()` for routes under /api/v1/t/{tenant}. */
  access: TenantAccess;
  scope: TenantScope;
  /** Set by `national()` on national routes: read-only unless the route asked for writes. */
  national: NationalScope;
  /** Set by `eagerBody()` on upload routes: the request body, read from the first moment. */
  body: ReadableStream<Uint8Array> | undefined;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}

/**
 * Handler environments behind a middleware that guarantees its variables, as hono types a
 * middleware's own `Env`: after `requireAuth()`, `tenant()` or `national()` the principal is
 * there, so handlers typed with these read it without `!`.
 */
export type AuthedEnv = { Bindings: Bindings; Variables: Omit<Variables, "principal"> & { principal: Principal } };
export type TenantEnv = AuthedEnv;
export type NationalEnv = AuthedEnv;
export type NationalWriteEnv = {
  Bindings: Bindings;
  Variables: AuthedEnv["Variables"] & { national: NationalWriteScope };
};
