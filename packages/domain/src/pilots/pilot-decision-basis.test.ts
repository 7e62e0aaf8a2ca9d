import { describe, expect, it } from 'vitest';
import type { ApplicationAggregate } from '../reviews/score-aggregation.js';
import {
  type PilotDecisionBasis,
  parsePilotDecisionBasis,
  pilotDecisionBasis,
} from './pilot-decision-basis.js';
import { PILOT_WORKFLOW } from './pilot-transitions.js';

const AGGREGATE: ApplicationAggregate = {
  applicationId: 'p1',
  sheets: 5,
  trimmed: true,
  criteria: [{ key: 'INNOVATION_GOALS', value: 88, min: 80, max: 95 }],
  total: 85,
  totalSpread: 12,
  totalStdDev: 4.2,
  passes: true,
  rank: 1,
};
const REVIEW = { passMark: 70, aggregation: 'TRIMMED_MEAN' } as const;
const MEASURES = { measuresId: 'm1', versionNo: 2 };

const SCORED: PilotDecisionBasis = {
  sheets: 5,
  total: 85,
  passes: true,
  rank: 1,
  trimmed: true,
  totalSpread: 12,
  totalStdDev: 4.2,
  criteria: [{ key: 'INNOVATION_GOALS', value: 88, min: 80, max: 95 }],
  passMark: 70,
  rule: 'TRIMMED_MEAN',
  measuresId: 'm1',
  measuresVersionNo: 2,
};

const NOTHING: PilotDecisionBasis = {
  sheets: 0,
  total: null,
  passes: null,
  rank: null,
  trimmed: null,
  totalSpread: null,
  totalStdDev: null,
  criteria: [],
  passMark: null,
  rule: null,
  measuresId: null,
  measuresVersionNo: null,
};

describe('the basis of a pilot decision', () => {
  it('records the panel’s aggregate with the pass mark, the rule and the measures version', () => {
    expect(pilotDecisionBasis(AGGREGATE, REVIEW, MEASURES)).toEqual(SCORED);
  });

  it('records no sheets when the decision was taken without a review', () => {
    expect(pilotDecisionBasis(null, REVIEW, MEASURES)).toEqual({
      ...NOTHING,
      passMark: 70,
      rule: 'TRIMMED_MEAN',
      measuresId: 'm1',
      measuresVersionNo: 2,
    });
  });

  it.each<[string, unknown, PilotDecisionBasis]>([
    ['what a decision writes today', SCORED, SCORED],
    [
      'an older row that spread the aggregate with its application id',
      { ...AGGREGATE, ...REVIEW, rule: 'TRIMMED_MEAN', passMark: 70, measuresId: 'm1', measuresVersionNo: 2 },
      SCORED,
    ],
    [
      'a decision without sheets',
      { sheets: 0, passMark: 70, rule: 'NORMALISED_MEAN' },
      { ...NOTHING, passMark: 70, rule: 'NORMALISED_MEAN' },
    ],
    ['null', null, NOTHING],
    ['an array', [SCORED], NOTHING],
    [
      'junk in every field',
      {
        sheets: '5',
        total: 'high',
        passes: 'yes',
        rule: 'MEDIAN',
        criteria: [{ key: 'LUCK', value: 1 }, { key: 'INNOVATION_GOALS' }],
      },
      NOTHING,
    ],
    [
      'a criterion without its range',
      { criteria: [{ key: 'INNOVATION_GOALS', value: 80 }] },
      { ...NOTHING, criteria: [{ key: 'INNOVATION_GOALS', value: 80, min: 80, max: 80 }] },
    ],
  ])('reads %s', (_name, stored, expected) => {
    expect(parsePilotDecisionBasis(stored)).toEqual(expected);
    expect(PILOT_WORKFLOW.parseDecisionBasis(stored)).toEqual(expected);
  });
});
