export * from "./definition.ts";
export * from "./validate.ts";
export * from "./engine.ts";
