import { redirect } from "@sveltejs/kit";
import { API_BASE, api, isApiError } from "#lib/api.ts";
import type { Session } from "#lib/api-types.ts";
import { lastSession, prepareOffline, servedFromDevice, startOffline } from "#lib/offline/state.svelte.ts";
import { session } from "#lib/session.svelte.ts";
import type { LayoutLoad } from "./$types";

const ME_URL = `${API_BASE}/auth/me`;

/** The session ended: this device forgets the person's reads (their unsent changes stay for them). */
async function endedSession(): Promise<void> {
  session.clear();
  await import("#lib/offline/stop.ts").then((offline) => offline.stopOffline({ signedOut: false }));
}

const toLogin = (here: string) => (here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`);

/**
 * Every page under (app) needs a session: ask the API who the cookie belongs to. When the server
 * confirmed one on this device before, the page opens with it at once (stale-while-revalidate: on a
 * 2G link the answer takes a round trip or two) and follows the server's answer when it comes: the
 * same person, refreshed; a session that ended, to the sign-in page; no link, the kept one stays.
 */
export const load: LayoutLoad = async ({ fetch, url, untrack }) => {
  // Offline, the session the device last confirmed answers (from that person's own store).
  prepareOffline();
  // `untrack`: reading the URL must not make this load re-run on every navigation.
  const here = untrack(() => url.pathname + url.search);
  // Not from the device (`fromDevice: false`): the kept answer is this load's own below, and a lost link must
  // be told apart from the server's answer (only that confirms the store; the date of the kept one goes with it).
  const asked = api.get("/auth/me", { fetch, fromDevice: false }).then((me) => {
    session.set(me);
    void startOffline(me, ME_URL);
    return me;
  });
  // Handled below once the kept session was looked up (a lost link fails sooner than that look).
  asked.catch(() => {});
  const kept = session.current ? null : await lastSession(ME_URL);
  if (kept) {
    session.set(kept.data as Session);
    asked.catch(async (e: unknown) => {
      if (isApiError(e) && e.status === 401) {
        await endedSession();
        location.replace(toLogin(here));
      } else if (isApiError(e) && e.status === 0) {
        servedFromDevice(kept, ME_URL);
        // As when the device answered for the server: this person's store, and their unsent changes' banner.
        void startOffline(kept.data as Session, ME_URL);
        // The link back: the server's answer replaces the kept one (and its date goes, see `startOffline`'s store).
        addEventListener(
          "online",
          () =>
            void api.get("/auth/me", { fromDevice: false }).then(
              (me) => {
                session.set(me);
                void startOffline(me, ME_URL);
              },
              () => {},
            ),
          { once: true },
        );
      }
    });
    return { me: kept.data as Session };
  }
  try {
    return { me: await asked };
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      await endedSession();
      redirect(307, toLogin(here));
    }
    // Loaded again (a retry's invalidateAll) without a link: the session this page already has stays.
    if (isApiError(e) && e.status === 0 && session.current) return { me: session.current };
    throw e;
  }
};
