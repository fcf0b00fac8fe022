/**
 * Response shapes of the Akrab API that the web shell reads: inferred from the zod schemas in
 * packages/contracts, imported as types only (erased at build: no zod in the browser bundle).
 */
import type { Membership as ApiMembership, Me, SessionResponse } from "@akrab/contracts";

export { ROLES, TENANT_ROLES as TENANT_INVITABLE_ROLES, type Role, type TenantRole as TenantInvitableRole } from "@akrab/domain";
export type {
  InvitationCreated as CreatedInvitation,
  InvitationDetails as Invitation,
  LksSummary,
  Member,
  OutboxMessage,
  Page,
  Region,
  User,
} from "@akrab/contracts";

export type Membership = ApiMembership;
export type TenantLevel = NonNullable<Membership["tenant"]>["level"];
export type TenantRef = { slug: string; name: string; level?: TenantLevel };
export type LksRef = { id: string; name: string };
export type Session = Me;
export type LoginResponse = SessionResponse;
