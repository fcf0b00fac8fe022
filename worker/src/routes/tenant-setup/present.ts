import { setupState } from "@akrab/domain";
import type { TenantScope } from "@akrab/db";
import type { TenantSetup } from "@akrab/contracts";

/** The setup list of the scope's tenant, as the row stands (pass the updated row after a change). */
export async function presentTenantSetup(scope: TenantScope, tenant = scope.tenant): Promise<TenantSetup> {
  return setupState({
    address: tenant.address,
    phone: tenant.phone,
    hasLogo: tenant.logoKey !== null,
    ...(await scope.staffCounts()),
    workflowReviewedAt: tenant.workflowReviewedAt,
    setupDismissedAt: tenant.setupDismissedAt,
  });
}
