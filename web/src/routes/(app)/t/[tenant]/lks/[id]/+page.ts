import { readApi } from "#lib/offline/read-api.ts";
import type { PageLoad } from "./$types";

/**
 * The LKS profile in the registry its path names: the answer kept on the device at once (with its
 * date), the server's in the background; nothing kept, the server's. Missing or not the caller's: 404.
 */
export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  const options = { params: { tenant: params.tenant, lksId: params.id } };
  return { lks: await readApi("/t/{tenant}/lks/{lksId}", options) };
};
