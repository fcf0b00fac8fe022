import { api } from "#lib/api.ts";
import { problemMessage } from "#lib/errors.ts";
import { session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";

/** Messages per page. */
const PAGE_SIZE = 20;

/**
 * The first page of the email outbox, for a platform admin. A plain read, never through the device's
 * store: the messages carry sign-in and invitation links for other people, so they are neither kept on
 * this device nor shown from it (`keep: false`, `fromDevice: false`); offline, the page says it cannot load.
 */
export const load: PageLoad = async ({ parent }) => {
  await parent();
  if (!session.memberships.some((membership) => membership.role === "platform_admin"))
    return { allowed: false, first: null, loadError: null };
  try {
    const first = await api.get("/national/outbox", { query: { limit: PAGE_SIZE }, fromDevice: false, keep: false });
    return { allowed: true, first, loadError: null };
  } catch (e) {
    return { allowed: true, first: null, loadError: problemMessage(e) };
  }
};
