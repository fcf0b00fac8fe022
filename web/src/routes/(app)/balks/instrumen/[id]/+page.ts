import { failedOtherwise, readApi } from "#lib/offline/read-api.ts";
import type { PageLoad } from "./$types";

/**
 * One version with its standards, indicators and grade rules, read through the device's store: the
 * kept answer at once with its date, the server's in the background. Unknown (or never kept here and
 * no link) is the read's `failed`, said in place; any other failure is shown with a retry.
 */
export const load: PageLoad = async ({ params }) => ({
  instrument: await readApi("/national/instruments/{instrumentId}", { params: { instrumentId: params.id } }).catch(
    failedOtherwise,
  ),
});
