import { describe, expect, it } from 'vitest';
import { programmeDecisionLetter, type ProgrammeDecisionFacts } from './programme-decision-letter.js';

const facts: ProgrammeDecisionFacts = {
  awarded: true,
  authorityName: '湖南省科学技术厅',
  applicantBureauName: '株洲市科学技术局',
  programmeName: '2027年省级科技计划',
  callTitle: '2027年度项目申报通知',
  allianceName: '株洲轨道交通装备产业技术创新战略联盟',
  title: '永磁牵引系统攻关',
  awardFen: '123456789',
  recognition: false,
  reason: null,
  decidedOn: '2027-06-01',
};

describe('programmeDecisionLetter', () => {
  it('states the support awarded in yuan from fen, addressed to the city and signed by the authority', () => {
    const letter = programmeDecisionLetter(facts);
    expect(letter.department).toBe('湖南省科学技术厅');
    expect(letter.title).toBe('关于「永磁牵引系统攻关」予以立项的决定');
    expect(letter.addressee).toBe('株洲市科学技术局：');
    expect(letter.paragraphs).toEqual([
      '你单位株洲轨道交通装备产业技术创新战略联盟申报的「永磁牵引系统攻关」（2027年省级科技计划，2027年度项目申报通知），经审查，决定予以立项，支持经费 1,234,567.89 元。',
      '特此决定。',
    ]);
    expect([letter.signatory, letter.date]).toEqual(['湖南省科学技术厅', '2027年6月1日']);
  });

  it.each([
    [{ awarded: false, awardFen: null, reason: '经费测算依据不足' }, '不予立项的决定', '经费测算依据不足'],
    [{ awarded: true, awardFen: null, recognition: true, reason: null }, '予以认定的决定', null],
    [{ awarded: false, awardFen: null, recognition: true, reason: '场地不符' }, '不予认定的决定', '场地不符'],
  ] as const)('a decline gives its reason and a recognition names no money (%o)', (change, title, reason) => {
    const letter = programmeDecisionLetter({ ...facts, ...change });
    expect(letter.title).toContain(title);
    expect(letter.paragraphs[0]).not.toContain('支持经费');
    expect(letter.paragraphs).toEqual(
      reason ? [expect.any(String), reason, '特此决定。'] : [expect.any(String), '特此决定。'],
    );
  });
});
