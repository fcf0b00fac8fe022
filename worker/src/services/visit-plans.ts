import type { BatchItem, NationalScope, NationalWriteScope, VisitPlanRow } from "@akrab/db";
import type { StopChange } from "@akrab/domain";
import { applicationPath } from "@akrab/domain";
import { Problem } from "../middleware/problem/index.ts";
import { teamRules } from "./asesors.ts";
import { visitDay, visitPlanEmail } from "./mail.ts";

/** The shapes a visit plan's view is built from (one query each, for every plan of a page at once). */
type Reads = Pick<NationalScope["visitPlans"], "stops" | "acceptedTeams" | "companions">;

/** Plans as the API shows them: stops with where they are and who accompanies, and the route's team. */
export async function presentPlans(reads: Reads, plans: readonly VisitPlanRow[]) {
  const stops = await reads.stops(plans.map((p) => p.id));
  const applicationIds = [...new Set(stops.map((s) => s.stop.applicationId))];
  const [teams, companions] = await Promise.all([
    reads.acceptedTeams(applicationIds),
    reads.companions(applicationIds),
  ]);
  return plans.map((plan) => {
    const own = stops.filter((s) => s.stop.planId === plan.id);
    // The team travels the whole route: every stop has the same accepted asesors (checked when
    // planned), so the first stop's team is the route's.
    const first = own[0]?.stop.applicationId;
    return {
      id: plan.id,
      status: plan.status,
      notes: plan.notes,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      cancelReason: plan.cancelReason,
      version: plan.version,
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
      team: teams
        .filter((t) => t.applicationId === first)
        .map((t) => ({ asesorId: t.asesorId, name: t.name, role: t.role })),
      stops: own.map((s) => ({
        applicationId: s.stop.applicationId,
        tenant: { slug: s.tenantSlug, name: s.tenantName },
        lks: { id: s.lksId, name: s.lksName, regionCode: s.regionCode },
        date: s.stop.visitDate,
        step: s.step,
        companions: (companions.find((c) => c.applicationId === s.stop.applicationId)?.companions ?? []).map((c) => ({
          name: c.name,
          position: c.position,
          phone: c.phone ?? null,
        })),
      })),
    };
  });
}

export async function presentPlan(reads: Reads, plan: VisitPlanRow) {
  const [view] = await presentPlans(reads, [plan]);
  if (!view) throw new Error("unreachable: one plan in, one view out");
  return view;
}

/** The steps at which a visit is planned: the team is formed (and accepted) or the visit is due. */
const PLANNABLE_STEPS = new Set(["asesor_assignment", "visit"]);

type FieldError = { path: string; message: string };
type StopInput = { tenant: string; applicationId: string; date: string };

/**
 * Checks a route and resolves its stops: each application exists (in an active tenant), is open
 * at a step where a visit is planned, has its full team accepted, the same team as the other
 * stops, is not in another active plan, and is not visited in the past. Every problem names its
 * field; nothing is written when there is one.
 */
export async function resolveStops(
  scope: NationalScope,
  stops: readonly StopInput[],
  options: { planId: string | null; today: string; keptDates: ReadonlyMap<string, string> },
) {
  const errors: FieldError[] = [];
  const found = await Promise.all(stops.map((s) => scope.asesors.application(s.tenant, s.applicationId)));
  const ids = found.flatMap((f) => (f ? [f.application.id] : []));
  const [teams, elsewhere] = await Promise.all([
    scope.visitPlans.acceptedTeams(ids),
    scope.visitPlans.activeStops(ids),
  ]);
  const teamKey = (applicationId: string) =>
    teams
      .filter((t) => t.applicationId === applicationId)
      .map((t) => t.asesorId)
      .sort()
      .join(",");
  let routeTeam: string | null = null;
  const resolved = stops.flatMap((s, i) => {
    const path = `stops.${i}.applicationId`;
    const f = found[i];
    if (!f) {
      errors.push({ path, message: "Permohonan tidak ditemukan / Application not found" });
      return [];
    }
    const name = f.lks.name;
    if (stops.findIndex((o) => o.applicationId === s.applicationId) !== i)
      errors.push({ path, message: `${name} ada dua kali di rute / ${name} is on the route twice` });
    if (f.application.open !== 1 || !PLANNABLE_STEPS.has(f.application.step))
      errors.push({
        path,
        message: `${name} tidak sedang menunggu visitasi / ${name} is not waiting for a visit`,
      });
    const team = teamKey(f.application.id);
    const size = teams.filter((t) => t.applicationId === f.application.id).length;
    // At assignment the whole team must have accepted (as `assign` requires); at the visit it did.
    if (size === 0 || (f.application.step === "asesor_assignment" && size < teamRules().size))
      errors.push({
        path,
        message: `Tim asesor ${name} belum menerima penugasan / ${name}'s asesor team has not accepted yet`,
      });
    else if (routeTeam === null) routeTeam = team;
    else if (team !== routeTeam)
      errors.push({
        path,
        message: `${name} ditugaskan ke tim lain; satu rute untuk satu tim / ${name} has another team; a route is one team's`,
      });
    const other = elsewhere.find((e) => e.applicationId === f.application.id && e.planId !== options.planId);
    if (other)
      errors.push({
        path,
        message: `${name} sudah ada di rencana kunjungan lain / ${name} is already in another visit plan`,
      });
    // A day already planned may stay as it is (the plan is edited while its first visits are done).
    if (s.date < options.today && options.keptDates.get(f.application.id) !== s.date)
      errors.push({
        path: `stops.${i}.date`,
        message: `Tanggal kunjungan ${name} sudah lewat / ${name}'s visit date is in the past`,
      });
    const place: StopPlace = {
      lksId: f.lks.id,
      lksName: f.lks.name,
      tenantId: f.tenant.id,
      tenantSlug: f.tenant.slug,
    };
    return [{ input: s, found: f, place }];
  });
  if (errors.length > 0)
    throw new Problem("validation", "Rencana kunjungan tidak dapat disimpan / The visit plan cannot be saved", {
      errors,
    });
  return resolved;
}

/** The route's team by name, lead first (from the accepted team of its applications). */
export async function routeTeamNames(scope: NationalScope, applicationIds: readonly string[]) {
  const [first] = applicationIds;
  if (!first) return [];
  return (await scope.visitPlans.acceptedTeams([first])).map((t) => t.name);
}

/** Where the stops of a plan as stored are, by application. */
export function placesOf(stops: Awaited<ReturnType<NationalScope["visitPlans"]["stops"]>>) {
  return new Map(
    stops.map((s) => [
      s.stop.applicationId,
      { lksId: s.lksId, lksName: s.lksName, tenantId: s.stop.tenantId, tenantSlug: s.tenantSlug } satisfies StopPlace,
    ]),
  );
}

/** Two secretaries planning the same application at once: the one-active-plan index lets one through. */
export function alreadyPlanned(error: unknown): never {
  if (String(error).includes("UNIQUE constraint failed"))
    throw new Problem(
      "validation",
      "Permohonan ini baru saja dimasukkan ke rencana kunjungan lain / This application was just put in another visit plan",
      { errors: [{ path: "stops", message: "Sudah direncanakan / Already planned" }] },
    );
  throw error;
}

export const planNotFound = () => new Problem("not-found", "Rencana kunjungan tidak ditemukan / Visit plan not found");
export const planChanged = () =>
  new Problem(
    "conflict",
    "Rencana kunjungan telah diubah orang lain; muat ulang / The visit plan changed meanwhile; reload",
  );

/** Where a stop is, for telling its people. */
export interface StopPlace {
  lksId: string;
  lksName: string;
  tenantId: string;
  tenantSlug: string;
}

/** The Dinsos staff told of a visit: who prepare it and name its companions. */
const DINSOS_TOLD = ["tenant_admin", "dinsos_verifier", "dinsos_head"] as const;

/**
 * The email and in-app notification for each change to a stop, to the LKS's operators and its
 * Dinsos staff. Written in the same batch as the change, so a change is told exactly once: an
 * Idempotency-Key replay returns the stored answer without running this again, and a stale edit
 * rolls the whole batch back.
 */
export async function tellStops(
  scope: NationalWriteScope,
  changes: ReadonlyMap<string, StopChange>,
  places: ReadonlyMap<string, StopPlace>,
  team: readonly string[],
  origin: string,
): Promise<BatchItem[]> {
  const changed = [...changes].flatMap(([applicationId, change]) => {
    const place = places.get(applicationId);
    return place ? [{ applicationId, change, place }] : [];
  });
  const people = await scope.visitPlans.recipients(
    changed.map((c) => c.place),
    DINSOS_TOLD,
  );
  return changed.flatMap(({ applicationId, change, place }) => {
    const path = applicationPath(place.tenantSlug, applicationId);
    const told = people.filter((p) => p.lksId === place.lksId || (p.lksId === null && p.tenantId === place.tenantId));
    const unique = [...new Map(told.map((p) => [p.userId, p])).values()];
    const title =
      change.kind === "cancelled"
        ? `${place.lksName}: visitasi dibatalkan`
        : `${place.lksName}: visitasi ${visitDay(change.date)}`;
    const body =
      change.kind === "planned"
        ? "Jadwal visitasi asesor / Asesor visit scheduled"
        : change.kind === "moved"
          ? `Jadwal berubah dari ${visitDay(change.previous)} / Moved from ${change.previous}`
          : `Visitasi ${visitDay(change.previous)} dibatalkan / Visit of ${change.previous} cancelled`;
    return unique.flatMap((p) => [
      scope.write.enqueueEmail(
        visitPlanEmail({
          tenantId: place.tenantId,
          to: p.email,
          lksName: place.lksName,
          change,
          team: [...team],
          link: `${origin}${path}`,
        }),
      ),
      scope.write.visitPlans.notify({ userId: p.userId, tenantId: place.tenantId, title, body, link: path }),
    ]);
  });
}
