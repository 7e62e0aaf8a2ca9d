import { describe, expect, it } from 'vitest';
import { conflictsOf, type Expert } from '../reviews/conflicts.js';
import { evaluationDue, type PlatformEvaluationFacts, platformParties } from './evaluation-round.js';

const centre = (over: Partial<PlatformEvaluationFacts>): PlatformEvaluationFacts => ({
  kind: 'ENGINEERING_RESEARCH_CENTRE', // a three-year cycle
  status: 'RECOGNISED',
  recognisedOn: '2024-05-01',
  lastEvaluatedYear: null,
  rectificationDueOn: null,
  ...over,
});

describe('which platforms a round of the year covers', () => {
  it.each([
    ['recognised 2024, never evaluated, round 2026', centre({}), 2026, null],
    ['recognised 2024, never evaluated, round 2027', centre({}), 2027, 'PERIODIC'],
    ['evaluated 2027, round 2029', centre({ lastEvaluatedYear: 2027 }), 2029, null],
    ['evaluated 2027, round 2030', centre({ lastEvaluatedYear: 2027 }), 2030, 'PERIODIC'],
    [
      'a key laboratory (five years), recognised 2024, round 2028',
      centre({ kind: 'KEY_LABORATORY' }),
      2028,
      null,
    ],
    ['a key laboratory, recognised 2024, round 2029', centre({ kind: 'KEY_LABORATORY' }), 2029, 'PERIODIC'],
    [
      'rectifying until 2028-06-01, round 2027',
      centre({ status: 'RECTIFYING', rectificationDueOn: '2028-06-01', lastEvaluatedYear: 2027 }),
      2027,
      null,
    ],
    [
      'rectifying until 2028-06-01, round 2028',
      centre({ status: 'RECTIFYING', rectificationDueOn: '2028-06-01', lastEvaluatedYear: 2027 }),
      2028,
      'RE_EVALUATION',
    ],
    ['removed', centre({ status: 'REMOVED' }), 2040, null],
  ] as const)('%s → %s', (_name, facts, year, due) => {
    expect(evaluationDue(facts, year)).toBe(due);
  });
});

describe('who may not score a platform', () => {
  const expert = (affiliations: string[], declaredConflicts: string[] = []): Expert => ({
    id: 'e',
    name: '专家',
    domains: [],
    affiliations,
    declaredConflicts,
    available: true,
    reviewsThisYear: 0,
  });
  const parties = platformParties({ hostOrganizationId: 'host', coBuilderOrganizationIds: ['co'] });
  it.each([
    ['works for the host', expert(['host']), ['AFFILIATED_WITH_MEMBER']],
    ['works for a co-builder', expert(['other', 'co']), ['AFFILIATED_WITH_MEMBER']],
    ['declared a conflict with the host', expert([], ['host']), ['DECLARED_CONFLICT']],
    ['tied to neither', expert(['other'], ['elsewhere']), []],
  ] as const)('%s → %j', (_name, e, codes) => {
    expect(conflictsOf(e, parties).map((c) => c.code)).toEqual(codes);
  });
});
