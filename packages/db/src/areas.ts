import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "./client.ts";
import { areas, regions } from "./schema.ts";

/** Kecamatan of a kab/kota, or kelurahan/desa of a kecamatan, by name. */
export async function listAreas(db: Db, parentCode: string) {
  return db
    .select({ code: areas.code, name: areas.name })
    .from(areas)
    .where(eq(areas.parentCode, parentCode))
    .orderBy(asc(areas.name));
}

/** Which of the given province/kab-kota/kecamatan/kelurahan codes do not exist. */
export async function unknownAreaCodes(db: Db, codes: { region: string[]; area: string[] }): Promise<string[]> {
  const [foundRegions, foundAreas] = await db.batch([
    db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes.region)),
    db.select({ code: areas.code }).from(areas).where(inArray(areas.code, codes.area)),
  ]);
  const known = new Set([...foundRegions, ...foundAreas].map((r) => r.code));
  return [...codes.region, ...codes.area].filter((code) => !known.has(code));
}
