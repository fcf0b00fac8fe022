import { createRouter } from "../../lib/router.ts";
import { backupKeyRoute, getBackupKey } from "./backup-key.ts";
import { acceptInvitation, acceptInvitationRoute } from "./invitation-accept.ts";
import { showInvitation, showInvitationRoute } from "./invitation-show.ts";
import { login, loginRoute } from "./login.ts";
import { logout, logoutRoute } from "./logout.ts";
import { me, meRoute } from "./me.ts";
import { completePasswordReset, completePasswordResetRoute } from "./password-reset-complete.ts";
import { requestPasswordReset, requestPasswordResetRoute } from "./password-reset-request.ts";
import { verifyEmail, verifyEmailRoute } from "./verify-email.ts";

export const authRoutes = createRouter()
  .openapi(loginRoute, login)
  .openapi(logoutRoute, logout)
  .openapi(meRoute, me)
  .openapi(backupKeyRoute, getBackupKey)
  .openapi(showInvitationRoute, showInvitation)
  .openapi(acceptInvitationRoute, acceptInvitation)
  .openapi(requestPasswordResetRoute, requestPasswordReset)
  .openapi(completePasswordResetRoute, completePasswordReset)
  .openapi(verifyEmailRoute, verifyEmail);
