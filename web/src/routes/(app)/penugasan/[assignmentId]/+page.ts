import { api, isApiError } from "#lib/api.ts";
import type { ScoreSheet, VisitPack } from "#lib/api-types.ts";
import { problemMessage } from "#lib/errors.ts";
import { session } from "#lib/session.svelte.ts";
import { packFromDevice } from "#lib/visit/pack.ts";
import type { PageLoad } from "./$types";

type Loaded =
  | { pack: VisitPack; sheet: ScoreSheet; packAt: number; notFound: false; loadError: null }
  | { pack: null; sheet: null; packAt: null; notFound: boolean; loadError: string | null };

/**
 * The visit pack from the device when it was downloaded (a snapshot the asesor refreshes on
 * /penugasan), else from the network; the asesor's own sheet from the network, else its last copy on
 * the device, else the pack's. Only their own sheet: the other asesor's is never asked for here
 * (blind until both submitted). An assignment the caller does not hold is a 404: "not found".
 */
export const load: PageLoad = async ({ params, parent }): Promise<Loaded> => {
  await parent();
  const userId = session.current?.user.id;
  const path = { params: { assignmentId: params.assignmentId } };
  try {
    const device = userId ? await packFromDevice<VisitPack>(userId, params.assignmentId) : null;
    const pack = device?.pack ?? (await api.get("/me/assignments/{assignmentId}/pack", path));
    let sheet: ScoreSheet = pack.sheet;
    try {
      sheet = await api.get("/me/assignments/{assignmentId}/sheet", path);
    } catch (e) {
      // No link and no later copy: the pack's sheet is where the device starts.
      if (!isApiError(e) || e.status !== 0) throw e;
    }
    return { pack, sheet, packAt: device?.fetchedAt ?? Date.now(), notFound: false, loadError: null };
  } catch (e) {
    if (isApiError(e) && e.status === 404)
      return { pack: null, sheet: null, packAt: null, notFound: true, loadError: null };
    return { pack: null, sheet: null, packAt: null, notFound: false, loadError: problemMessage(e) };
  }
};
