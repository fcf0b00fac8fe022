/**
 * Regions (provinces, kabupaten/kota) and areas (kecamatan, kelurahan/desa) for pickers.
 * Both come from public, cacheable API endpoints; each list is fetched once per page load
 * and shared by every picker on the page (a failed fetch is forgotten so a retry can work).
 */
import { api } from "#lib/api.ts";
import type { Area, Region } from "#lib/api-types.ts";

let regionsPromise: Promise<Region[]> | null = null;
const areaPromises = new Map<string, Promise<Area[]>>();

/** All 38 provinces and 514 kabupaten/kota, ordered by Kemendagri code. */
export function loadRegions(): Promise<Region[]> {
  regionsPromise ??= api.get("/public/regions").then(
    (list) => list.items,
    (error: unknown) => {
      regionsPromise = null;
      throw error;
    },
  );
  return regionsPromise;
}

/** Kecamatan of a kab/kota ("36.71"), or kelurahan/desa of a kecamatan ("36.71.01"). */
export function loadAreas(parent: string): Promise<Area[]> {
  let promise = areaPromises.get(parent);
  if (!promise) {
    promise = api.get("/public/areas", { query: { parent } }).then(
      (list) => list.items,
      (error: unknown) => {
        areaPromises.delete(parent);
        throw error;
      },
    );
    areaPromises.set(parent, promise);
  }
  return promise;
}

/** Lower case, no punctuation, "kab."/"kab" read as "kabupaten". */
function searchKey(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\bkab\b\.?/g, "kabupaten")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Regions whose name contains every word of the query, names that start with the query first.
 * "serang" finds Kota Serang and Kabupaten Serang; "kab serang" only the latter.
 */
export function searchRegions(regions: Region[], query: string, limit = 12): Region[] {
  const key = searchKey(query);
  if (!key) return [];
  const words = key.split(" ");
  const hits = regions.filter((region) => {
    const name = searchKey(region.name);
    return words.every((word) => name.includes(word)) || region.code === query.trim();
  });
  const rank = (region: Region) => {
    const name = searchKey(region.name);
    const bare = name.replace(/^(kabupaten|kota|provinsi) /, "");
    return name.startsWith(key) || bare.startsWith(key) ? 0 : 1;
  };
  return hits.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code)).slice(0, limit);
}
