import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFilingNumber, parseFilingNumber } from './filing-number.js';

describe('formatFilingNumber', () => {
  it.each([
    [2027, 3, '湘盟备〔2027〕3号'],
    [2027, 1, '湘盟备〔2027〕1号'],
    [2030, 120, '湘盟备〔2030〕120号'],
  ])('%s / %s → %s', (year, sequence, text) => {
    expect(formatFilingNumber({ year, sequence })).toBe(text);
  });

  it.each([
    [2027, 0],
    [2027, -1],
    [2027, 1.5],
    [2015, 1],
    [20270, 1],
    [2027.5, 1],
    [2027, Number.MAX_SAFE_INTEGER + 1],
  ])('refuses year %s, sequence %s', (year, sequence) => {
    expect(() => formatFilingNumber({ year, sequence })).toThrow(RangeError);
  });
});

describe('parseFilingNumber', () => {
  it.each([
    ['湘盟备〔2027〕3号', { year: 2027, sequence: 3 }],
    ['  湘盟备〔2027〕120号 ', { year: 2027, sequence: 120 }],
    ['湘盟备[2027]3号', { year: 2027, sequence: 3 }],
    ['湘盟备【2027】3号', { year: 2027, sequence: 3 }],
    ['湘盟备（2027）3号', { year: 2027, sequence: 3 }],
    ['湘盟备(2027)3号', { year: 2027, sequence: 3 }],
    ['湘盟备［2027］3号', { year: 2027, sequence: 3 }],
    ['湘盟备﹝2027﹞3号', { year: 2027, sequence: 3 }],
    ['湘盟备 〔 2027 〕 3 号', { year: 2027, sequence: 3 }],
  ])('reads %s', (text, number) => {
    expect(parseFilingNumber(text)).toEqual(number);
  });

  it.each([
    '',
    '湘盟备〔2027〕0号',
    '湘盟备〔2027〕03号',
    '湘盟备〔2027〕-3号',
    '湘盟备〔2027〕3',
    '湘盟备〔27〕3号',
    '湘盟备〔2015〕3号',
    '湘科备〔2027〕3号',
    '湘盟备〔2027〕三号',
    '湘盟备〔2027〕３号',
    '湘盟备2027-3号',
    '湘盟备〔2027〕99999999999999999号',
    '前缀湘盟备〔2027〕3号',
  ])('refuses %j', (text) => {
    expect(parseFilingNumber(text)).toBeNull();
  });

  it('reads back every number it writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2016, max: 9999 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (year, sequence) => {
          expect(parseFilingNumber(formatFilingNumber({ year, sequence }))).toEqual({ year, sequence });
        },
      ),
    );
  });
});
