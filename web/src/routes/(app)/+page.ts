import { api, apiHref } from "#lib/api.ts";
import type { Membership, Role } from "#lib/api-types.ts";
import { readInviteChoices } from "#lib/invite-choices.ts";
import { type Read, readThrough } from "#lib/offline/read.svelte.ts";
import { homeKind, readsNational, rolesInTenant } from "#lib/roles.ts";
import { ACTIVE_MEMBERSHIP, session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";
import { homes } from "./+page.svelte";

/**
 * One section of the home: read through the device's store like any page's data. The home is many
 * small helps, not one record: a section the server refuses (or fails on) is a section without data
 * (`failed`), never the whole home as an error.
 */
function section<T>(url: string, ask: () => Promise<T>): Promise<Read<T>> {
  return readThrough(url, ask).catch(() => ({ current: null, fetchedAt: null, failed: "missing" as const }));
}

/**
 * A tenant officer's home: the setup list (admins), the accreditations ending soon, the first LKS; acting
 * as the tenant's admin, its members and the invitation form's choices (not awaited: see `readInviteChoices`).
 */
function tenantHome(membership: Membership & { tenant: NonNullable<Membership["tenant"]> }) {
  const params = { tenant: membership.tenant.slug };
  const expiringQuery = { within: 180, limit: 10 };
  const lksQuery = { limit: 10 };
  const isAdmin = rolesInTenant(session.memberships, params.tenant).has("tenant_admin");
  const actsAsAdmin = membership.role === "tenant_admin";
  return Promise.all([
    isAdmin
      ? section(apiHref("/t/{tenant}/setup", { params }), () =>
          api.get("/t/{tenant}/setup", { params, fromDevice: false }),
        )
      : null,
    section(apiHref("/t/{tenant}/certificates/expiring", { params, query: expiringQuery }), () =>
      api.get("/t/{tenant}/certificates/expiring", { params, query: expiringQuery, fromDevice: false }),
    ),
    section(apiHref("/t/{tenant}/lks", { params, query: lksQuery }), () =>
      api.get("/t/{tenant}/lks", { params, query: lksQuery, fromDevice: false }),
    ),
    actsAsAdmin
      ? section(apiHref("/t/{tenant}/members", { params }), () =>
          api.get("/t/{tenant}/members", { params, fromDevice: false }),
        )
      : null,
  ]).then(([setup, expiring, lks, members]) => ({
    kind: "tenant" as const,
    membership,
    setup,
    expiring,
    lks,
    members,
    inviteChoices: actsAsAdmin ? readInviteChoices(params.tenant) : null,
  }));
}

/** An LKS operator's home: the LKS's status, its applications, and whether the open one waits for it. */
function lksHome(membership: Membership) {
  const { lks, tenant } = membership;
  if (!lks || !tenant) return { kind: "lks" as const, membership, detail: null, applications: null, inbox: null };
  const params = { tenant: tenant.slug, lksId: lks.id };
  const inboxParams = { tenant: tenant.slug };
  return Promise.all([
    section(apiHref("/t/{tenant}/lks/{lksId}", { params }), () =>
      api.get("/t/{tenant}/lks/{lksId}", { params, fromDevice: false }),
    ),
    section(apiHref("/t/{tenant}/lks/{lksId}/applications", { params }), () =>
      api.get("/t/{tenant}/lks/{lksId}/applications", { params, fromDevice: false }),
    ),
    section(apiHref("/t/{tenant}/inbox", { params: inboxParams }), () =>
      api.get("/t/{tenant}/inbox", { params: inboxParams, fromDevice: false }),
    ),
  ]).then(([detail, applications, inbox]) => ({ kind: "lks" as const, membership, detail, applications, inbox }));
}

/** A national officer's home: every national role held, and (for readers) the open improvement plans. */
async function nationalHome() {
  const roles: Role[] = [...new Set(session.memberships.filter((mm) => mm.tenant === null).map((mm) => mm.role))];
  const query = { limit: 20 };
  const plans = readsNational(roles)
    ? await section(apiHref("/national/improvement-plans", { query }), () =>
        api.get("/national/improvement-plans", { query, fromDevice: false }),
      )
    : null;
  return { kind: "national" as const, roles, plans };
}

/**
 * The signed-in home: what waits for the person everywhere, and the home of the membership they act
 * in, read in parallel through the device's store (kept answers at once with their date, the server's
 * in the background). The membership is not in the URL: it is a choice the device remembers (the
 * header's switcher), and every page follows it; the switcher invalidates `ACTIVE_MEMBERSHIP`, so this
 * load reads the chosen membership's home again.
 */
export const load: PageLoad = async ({ parent, depends }) => {
  depends(ACTIVE_MEMBERSHIP);
  await parent();
  const active = session.active;
  const workUrl = apiHref("/me/work");
  const work = section(workUrl, () => api.get("/me/work", { fromDevice: false }));
  const kind = active ? homeKind(active.role) : null;
  // The role's home is a chunk of its own (with lazily loaded parts): asked for now, alongside its
  // data, not once the data is there (the page's `{#await}`), which on a slow link was a round trip
  // or more after the reads, with the code's own imports one after another behind it.
  if (kind) homes[kind]().catch(() => {});
  const home =
    !active || !kind
      ? null
      : kind === "tenant" && active.tenant
        ? tenantHome({ ...active, tenant: active.tenant })
        : kind === "lks"
          ? lksHome(active)
          : kind === "platform"
            ? { kind: "platform" as const }
            : nationalHome();
  return { membershipId: active?.id ?? null, work: await work, home: await home };
};
