/**
 * Small-number suppression for the public statistics page (issue 15: "never a number small enough
 * to identify a person"). A table of counts is published with its row totals, column totals and
 * grand total; every cell (totals included) from 1 to `threshold - 1` is withheld (primary
 * suppression). Withholding alone is not enough: a row with one hidden cell gives it away as the
 * row total minus the others. So more cells are withheld (complementary suppression) until no
 * hidden cell can be worked out from what is published.
 *
 * Why it holds: write the table with its totals as an (R+1)×(C+1) grid; every row and column is a
 * linear equation. The hidden cells are edges of a bipartite graph between rows and columns. The
 * published figures leave a hidden cell free exactly when its edge lies on a cycle of hidden
 * edges: adding and subtracting 1 round the cycle changes it and keeps every equation. So every
 * hidden edge must lie on a cycle (no bridges), and every hidden cell must be at least 1 so that
 * the ±1 round trip keeps all counts non-negative (a 0 in the cycle could pin it). Zeros describe
 * nobody and are published; complementary cells are chosen among non-zero cells only.
 *
 * Complementary cells are found by the cheapest path (Dijkstra: hidden cells cost 0, a visible
 * cell costs its value, so the least information is lost) that closes a cycle through each
 * bridge. It is a heuristic, not the optimal suppression pattern: it is always safe (when no path
 * exists every non-zero cell is hidden, which always forms cycles through the totals).
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export interface SuppressedTable {
  /** The body, a hidden cell as null. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  /** How many cells (totals included) were hidden because they were small, and how many to protect them. */
  primary: number;
  complementary: number;
}

type Cell = readonly [row: number, column: number];

/** The table with its totals as one flat grid: (R+1)×(C+1), row R the column totals, column C the row totals. */
class Grid {
  readonly rows: number;
  readonly cols: number;
  readonly values: number[];
  readonly hidden: boolean[];
  // Plain fields, no parameter properties: Node loads this file with type stripping only (the Worker test config imports the domain).
  constructor(rows: number, cols: number) {
    this.rows = rows;
    this.cols = cols;
    this.values = new Array<number>(rows * cols).fill(0);
    this.hidden = new Array<boolean>(rows * cols).fill(false);
  }
  value(i: number, j: number): number {
    return this.values[i * this.cols + j] ?? 0;
  }
  add(i: number, j: number, v: number) {
    this.values[i * this.cols + j] = this.value(i, j) + v;
  }
  isHidden(i: number, j: number): boolean {
    return this.hidden[i * this.cols + j] ?? false;
  }
  hide(i: number, j: number) {
    this.hidden[i * this.cols + j] = true;
  }
  hiddenCount(): number {
    return this.hidden.filter(Boolean).length;
  }
}

export function suppressSmallCells(
  table: readonly (readonly number[])[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): SuppressedTable {
  const R = table.length;
  const C = table[0]?.length ?? 0;
  const grid = new Grid(R + 1, C + 1);
  for (const [i, row] of table.entries()) {
    if (row.length !== C) throw new RangeError("Every row needs the same number of columns");
    for (const [j, v] of row.entries()) {
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`Not a count: ${v}`);
      grid.add(i, j, v);
      grid.add(i, C, v);
      grid.add(R, j, v);
      grid.add(R, C, v);
    }
  }
  for (let i = 0; i <= R; i++)
    for (let j = 0; j <= C; j++) {
      const v = grid.value(i, j);
      if (v > 0 && v < threshold) grid.hide(i, j);
    }
  const primary = grid.hiddenCount();

  for (let bridge = findBridge(grid); bridge; bridge = findBridge(grid)) {
    const path = cheapestPath(grid, bridge);
    if (path) for (const [i, j] of path) grid.hide(i, j);
    else for (let k = 0; k < grid.values.length; k++) if ((grid.values[k] ?? 0) > 0) grid.hidden[k] = true;
  }

  const shown = (i: number, j: number) => (grid.isHidden(i, j) ? null : grid.value(i, j));
  return {
    cells: Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => shown(i, j))),
    rowTotals: Array.from({ length: R }, (_, i) => shown(i, C)),
    columnTotals: Array.from({ length: C }, (_, j) => shown(R, j)),
    total: shown(R, C),
    primary,
    complementary: grid.hiddenCount() - primary,
  };
}

/**
 * The cells next to a node of the bipartite graph (rows 0..rows-1, then column j as rows + j),
 * each with the node at its other end.
 */
function cellsAt(grid: Grid, node: number): { cell: Cell; other: number }[] {
  return node < grid.rows
    ? Array.from({ length: grid.cols }, (_, c) => ({ cell: [node, c] as const, other: grid.rows + c }))
    : Array.from({ length: grid.rows }, (_, r) => ({ cell: [r, node - grid.rows] as const, other: r }));
}

/**
 * A hidden cell on no cycle of hidden cells (a bridge of the graph: the published figures would give
 * it away), the first in row order; null when there is none. Tarjan's bridge search, linear in the
 * hidden cells, so a table of all 514 kab/kota stays quick.
 */
function findBridge(grid: Grid): Cell | null {
  const nodes = grid.rows + grid.cols;
  const adjacent: { to: number; cell: number }[][] = Array.from({ length: nodes }, () => []);
  for (let i = 0; i < grid.rows; i++)
    for (let j = 0; j < grid.cols; j++)
      if (grid.isHidden(i, j)) {
        const cell = i * grid.cols + j;
        adjacent[i]?.push({ to: grid.rows + j, cell });
        adjacent[grid.rows + j]?.push({ to: i, cell });
      }
  const discovered = new Array<number>(nodes).fill(-1);
  const low = new Array<number>(nodes).fill(0);
  let time = 0;
  let first = Number.POSITIVE_INFINITY;
  const visit = (node: number, via: number) => {
    discovered[node] = low[node] = time++;
    for (const { to, cell } of adjacent[node] ?? []) {
      if (cell === via) continue;
      if ((discovered[to] ?? -1) === -1) {
        visit(to, cell);
        low[node] = Math.min(low[node] ?? 0, low[to] ?? 0);
        if ((low[to] ?? 0) > (discovered[node] ?? 0)) first = Math.min(first, cell);
      } else low[node] = Math.min(low[node] ?? 0, discovered[to] ?? 0);
    }
  };
  for (let n = 0; n < nodes; n++) if (discovered[n] === -1) visit(n, -1);
  return Number.isFinite(first) ? [Math.floor(first / grid.cols), first % grid.cols] : null;
}

/** The cheapest row i → column j path avoiding the cell (i, j), over hidden cells (free) and non-zero visible ones. */
function cheapestPath(grid: Grid, [bi, bj]: Cell): Cell[] | null {
  const nodes = grid.rows + grid.cols;
  const target = grid.rows + bj;
  const cost = new Array<number>(nodes).fill(Number.POSITIVE_INFINITY);
  const via = new Array<{ cell: Cell; from: number } | null>(nodes).fill(null);
  const done = new Array<boolean>(nodes).fill(false);
  cost[bi] = 0;
  const costOf = (n: number) => cost[n] ?? Number.POSITIVE_INFINITY;
  for (;;) {
    let node = -1;
    for (let n = 0; n < nodes; n++)
      if (!done[n] && costOf(n) < Number.POSITIVE_INFINITY && (node === -1 || costOf(n) < costOf(node))) node = n;
    if (node === -1) return null;
    if (node === target) break;
    done[node] = true;
    for (const { cell, other } of cellsAt(grid, node)) {
      const [r, c] = cell;
      if ((r === bi && c === bj) || done[other]) continue;
      const hidden = grid.isHidden(r, c);
      const value = grid.value(r, c);
      if (!hidden && value === 0) continue;
      const next = costOf(node) + (hidden ? 0 : value);
      if (next < costOf(other)) {
        cost[other] = next;
        via[other] = { cell, from: node };
      }
    }
  }
  const path: Cell[] = [];
  for (let step = via[target]; step; step = via[step.from]) path.push(step.cell);
  return path.filter(([r, c]) => !grid.isHidden(r, c));
}
