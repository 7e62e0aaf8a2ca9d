import { describe, expect, it } from 'vitest';
import { pendingWork } from './pending-work.js';
import type { PilotGuard } from './pilot-transitions.js';

const facts =
  (...failing: PilotGuard[]) =>
  (g: PilotGuard) =>
    !failing.includes(g);

describe('pendingWork', () => {
  it.each([
    ['DRAFT', ['APPLICANT_SIDE'], facts(), 'REVISE'],
    ['RETURNED', ['APPLICANT_SIDE'], facts(), 'REVISE'],
    ['SUBMITTED', ['APPLICANT_SIDE', 'RECOMMENDER'], facts(), 'RECOMMEND'],
    ['SUBMITTED', ['APPLICANT_SIDE', 'RECOMMENDER'], facts('RECOMMENDER_IS_NOT_SUBMITTER'), null],
    ['SUBMITTED', ['APPLICANT_SIDE'], facts(), null],
    ['RECOMMENDED', ['AUTHORITY'], facts(), 'CHECK'],
    ['ACCEPTED', ['AUTHORITY'], facts(), 'ASSIGN_PANEL'],
    ['IN_REVIEW', ['AUTHORITY'], facts(), 'CLOSE_REVIEW'],
    ['IN_REVIEW', ['AUTHORITY'], facts('ALL_SHEETS_SUBMITTED'), null],
    ['REVIEWED', ['AUTHORITY'], facts(), 'PUBLICISE'],
    ['REVIEWED', ['AUTHORITY'], facts('NOTICE_PERIOD_SET'), null],
    ['REVIEWED', ['AUTHORITY', 'AUTHORITY_ADMIN'], facts(), 'DECIDE'],
    ['PUBLICISED', ['AUTHORITY', 'AUTHORITY_ADMIN'], facts(), 'DECIDE'],
    ['PUBLICISED', ['AUTHORITY', 'AUTHORITY_ADMIN'], facts('NOTICE_PERIOD_OVER'), null],
    ['PUBLICISED', ['AUTHORITY', 'AUTHORITY_ADMIN'], facts('OBJECTIONS_ANSWERED'), null],
    ['APPROVED', ['AUTHORITY', 'AUTHORITY_ADMIN', 'APPLICANT_SIDE'], facts(), null],
    ['RECOMMENDED', ['APPLICANT_SIDE', 'RECOMMENDER'], facts(), null],
  ] as const)('%s as %j → %s', (state, actors, holds, expected) => {
    expect(pendingWork(state, actors, holds)).toBe(expected);
  });
});
