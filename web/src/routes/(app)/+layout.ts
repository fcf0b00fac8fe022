import { redirect } from "@sveltejs/kit";
import { api, isApiError } from "#lib/api.ts";
import { prepareOffline, startOffline } from "#lib/offline/state.svelte.ts";
import { session } from "#lib/session.svelte.ts";
import type { LayoutLoad } from "./$types";

/** Every page under (app) needs a session: ask the API who the cookie belongs to. */
export const load: LayoutLoad = async ({ fetch, url, untrack }) => {
  // Offline, the session the device last confirmed answers (from that person's own store).
  prepareOffline();
  try {
    const me = await api.get("/auth/me", { fetch });
    session.set(me);
    void startOffline(me, "/api/v1/auth/me");
    return { me };
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      session.clear();
      await import("#lib/offline/stop.ts").then((offline) => offline.stopOffline({ signedOut: false }));
      // `untrack`: reading the URL must not make this load re-run on every navigation.
      const here = untrack(() => url.pathname + url.search);
      redirect(307, here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`);
    }
    throw e;
  }
};
