import { describe, expect, it } from 'vitest';
import { officialDate, pilotDecisionLetter, type PilotDecisionFacts } from './pilot-decision-letter.js';

const facts: PilotDecisionFacts = {
  approved: true,
  authorityName: '湖南省科学技术厅',
  applicantBureauName: '株洲市科学技术局',
  allianceName: '株洲轨道交通装备产业技术创新战略联盟',
  level: 'PROVINCIAL',
  callTitle: '2027年度省级试点联盟申报',
  basis: null,
  noticeStartsOn: null,
  noticeEndsOn: null,
  reason: '依据专家评审意见',
  decidedOn: '2027-03-05',
};

describe('pilotDecisionLetter', () => {
  it.each([
    ['2027-03-15', '2027年3月15日'],
    ['2027-12-01T00:00:00Z', '2027年12月1日'],
    [null, '—'],
    ['', '—'],
  ])('writes %s as %s', (date, written) => {
    expect(officialDate(date)).toBe(written);
  });

  it('addresses the applicant city and is signed by the authority on the day of the decision', () => {
    const letter = pilotDecisionLetter(facts);
    expect(letter.title).toBe('关于确认株洲轨道交通装备产业技术创新战略联盟为省级试点联盟的决定');
    expect(letter.addressee).toBe('株洲市科学技术局：');
    expect(letter.paragraphs).toEqual([
      '你单位推荐的株洲轨道交通装备产业技术创新战略联盟申报省级试点（2027年度省级试点联盟申报），经形式审查，决定确认其为省级产业技术创新战略联盟试点。',
      '依据专家评审意见',
      '特此决定。',
    ]);
    expect([letter.signatory, letter.date]).toEqual(['湖南省科学技术厅', '2027年3月5日']);
  });

  it('names the review and the notice it rests on, and a decline says so', () => {
    const letter = pilotDecisionLetter({
      ...facts,
      approved: false,
      reason: null,
      noticeStartsOn: '2027-02-01',
      noticeEndsOn: '2027-02-07',
      basis: { sheets: 5, total: 71.456, passMark: 75 } as PilotDecisionFacts['basis'],
    });
    expect(letter.title).toContain('不予确认');
    expect(letter.paragraphs[0]).toContain('专家评审（5 份评分表，汇总总分 71.46 分，合格线 75.00 分）');
    expect(letter.paragraphs[0]).toContain('和公示（2027年2月1日至2027年2月7日），决定不予确认。');
    expect(letter.paragraphs).toHaveLength(2);
  });
});
