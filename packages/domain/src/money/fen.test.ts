import { describe, expect, it } from 'vitest';
import { formatYuan, isFen, MAX_FEN, yuanToFen } from './fen.js';

describe('isFen', () => {
  it.each([
    ['0', true],
    ['150000000', true],
    [MAX_FEN.toString(), true],
    [(MAX_FEN + 1n).toString(), false],
    ['-1', false],
    ['1.5', false],
    ['1e3', false],
    ['', false],
    [' 1', false],
  ])('%s → %s', (text, ok) => {
    expect(isFen(text)).toBe(ok);
  });
});

describe('yuanToFen', () => {
  it.each([
    ['12.34', '1234'],
    ['12.3', '1230'],
    ['12', '1200'],
    [' 0.01 ', '1'],
    ['999999999999.99', '99999999999999'],
  ])('%s 元 → %s 分', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['', '1.234', '-1', '1,000', 'abc', '1e3', '1000000000000'])('refuses %s', (yuan) => {
    expect(yuanToFen(yuan)).toBeNull();
  });

  it('always lands on a valid fen amount', () => {
    for (const yuan of ['0', '1', '123456789012.34']) expect(isFen(yuanToFen(yuan)!)).toBe(true);
  });
});

describe('formatYuan', () => {
  it.each<[string | bigint, string]>([
    ['0', '0.00 元'],
    ['1', '0.01 元'],
    ['500000000', '5,000,000.00 元'],
    ['123456789', '1,234,567.89 元'],
    [-50n, '-0.50 元'],
    [MAX_FEN, '1,000,000,000,000.00 元'],
  ])('%s 分 → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});
