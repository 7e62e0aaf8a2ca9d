import { describe, expect, it } from 'vitest';
import { groupThousands } from './yuan-input';

describe('groupThousands', () => {
  it.each([
    ['1234567', '1,234,567'],
    ['1234567.8', '1,234,567.8'],
    ['999', '999'],
    ['', ''],
    ['12a', '12a'],
    ['1000000.25', '1,000,000.25'],
  ])('%s → %s', (typed, shown) => expect(groupThousands(typed)).toBe(shown));
});
