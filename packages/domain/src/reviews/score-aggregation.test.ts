import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HUNAN_2016_PARAMETERS,
  REVIEW_CRITERIA,
  type ReviewCriterionKey,
} from '../measures/measures-parameters.js';
import { aggregateScores, type ScoreSheet, sheetProblems, sheetTotal } from './score-aggregation.js';

const review = HUNAN_2016_PARAMETERS.review;
const uniform = (score: number) =>
  Object.fromEntries(REVIEW_CRITERIA.map((k) => [k, score])) as Record<ReviewCriterionKey, number>;
const sheet = (applicationId: string, expertId: string, score: number): ScoreSheet => ({
  applicationId,
  expertId,
  scores: uniform(score),
});

describe('score aggregation', () => {
  it('weights the eight criteria by the measures', () => {
    const scores = { ...uniform(0), IMPORTANCE: 100 };
    expect(sheetTotal({ applicationId: 'a', expertId: 'e', scores }, review)).toBe(15);
  });

  it('drops the highest and lowest totals with five sheets or more', () => {
    const sheets = [90, 80, 80, 80, 10].map((s, i) => sheet('a', `e${i}`, s));
    const [a] = aggregateScores(sheets, review);
    expect(a).toMatchObject({ trimmed: true, total: 80, totalSpread: 80, passes: true });
  });

  it('keeps every sheet below five', () => {
    const [a] = aggregateScores(
      [90, 80, 10].map((s, i) => sheet('a', `e${i}`, s)),
      review,
    );
    expect(a).toMatchObject({ trimmed: false, total: 60, passes: false });
  });

  it('ranks applications, ties sharing a rank', () => {
    const sheets = [sheet('a', 'e1', 70), sheet('b', 'e1', 90), sheet('c', 'e1', 70)];
    expect(aggregateScores(sheets, review).map((x) => [x.applicationId, x.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
    ]);
  });

  it('evens out a lenient expert under per-expert normalisation', () => {
    const normalising = { ...review, aggregation: 'NORMALISED_MEAN' as const };
    // e1 scores everything 20 points higher than e2; both agree b is better than a.
    const sheets = [sheet('a', 'e1', 80), sheet('b', 'e1', 90), sheet('a', 'e2', 60), sheet('b', 'e2', 70)];
    const result = aggregateScores(sheets, normalising);
    const a = result.find((x) => x.applicationId === 'a')!;
    const b = result.find((x) => x.applicationId === 'b')!;
    expect(b.total).toBeGreaterThan(a.total);
    expect(aggregateScores([sheet('a', 'e1', 80), sheet('a', 'e2', 60)], normalising)[0]!.total).toBeCloseTo(
      70,
      5,
    );
  });

  it('keeps every aggregate within the range of its sheets', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 9 }), (scores) => {
        const [a] = aggregateScores(
          scores.map((s, i) => sheet('a', `e${i}`, s)),
          review,
        );
        expect(a!.total).toBeGreaterThanOrEqual(Math.min(...scores) - 0.01);
        expect(a!.total).toBeLessThanOrEqual(Math.max(...scores) + 0.01);
        expect(a!.passes).toBe(a!.total >= review.passMark);
      }),
    );
  });

  it('does not change when sheets arrive in another order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 9 }), (scores) => {
        const sheets = scores.map((s, i) => sheet('a', `e${i}`, s));
        expect(aggregateScores([...sheets].reverse(), review)).toEqual(aggregateScores(sheets, review));
      }),
    );
  });

  it.each([
    [uniform(80), []],
    [{ ...uniform(80), BUDGET: 101 }, ['BUDGET']],
    [{ ...uniform(80), IMPORTANCE: -1, NECESSITY: Number.NaN }, ['IMPORTANCE', 'NECESSITY']],
  ])('sheet problems %#', (scores, expected) => {
    expect(sheetProblems(scores)).toEqual(expected);
  });
});
