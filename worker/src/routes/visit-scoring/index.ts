import { createRouter } from "../../lib/router.ts";
import { visitPack, visitPackRoute } from "./pack.ts";
import { balksPhoto, balksPhotoRoute, myPhoto, myPhotoRoute } from "./photos.ts";
import { saveSheet, saveSheetRoute, showSheet, showSheetRoute, submit, submitSheetRoute } from "./sheet.ts";
import { balksSheets, balksSheetsRoute, myTeamSheets, myTeamSheetsRoute } from "./team-sheets.ts";

/** The asesor's visit (issue 13): pack, blind score sheet, submission, and the team's sheets. */
export const visitScoringRoutes = createRouter()
  .openapi(visitPackRoute, visitPack)
  .openapi(showSheetRoute, showSheet)
  .openapi(saveSheetRoute, saveSheet)
  .openapi(submitSheetRoute, submit)
  .openapi(myTeamSheetsRoute, myTeamSheets)
  .openapi(balksSheetsRoute, balksSheets)
  .openapi(myPhotoRoute, myPhoto)
  .openapi(balksPhotoRoute, balksPhoto);
