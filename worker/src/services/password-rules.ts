import { PASSWORD_PROBLEM_MESSAGES, passwordProblems } from "@akrab/domain";
import { Problem } from "../middleware/problem/index.ts";

/** Throws a 400 validation problem pointing at `field` when the password breaks the policy. */
export function assertAcceptablePassword(password: string, email: string, field = "password"): void {
  const problems = passwordProblems(password, email);
  if (problems.length === 0) return;
  throw new Problem("validation", "Kata sandi belum memenuhi syarat / The password does not meet the rules", {
    errors: problems.map((p) => ({ path: field, message: PASSWORD_PROBLEM_MESSAGES[p] })),
  });
}
