import { createRouter } from "../../lib/router.ts";
import { addAffiliation, addAffiliationRoute, removeAffiliation, removeAffiliationRoute } from "./affiliations.ts";
import { asesorCandidates, asesorCandidatesRoute } from "./candidates.ts";
import { createAsesor, createAsesorRoute } from "./create.ts";
import { inviteAsesor, inviteAsesorRoute } from "./invite.ts";
import { listAsesors, listAsesorsRoute } from "./list.ts";
import { answerAssignment, answerAssignmentRoute, myAssignments, myAssignmentsRoute } from "./my-assignments.ts";
import { showAsesor, showAsesorRoute } from "./show.ts";
import { assignTeam, assignTeamRoute, showTeam, showTeamRoute } from "./team.ts";
import { updateAsesor, updateAsesorRoute } from "./update.ts";

/** BALKS's asesor registry, teams per application, and the asesor's own assignments (issue 13). */
export const asesorRoutes = createRouter()
  .openapi(listAsesorsRoute, listAsesors)
  .openapi(createAsesorRoute, createAsesor)
  .openapi(showAsesorRoute, showAsesor)
  .openapi(updateAsesorRoute, updateAsesor)
  .openapi(addAffiliationRoute, addAffiliation)
  .openapi(removeAffiliationRoute, removeAffiliation)
  .openapi(inviteAsesorRoute, inviteAsesor)
  .openapi(asesorCandidatesRoute, asesorCandidates)
  .openapi(showTeamRoute, showTeam)
  .openapi(assignTeamRoute, assignTeam)
  .openapi(myAssignmentsRoute, myAssignments)
  .openapi(answerAssignmentRoute, answerAssignment);
