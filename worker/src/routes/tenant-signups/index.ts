import { createRouter } from "../../lib/router.ts";
import { approveSignup, approveSignupRoute } from "./approve.ts";
import { createSignup, createSignupRoute } from "./create.ts";
import { getLetter, getLetterRoute } from "./letter-get.ts";
import { putLetter, putLetterRoute } from "./letter-put.ts";
import { listSignupsHandler, listSignupsRoute } from "./list.ts";
import { rejectSignup, rejectSignupRoute } from "./reject.ts";
import { showSignup, showSignupRoute } from "./show.ts";

export const tenantSignupRoutes = createRouter()
  .openapi(createSignupRoute, createSignup)
  .openapi(putLetterRoute, putLetter)
  .openapi(listSignupsRoute, listSignupsHandler)
  .openapi(showSignupRoute, showSignup)
  .openapi(getLetterRoute, getLetter)
  .openapi(approveSignupRoute, approveSignup)
  .openapi(rejectSignupRoute, rejectSignup);
