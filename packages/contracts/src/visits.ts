import { TEAM_ROLES } from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { CursorQuery, MultilineText, Text, pageOf } from "./common.ts";
import { CalendarDate } from "./lks-profile.ts";

/**
 * Visit plans over the API (issue 13): BALKS sends one asesor team along a route of LKS, each on
 * its date; the Dinsos of each stop names who accompanies the team there.
 */
const msg = (id: string, en: string) => `${id} / ${en}`;

/** Most routes are a few LKS in a few days (Kota Bima: seven in one day); a route is kept short. */
export const MAX_STOPS = 15;
const MAX_COMPANIONS = 10;

const StopInput = z.object({
  tenant: z.string().min(1).max(80).openapi({ example: "kota-tangerang" }),
  applicationId: z.string().min(1).max(64),
  date: CalendarDate.openapi({ description: "The day of the visit (Asia/Jakarta)", example: "2026-06-02" }),
});

const Notes = MultilineText()
  .max(2000, msg("Catatan paling banyak 2000 karakter", "Notes have at most 2000 characters"))
  .nullable()
  .optional();

const Stops = z
  .array(StopInput)
  .min(1, msg("Rute memerlukan minimal satu LKS", "A route needs at least one LKS"))
  .max(MAX_STOPS, msg(`Rute paling banyak ${MAX_STOPS} LKS`, `A route has at most ${MAX_STOPS} LKS`));

export const VisitPlanCreate = z.object({ stops: Stops, notes: Notes }).openapi("VisitPlanCreate");

export const VisitPlanUpdate = z
  .object({ stops: Stops, notes: Notes, expectedVersion: z.number().int().min(1) })
  .openapi("VisitPlanUpdate");

export const VisitPlanCancel = z
  .object({
    expectedVersion: z.number().int().min(1),
    reason: MultilineText().max(1000).nullable().optional(),
  })
  .openapi("VisitPlanCancel");

export const Companion = z.object({
  name: Text().min(2, msg("Nama pendamping minimal 2 karakter", "A companion's name is too short")).max(120),
  position: Text().min(2, msg("Isi jabatan pendamping", "Give the companion's position")).max(120),
  phone: Text()
    .regex(/^\+?[0-9 ()-]{6,20}$/, msg("Nomor telepon tidak valid", "Invalid phone number"))
    .nullable()
    .optional(),
});

export const CompanionsPut = z
  .object({
    companions: z
      .array(Companion)
      .min(1, msg("Sebutkan minimal satu pendamping", "Name at least one companion"))
      .max(MAX_COMPANIONS, msg(`Paling banyak ${MAX_COMPANIONS} pendamping`, `At most ${MAX_COMPANIONS} companions`)),
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .openapi({ description: "The companions' current version; 0 when none are named yet" }),
  })
  .openapi("CompanionsPut");

const CompanionView = z.object({ name: z.string(), position: z.string(), phone: z.string().nullable() });
const TeamMember = z.object({ asesorId: z.string(), name: z.string(), role: z.enum(TEAM_ROLES) });

const StopView = z.object({
  applicationId: z.string(),
  tenant: z.object({ slug: z.string(), name: z.string() }),
  lks: z.object({ id: z.string(), name: z.string(), regionCode: z.string() }),
  date: z.string(),
  step: z.string(),
  companions: z.array(CompanionView),
});

export const VisitPlan = z
  .object({
    id: z.string(),
    status: z.enum(["active", "cancelled"]),
    notes: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    cancelReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The accepted team of the route's applications (the same asesors on every stop). */
    team: z.array(TeamMember),
    stops: z.array(StopView),
  })
  .openapi("VisitPlan");

export const VisitPlanPage = pageOf(VisitPlan, "VisitPlanPage");
export const VisitPlans = z.object({ items: z.array(VisitPlan) }).openapi("VisitPlans");
export const VisitPlanOfApplication = z.object({ plan: VisitPlan.nullable() }).openapi("VisitPlanOfApplication");

export const VisitPlanListQuery = CursorQuery.extend({
  from: CalendarDate.optional().openapi({ description: "Plans with a visit on or after this day" }),
  to: CalendarDate.optional().openapi({ description: "Plans with a visit on or before this day" }),
  province: z
    .string()
    .regex(/^\d{2}$/, msg("Kode provinsi, mis. 36", "A province code, e.g. 36"))
    .optional()
    .openapi({ description: "Plans visiting an LKS in this province" }),
  status: z.enum(["active", "cancelled"]).optional().openapi({ description: "Active plans unless asked otherwise" }),
});

/** One application's visit as its tenant (and its LKS, and the team) sees it. */
export const ApplicationVisit = z
  .object({
    plan: z
      .object({
        id: z.string(),
        date: z.string(),
        notes: z.string().nullable(),
        team: z.array(z.object({ name: z.string(), role: z.enum(TEAM_ROLES) })),
      })
      .nullable(),
    companions: z.array(CompanionView),
    /** The companions' version for the next save (0: none named yet). */
    companionsVersion: z.number().int(),
    /** Whether the caller may name the companions (the Dinsos of the application's own tenant). */
    canNameCompanions: z.boolean(),
  })
  .openapi("ApplicationVisit");
