import { createRouter } from "../../lib/router.ts";
import { createInvitation, createInvitationRoute } from "./create.ts";

export const invitationRoutes = createRouter().openapi(createInvitationRoute, createInvitation);
