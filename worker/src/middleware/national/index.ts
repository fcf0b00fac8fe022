import { nationalScope, nationalWriteScope } from "@akrab/db";
import { holdsNationalRole, type Role } from "@akrab/domain";
import { createMiddleware } from "hono/factory";
import type { NationalEnv, NationalWriteEnv } from "../../env.ts";
import { signedIn } from "../auth/index.ts";
import { notFound } from "../problem/index.ts";

/**
 * For /api/v1/national/…: the caller must hold one of `roles` nationally (anyone else gets a 404,
 * as for a tenant they cannot reach), and the handler gets `national`, a scope over the tenants.
 * It reads only; a route whose national role legitimately writes (deciding a sign-up, changing a
 * tenant's status) asks for it with `write: true` and gets `national.write`.
 */
export function national(options: {
  roles: readonly Role[];
  write: true;
}): ReturnType<typeof nationalMiddleware<NationalWriteEnv>>;
export function national(options: {
  roles: readonly Role[];
  write?: false;
}): ReturnType<typeof nationalMiddleware<NationalEnv>>;
export function national(options: { roles: readonly Role[]; write?: boolean }) {
  return options.write
    ? nationalMiddleware<NationalWriteEnv>(options.roles, true)
    : nationalMiddleware<NationalEnv>(options.roles, false);
}

function nationalMiddleware<E extends NationalEnv | NationalWriteEnv>(roles: readonly Role[], write: boolean) {
  return createMiddleware<E>(async (c, next) => {
    const principal = signedIn(c.get("principal"));
    const grants = principal.memberships.map((m) => ({
      role: m.role,
      tenantId: m.tenant?.id ?? null,
      lksId: m.lks?.id ?? null,
    }));
    if (!holdsNationalRole(grants, roles)) throw notFound();
    const held = [...new Set(grants.filter((g) => g.tenantId === null && roles.includes(g.role)).map((g) => g.role))];
    const db = c.get("db");
    c.set("national", write ? nationalWriteScope(db, held) : nationalScope(db, held));
    await next();
  });
}
