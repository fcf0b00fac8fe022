/**
 * Blind scoring (issue 13 "The visit, offline"): each asesor scores on their own, so one
 * asesor's levels cannot anchor the other's. Nobody but its author sees a score sheet until every
 * member of the team has submitted; then the team sees all of them (to reconcile) and so does
 * BALKS (to oversee and decide). BALKS waits too: a secretariat that could read one sheet early
 * could, in a phone call, pass it on, and the blind would be only as good as that call. The
 * Dinsos, the LKS and anyone else never see the individual sheets; they get the reconciled result.
 * The API filters with this function and the device hides with it; neither decides on its own.
 */
import type { Role } from "../identity/roles.ts";

export interface ScoreViewer {
  /** The viewer's asesor id when they act as an asesor; null otherwise. */
  asesorId: string | null;
  /** The roles they act in (their membership's). */
  roles: readonly Role[];
}

/** BALKS roles that read the team's sheets once all are in: the secretariat runs the process, the decider decides on it. */
const BALKS_READERS: readonly Role[] = ["balks_secretariat", "balks_decider"];

/** Whether every member of the team has submitted (a team of nobody has not). */
export function allSubmitted(team: readonly string[], submitted: readonly string[]): boolean {
  return team.length > 0 && team.every((id) => submitted.includes(id));
}

/**
 * Whether `viewer` may see the score sheet of the asesor `author`, given the team (asesor ids of
 * the accepted members) and who has submitted. An asesor always sees their own sheet, drafts
 * included; a team member sees the others' only once all have submitted; BALKS likewise; nobody
 * else ever. An asesor who is not on the team (replaced, declined) sees nobody's but their own.
 */
export function maySeeScores(
  viewer: ScoreViewer,
  author: string,
  team: readonly string[],
  submitted: readonly string[],
): boolean {
  const isAsesor = viewer.asesorId !== null && viewer.roles.includes("asesor");
  if (isAsesor && viewer.asesorId === author) return true;
  if (!team.includes(author) || !allSubmitted(team, submitted)) return false;
  if (isAsesor && team.includes(viewer.asesorId as string)) return true;
  return viewer.roles.some((role) => BALKS_READERS.includes(role));
}

/** The authors (of `team`, in its order) whose sheets `viewer` may see now. */
export function visibleSheets(viewer: ScoreViewer, team: readonly string[], submitted: readonly string[]): string[] {
  return team.filter((author) => maySeeScores(viewer, author, team, submitted));
}
