import { z } from "@hono/zod-openapi";

export const PlanParam = z.object({ planId: z.string().min(1).max(40) });

/** BALKS's secretariat plans visits; BALKS and national viewers read the plans. */
export const PLANNERS = ["balks_secretariat"] as const;
export const PLAN_READERS = ["balks_secretariat", "balks_decider", "national_viewer", "platform_admin"] as const;
