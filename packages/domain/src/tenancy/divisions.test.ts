import { describe, expect, it } from 'vitest';
import { HUNAN_DIVISIONS, PROVINCE_CODE, findDivision } from './divisions.js';

describe('Hunan divisions', () => {
  it('holds the province and its 14 prefecture-level divisions', () => {
    expect(HUNAN_DIVISIONS).toHaveLength(15);
    expect(HUNAN_DIVISIONS.filter((d) => d.level === 'CITY')).toHaveLength(14);
    expect(new Set(HUNAN_DIVISIONS.map((d) => d.code)).size).toBe(15);
  });

  it('hangs every city under the province', () => {
    for (const d of HUNAN_DIVISIONS.filter((d) => d.level === 'CITY')) {
      expect(d.parentCode).toBe(PROVINCE_CODE);
      expect(d.code).toMatch(/^43\d{2}00$/);
    }
  });

  it.each([
    ['430100', '长沙市'],
    ['430200', '株洲市'],
    ['433100', '湘西土家族苗族自治州'],
  ])('finds %s as %s', (code, name) => {
    expect(findDivision(code)?.name).toBe(name);
  });

  it('finds nothing for a code outside Hunan', () => {
    expect(findDivision('110000')).toBeUndefined();
  });
});
