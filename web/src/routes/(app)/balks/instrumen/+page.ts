import { failedOtherwise, readApi } from "#lib/offline/read-api.ts";
import type { PageLoad } from "./$types";

/**
 * Every instrument version, newest first, and BALKS's certificate and supervision settings, read
 * through the device's store: the kept answer at once with its date, the server's in the background
 * (never kept here and no link: said in place; another failure: shown with a retry).
 */
export const load: PageLoad = async () => {
  const [instruments, certificateSettings, supervisionSettings] = await Promise.all([
    readApi("/national/instruments").catch(failedOtherwise),
    readApi("/national/certificate-settings").catch(failedOtherwise),
    readApi("/national/supervision-settings").catch(failedOtherwise),
  ]);
  return { instruments, certificateSettings, supervisionSettings };
};
