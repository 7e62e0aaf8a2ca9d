import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictsOf, type Expert, type ReviewParties } from './conflicts.js';
import {
  checkPanel,
  describeShortfall,
  describeUnfilledSeat,
  type PanelRequest,
  proposePanel,
  type SeatBlockers,
} from './panel-proposal.js';

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

const subjectArb: fc.Arbitrary<ReviewParties> = fc.record({
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
    expect(proposal.panel.map((e) => e.id)).toEqual(['free', 'x2', 'busy']);
    expect(proposal.unfilled).toEqual([]);
  });

  it('fills the seats it can and says why the rest stay empty', () => {
    const pool = [expert('a', { affiliations: ['m1'] }), expert('b', { domains: ['HP01'] }), expert('c')];
    const proposal = proposePanel(
      pool,
      { memberOrganizationIds: ['m1'], recommendingOrganizationId: null },
      request(3),
    );
    expect(proposal.panel.map((e) => e.id)).toEqual(['c']);
    expect(proposal.unfilled.map((u) => u.seat)).toEqual([2, 3]);
    expect(proposal.unfilled[0]!.blockers).toMatchObject({ domainExperts: 1, affiliatedWithMember: 1 });
    expect(proposal.shortfall).toMatchObject({
      pool: 3,
      conflicted: 1,
      outsideDomain: 1,
      eligible: 1,
      affiliationsOverlap: false,
    });
    expect(describeShortfall(proposal.shortfall!, 3)).toContain('符合条件的只有 1 名');
  });

  const parties: ReviewParties = { memberOrganizationIds: ['m1', 'm2'], recommendingOrganizationId: 'rec' };
  it.each<[string, Expert[], number, Partial<SeatBlockers>]>([
    ['a complete panel', [expert('a'), expert('b'), expert('c')], 3, {}],
    [
      'every other domain expert conflicted with a member',
      [
        expert('a'),
        expert('b'),
        expert('m', { affiliations: ['m1'] }),
        expert('n', { affiliations: ['m2'] }),
      ],
      3,
      { domainExperts: 2, affiliatedWithMember: 2 },
    ],
    [
      'one tied to the recommending bureau, one declared, one unavailable',
      [
        expert('a'),
        expert('r', { affiliations: ['rec'] }),
        expert('d', { declaredConflicts: ['m1'] }),
        expert('u', { available: false }),
      ],
      2,
      { domainExperts: 3, affiliatedWithRecommender: 1, declaredConflict: 1, unavailable: 1 },
    ],
    [
      'two eligible of one organization: only one seated',
      [expert('x1', { affiliations: ['u'] }), expert('x2', { affiliations: ['u'] })],
      2,
      { domainExperts: 1, sameOrganization: 1 },
    ],
    [
      'capped and out of domain',
      [expert('a'), expert('cap', { reviewsThisYear: 4 }), expert('o', { domains: ['HP01'] })],
      2,
      { domainExperts: 1, overYearlyCap: 1 },
    ],
    ['an empty pool', [], 2, { domainExperts: 0 }],
  ])('%s', (_name, pool, size, blockers) => {
    const proposal = proposePanel(pool, parties, request(size));
    const filled = Math.min(size, proposal.panel.length);
    expect(checkPanel(proposal.panel, parties, { ...request(size), size: filled })).toEqual([]);
    expect(proposal.unfilled).toHaveLength(size - filled);
    expect(proposal.shortfall === null).toBe(proposal.unfilled.length === 0);
    for (const seat of proposal.unfilled) expect(seat.blockers).toMatchObject(blockers);
  });

  it.each<[Partial<SeatBlockers>, string]>([
    [{ domainExperts: 0 }, '专家库中没有其他新材料领域的专家'],
    [{ domainExperts: 3, affiliatedWithMember: 3 }, '该领域其余 3 名专家均任职于申报联盟的成员单位'],
    [
      { domainExperts: 3, affiliatedWithRecommender: 1, overYearlyCap: 2 },
      '该领域其余 3 名专家中，1 名任职于推荐单位，2 名已达年度评审上限',
    ],
    [{ domainExperts: 1, sameOrganization: 1 }, '该领域其余 1 名专家均与已选专家同在一个单位'],
  ])('describes an empty seat: %j', (partial, reason) => {
    const blockers: SeatBlockers = {
      domainExperts: 0,
      unavailable: 0,
      affiliatedWithMember: 0,
      affiliatedWithRecommender: 0,
      declaredConflict: 0,
      overYearlyCap: 0,
      sameOrganization: 0,
      ...partial,
    };
    const described = describeUnfilledSeat({ seat: 3, blockers }, '新材料');
    expect(described.reason).toBe(reason);
    expect(described.requirement).toContain('新材料领域');
  });

  it('never proposes a panel with a problem, nor a conflicted expert', () => {
    fc.assert(
      fc.property(
        fc.array(expertArb, { maxLength: 10 }),
        subjectArb,
        fc.integer({ min: 1, max: 4 }),
        (pool, subject, size) => {
          const proposal = proposePanel(pool, subject, request(size));
          const filled = { ...request(size), size: proposal.panel.length };
          expect(checkPanel(proposal.panel, subject, filled)).toEqual([]);
          for (const e of proposal.panel) expect(conflictsOf(e, subject)).toEqual([]);
          expect(proposal.panel.length + proposal.unfilled.length).toBe(size);
        },
      ),
    );
  });

  it('never misses a valid panel, and seats as many as any combination can (checked against every combination)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(expertArb, { selector: (e) => e.id, maxLength: 8 }),
        subjectArb,
        fc.integer({ min: 1, max: 4 }),
        (pool, subject, size) => {
          const exists = combinations(pool, size).some(
            (panel) => checkPanel(panel, subject, request(size)).length === 0,
          );
          const proposal = proposePanel(pool, subject, request(size));
          expect(proposal.unfilled.length === 0).toBe(exists);
          const largest = [...Array(size + 1).keys()]
            .reverse()
            .find((k) =>
              combinations(pool, k).some((panel) => checkPanel(panel, subject, request(k)).length === 0),
            );
          expect(proposal.panel.length).toBe(largest);
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
