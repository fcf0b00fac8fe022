import { api, isApiError } from "#lib/api.ts";
import type { PageLoad } from "./$types";

export const load: PageLoad = async ({ fetch, params }) => {
  try {
    const invitation = await api.get("/auth/invitations/{token}", { params: { token: params.token }, fetch });
    return { invitation, loadError: null };
  } catch (e) {
    if (isApiError(e) && (e.status === 404 || e.status === 410)) return { invitation: null, loadError: null };
    return { invitation: null, loadError: e };
  }
};
