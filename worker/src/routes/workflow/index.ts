import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { getChecklist, getChecklistRoute, putChecklist, putChecklistRoute } from "./checklist.ts";
import { getWorkflow, getWorkflowRoute } from "./get.ts";
import { publish, publishRoute } from "./publish.ts";
import { saveDraft, saveDraftRoute } from "./save-draft.ts";
import { getVersion, getVersionRoute } from "./version.ts";

export const workflowRoutes = createRouter<TenantEnv>()
  .openapi(getWorkflowRoute, getWorkflow)
  .openapi(saveDraftRoute, saveDraft)
  .openapi(publishRoute, publish)
  .openapi(getChecklistRoute, getChecklist)
  .openapi(putChecklistRoute, putChecklist)
  .openapi(getVersionRoute, getVersion);
