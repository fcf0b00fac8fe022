import { z } from "@hono/zod-openapi";

export const AsesorParam = z.object({ asesorId: z.string().min(1).max(40) });
export const AffiliationParam = AsesorParam.extend({ affiliationId: z.string().min(1).max(40) });
/** A national team route names the application by its tenant and id (BALKS works across tenants). */
export const TeamParam = z.object({
  tenant: z.string().min(1).max(80).openapi({ example: "kota-tangerang" }),
  applicationId: z.string().min(1).max(40),
});
export const AssignmentParam = z.object({ assignmentId: z.string().min(1).max(40) });

/** Who keeps the registry and forms teams: BALKS's secretariat. Who reads it: BALKS and national viewers. */
export const REGISTRY_KEEPERS_NATIONAL = ["balks_secretariat"] as const;
export const REGISTRY_READERS = ["balks_secretariat", "balks_decider", "national_viewer", "platform_admin"] as const;
