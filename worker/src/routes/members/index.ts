import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { changeRole, changeRoleRoute } from "./change-role.ts";
import { listMembers, listMembersRoute } from "./list.ts";
import { removeMember, removeMemberRoute } from "./remove.ts";

export const memberRoutes = createRouter<TenantEnv>()
  .openapi(listMembersRoute, listMembers)
  .openapi(changeRoleRoute, changeRole)
  .openapi(removeMemberRoute, removeMember);
