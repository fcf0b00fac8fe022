import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressSmallCells, type SuppressedTable } from "./suppression.ts";

/** The published grid with its totals, as a reader sees it: (R+1)×(C+1), hidden cells null. */
function publishedGrid(t: SuppressedTable): (number | null)[][] {
  return [...t.cells.map((row, i) => [...row, t.rowTotals[i] ?? null]), [...t.columnTotals, t.total]];
}

function fullGrid(table: number[][]): number[][] {
  const C = table[0]?.length ?? 0;
  const rows = table.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: C + 1 }, (_, j) => rows.reduce((n, row) => n + (row[j] ?? 0), 0));
  return [...rows, totals];
}

/** Rank of a matrix (Gaussian elimination; the entries here are small integers, so floats are exact enough). */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c] ?? 0) > 1e-9);
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      if (f !== 0) for (let k = c; k < cols; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r++;
  }
  return r;
}

/**
 * An attacker's view, independent of how the cells were chosen: the unknowns are the hidden cells,
 * the equations are every row and column of the grid (body cells add up to the total). A hidden cell
 * is derivable from the published figures when its unit vector lies in the span of the equations.
 */
function derivableHiddenCells(published: (number | null)[][]): [number, number][] {
  const R = published.length - 1;
  const C = (published[0]?.length ?? 1) - 1;
  const unknowns: [number, number][] = [];
  for (const [i, row] of published.entries()) for (const [j, v] of row.entries()) if (v === null) unknowns.push([i, j]);
  const index = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]));
  const equations: number[][] = [];
  const equation = (cells: [number, number, number][]) => {
    const row = new Array<number>(unknowns.length).fill(0);
    for (const [i, j, sign] of cells) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) row[k]! += sign;
    }
    equations.push(row);
  };
  for (let i = 0; i <= R; i++)
    equation([...Array.from({ length: C }, (_, j) => [i, j, 1] as [number, number, number]), [i, C, -1]]);
  for (let j = 0; j <= C; j++)
    equation([...Array.from({ length: R }, (_, i) => [i, j, 1] as [number, number, number]), [R, j, -1]]);
  const base = rank(equations);
  return unknowns.filter((_, k) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[k] = 1;
    return rank([...equations, unit]) === base;
  });
}

describe("small-number suppression", () => {
  it("(the attacker's check finds a cell hidden alone, and a cycle's cells not)", () => {
    expect(
      derivableHiddenCells([
        [null, 40, 43],
        [80, 60, 140],
        [83, 100, 183],
      ]),
    ).toEqual([[0, 0]]);
    expect(
      derivableHiddenCells([
        [null, null, 43],
        [null, null, 140],
        [83, 100, 183],
      ]),
    ).toEqual([]);
  });

  it("hides a small cell and enough others that it cannot be worked out", () => {
    const t = suppressSmallCells([
      [120, 3, 40],
      [80, 60, 55],
      [200, 90, 10],
    ]);
    expect(t.cells[0]?.[1]).toBeNull();
    expect(t.primary).toBe(1);
    expect(t.complementary).toBeGreaterThanOrEqual(3);
    expect(derivableHiddenCells(publishedGrid(t))).toEqual([]);
    // The large figures stay.
    expect(t.total).toBe(658);
  });

  it("publishes a table with no small cell as it is", () => {
    const t = suppressSmallCells([
      [10, 0],
      [7, 25],
    ]);
    expect(t).toEqual({
      cells: [
        [10, 0],
        [7, 25],
      ],
      rowTotals: [10, 32],
      columnTotals: [17, 25],
      total: 42,
      primary: 0,
      complementary: 0,
    });
  });

  it("hides small totals too, and still protects them", () => {
    const t = suppressSmallCells([
      [1, 2],
      [0, 0],
    ]);
    expect(t.total).toBeNull();
    expect(derivableHiddenCells(publishedGrid(t))).toEqual([]);
  });

  it("takes the threshold as a parameter", () => {
    expect(
      suppressSmallCells(
        [
          [9, 50],
          [40, 60],
        ],
        10,
      ).cells[0]?.[0],
    ).toBeNull();
    expect(
      suppressSmallCells(
        [
          [9, 50],
          [40, 60],
        ],
        5,
      ).cells[0]?.[0],
    ).toBe(9);
  });

  it("protects a table the size of the provinces by grade and type, with many small cells", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 9, maxLength: 9 }), {
          minLength: 38,
          maxLength: 38,
        }),
        (body) => {
          const t = suppressSmallCells(body);
          const published = publishedGrid(t);
          for (const v of published.flat()) if (v !== null) expect(v === 0 || v >= 5).toBe(true);
          expect(derivableHiddenCells(published)).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("refuses what is not a table of counts", () => {
    expect(() => suppressSmallCells([[1, 2], [3]])).toThrow();
    expect(() => suppressSmallCells([[1.5]])).toThrow();
  });

  it("never publishes a cell below the threshold, and no hidden cell is derivable from the totals (property)", () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 }));
    const table = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 10 }), (body, threshold) => {
        const t = suppressSmallCells(body, threshold);
        const published = publishedGrid(t);
        const truth = fullGrid(body);
        for (const [i, row] of published.entries())
          for (const [j, v] of row.entries()) {
            if (v === null) {
              // Hidden cells are non-zero, so a ±1 round trip on a cycle keeps every count possible.
              expect(truth[i]?.[j]).toBeGreaterThanOrEqual(1);
            } else {
              expect(v).toBe(truth[i]?.[j]);
              expect(v === 0 || v >= threshold).toBe(true);
            }
          }
        expect(derivableHiddenCells(published)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
