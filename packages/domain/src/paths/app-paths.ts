/**
 * The web app's page paths, shared by the Worker (links in emails and notifications) and the web
 * (every link it builds), so that an email's link and an in-app link are one function. Pages of
 * one tenant's data carry the tenant in the path, as the API does (`/t/{tenant}/…`): a link names
 * whose data it shows, so no page has to try tenants one after another.
 */
const seg = (value: string) => encodeURIComponent(value);

const tenantPath = (tenant: string) => `/t/${seg(tenant)}`;

/** One accreditation application, read through the tenant that holds it. */
export const applicationPath = (tenant: string, applicationId: string) =>
  `${tenantPath(tenant)}/permohonan/${seg(applicationId)}`;

/** An application's self-assessment (Formulir A); `anchor`: scrolled to that element. */
export const selfAssessmentPath = (tenant: string, applicationId: string, anchor?: string) =>
  `${applicationPath(tenant, applicationId)}/penilaian-mandiri${anchor ? `#${anchor}` : ""}`;

/** An application's Formulir C (the printable summary of the self-assessment). */
export const formulirCPath = (tenant: string, applicationId: string) =>
  `${applicationPath(tenant, applicationId)}/formulir-c`;

/** One LKS profile in the registry of the tenant that holds it. */
export const lksPath = (tenant: string, lksId: string) => `${tenantPath(tenant)}/lks/${seg(lksId)}`;

/** BALKS's editor of a Kemensos unit, read through the tenant whose registry holds it. */
export const kemensosPath = (tenant: string, lksId: string) => `${tenantPath(tenant)}/kemensos/${seg(lksId)}`;

/** The pages where a Dinsos's admin runs its own office (slugs in Bahasa Indonesia, as in the app). */
export type DinsosAdminPage = "profil" | "pengguna" | "dokumen" | "alur-kerja" | "audit";

/** One of a Dinsos's own admin pages (its profile, users, checklist, workflow, audit log), by the tenant it runs. */
export const dinsosAdminPath = (tenant: string, page: DinsosAdminPage) => `${tenantPath(tenant)}/dinsos/${page}`;

/**
 * The old form of a tenant page's link (`/permohonan/{id}?t={tenant}`, before the tenant moved
 * into the path; emails and notifications already sent carry it) → its path now, the rest of
 * the query kept; null when `url` is not such a link. The Worker answers it with a 301 and the
 * service worker (which answers navigations from the device) with the same redirect.
 */
export function pathOfOldLink(url: URL): string | null {
  const tenant = url.searchParams.get("t");
  if (!tenant) return null;
  const match = OLD_PAGE.exec(url.pathname);
  if (!match || match[2] === "baru") return null;
  const query = new URLSearchParams(url.search);
  query.delete("t");
  const rest = query.size > 0 ? `?${query}` : "";
  return `${tenantPath(tenant)}${url.pathname}${rest}`;
}
/** The pages that took their tenant from `?t=`: an application (and its two forms), an LKS, a Kemensos unit. */
const OLD_PAGE = /^\/(permohonan|lks|kemensos)\/([^/]+)(\/penilaian-mandiri|\/formulir-c)?$/;
