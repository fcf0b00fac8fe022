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
export type TenantRef = { slug: string; name: string; level?: TenantLevel };
export type LksRef = { id: string; name: string };
export type Session = Me;
export type LoginResponse = SessionResponse;

export type TenantApproved = z.output<typeof TenantApprovedSchema>;
export type TenantSignupCreate = z.input<typeof TenantSignupCreateSchema>;
export type TenantSignupCreated = z.output<typeof TenantSignupCreatedSchema>;
export type TenantProfileUpdate = z.input<typeof TenantProfileUpdateSchema>;
export type LksVerify = z.input<typeof LksVerifySchema>;
export type ReturnComment = z.output<typeof ReturnCommentSchema>;
