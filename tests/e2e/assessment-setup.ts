/**
 * The assessment's set-up through the API, for the e2e tests about what follows it (reconciliation,
 * decision, improvement plan): the team formed and assigned, the pack's indicators, blind sheets.
 * The pages these steps have are tested on their own (visit-scoring, assessment-chain).
 */
import { apiCall, apiSignIn, transition } from "./helpers.ts";

/** An asesor of a fixture (its id in the national registry, its sign-in). */
interface Asesor {
  id: string;
  email: string;
}

/** An asesor signed in, with the assignment the team gave them. */
export interface Assigned {
  cookie: string;
  token: string;
  assignmentId: string;
}

export interface PackIndicator {
  code: string;
  levels: { score: number }[];
}

/** BALKS forms a team of two for the application, both accept (declaring no conflict of interest), BALKS assigns it. */
export async function teamAssigned(
  tenant: string,
  applicationId: string,
  lead: Asesor,
  member: Asesor,
): Promise<{ balks: { cookie: string }; lead: Assigned; member: Assigned }> {
  const balks = await apiSignIn("balks@akrab.test");
  const team = await apiCall<{ members: { asesorId: string; assignmentId: string }[] }>(
    balks.cookie,
    "POST",
    `/api/v1/national/applications/${tenant}/${applicationId}/team`,
    {
      members: [
        { asesorId: lead.id, role: "lead" },
        { asesorId: member.id, role: "member" },
      ],
    },
  );
  const signedIn = async (asesor: Asesor): Promise<Assigned> => {
    const assignment = team.members.find((m) => m.asesorId === asesor.id);
    if (!assignment) throw new Error(`the team has no assignment for ${asesor.email}`);
    const session = await apiSignIn(asesor.email);
    await apiCall(session.cookie, "POST", `/api/v1/me/assignments/${assignment.assignmentId}/answer`, {
      answer: "accept",
      declare: true,
    });
    return { ...session, assignmentId: assignment.assignmentId };
  };
  const assigned = { balks, lead: await signedIn(lead), member: await signedIn(member) };
  await transition(balks.cookie, tenant, applicationId, "assign");
  return assigned;
}

/** The indicators of the instrument in an asesor's visit pack, in order. */
export async function packIndicators(asesor: Assigned): Promise<PackIndicator[]> {
  const pack = await apiCall<{ instrument: { standards: { aspects: { indicators: PackIndicator[] }[] }[] } }>(
    asesor.cookie,
    "GET",
    `/api/v1/me/assignments/${asesor.assignmentId}/pack`,
  );
  return pack.instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
}

/** An asesor's blind sheet saved whole (a level per indicator, the deed of establishment present) and submitted. */
export async function sheetSubmitted(asesor: Assigned, levels: { indicator: string; level: number }[]): Promise<void> {
  const path = `/api/v1/me/assignments/${asesor.assignmentId}/sheet`;
  await apiCall(asesor.cookie, "PUT", path, {
    entries: levels.map(({ indicator, level }) => ({ indicator, level, note: "", baseVersion: 0 })),
    documentChecks: [{ code: "akta", present: true, note: "", baseVersion: 0 }],
  });
  await apiCall(asesor.cookie, "POST", `${path}/submit`);
}
