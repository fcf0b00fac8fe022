import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { compareInstruments, compareInstrumentsRoute } from "./compare.ts";
import { createDraft, createDraftRoute } from "./create-draft.ts";
import { editDraft, editDraftRoute } from "./edit.ts";
import { importInstrument, importInstrumentRoute } from "./import.ts";
import { listInstruments, listInstrumentsRoute } from "./list.ts";
import { publishInstrument, publishInstrumentRoute } from "./publish.ts";
import { showInstrument, showInstrumentRoute } from "./show.ts";
import { instrumentTemplate, instrumentTemplateRoute } from "./template.ts";
import { tenantInstrument, tenantInstrumentRoute, tenantInstruments, tenantInstrumentsRoute } from "./tenant-list.ts";

/** Accreditation instruments (issue 12): BALKS manages versions nationally; tenants read published ones. */
export const instrumentRoutes = createRouter()
  .openapi(listInstrumentsRoute, listInstruments)
  .openapi(createDraftRoute, createDraft)
  // Literal paths before /{instrumentId}.
  .openapi(compareInstrumentsRoute, compareInstruments)
  .openapi(instrumentTemplateRoute, instrumentTemplate)
  .openapi(importInstrumentRoute, importInstrument)
  .openapi(showInstrumentRoute, showInstrument)
  .openapi(editDraftRoute, editDraft)
  .openapi(publishInstrumentRoute, publishInstrument);

export const tenantInstrumentRoutes = createRouter<TenantEnv>()
  .openapi(tenantInstrumentsRoute, tenantInstruments)
  .openapi(tenantInstrumentRoute, tenantInstrument);
