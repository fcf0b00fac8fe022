import { ROLES, WORK_KINDS } from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { Email, Text } from "./common.ts";

export const Role = z.enum(ROLES).openapi("Role");

export const TenantSummary = z
  .object({
    slug: z.string(),
    name: z.string(),
    level: z.enum(["province", "kabkota"]),
    regionCode: z.string().openapi({ description: "Kemendagri code of the tenant's region", example: "36.71" }),
  })
  .openapi("TenantSummary");

export const Membership = z
  .object({
    id: z.string(),
    role: Role,
    tenant: TenantSummary.nullable().openapi({ description: "Null for national roles" }),
    lks: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: "The LKS an lks_operator acts for" }),
  })
  .openapi("Membership");
export type Membership = z.output<typeof Membership>;

export const User = z.object({ id: z.string(), email: z.string(), name: z.string() }).openapi("User");
export type User = z.output<typeof User>;

/** What the caller may do in one tenant it belongs to, beyond any single object in it. */
export const TenantPermissions = z
  .object({
    tenant: z.string().openapi({ description: "The tenant's slug" }),
    mayRegisterLks: z.boolean().openapi({ description: "Register an LKS or the tenant's own government unit" }),
  })
  .openapi("TenantPermissions");

export const Me = z
  .object({
    user: User,
    memberships: z.array(Membership),
    tenantPermissions: z
      .array(TenantPermissions)
      .openapi({ description: "One entry per tenant the user holds a role in; a tenant read from outside has none" }),
  })
  .openapi("Me");
export type Me = z.output<typeof Me>;

export const WorkSummary = z
  .object({
    groups: z.array(
      z.object({
        tenant: TenantSummary.nullable().openapi({
          description: "Null for the national organisation (BALKS, the platform)",
        }),
        roles: z.array(Role),
        items: z.array(
          z.object({
            kind: z.enum(WORK_KINDS),
            count: z.number().int().min(0),
            overdue: z
              .number()
              .int()
              .min(0)
              .openapi({ description: "Of `count`, how many are past their step's SLA (applications only)" }),
            membershipId: z.string().openapi({ description: "The membership to act in to do this work" }),
          }),
        ),
      }),
    ),
    total: z.number().int().min(0).openapi({ description: "Everything waiting, over every group" }),
  })
  .openapi("WorkSummary");
export type WorkSummary = z.output<typeof WorkSummary>;

export const LoginRequest = z
  .object({ email: Email, password: z.string().min(1, "Kata sandi wajib diisi / Password is required").max(1024) })
  .openapi("LoginRequest");

export const SessionResponse = Me.extend({
  token: z.string().openapi({ description: "Bearer token for API clients; browsers use the HttpOnly cookie instead" }),
  expiresAt: z.string().openapi({ description: "When the token expires (ISO 8601, UTC)" }),
}).openapi("SessionResponse");
export type SessionResponse = z.output<typeof SessionResponse>;

/** Password strength is checked by the domain policy in the handler, where the email is known. */
export const NewPassword = z.string().min(1, "Kata sandi wajib diisi / Password is required").max(1024);

export const InvitationCreate = z
  .object({
    email: Email,
    role: z.enum(["lks_operator", "dinsos_verifier", "dinsos_head", "tenant_admin"]),
    lksId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: "Required for lks_operator: the LKS the operator acts for" }),
  })
  .openapi("InvitationCreate");

export const InvitationCreated = z
  .object({ id: z.string(), email: z.string(), role: Role, expiresAt: z.string() })
  .openapi("InvitationCreated");
export type InvitationCreated = z.output<typeof InvitationCreated>;

export const InvitationDetails = z
  .object({
    email: z.string(),
    role: Role,
    tenant: z.object({ slug: z.string(), name: z.string() }).nullable(),
    lks: z.object({ id: z.string(), name: z.string() }).nullable(),
    expiresAt: z.string(),
    userExists: z
      .boolean()
      .openapi({ description: "True when the email already has an account: accepting then needs no new password" }),
  })
  .openapi("InvitationDetails");
export type InvitationDetails = z.output<typeof InvitationDetails>;

/** Name and password are needed only when the invitation creates a new account. */
export const InvitationAccept = z
  .object({
    name: Text().min(2, "Nama minimal 2 karakter / Name must be at least 2 characters").max(120).optional(),
    password: NewPassword.optional(),
  })
  .openapi("InvitationAccept");

export const PasswordResetRequest = z.object({ email: Email }).openapi("PasswordResetRequest");

export const PasswordResetComplete = z
  .object({ token: z.string().min(1).max(256), password: NewPassword })
  .openapi("PasswordResetComplete");

export const Member = z
  .object({
    membershipId: z.string(),
    role: Role,
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), status: z.enum(["active", "disabled"]) }),
    lks: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi("Member");
export type Member = z.output<typeof Member>;

export const MemberList = z.object({ items: z.array(Member) }).openapi("MemberList");

export const RoleChange = z
  .object({ role: z.enum(["lks_operator", "dinsos_verifier", "dinsos_head", "tenant_admin"]) })
  .openapi("RoleChange");

export const BackupKey = z
  .object({
    userId: z
      .string()
      .openapi({ description: "Whose key this is: a backup file names this user and is refused for anyone else" }),
    keyId: z
      .string()
      .openapi({ description: "Which server secret the key was derived from; written into each backup file" }),
    algorithm: z.literal("HMAC-SHA256"),
    key: z.string().openapi({ description: "32 bytes, base64url without padding" }),
  })
  .openapi("BackupKey");
