import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema.ts";

export function createDb(d1: D1Database) {
  return drizzle(d1, { schema });
}

export type Db = ReturnType<typeof createDb>;

/** Time-ordered random ids (UUIDv7): index-friendly and safe to show. */
export function newId(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isoNow(now = Date.now()): string {
  return new Date(now).toISOString();
}

/** Any statement that can join a D1 batch (one transaction, one round trip). */
export type BatchItem = Parameters<Db["batch"]>[0][number];

/** A row the caller has just written, or knows exists: its absence is a bug (a 500), never a 404. */
export function expectRow<T>(row: T | null | undefined, what: string): T {
  if (row === null || row === undefined) throw new Error(`${what} is missing`);
  return row;
}
