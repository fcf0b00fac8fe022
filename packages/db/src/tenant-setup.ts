import {
  APPLICATION_KINDS,
  DEFAULT_CHECKLISTS_BY_OWNERSHIP,
  DEFAULT_REGIONAL_PART,
  OWNERSHIP_GROUPS,
  composeDefinition,
} from "@akrab/domain";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { documentRequirements, workflowVersions } from "./schema.ts";

/**
 * What a new tenant starts with: version 1 of its workflow (the national default regional part)
 * and its own copy of the national document checklists (for community LKS and for government
 * units). The tenant edits its copies later.
 */
export function initialTenantSetup(db: Db, tenantId: string, by: string | null) {
  const regional = structuredClone(DEFAULT_REGIONAL_PART);
  return [
    db.insert(workflowVersions).values({
      tenantId,
      version: 1,
      regional,
      definition: composeDefinition(regional),
      publishedBy: by,
      publishedAt: isoNow(),
    }),
    ...OWNERSHIP_GROUPS.flatMap((ownership) =>
      APPLICATION_KINDS.flatMap((kind) =>
        DEFAULT_CHECKLISTS_BY_OWNERSHIP[ownership][kind].map((item, position) =>
          db
            .insert(documentRequirements)
            .values({ id: newId(), tenantId, applicationKind: kind, ownership, position, ...item }),
        ),
      ),
    ),
  ];
}
