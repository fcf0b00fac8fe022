/**
 * Names for the API shapes the web app uses, each one a schema of the OpenAPI document (the
 * generated `api-schema.d.ts`, see `npm run api:types`), so a page's variables have the very types
 * the typed client (`api.ts`) returns and sends. None is written by hand here; the domain's enums
 * (runtime lists the forms show) come from @akrab/domain.
 */
import type { components } from "#lib/api-schema.d.ts";

type Schemas = components["schemas"];

export {
  TENANT_ROLES as TENANT_INVITABLE_ROLES,
  LEGAL_FORMS,
  LKS_TYPES,
  LKS_STATUSES,
  SERVICE_MODES,
  PPKS_CODES,
  APPLICATION_KINDS,
  DOCUMENT_TYPES,
  STEP_ACTORS,
  NATIONAL_INTAKE,
  NATIONAL_PART,
  REVISION_STEP,
  type Role,
  type TenantRole as TenantInvitableRole,
  type ApplicationKind,
  type DocumentType,
  type StepActor,
} from "@akrab/domain";

// Identity and onboarding.
export type Session = Schemas["Me"];
export type WorkSummary = Schemas["WorkSummary"];
export type TenantPermissions = Schemas["TenantPermissions"];
export type Membership = Schemas["Membership"];
export type CreatedInvitation = Schemas["InvitationCreated"];
export type Member = Schemas["Member"];
export type TenantSetup = Schemas["TenantSetup"];
export type TenantSignup = Schemas["TenantSignup"];
export type TenantSignupCreate = Schemas["TenantSignupCreate"];
export type TenantApproved = Schemas["TenantApproved"];
export type TenantOverview = Schemas["TenantOverview"];
export type TenantProfile = Schemas["TenantProfile"];
export type TenantProfileUpdate = Schemas["TenantProfileUpdate"];
export type OutboxMessage = Schemas["OutboxMessage"];
export type AuditEntry = Schemas["AuditEntry"];
export type Region = Schemas["Region"];
export type Area = Schemas["Area"];

// The LKS registry.
export type LksSummary = Schemas["LksSummary"];
export type LksDetail = Schemas["LksDetail"];
export type LksProfileInput = Schemas["LksProfileInput"];
export type LksRegistered = Schemas["LksRegistered"];
export type LksHistoryEntry = Schemas["LksHistoryEntry"];
export type LksVerify = Schemas["LksVerify"];
export type ReturnComment = Schemas["LksReturn"]["comments"][number];

// Workflows and accreditation applications.
export type WorkflowState = Schemas["WorkflowState"];
export type RegionalPart = Schemas["RegionalPart"];
export type DefinitionProblem = Schemas["DefinitionProblem"];
export type DocumentRequirement = Schemas["DocumentRequirement"];
export type Application = Schemas["Application"];
export type Certificate = Schemas["CertificateView"];
export type ExpiringCertificate = Schemas["ExpiringCertificate"];
export type CertificateSettingsView = Schemas["CertificateSettingsView"];
export type SupervisionSettingsView = Schemas["SupervisionSettingsView"];
export type ChecklistItem = Application["checklist"][number];
export type AvailableAction = Application["availableActions"][number];
export type ReturnItem = Schemas["ReturnItem"];
export type TimelineEntry = Schemas["TimelineEntry"];
export type InboxItem = Schemas["InboxItem"];
export type LksApplicationSummary = Schemas["LksApplications"]["items"][number];
export type AppNotification = Schemas["Notification"];

// Accreditation instruments (BALKS, national).
export type InstrumentDetail = Schemas["InstrumentDetail"];
export type Indicator = Schemas["Indicator"];

// The LKS's self-assessment (Formulir A/B).
export type SelfAssessmentView = Schemas["SelfAssessmentView"];
export type SelfAssessmentAnswer = Schemas["SelfAssessmentAnswer"];
export type SelfAssessmentEvidence = Schemas["SelfAssessmentEvidence"];

// BALKS's asesor registry, teams and the asesor's own assignments (issue 13).
export type AsesorDetail = Schemas["AsesorDetail"];
export type AsesorTeam = Schemas["AsesorTeam"];
export type MyAssignment = Schemas["MyAssignment"];

// Visit plans: BALKS's routes of asesor visits, and the visit as an application's tenant sees it.
export type VisitPlan = Schemas["VisitPlan"];
export type ApplicationVisit = Schemas["ApplicationVisit"];
export type AsesorListItem = Schemas["AsesorListItem"];
export type VisitPack = Schemas["VisitPack"];
export type ScoreSheet = Schemas["ScoreSheet"];
export type ScorePhoto = Schemas["ScorePhoto"];
export type PreviousCycle = Schemas["PreviousCycle"];
export type RenewalPlan = Schemas["RenewalPlan"];

// Reports (issue 15).
export type CoverageReport = Schemas["CoverageReport"];
export type CoverageArea = Schemas["CoverageArea"];
export type PipelineReport = Schemas["PipelineReport"];
export type AsesorReport = Schemas["AsesorReport"];
export type ReportLksItem = Schemas["ReportLksItem"];
export type ReportApplicationItem = Schemas["ReportApplicationItem"];
