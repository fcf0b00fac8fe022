/**
 * The D1 schema, one file per area (drizzle-kit and every store import this file). Tables reference across areas
 * through plain imports; every tenant-owned table carries `tenant_id`.
 */
export * from "./schema/tenancy.ts";
export * from "./schema/identity.ts";
export * from "./schema/registry.ts";
export * from "./schema/instruments.ts";
export * from "./schema/applications.ts";
export * from "./schema/documents.ts";
export * from "./schema/messaging.ts";
export * from "./schema/audit.ts";
export * from "./schema/requests.ts";
export * from "./schema/self-assessment.ts";
export * from "./schema/assessment.ts";
export * from "./schema/visits.ts";
export * from "./schema/certificates.ts";
export * from "./schema/visit-scoring.ts";
export * from "./schema/decisions.ts";
export * from "./schema/reports.ts";
export * from "./schema/public-registry.ts";
export * from "./schema/supervision.ts";
