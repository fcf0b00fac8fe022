export * from "./types.ts";
export * from "./validate.ts";
export * from "./scoring.ts";
export * from "./csv.ts";
export * from "./spreadsheet.ts";
export * from "./compare.ts";
export * from "./seed/index.ts";
