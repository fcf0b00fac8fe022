import { Problem } from "@akrab/contracts";

/** Response entries shared by most routes, so each route lists only what is particular to it. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: PROBLEM_DESCRIPTIONS[status] ?? "Problem", content: { "application/problem+json": { schema: Problem } } }]),
  );
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input (problem+json with `errors`)",
  401: "Not signed in, or the session has ended",
  403: "Signed in but not allowed to do this",
  404: "Not found, or not visible to the caller",
  409: "Conflicts with the current state",
  429: "Too many attempts; see Retry-After",
};

export function jsonBody<T>(schema: T) {
  return { required: true, content: { "application/json": { schema } } } as const;
}

export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}

export const bearerSecurity: Record<string, string[]>[] = [{ Bearer: [] }, { Cookie: [] }];
