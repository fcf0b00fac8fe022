export type { FieldProblem, Reason } from "./reason.ts";
export * from "./conflicts.ts";
export * from "./team.ts";
export * from "./blind.ts";
export * from "./reconcile.ts";
export * from "./decision.ts";
export * from "./sheet.ts";
