import { readApi } from "#lib/offline/read-api.ts";
import type { PageLoad } from "./$types";

/**
 * One asesor with ties and assignments, read through the device's store (kept at once with its date,
 * the server's in the background). Not in the registry (or not the caller's to see) is said in place.
 */
export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  return { asesor: await readApi("/national/asesors/{asesorId}", { params: { asesorId: params.id } }) };
};
