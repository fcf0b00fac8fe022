import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { documentContent, documentContentRoute } from "./content.ts";
import { applicationDocuments, applicationDocumentsRoute } from "./list-of-application.ts";
import { lksDocuments, lksDocumentsRoute } from "./list-of-lks.ts";
import { showDocument, showDocumentRoute } from "./show.ts";
import { documentThumbnail, documentThumbnailRoute } from "./thumbnail-get.ts";
import { putThumbnail, putThumbnailRoute } from "./thumbnail-put.ts";

export const documentRoutes = createRouter<TenantEnv>()
  .openapi(applicationDocumentsRoute, applicationDocuments)
  .openapi(lksDocumentsRoute, lksDocuments)
  .openapi(showDocumentRoute, showDocument)
  .openapi(documentContentRoute, documentContent)
  .openapi(documentThumbnailRoute, documentThumbnail)
  .openapi(putThumbnailRoute, putThumbnail);
