import { NATIONAL_READERS } from "@akrab/domain";
import type { Membership } from "#lib/api-types.ts";
import { readApi } from "#lib/offline/read-api.ts";
import { ACTIVE_MEMBERSHIP, session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";
import { type DashboardView, LIST_PAGE, readView, reportQuery, type Scope } from "./view.ts";

const DINSOS = ["tenant_admin", "dinsos_verifier", "dinsos_head"];

/** Whose reports the acting membership reads: the country's (national roles), its Dinsos's, or none. */
function scopeOf(active: Membership | null): Scope | null {
  if (!active) return null;
  if (active.tenant) {
    const { slug, name, level, regionCode } = active.tenant;
    return DINSOS.includes(active.role) ? { kind: "tenant", slug, name, level, regionCode } : null;
  }
  return (NATIONAL_READERS as readonly string[]).includes(active.role) ? { kind: "national" } : null;
}

/** One report of the scope (the asesor report is national only: its tab is hidden for a Dinsos). */
function readReport(s: Scope, v: DashboardView) {
  const query = reportQuery(v.filters);
  if (s.kind === "national") {
    if (v.view === "coverage") return readApi("/national/reports/coverage", { query });
    if (v.view === "pipeline") return readApi("/national/reports/pipeline", { query });
    return readApi("/national/reports/asesors", { query });
  }
  const params = { tenant: s.slug };
  if (v.view === "pipeline") return readApi("/t/{tenant}/reports/pipeline", { params, query });
  return readApi("/t/{tenant}/reports/coverage", { params, query });
}

/** The first page of the list behind a figure, when one is open (the list asks for the next ones). */
function readList(s: Scope, v: DashboardView) {
  const params = { tenant: s.kind === "tenant" ? s.slug : "" };
  if (v.list === "lks" && v.view === "coverage") {
    const query = { ...reportQuery(v.filters), limit: LIST_PAGE };
    const read =
      s.kind === "national"
        ? readApi("/national/reports/lks", { query })
        : readApi("/t/{tenant}/reports/lks", { params, query });
    return read.then((lks) => ({ lks, applications: null }));
  }
  if (v.list === "applications") {
    const query = { ...reportQuery(v.filters, v.listQuery), limit: LIST_PAGE };
    const read =
      s.kind === "national"
        ? readApi("/national/reports/applications", { query })
        : readApi("/t/{tenant}/reports/applications", { params, query });
    return read.then((applications) => ({ lks: null, applications }));
  }
  return Promise.resolve({ lks: null, applications: null });
}

/**
 * The reports (issue 15) read through the device's store: the view is the URL's, the scope the acting
 * membership's. A figure's report and, when open, the first page of the list behind it are read
 * together; the kept ones answer at once with their date, so a visited view opens offline.
 */
export const load: PageLoad = async ({ parent, url, depends, untrack }) => {
  await parent();
  // The switcher changes the acting membership without a navigation: the scope is read again then.
  depends(ACTIVE_MEMBERSHIP);
  // The map's measure only colours the figures already read: changing it reads nothing again.
  const v = readView({
    get: (key) => (key === "measure" ? untrack(() => url.searchParams.get(key)) : url.searchParams.get(key)),
  });
  const scope = scopeOf(session.active);
  if (!scope) return { scope, report: null, lks: null, applications: null };
  const [report, lists] = await Promise.all([readReport(scope, v), readList(scope, v)]);
  return { scope, report, ...lists };
};
