import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { createInvitation, createInvitationRoute } from "./create.ts";

export const invitationRoutes = createRouter<TenantEnv>().openapi(createInvitationRoute, createInvitation);
