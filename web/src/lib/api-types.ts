/**
 * Response shapes of the Akrab API that the web app reads: inferred from the zod schemas in
 * packages/contracts, imported as types only (erased at build: no zod in the browser bundle).
 */
import type { z } from "@hono/zod-openapi";
import type {
  Membership as ApiMembership,
  Me,
  SessionResponse,
  TenantApproved as TenantApprovedSchema,
  TenantSignupCreate as TenantSignupCreateSchema,
  TenantSignupCreated as TenantSignupCreatedSchema,
  TenantProfileUpdate as TenantProfileUpdateSchema,
  LksVerify as LksVerifySchema,
  ReturnComment as ReturnCommentSchema,
} from "@akrab/contracts";

export {
  ROLES,
  TENANT_ROLES as TENANT_INVITABLE_ROLES,
  LEGAL_FORMS,
  LKS_TYPES,
  LKS_STATUSES,
  SERVICE_MODES,
  PPKS_CODES,
  type Role,
  type TenantRole as TenantInvitableRole,
  type LegalForm,
  type LksType,
  type LksStatus,
  type ServiceMode,
  type PpksCategory,
} from "@akrab/domain";
export type {
  Area,
  AuditEntry,
  InvitationCreated as CreatedInvitation,
  InvitationDetails as Invitation,
  LksDetail,
  LksHistoryEntry,
  LksProfileInput,
  LksRegistered,
  LksSummary,
  Member,
  OutboxMessage,
  Page,
  Region,
  TenantOverview,
  TenantProfile,
  TenantSignup,
  User,
} from "@akrab/contracts";

export type Membership = ApiMembership;
export type TenantLevel = NonNullable<Membership["tenant"]>["level"];
/** A tenant as the web names it (the level is known only where a membership carries it). */
export type TenantRef = Pick<NonNullable<Membership["tenant"]>, "slug" | "name"> & { level?: TenantLevel };
export type LksRef = NonNullable<Membership["lks"]>;
export type Session = Me;
export type LoginResponse = SessionResponse;

export type TenantApproved = z.output<typeof TenantApprovedSchema>;
export type TenantSignupCreate = z.input<typeof TenantSignupCreateSchema>;
export type TenantSignupCreated = z.output<typeof TenantSignupCreatedSchema>;
export type TenantProfileUpdate = z.input<typeof TenantProfileUpdateSchema>;
export type LksVerify = z.input<typeof LksVerifySchema>;
export type ReturnComment = z.output<typeof ReturnCommentSchema>;

// Accreditation applications and workflows (packages/contracts/src/applications.ts, workflow.ts).
import type {
  ApplicationView as ApplicationViewSchema,
  TimelineEntry as TimelineEntrySchema,
  InboxPage as InboxPageSchema,
  ReturnItem as ReturnItemSchema,
  ApplicationLetter as ApplicationLetterSchema,
  DocumentRequirementInput as DocumentRequirementSchema,
  DefinitionProblemSchema,
} from "@akrab/contracts";
export {
  APPLICATION_KINDS,
  DOCUMENT_TYPES,
  STEP_ACTORS,
  NATIONAL_INTAKE,
  REVISION_STEP,
  type ApplicationKind,
  type DocumentType,
  type StepActor,
  type RegionalPart,
  type WorkflowStep,
  type WorkflowTransition,
} from "@akrab/domain";

export type Application = z.output<typeof ApplicationViewSchema>;
export type TimelineEntry = z.output<typeof TimelineEntrySchema>;
export type InboxPage = z.output<typeof InboxPageSchema>;
export type InboxItem = InboxPage["items"][number];
export type ReturnItem = z.output<typeof ReturnItemSchema>;
export type ApplicationLetter = z.input<typeof ApplicationLetterSchema>;
export type ChecklistItem = Application["checklist"][number];
export type AvailableAction = Application["availableActions"][number];
export type DocumentRequirement = z.output<typeof DocumentRequirementSchema>;
export type DefinitionProblem = z.output<typeof DefinitionProblemSchema>;
export type {
  AppNotification,
  LksApplicationSummary,
  LksApplications,
  NotificationPage,
  WorkflowState,
  WorkflowVersion,
} from "@akrab/contracts";
