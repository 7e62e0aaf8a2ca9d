import { describe, expect, it } from 'vitest';
import { parseFilingDecisionBasis, parseFilingSnapshot } from './filing-records.js';

describe('reading what a filing stored', () => {
  it.each([
    ['nothing', null],
    ['a string', 'x'],
    ['an object without the alliance', { members: [] }],
    ['an object without members', { alliance: { id: 'a' } }],
  ])('takes %s for no snapshot', (_name, stored) => {
    expect(parseFilingSnapshot(stored)).toBeNull();
  });

  it('reads a snapshot with its alliance and members', () => {
    const stored = { alliance: { id: 'a' }, members: [], asOf: '2027-01-05' };
    expect(parseFilingSnapshot(stored)).toEqual(stored);
  });

  it.each([
    ['nothing', null, null],
    [
      'a filed decision',
      { reason: '同意备案', filingNumber: '湘盟备〔2027〕3号', reviewTotal: 82.5, passes: true },
      { reason: '同意备案', filingNumber: '湘盟备〔2027〕3号', reviewTotal: 82.5, passes: true },
    ],
    [
      'a refusal without review, wrong types dropped',
      { reason: '不符合条件', filingNumber: 3, passes: 'yes' },
      { reason: '不符合条件', filingNumber: null, reviewTotal: null, passes: null },
    ],
  ])('reads the decision basis of %s', (_name, stored, expected) => {
    expect(parseFilingDecisionBasis(stored)).toEqual(expected);
  });
});
