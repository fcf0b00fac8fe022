export * from "./status.ts";
export * from "./number.ts";
export * from "./payload.ts";
export * from "./registry.ts";
export * from "./reminders.ts";
