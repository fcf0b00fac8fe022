export * from "./identity/roles.ts";
export * from "./identity/password-policy.ts";
export * from "./tenancy/access.ts";
export * from "./tenancy/regions.ts";
