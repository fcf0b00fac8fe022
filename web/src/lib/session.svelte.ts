/**
 * The signed-in user's session and the membership (tenant + role) they are acting in.
 *
 * The session itself lives in an HttpOnly cookie that JS cannot read; this module only
 * keeps what GET /api/v1/auth/me returned. The chosen membership id is remembered per
 * device in localStorage (it is not a secret).
 */
import type { Membership, Session, TenantPermissions } from "#lib/api-types.ts";

const ACTIVE_KEY = "akrab.activeMembership";
/** What a `load` that reads the active membership's data `depends` on: choosing another one invalidates it. */
export const ACTIVE_MEMBERSHIP = "akrab:membership";

function readStored(): string | null {
  try {
    return localStorage.getItem(ACTIVE_KEY);
  } catch {
    return null;
  }
}

class SessionState {
  current = $state<Session | null>(null);
  #activeId = $state<string | null>(readStored());

  get memberships(): Membership[] {
    return this.current?.memberships ?? [];
  }

  /** The active membership: the remembered one if still held, else the first. */
  get active(): Membership | null {
    const list = this.memberships;
    return list.find((membership) => membership.id === this.#activeId) ?? list[0] ?? null;
  }

  /** What the API says the user may do in a tenant they belong to; null for any other tenant. */
  permissionsIn(tenantSlug: string | undefined): TenantPermissions | null {
    return this.current?.tenantPermissions.find((entry) => entry.tenant === tenantSlug) ?? null;
  }

  set(session: Session) {
    this.current = session;
  }

  choose(membershipId: string) {
    this.#activeId = membershipId;
    try {
      localStorage.setItem(ACTIVE_KEY, membershipId);
    } catch {
      // private mode: the choice lasts for this tab only
    }
  }

  clear() {
    this.current = null;
  }
}

export const session = new SessionState();
