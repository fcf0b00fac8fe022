import type { LksRow } from "@akrab/db";
import { lksPermissions, lksRefusal, type LksAct, type LksFacts, type LksPermissions } from "@akrab/domain";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { Problem } from "../../middleware/problem/index.ts";

type TenantContext = Context<TenantEnv, string, object>;
type LksFactsRow = Pick<LksRow, "id" | "ownership" | "status" | "tenantId">;

/** The LKS as the permission rules see it, read through the tenant the request addresses. */
function factsOf(c: TenantContext, row: LksFactsRow): LksFacts {
  return {
    id: row.id,
    ownership: row.ownership,
    status: row.status,
    inOwnTenant: row.tenantId === c.get("scope").tenant.id,
  };
}

/** What the caller may do with the LKS: sent with every LKS detail a tenant route returns. */
export function permissionsOf(c: TenantContext, row: LksFactsRow): LksPermissions {
  return lksPermissions(c.get("access"), factsOf(c, row));
}

/**
 * Refuses `act` exactly when the permissions sent with the LKS say it may not be done:
 * 403 when the caller's roles do not allow it, 409 when its status does not (with `statusMessage`).
 */
export function assertMay(
  c: TenantContext,
  row: LksFactsRow,
  act: LksAct,
  messages: { forbidden: string; status: string },
): void {
  switch (lksRefusal(c.get("access"), factsOf(c, row), act)) {
    case null:
      return;
    case "not_permitted":
      throw new Problem("forbidden", messages.forbidden);
    case "kemensos_unit":
      throw new Problem(
        "forbidden",
        "Unit Kemensos hanya dapat diubah oleh BALKS / Only BALKS changes a Kemensos unit",
      );
    case "status":
      throw new Problem("conflict", messages.status);
  }
}

/** The status an allowed act leads to: assertMay has already checked that there is one. */
export function expectNext<T>(next: T | null): T {
  if (next === null) throw new Error("An allowed LKS act has no next status");
  return next;
}
