import "./messages.ts";
export * from "./common.ts";
export * from "./identity.ts";
export * from "./registry.ts";
export * from "./lks-profile.ts";
export * from "./onboarding.ts";
export * from "./applications.ts";
export * from "./workflow.ts";
export * from "./documents.ts";
