/**
 * A visit plan's route changes (issue 13): the LKS and its Dinsos are told the date when their
 * stop is planned, and again on each change to it, and only then. Routes are compared by
 * application: the day each is visited before and after the change.
 */

/** What happened to one stop, as its LKS and Dinsos are told. */
export type StopChange =
  | { kind: "planned"; date: string }
  | { kind: "moved"; date: string; previous: string }
  | { kind: "cancelled"; previous: string };

/** Per application, what changed for it between two routes; a stop whose day stayed is left out. */
export function stopChanges(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): Map<string, StopChange> {
  const changes = new Map<string, StopChange>();
  for (const [id, date] of after) {
    const previous = before.get(id);
    if (previous === undefined) changes.set(id, { kind: "planned", date });
    else if (previous !== date) changes.set(id, { kind: "moved", date, previous });
  }
  for (const [id, previous] of before) if (!after.has(id)) changes.set(id, { kind: "cancelled", previous });
  return changes;
}
