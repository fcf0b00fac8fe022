import { api, isApiError } from "#lib/api.ts";

/**
 * BALKS's assessment panels for the team's page, loaded only once there is something to show:
 * before the whole team has submitted the API answers 409 (404 where it cannot be read), and then
 * neither the panels' code nor anything else is fetched. Another failure still loads the panels,
 * which say so and offer a retry.
 */
export async function assessmentPanels(tenant: string, applicationId: string) {
  let initial = null;
  try {
    initial = await api.get("/national/applications/{tenant}/{applicationId}/decision", {
      params: { tenant, applicationId },
    });
  } catch (e) {
    if (isApiError(e) && (e.status === 409 || e.status === 404)) return null;
  }
  return { component: (await import("./AssessmentPanels.svelte")).default, initial };
}
