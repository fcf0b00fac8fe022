import { type DinsosAdminPage, dinsosAdminPath } from "@akrab/domain";
import { error, redirect } from "@sveltejs/kit";
import { session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";

const PAGES: readonly string[] = ["profil", "pengguna", "dokumen", "alur-kerja", "audit"] satisfies DinsosAdminPage[];

/**
 * An old Dinsos admin link (`/dinsos/pengguna`, from a bookmark or an email sent before the tenant
 * moved into the path) names no tenant: it opens the page of the tenant the person administers, the
 * one they act for when they administer it, else the first; the query is kept. Decided here, where the
 * session is known: neither the Worker nor the service worker can (both serve the shell for it). Kept
 * out of `@akrab/domain`'s paths so that no other page's first load carries it.
 */
export const load: PageLoad = async ({ params, parent, url }) => {
  await parent();
  if (!PAGES.includes(params.page)) error(404);
  const administered = session.memberships.filter((m) => m.role === "tenant_admin" && m.tenant);
  const tenant =
    administered.find((m) => m.tenant?.slug === session.active?.tenant?.slug)?.tenant ?? administered[0]?.tenant;
  // Someone who administers no tenant: the page says it is for a Dinsos's admin.
  if (!tenant) return {};
  redirect(307, `${dinsosAdminPath(tenant.slug, params.page as DinsosAdminPage)}${url.search}`);
};
