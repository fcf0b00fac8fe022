import { inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * The LKS axis of a scope as a condition on `column`: nothing when the scope sees every LKS of
 * its tenants, `column IN (…)` for an LKS operator, and false for an operator with no LKS left.
 */
export function withinLks(column: AnyColumn, lksIds: readonly string[] | undefined): SQL | undefined {
  if (!lksIds) return undefined;
  return lksIds.length > 0 ? inArray(column, [...lksIds]) : sql`0`;
}
