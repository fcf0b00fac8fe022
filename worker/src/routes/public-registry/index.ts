import { createRouter } from "../../lib/router.ts";
import { publicRegistryExport, publicRegistryExportRoute } from "./export.ts";
import { publicRegistrySearch, publicRegistrySearchRoute } from "./search.ts";
import { publicRegistryShow, publicRegistryShowRoute } from "./show.ts";

/** The public registry (issue 14): search, one LKS, the open-data CSV; the pages are in routes/verification. */
export const publicRegistryRoutes = createRouter()
  .openapi(publicRegistrySearchRoute, publicRegistrySearch)
  .openapi(publicRegistryExportRoute, publicRegistryExport)
  .openapi(publicRegistryShowRoute, publicRegistryShow);
