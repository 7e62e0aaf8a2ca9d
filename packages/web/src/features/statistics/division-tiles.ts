// A schematic map of Hunan's 14 divisions: one tile each, placed on a grid roughly where the
// division lies (north at the top). No boundary data, so no map review number (审图号) is needed
// for it; a map drawn from boundaries would need one before publication.

export type DivisionTile = { code: string; shortName: string; column: number; row: number };

export const MAP_COLUMNS = 5;
export const MAP_ROWS = 5;

export const HUNAN_TILES: readonly DivisionTile[] = [
  { code: '430800', shortName: '张家界', column: 1, row: 0 },
  { code: '430700', shortName: '常德', column: 2, row: 0 },
  { code: '430600', shortName: '岳阳', column: 3, row: 0 },
  { code: '433100', shortName: '湘西州', column: 0, row: 1 },
  { code: '430900', shortName: '益阳', column: 2, row: 1 },
  { code: '430100', shortName: '长沙', column: 3, row: 1 },
  { code: '431200', shortName: '怀化', column: 0, row: 2 },
  { code: '431300', shortName: '娄底', column: 2, row: 2 },
  { code: '430300', shortName: '湘潭', column: 3, row: 2 },
  { code: '430200', shortName: '株洲', column: 4, row: 2 },
  { code: '430500', shortName: '邵阳', column: 1, row: 3 },
  { code: '430400', shortName: '衡阳', column: 3, row: 3 },
  { code: '431100', shortName: '永州', column: 2, row: 4 },
  { code: '431000', shortName: '郴州', column: 3, row: 4 },
];

/**
 * A tile's shade for a value on a scale from 0 to the largest value: 0 stays the palest step,
 * any value above 0 at least the first coloured step, the largest the darkest.
 */
export function shadeStep(value: number, max: number, steps: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(steps - 1, Math.ceil((value / max) * (steps - 1))));
}
