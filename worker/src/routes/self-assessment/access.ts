import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { callerOf, definitionFor, permissionsOf, type StoredApplication } from "../../services/applications.ts";
import { visibleApplication } from "../applications/show.ts";

/** Whether the caller may change the self-assessment: the LKS's operators while the application is with them (as the letter). */
export async function mayEditSelfAssessment(c: Context<TenantEnv>, app: StoredApplication): Promise<boolean> {
  const def = await definitionFor(c.get("scope").applications, app);
  return permissionsOf(def, callerOf(c), app).mayEditLetter;
}

/**
 * The application for a write: hidden (404) from whoever cannot see it, among them another LKS's
 * operators; 403 for those who see it but may not write (a verifier, BALKS, the LKS once submitted).
 */
export async function writableApplication(c: Context<TenantEnv>, id: string): Promise<StoredApplication> {
  const app = await visibleApplication(c, id);
  if (!(await mayEditSelfAssessment(c, app)))
    throw new Problem(
      "forbidden",
      "Penilaian mandiri hanya dapat diubah operator LKS saat permohonan berada di LKS / Only the LKS's operators can change the self-assessment while the application is with them",
    );
  return app;
}
