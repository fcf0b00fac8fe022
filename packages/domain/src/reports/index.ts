export * from "./coverage.ts";
export * from "./rollup.ts";
export * from "./pipeline.ts";
export * from "./suppression.ts";
export * from "./cartogram.ts";
export * from "./freshness.ts";
export * from "./pairs.ts";
