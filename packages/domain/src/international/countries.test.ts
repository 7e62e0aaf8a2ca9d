import { describe, expect, it } from 'vitest';
import { COUNTRIES, COUNTRY_NAMES, countryName, countryOf } from './countries.js';

describe('the ISO 3166-1 list', () => {
  it('holds every officially assigned code once, with three-letter and numeric codes and a Chinese name', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(249);
    for (const c of COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(c.numeric).toMatch(/^\d{3}$/);
      expect(c.name).toMatch(/\p{Script=Han}/u);
    }
  });

  it.each([
    ['DE', '德国', false],
    ['US', '美国', false],
    ['KR', '韩国', false],
    ['CN', '中国', false],
    ['HK', '中国香港', true],
    ['MO', '中国澳门', true],
    ['TW', '中国台湾', true],
  ])('%s is %s (region of China: %s)', (code, name, region) => {
    expect(countryOf(code)).toMatchObject({ code, name, regionOfChina: region });
    expect(COUNTRY_NAMES[code]).toBe(name);
  });

  it.each([['de'], ['DEU'], ['XX'], [''], [276], [null]])('%j is not a code of the list', (code) => {
    expect(countryOf(code)).toBeNull();
  });

  it('names an unknown stored code by the code itself', () => {
    expect(countryName('DE')).toBe('德国');
    expect(countryName('YU')).toBe('YU');
  });
});
