import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  evaluate,
  type EvaluationScheme,
  evaluationConsequence,
  evaluationSchemeProblems,
  evaluationScoreViolations,
  evaluationSheetViolations,
  gradeOf,
  rectificationDeadline,
} from './graded-evaluation.js';
import { PLATFORM_KINDS } from './platform-kinds.js';

const scheme: EvaluationScheme = {
  criteria: [
    { key: 'a', label: '甲', weight: 60 },
    { key: 'b', label: '乙', weight: 40 },
  ],
  bands: [
    { grade: 'EXCELLENT', minTotal: 90 },
    { grade: 'PASS', minTotal: 70 },
    { grade: 'FAIL', minTotal: 0 },
  ],
  trimWhenAtLeast: 5,
  minSheets: 3,
  rectificationMonths: 12,
};
const sheet = (expertName: string, a: number, b: number) => ({ expertName, scores: { a, b } });

describe('grade bands', () => {
  it.each([
    [100, 'EXCELLENT'],
    [90, 'EXCELLENT'],
    [89.99, 'PASS'],
    [70, 'PASS'],
    [69.99, 'FAIL'],
    [0, 'FAIL'],
  ] as const)('a total of %s is %s', (total, grade) => {
    expect(gradeOf(scheme, total)).toBe(grade);
  });
});

describe('evaluation from sheets', () => {
  it.each([
    [
      'three sheets, plain mean',
      [sheet('张', 100, 100), sheet('李', 80, 80), sheet('王', 60, 60)],
      80,
      'PASS',
      false,
    ],
    [
      'weighted: 60 % of 100, 40 % of 50',
      [sheet('张', 100, 50), sheet('李', 100, 50), sheet('王', 100, 50)],
      80,
      'PASS',
      false,
    ],
    [
      'five sheets drop the highest and lowest total',
      [
        sheet('一', 100, 100),
        sheet('二', 92, 92),
        sheet('三', 91, 91),
        sheet('四', 90, 90),
        sheet('五', 0, 0),
      ],
      91,
      'EXCELLENT',
      true,
    ],
    [
      'below the pass floor',
      [sheet('张', 60, 70), sheet('李', 65, 65), sheet('王', 70, 61)],
      65.13,
      'FAIL',
      false,
    ],
  ] as const)('%s', (_case, sheets, total, grade, trimmed) => {
    const result = evaluate(scheme, sheets);
    expect(result.total).toBe(total);
    expect(result.grade).toBe(grade);
    expect(result.trimmed).toBe(trimmed);
  });
});

describe('sheet violations', () => {
  it.each([
    ['too few sheets', [sheet('张', 1, 1)], ['sheets:MIN_SHEETS']],
    [
      'a score above 100',
      [sheet('张', 101, 1), sheet('李', 1, 1), sheet('王', 1, 1)],
      ['sheets.0.scores.a:SCORE_RANGE'],
    ],
    [
      'a missing score',
      [{ expertName: '张', scores: { a: 1 } }, sheet('李', 1, 1), sheet('王', 1, 1)],
      ['sheets.0.scores.b:SCORE_RANGE'],
    ],
    [
      'an unknown criterion',
      [{ expertName: '张', scores: { a: 1, b: 1, c: 1 } }, sheet('李', 1, 1), sheet('王', 1, 1)],
      ['sheets.0.scores.c:UNKNOWN_CRITERION'],
    ],
    [
      'the same expert twice',
      [sheet('张', 1, 1), sheet('张', 1, 1), sheet('王', 1, 1)],
      ['sheets.1.expertName:DUPLICATE'],
    ],
    ['no name', [sheet(' ', 1, 1), sheet('李', 1, 1), sheet('王', 1, 1)], ['sheets.0.expertName:REQUIRED']],
    ['valid', [sheet('张', 0, 100), sheet('李', 1, 1), sheet('王', 1, 1)], []],
  ] as const)('%s', (_case, sheets, expected) => {
    expect(evaluationSheetViolations(scheme, sheets).map((x) => `${x.field}:${x.rule}`)).toEqual(expected);
  });
});

describe('consequences of a grade', () => {
  it.each([
    ['ACTIVE', 'EXCELLENT', 'ACTIVE', false],
    ['ACTIVE', 'PASS', 'ACTIVE', false],
    ['ACTIVE', 'FAIL', 'RECTIFYING', true],
    ['RECTIFYING', 'EXCELLENT', 'ACTIVE', false],
    ['RECTIFYING', 'PASS', 'ACTIVE', false],
    ['RECTIFYING', 'FAIL', 'REMOVED', false],
  ] as const)('%s graded %s → %s', (standing, grade, next, rectification) => {
    expect(evaluationConsequence(standing, grade)).toMatchObject({ next, rectification });
  });
  it.each(['EXCELLENT', 'PASS', 'FAIL'] as const)('a removed one is not evaluated (%s)', (grade) => {
    expect(evaluationConsequence('REMOVED', grade)).toBeNull();
  });
});

describe('rectification deadline on the China calendar', () => {
  it.each([
    ['2027-03-15', 12, '2028-03-15'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2027-12-31', 12, '2028-12-31'],
    ['2027-06-30', 6, '2027-12-30'],
  ] as const)('%s + %s months = %s', (from, months, to) => {
    expect(addCalendarMonths(from, months)).toBe(to);
  });
  it('a 不合格 gives one year', () => {
    expect(rectificationDeadline(scheme, '2026-12-06')).toBe('2027-12-06');
  });
});

describe('the schemes kept as data are sound', () => {
  it.each(Object.entries(PLATFORM_KINDS))('%s', (_kind, info) => {
    expect(evaluationSchemeProblems(info.evaluation)).toEqual([]);
  });
  it.each([
    [
      'weights not 100',
      { ...scheme, criteria: [{ key: 'a', label: '甲', weight: 50 }] },
      'weights sum to 50, not 100',
    ],
    [
      'bands ascending',
      {
        ...scheme,
        bands: [
          { grade: 'FAIL', minTotal: 0 },
          { grade: 'PASS', minTotal: 70 },
        ],
      },
      'bands not descending',
    ],
  ] as const)('%s', (_case, bad, problem) => {
    expect(evaluationSchemeProblems(bad as EvaluationScheme)).toContain(problem);
  });
});

describe("one expert's scores (a round's sheet)", () => {
  it.each([
    ['every criterion in range', { a: 0, b: 100 }, []],
    ['one missing', { a: 80 }, ['scores.b:SCORE_RANGE']],
    ['out of range', { a: -1, b: 100.5 }, ['scores.a:SCORE_RANGE', 'scores.b:SCORE_RANGE']],
    ['not a number', { a: Number.NaN, b: 50 }, ['scores.a:SCORE_RANGE']],
    ['a criterion the scheme does not have', { a: 50, b: 50, c: 50 }, ['scores.c:UNKNOWN_CRITERION']],
  ] as const)('%s', (_name, scores, expected) => {
    expect(evaluationScoreViolations(scheme, scores).map((v) => `${v.field}:${v.rule}`)).toEqual(expected);
  });
});
