import { EXPERT_DECLARATION, HUNAN_2016_PARAMETERS } from '@xiangmeng/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  draftApplication,
  PA,
  provincialPilot,
  seatPanel,
  verifiedInvestment,
  world,
} from './programme-application-client';
import { OWN_CRITERIA } from './programme-client';

// A programme sets its own review weights (defaulting to the measures'): its applications are
// scored on them, the expert's sheet shows them, and the total follows them.

type Seat = {
  id: string;
  programmeApplication: { id: string } | null;
  sheet: { id: string; version: number };
};
type Sheet = { scores: { key: string; weight: number }[]; total: number | null };

const INDUSTRY = 'SE0201';

async function scoredSheet(criteria: readonly { key: string; weight: number }[] | undefined) {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  const api: TestApi = await startTestApi({ clock });
  try {
    const w = await world(api, clock.now(), criteria ? { criteria } : {});
    const pilot = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, pilot, 5_000_000, 5_000_000);
    let a = await act(w.zzOfficer, await draftApplication(w, pilot), 'SUBMIT');
    a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
    a = await act(w.provOfficer, a, 'ACCEPT');
    const [expert] = await seatPanel(api, w, a.id, INDUSTRY);
    await act(w.provOfficer, a, 'START_REVIEW');
    const seat = dataOf(
      await expert!.send<{ myReviewAssignments: Seat[] }>(PA.mine),
    ).myReviewAssignments.find((s) => s.programmeApplication?.id === a.id)!;
    const declared = dataOf(
      await expert!.send<{ declareForReview: { version: number } }>(
        `mutation ($id: ID!, $v: String!) { declareForReview(assignmentId: $id, declarationVersion: $v) { version } }`,
        { id: seat.id, v: EXPERT_DECLARATION.version },
      ),
    ).declareForReview;
    // 100 on 创新目标 (a weight the programme moved), 60 on every other: the total shows which weights applied.
    const scores = HUNAN_2016_PARAMETERS.review.criteria.map((c) => ({
      key: c.key,
      score: scoreOf(c.key),
      comment: '',
    }));
    return dataOf(
      await expert!.send<{ saveReviewSheet: Sheet }>(
        `mutation ($input: SaveReviewSheetInput!) { saveReviewSheet(input: $input) { scores { key weight } total } }`,
        {
          input: {
            assignmentId: seat.id,
            version: declared.version,
            scores,
            overallOpinion: '方案可行',
            recommendation: 'SUPPORT',
            submit: false,
          },
        },
      ),
    ).saveReviewSheet;
  } finally {
    await api.close();
  }
}

const scoreOf = (key: string) => (key === 'INNOVATION_GOALS' ? 100 : 60);
const totalUnder = (criteria: readonly { key: string; weight: number }[]) =>
  criteria.reduce((sum, c) => sum + (scoreOf(c.key) * c.weight) / 100, 0);

describe('a programme scores on its own criteria weights', () => {
  let own: Sheet;
  let measures: Sheet;

  beforeAll(async () => {
    own = await scoredSheet(OWN_CRITERIA);
    measures = await scoredSheet(undefined);
  });
  it('shows the programme weights on the sheet and totals with them', () => {
    expect(own.scores.map((s) => ({ key: s.key, weight: s.weight }))).toEqual(OWN_CRITERIA);
    expect(own.total).toBeCloseTo(totalUnder(OWN_CRITERIA), 2);
  });

  it('falls back to the measures weights when the programme keeps them', () => {
    const defaults = HUNAN_2016_PARAMETERS.review.criteria.map((c) => ({ key: c.key, weight: c.weight }));
    expect(measures.scores.map((s) => ({ key: s.key, weight: s.weight }))).toEqual(defaults);
    expect(measures.total).toBeCloseTo(totalUnder(defaults), 2);
    expect(own.total).not.toBeCloseTo(measures.total!, 2);
  });
});
