import { describe, expect, it } from 'vitest';
import { REVIEW_CRITERIA } from '../measures/measures-parameters.js';
import {
  confirmsCurrentDeclaration,
  declarationState,
  EXPERT_DECLARATION,
  REVIEW_CRITERION_DESCRIPTIONS,
  REVIEW_SCORE_SCALE_TEXT,
  scoreBand,
} from './expert-declaration.js';

describe('declarationState', () => {
  it.each([
    [null, 'REQUIRED'],
    [EXPERT_DECLARATION.version, 'DECLARED'],
    // A confirmation of an earlier text still covers the sheet it was given on.
    ['2020-01', 'DECLARED'],
  ] as const)('confirmed %s → %s', (version, expected) => {
    expect(declarationState(version)).toBe(expected);
  });
});

describe('confirmsCurrentDeclaration', () => {
  it.each([
    [EXPERT_DECLARATION.version, true],
    ['2020-01', false],
    ['', false],
  ])('%s → %s', (version, expected) => {
    expect(confirmsCurrentDeclaration(version)).toBe(expected);
  });
});

describe('scoreBand', () => {
  it.each([
    [100, '优秀'],
    [90, '优秀'],
    [89.9, '良好'],
    [75, '良好'],
    [74.5, '一般'],
    [60, '一般'],
    [59.9, '较差'],
    [0, '较差'],
  ])('%s → %s', (score, expected) => {
    expect(scoreBand(score)).toBe(expected);
  });

  it('describes the scale in one line', () => {
    expect(REVIEW_SCORE_SCALE_TEXT).toBe('90–100 分：优秀；75–89 分：良好；60–74 分：一般；0–59 分：较差');
  });
});

it('describes every criterion of Art. 11', () => {
  for (const key of REVIEW_CRITERIA) expect(REVIEW_CRITERION_DESCRIPTIONS[key].length).toBeGreaterThan(10);
});
