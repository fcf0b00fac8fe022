import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { acceptDocument, acceptDocumentRoute, returnDocument, returnDocumentRoute } from "./checklist-review.ts";
import { createApplication, createApplicationRoute } from "./create.ts";
import { inbox, inboxRoute } from "./inbox.ts";
import { applicationInstrument, applicationInstrumentRoute } from "./instrument.ts";
import { listOfLks, listOfLksRoute } from "./list-of-lks.ts";
import { moveVersion, moveVersionRoute } from "./move-version.ts";
import { renewalPlan, renewalPlanRoute } from "./renewal-plan.ts";
import { nationalInbox, nationalInboxRoute, nationalList, nationalListRoute } from "./national-inbox.ts";
import { showApplication, showApplicationRoute } from "./show.ts";
import { timeline, timelineRoute } from "./timeline.ts";
import { transition, transitionRoute } from "./transition.ts";
import { updateLetter, updateLetterRoute } from "./update-letter.ts";

export const applicationRoutes = createRouter<TenantEnv>()
  .openapi(createApplicationRoute, createApplication)
  .openapi(inboxRoute, inbox)
  .openapi(showApplicationRoute, showApplication)
  .openapi(transitionRoute, transition)
  .openapi(timelineRoute, timeline)
  .openapi(applicationInstrumentRoute, applicationInstrument)
  .openapi(moveVersionRoute, moveVersion)
  .openapi(nationalInboxRoute, nationalInbox)
  .openapi(nationalListRoute, nationalList)
  .openapi(listOfLksRoute, listOfLks)
  .openapi(renewalPlanRoute, renewalPlan)
  .openapi(updateLetterRoute, updateLetter)
  .openapi(acceptDocumentRoute, acceptDocument)
  .openapi(returnDocumentRoute, returnDocument);
