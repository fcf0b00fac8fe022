import type { components } from "#lib/api-schema.d.ts";

// The reconciliation and the decision (issue 13), as the API states them.
type Schemas = components["schemas"];
export type ReconciliationView = Schemas["ReconciliationView"];
export type ReconciliationRow = ReconciliationView["indicators"][number];
export type NationalDecisionView = Schemas["NationalDecisionView"];
export type DecisionRecord = NonNullable<Schemas["DecisionRecord"]>;
export type TenantDecisionView = Schemas["TenantDecisionView"];
export type ImprovementPlan = Schemas["ImprovementPlan"];
export type ImprovementItem = ImprovementPlan["items"][number];
export type OpenImprovementPlanPage = Schemas["OpenImprovementPlanPage"];
