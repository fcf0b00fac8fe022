/**
 * Reconciliation flags per asesor pair (issue 15, asesor work): how often two asesors who visited
 * together scored an indicator far enough apart that the team had to settle it by hand. A pair
 * that is flagged much more often than others is worth a calibration talk, not a verdict: the share
 * is shown beside the number of visits it rests on.
 *
 * From each reconciled sheet: every two members of the team form a pair (a team of three gives three
 * pairs); an indicator counts against a pair when the sheet flagged it and the two asesors' levels
 * differ on it (one blank and one scored differs too). A flag the other member caused (the pair
 * agreed) is not the pair's.
 */

export interface ReconciledTeamSheet {
  /** Every member's asesor id. */
  team: readonly string[];
  indicators: readonly { levels: Readonly<Record<string, number | null>>; flags: readonly unknown[] }[];
}

export interface AsesorPairFlags {
  /** The two asesor ids, in code-point order (a pair is unordered). */
  asesors: [string, string];
  /** Reconciliations they were both on. */
  visits: number;
  /** Indicators they both scored on those sheets, and how many were flagged between them. */
  indicators: number;
  flagged: number;
  /** flagged / indicators, 0 when no indicator (rounded to 3 decimals). */
  share: number;
}

const pairKey = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

export function reconciliationFlagsByPair(sheets: Iterable<ReconciledTeamSheet>): AsesorPairFlags[] {
  const pairs = new Map<string, AsesorPairFlags>();
  for (const sheet of sheets) {
    const team = [...new Set(sheet.team)];
    for (let i = 0; i < team.length; i++)
      for (let j = i + 1; j < team.length; j++) {
        const [a, b] = pairKey(team[i] as string, team[j] as string);
        const key = `${a}\u0000${b}`;
        const entry = pairs.get(key) ?? { asesors: [a, b], visits: 0, indicators: 0, flagged: 0, share: 0 };
        pairs.set(key, entry);
        entry.visits++;
        for (const row of sheet.indicators) {
          const la = row.levels[a] ?? null;
          const lb = row.levels[b] ?? null;
          if (la === null && lb === null) continue;
          entry.indicators++;
          if (row.flags.length > 0 && la !== lb) entry.flagged++;
        }
      }
  }
  return [...pairs.values()]
    .map((p) => ({ ...p, share: p.indicators === 0 ? 0 : Math.round((p.flagged / p.indicators) * 1000) / 1000 }))
    .sort(
      (x, y) =>
        y.share - x.share ||
        y.flagged - x.flagged ||
        x.asesors[0].localeCompare(y.asesors[0]) ||
        x.asesors[1].localeCompare(y.asesors[1]),
    );
}
