import { publicRegistryReads } from "@akrab/db";
import { jakartaDay } from "@akrab/domain";
import type { AppEnv } from "../../env.ts";
import { cached, keep } from "../certificates/cache.ts";

/**
 * Registry answers (the API, the CSV-free pages) are cached at the edge under a key that carries
 * the registry's version and the Jakarta day. Every certificate change bumps the version in the
 * same transaction (migration 0022's triggers), so a search cannot be purged key by key (any page
 * of any filter may hold the LKS) but is never read again once stale: the next request reads the
 * new version (one indexed row) and misses. The day in the key moves "active" to "expiring" or
 * "expired" at Jakarta midnight without any write. Old entries age out by their s-maxage.
 */
export async function registryCacheKey(db: AppEnv["Variables"]["db"], url: URL, now = new Date()) {
  const state = await publicRegistryReads(db).state();
  const query = new URLSearchParams(url.search);
  query.sort();
  return {
    state,
    key: `${url.origin}/__registry-cache/v${state.version}/${jakartaDay(now)}${url.pathname}?${query}`,
  };
}

/** The cached answer under `key`, or `make()`'s, kept when it is a 200. */
export async function throughCache(key: string, make: () => Promise<Response>): Promise<Response> {
  const hit = await cached(key);
  if (hit) return new Response(hit.body, hit);
  const response = await make();
  if (response.status === 200) await keep(key, response);
  return response;
}
