export * from "./types.ts";
export * from "./validate.ts";
export * from "./scoring.ts";
