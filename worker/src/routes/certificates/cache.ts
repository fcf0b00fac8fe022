import type { Bindings } from "../../env.ts";
import { verificationPath } from "../../services/certificates.ts";

/**
 * Public certificate answers (the API and the verification page) are cached at the edge with the
 * Cache API and purged when the certificate changes (suspension, revocation, reinstatement, a
 * superseding issue), so "immediate everywhere" holds in this data centre at once and elsewhere
 * within the short s-maxage.
 */
// Browsers revalidate every time (max-age=0): a phone that saw "Aktif" must see "Dicabut" on the next
// look, and only the edge, which is purged, keeps the answer.
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=300";

const publicApiPath = (number: string) => `/api/v1/public/certificates/${encodeURIComponent(number)}`;

/** `caches.default` where the runtime has it (workerd), else no edge cache. */
function edgeCache(): Cache | null {
  return typeof caches === "undefined" ? null : (caches as unknown as { default: Cache }).default;
}

export async function cached(url: string): Promise<Response | undefined> {
  return (await edgeCache()?.match(url)) ?? undefined;
}

export async function keep(url: string, response: Response): Promise<void> {
  await edgeCache()?.put(url, response.clone());
}

/** Purges every public answer about `numbers`, under the request's origin and APP_ORIGIN. */
export async function purgeCertificates(env: Bindings, requestOrigin: string, numbers: readonly string[]) {
  const cache = edgeCache();
  if (!cache) return;
  const origins = [...new Set([requestOrigin, env.APP_ORIGIN].filter((o): o is string => Boolean(o)))];
  await Promise.all(
    origins.flatMap((origin) =>
      numbers.flatMap((n) => [
        cache.delete(`${origin}${publicApiPath(n)}`),
        cache.delete(`${origin}${verificationPath(n)}`),
      ]),
    ),
  );
}
