import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilingState, LAPSED_FILING_STATES } from './filing-workflow.js';
import {
  currentFiling,
  type FilingStage,
  filingStageOf,
  isRegisterFilingFilter,
  NO_FILING,
} from './register-filing.js';

const at = (day: number) => new Date(Date.UTC(2027, 0, day));
const filing = (state: FilingState, day: number) => ({ state, createdAt: at(day) });

describe('currentFiling', () => {
  it.each<[string, ReturnType<typeof filing>[], ReturnType<typeof filing> | null]>([
    ['none', [], null],
    ['the only one', [filing('DRAFT', 1)], filing('DRAFT', 1)],
    ['the filed one over a newer refusal', [filing('FILED', 1), filing('REFUSED', 9)], filing('FILED', 1)],
    [
      'the new submission after a withdrawal and a revocation',
      [filing('WITHDRAWN', 1), filing('SUBMITTED', 5), filing('REVOKED', 3)],
      filing('SUBMITTED', 5),
    ],
    ['the suspended one', [filing('REVOKED', 2), filing('SUSPENDED', 1)], filing('SUSPENDED', 1)],
    [
      'the latest lapsed one when all lapsed',
      [filing('REFUSED', 1), filing('REVOKED', 7), filing('WITHDRAWN', 4)],
      filing('REVOKED', 7),
    ],
  ])('%s', (_name, filings, expected) => {
    expect(currentFiling(filings)).toEqual(expected);
  });

  it('picks an open or valid filing whenever there is one, else the newest, whatever the order', () => {
    const states = Object.values(FilingState);
    const arbitraryFiling = fc.record({
      state: fc.constantFrom(...states),
      createdAt: fc.integer({ min: 1, max: 1e6 }).map((n) => new Date(n * 60_000)),
    });
    fc.assert(
      fc.property(fc.array(arbitraryFiling, { maxLength: 8 }), (filings) => {
        const chosen = currentFiling(filings);
        const live = filings.filter((f) => !LAPSED_FILING_STATES.includes(f.state));
        const pool = live.length ? live : filings;
        if (!pool.length) return chosen === null;
        const newest = Math.max(...pool.map((f) => f.createdAt.getTime()));
        return chosen !== null && pool.includes(chosen) && chosen.createdAt.getTime() === newest;
      }),
    );
  });
});

describe('isRegisterFilingFilter', () => {
  it.each([
    ['FILED', true],
    ['SUSPENDED', true],
    [NO_FILING, true],
    ['filed', false],
    ['', false],
    ['toString', false],
    [null, false],
  ])('%s → %s', (value, expected) => {
    expect(isRegisterFilingFilter(value)).toBe(expected);
  });
});

describe('filingStageOf', () => {
  const STAGES: Record<FilingState, FilingStage> = {
    DRAFT: 'DRAFT',
    SUBMITTED: 'IN_PROGRESS',
    ACCEPTED: 'IN_PROGRESS',
    RETURNED: 'IN_PROGRESS',
    IN_REVIEW: 'IN_PROGRESS',
    REVIEWED: 'IN_PROGRESS',
    PUBLICISED: 'IN_PROGRESS',
    FILED: 'IN_FORCE',
    CHANGE_SUBMITTED: 'IN_FORCE',
    SUSPENDED: 'IN_FORCE',
    REFUSED: 'ENDED',
    WITHDRAWN: 'ENDED',
    REVOKED: 'ENDED',
  };

  // Written out (a Record, so no state is missed), not derived from the traits the rule reads.
  it.each(Object.entries(STAGES) as [FilingState, FilingStage][])('%s is %s', (state, stage) => {
    expect(filingStageOf(state)).toBe(stage);
  });
});
