import { jakartaDayBounds } from "@akrab/domain";
import { m } from "#lib/paraglide/messages.js";

/** The audit log's filters as its page's address carries them (`?action=&actor=&from=&to=`, dates in WIB). */
export interface AuditFilters {
  action: string;
  actor: string;
  from: string;
  to: string;
}

export const auditFilters = (search: URLSearchParams): AuditFilters => ({
  action: search.get("action") ?? "",
  actor: search.get("actor") ?? "",
  from: search.get("from") ?? "",
  to: search.get("to") ?? "",
});

/**
 * Dates are chosen in WIB; the API takes instants. A date edited into nonsense in the URL goes
 * as it is, so the API's answer names the field.
 */
function bound(date: string, edge: "start" | "end"): string | null {
  if (!date) return null;
  try {
    return jakartaDayBounds(date)[edge];
  } catch {
    return date;
  }
}

/** The audit API's query for `filters` (a page of 50). */
export const auditQuery = (filters: AuditFilters) => ({
  action: filters.action,
  actor: filters.actor,
  from: bound(filters.from, "start"),
  to: bound(filters.to, "end"),
  limit: 50,
});

/** Prefix filters the audit API understands ("auth." matches every auth action). */
export const AUDIT_GROUPS = ["auth.", "member.", "lks.", "document.", "tenant."] as const;

export function auditGroupLabel(group: string): string {
  switch (group) {
    case "auth.":
      return m.audit_group_auth();
    case "member.":
      return m.audit_group_member();
    case "lks.":
      return m.audit_group_lks();
    case "document.":
      return m.audit_group_document();
    case "tenant.":
      return m.audit_group_tenant();
    default:
      return group;
  }
}

/** Known actions in words; unknown ones show their code (new actions appear before labels do). */
export function auditActionLabel(action: string): string {
  switch (action) {
    case "auth.login":
      return m.audit_auth_login();
    case "auth.login_failed":
      return m.audit_auth_login_failed();
    case "auth.logout":
      return m.audit_auth_logout();
    case "auth.password_reset_requested":
      return m.audit_auth_password_reset_requested();
    case "auth.password_reset":
      return m.audit_auth_password_reset();
    case "auth.invitation_accepted":
      return m.audit_auth_invitation_accepted();
    case "auth.email_verified":
      return m.audit_auth_email_verified();
    case "member.invited":
      return m.audit_member_invited();
    case "member.invitation_resent":
      return m.audit_member_invitation_resent();
    case "member.role_changed":
      return m.audit_member_role_changed();
    case "member.removed":
      return m.audit_member_removed();
    case "lks.registered":
      return m.audit_lks_registered();
    case "lks.updated":
      return m.audit_lks_updated();
    case "lks.verified":
      return m.audit_lks_verified();
    case "lks.returned":
      return m.audit_lks_returned();
    case "lks.resubmitted":
      return m.audit_lks_resubmitted();
    case "lks.transferred_in":
      return m.audit_lks_transferred_in();
    case "lks.transferred_out":
      return m.audit_lks_transferred_out();
    case "tenant.created":
      return m.audit_tenant_created();
    case "tenant.profile_updated":
      return m.audit_tenant_profile_updated();
    case "tenant.logo_updated":
      return m.audit_tenant_logo_updated();
    case "document.uploaded":
      return m.audit_document_uploaded();
    case "document.downloaded":
      return m.audit_document_downloaded();
    case "document.accepted":
      return m.audit_document_accepted();
    case "document.returned":
      return m.audit_document_returned();
    case "document.thumbnail_stored":
      return m.audit_document_thumbnail_stored();
    case "upload.created":
      return m.audit_upload_created();
    case "upload.terminated":
      return m.audit_upload_terminated();
    default:
      return action;
  }
}
