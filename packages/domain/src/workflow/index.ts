export * from "./definition.ts";
export * from "./validate.ts";
export * from "./sla-input.ts";
export * from "./engine.ts";
