import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { downloadFormulirC, formulirCPdfRoute, formulirCRoute, showFormulirC } from "./formulir-c.ts";
import { linkEvidence, linkEvidenceRoute } from "./link-evidence.ts";
import { previousCycleRoute, showPreviousCycle } from "./previous-cycle.ts";
import { saveAnswer, saveAnswerRoute } from "./save-answer.ts";
import { saveAnswersBatch, saveAnswersRoute } from "./save-batch.ts";
import { showSelfAssessment, showSelfAssessmentRoute } from "./show.ts";
import { startFromPrevious, startFromPreviousRoute } from "./start-from-previous.ts";
import { unlinkEvidence, unlinkEvidenceRoute } from "./unlink-evidence.ts";

export const selfAssessmentRoutes = createRouter<TenantEnv>()
  .openapi(showSelfAssessmentRoute, showSelfAssessment)
  .openapi(saveAnswersRoute, saveAnswersBatch)
  .openapi(saveAnswerRoute, saveAnswer)
  .openapi(linkEvidenceRoute, linkEvidence)
  .openapi(unlinkEvidenceRoute, unlinkEvidence)
  .openapi(previousCycleRoute, showPreviousCycle)
  .openapi(startFromPreviousRoute, startFromPrevious)
  .openapi(formulirCRoute, showFormulirC)
  .openapi(formulirCPdfRoute, downloadFormulirC);
