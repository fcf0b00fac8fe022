export * from "./identity/roles.ts";
export * from "./identity/password-policy.ts";
export * from "./tenancy/access.ts";
export * from "./tenancy/regions.ts";
export * from "./registry/vocabulary.ts";
export * from "./registry/identifiers.ts";
export * from "./registry/profile-rules.ts";
export * from "./registry/lks-status.ts";
