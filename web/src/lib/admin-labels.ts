import { m } from "#lib/paraglide/messages.js";

/** Labels of the sign-up and tenant pages (admin, region search); kept out of `labels.ts`, which the home loads. */
export function signupStatusLabel(status: string): string {
  switch (status) {
    case "pending":
      return m.admin_signup_status_pending();
    case "approved":
      return m.admin_signup_status_approved();
    case "rejected":
      return m.admin_signup_status_rejected();
    default:
      return status;
  }
}

export function tenantStatusLabel(status: string): string {
  switch (status) {
    case "active":
      return m.admin_tenant_active();
    case "deactivated":
      return m.admin_tenant_deactivated();
    case "not_onboarded":
      return m.signup_region_not_onboarded();
    default:
      return status;
  }
}

export function regionKindLabel(kind: string): string {
  switch (kind) {
    case "province":
      return m.region_kind_province();
    case "regency":
      return m.region_kind_regency();
    case "city":
      return m.region_kind_city();
    default:
      return kind;
  }
}
