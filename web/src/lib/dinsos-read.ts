import { type Read, readThrough } from "#lib/offline/read.svelte.ts";
import { rolesInTenant } from "#lib/roles.ts";
import { session } from "#lib/session.svelte.ts";

/**
 * How a Dinsos admin page (`/t/{tenant}/dinsos/…`) reads its data: through the device's store, for a
 * tenant the person administers. Any other reads as missing, without asking: some of these answers
 * are open to every member (and to the parent province), such as the profile, the workflow and the
 * checklists, but the page is an editor only the tenant's admin may use; the API refuses the rest.
 */
export function readAsAdmin<T>(tenant: string, url: string, ask: () => Promise<T>): Promise<Read<T>> {
  if (!rolesInTenant(session.memberships, tenant).has("tenant_admin"))
    return Promise.resolve({ current: null, fetchedAt: null, failed: "missing" });
  return readThrough(url, ask);
}
