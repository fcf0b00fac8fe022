import { api, apiHref } from "#lib/api.ts";
import { APPLICATION_KINDS, type ApplicationKind } from "#lib/api-types.ts";
import { readAsAdmin } from "#lib/dinsos-read.ts";
import type { PageLoad } from "./$types";

/**
 * One checklist of the tenant the path names: the kind of application (`?jenis=`, default the first
 * accreditation) and the LKS it is for (`?untuk=government`, default community). Kept on the device
 * first (with its date), the server's in the background; a tenant the caller does not administer: missing.
 */
export const load: PageLoad = async ({ params, parent, url }) => {
  await parent();
  const asked = url.searchParams.get("jenis");
  const kind: ApplicationKind = APPLICATION_KINDS.find((k) => k === asked) ?? "first";
  const group: "community" | "government" = url.searchParams.get("untuk") === "government" ? "government" : "community";
  const options = { params: { tenant: params.tenant, kind }, query: { ownership: group } };
  return {
    kind,
    group,
    checklist: await readAsAdmin(params.tenant, apiHref("/t/{tenant}/checklists/{kind}", options), () =>
      api.get("/t/{tenant}/checklists/{kind}", { ...options, fromDevice: false }),
    ),
  } as const;
};
