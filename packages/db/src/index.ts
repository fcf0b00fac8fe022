export * from "./client.ts";
export * from "./pagination.ts";
export * from "./tenants.ts";
export * from "./tenant-scope.ts";
export * from "./identity.ts";
export * from "./audit.ts";
export * from "./outbox.ts";
export * from "./rate-limits.ts";
export * as schema from "./schema.ts";
export * from "./regions.ts";
export * from "./lks-registry.ts";
export * from "./areas.ts";
export * from "./signups.ts";
export * from "./batch-guard.ts";
export * from "./reminders.ts";
export * from "./idempotency.ts";
export * from "./applications.ts";
export * from "./tenant-setup.ts";
export * from "./notifications.ts";
export * from "./documents.ts";
export * from "./national-scope.ts";
export * from "./reach.ts";
export type { InstrumentVersionRow, InstrumentVersionSummary } from "./instruments.ts";
export { instrumentColumns, instrumentOfRow } from "./instrument-columns.ts";
export type { AnswerRow, EvidenceLinkRow } from "./self-assessment.ts";
export { assignedApplications, type AsesorRow, type AffiliationRow, type AssignmentRow } from "./asesors.ts";
export type { Companion, VisitPlanRow } from "./visit-plans.ts";
export {
  certificateHistory,
  certificatesEndingBetween,
  claimCertificateReminder,
  certificateIssuing,
  publicCertificates,
  type CertificateRow,
  type CertificateEventRow,
  type CertificateWithHistory,
} from "./certificates.ts";
export type { DecisionRow, ReconciliationRow } from "./decisions.ts";
export type { DocumentCheckRow, FindingRow, ScoreEntryRow, ScoreSheetRow } from "./visit-scoring.ts";
export type { PhotoCapture } from "./schema/documents.ts";
export { coverageOfTenant, refreshDirtyReports, refreshStaleReports, refreshTenantReports } from "./reports.ts";
export { reportReads, type ReportFilter, type ReportReads } from "./report-reads.ts";
export {
  publicRegistryReads,
  type PublicRegistryFilter,
  type PublicRegistryRow,
  type StatusBounds,
} from "./public-registry.ts";
export {
  claimImprovementReminder,
  improvementItemsToRemind,
  supervisionRules,
  type ImprovementItemRow,
  type ImprovementPlanWithItems,
} from "./supervision.ts";
