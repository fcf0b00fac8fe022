import { api } from "#lib/api.ts";
import { failedOtherwise, readApi } from "#lib/offline/read-api.ts";
import type { PageLoad } from "./$types";

/**
 * Every instrument version, newest first (a failed read is shown on the page with a retry), and
 * BALKS's certificate and supervision settings read through the device's store: the kept answer at
 * once with its date, the server's in the background.
 */
export const load: PageLoad = async ({ fetch }) => {
  const [instruments, certificateSettings, supervisionSettings] = await Promise.all([
    api.get("/national/instruments", { fetch }).then(
      ({ items }) => ({ items, loadError: null }),
      (e: unknown) => ({ items: [], loadError: e }),
    ),
    readApi("/national/certificate-settings").catch(failedOtherwise),
    readApi("/national/supervision-settings").catch(failedOtherwise),
  ]);
  return { ...instruments, certificateSettings, supervisionSettings };
};
