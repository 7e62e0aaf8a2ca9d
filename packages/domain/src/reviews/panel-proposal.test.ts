import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictsOf, type Expert, type ReviewSubject } from './conflicts.js';
import { checkPanel, describeShortfall, type PanelRequest, proposePanel } from './panel-proposal.js';

const orgs = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'];

const expertArb = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom('王', '李', '张', '刘', '陈'),
  domains: fc.subarray(['HP01', 'SE02', 'SE0204'], { minLength: 1 }),
  affiliations: fc.subarray(orgs, { maxLength: 2 }),
  declaredConflicts: fc.subarray(orgs, { maxLength: 1 }),
  available: fc.boolean(),
  reviewsThisYear: fc.nat(5),
});

const subjectArb: fc.Arbitrary<ReviewSubject> = fc.record({
  memberOrganizationIds: fc.subarray(orgs, { maxLength: 2 }),
  recommendingOrganizationId: fc.constantFrom(null, 'o6'),
});

const request = (size: number): PanelRequest => ({
  size,
  acceptedDomains: ['SE02', 'SE0204'],
  maxReviewsPerYear: 4,
});

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((item, i) => combinations(items.slice(i + 1), k - 1).map((rest) => [item, ...rest]));
}

const expert = (id: string, extra: Partial<Expert> = {}): Expert => ({
  id,
  name: id,
  domains: ['SE0204'],
  affiliations: [],
  declaredConflicts: [],
  available: true,
  reviewsThisYear: 0,
  ...extra,
});

describe('conflicts of interest', () => {
  it.each([
    [expert('a', { affiliations: ['m1'] }), ['AFFILIATED_WITH_MEMBER']],
    [expert('b', { affiliations: ['rec'] }), ['AFFILIATED_WITH_RECOMMENDER']],
    [expert('c', { declaredConflicts: ['m2'] }), ['DECLARED_CONFLICT']],
    [expert('d', { declaredConflicts: ['rec'], affiliations: ['other'] }), ['DECLARED_CONFLICT']],
    [expert('e', { affiliations: ['other'] }), []],
  ])('%s → %j', (e, codes) => {
    expect(
      conflictsOf(e, { memberOrganizationIds: ['m1', 'm2'], recommendingOrganizationId: 'rec' }).map(
        (c) => c.code,
      ),
    ).toEqual(codes);
  });
});

describe('panel proposal', () => {
  it('takes the least loaded experts first, one per organization', () => {
    const pool = [
      expert('busy', { reviewsThisYear: 3 }),
      expert('x1', { affiliations: ['u1'], reviewsThisYear: 1 }),
      expert('x2', { affiliations: ['u1'], reviewsThisYear: 0 }),
      expert('free'),
    ];
    const proposal = proposePanel(
      pool,
      { memberOrganizationIds: [], recommendingOrganizationId: null },
      request(3),
    );
    expect(proposal.panel?.map((e) => e.id)).toEqual(['free', 'x2', 'busy']);
  });

  it('explains why no panel exists', () => {
    const pool = [expert('a', { affiliations: ['m1'] }), expert('b', { domains: ['HP01'] }), expert('c')];
    const proposal = proposePanel(
      pool,
      { memberOrganizationIds: ['m1'], recommendingOrganizationId: null },
      request(3),
    );
    expect(proposal.panel).toBeNull();
    expect(proposal.shortfall).toMatchObject({
      pool: 3,
      conflicted: 1,
      outsideDomain: 1,
      eligible: 1,
      affiliationsOverlap: false,
    });
    expect(describeShortfall(proposal.shortfall!, 3)).toContain('符合条件的只有 1 名');
  });

  it('never proposes a panel with a problem, nor a conflicted expert', () => {
    fc.assert(
      fc.property(
        fc.array(expertArb, { maxLength: 10 }),
        subjectArb,
        fc.integer({ min: 1, max: 4 }),
        (pool, subject, size) => {
          const proposal = proposePanel(pool, subject, request(size));
          if (proposal.panel) {
            expect(checkPanel(proposal.panel, subject, request(size))).toEqual([]);
            for (const e of proposal.panel) expect(conflictsOf(e, subject)).toEqual([]);
          }
        },
      ),
    );
  });

  it('never misses a valid panel (checked against every combination)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(expertArb, { selector: (e) => e.id, maxLength: 8 }),
        subjectArb,
        fc.integer({ min: 1, max: 4 }),
        (pool, subject, size) => {
          const exists = combinations(pool, size).some(
            (panel) => checkPanel(panel, subject, request(size)).length === 0,
          );
          expect(proposePanel(pool, subject, request(size)).panel !== null).toBe(exists);
        },
      ),
    );
  });

  it('names each problem of a hand-picked panel', () => {
    const subject = { memberOrganizationIds: ['m1'], recommendingOrganizationId: null };
    const problems = checkPanel(
      [
        expert('a', { affiliations: ['m1'] }),
        expert('b', { affiliations: ['u'] }),
        expert('c', { affiliations: ['u'], reviewsThisYear: 9 }),
      ],
      subject,
      request(3),
    ).map((p) => p.code);
    expect(problems.sort()).toEqual(['CONFLICT', 'OVER_YEARLY_CAP', 'SHARED_AFFILIATION']);
  });
});
