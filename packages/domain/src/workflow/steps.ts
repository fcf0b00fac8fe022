/**
 * The step ids and actors every workflow shares. A module of their own (re-exported by
 * definition.ts) so a client that only compares step ids does not load the default definition.
 */

/**
 * Who must act while an application sits in a step. The API maps it to the memberships it
 * checks: the LKS's operator, the kab/kota tenant, its parent province tenant, or BALKS.
 */
export const STEP_ACTORS = ["lks", "kabkota", "province", "national"] as const;
export type StepActor = (typeof STEP_ACTORS)[number];

/** Where every regional part hands over to BALKS. */
export const NATIONAL_INTAKE = "balks_intake";

/** The regional step BALKS sends an application back to when its file is incomplete. */
export const REVISION_STEP = "revision";

/**
 * The steps where an accreditation cycle has ended with BALKS's decision (accredited, awaiting or
 * with its certificate, or not accredited): the cycle a re-accreditation is compared with.
 */
export const CYCLE_END_STEPS: readonly string[] = ["accredited", "certified", "not_accredited"];
