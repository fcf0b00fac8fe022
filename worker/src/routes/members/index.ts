import { createRouter } from "../../lib/router.ts";
import { changeRole, changeRoleRoute } from "./change-role.ts";
import { listMembers, listMembersRoute } from "./list.ts";

export const memberRoutes = createRouter().openapi(listMembersRoute, listMembers).openapi(changeRoleRoute, changeRole);
