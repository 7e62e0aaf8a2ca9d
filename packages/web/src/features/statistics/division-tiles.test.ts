import { HUNAN_DIVISIONS, TenantLevel } from '@xiangmeng/domain';
import { describe, expect, it } from 'vitest';
import { HUNAN_TILES, MAP_COLUMNS, MAP_ROWS, shadeStep } from './division-tiles';

describe('the schematic map of Hunan', () => {
  it('has one tile for each of the 14 divisions, none sharing a cell, all inside the grid', () => {
    const cities = HUNAN_DIVISIONS.filter((d) => d.level === TenantLevel.CITY).map((d) => d.code);
    expect(HUNAN_TILES.map((t) => t.code).sort()).toEqual([...cities].sort());
    const cells = new Set(HUNAN_TILES.map((t) => `${t.column},${t.row}`));
    expect(cells.size).toBe(HUNAN_TILES.length);
    for (const t of HUNAN_TILES) {
      expect(t.column).toBeGreaterThanOrEqual(0);
      expect(t.column).toBeLessThan(MAP_COLUMNS);
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(MAP_ROWS);
    }
  });

  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [5, 10, 3],
    [10, 10, 5],
    [3, 0, 0],
    [12, 10, 5],
  ])('shades %i of at most %i at step %i of 6', (value, max, step) => {
    expect(shadeStep(value, max, 6)).toBe(step);
  });
});
