import { describe, expect, it } from 'vitest';
import {
  PROGRAMME_DOCUMENT_KIND_LABELS,
  PROGRAMME_KIND_LABELS,
  PROGRAMME_KIND_LIST,
  PROGRAMME_KINDS,
  programmeKindOf,
  ProgrammeKind,
} from './programme-kinds.js';

const chinese = /[\u4e00-\u9fa5]/;

describe('the programme kinds', () => {
  it('holds the two kinds of Art. 14, platform recognition (Art. 15) and international cooperation (Art. 16)', () => {
    expect(PROGRAMME_KIND_LIST).toEqual([
      'PLAN_PROJECT',
      'SPECIAL_FUND',
      'INTERNATIONAL_COOPERATION',
      'PLATFORM_RECOGNITION',
    ]);
    expect(PROGRAMME_KIND_LABELS).toEqual({
      PLAN_PROJECT: '省级科技计划项目',
      SPECIAL_FUND: '湖南省产学研结合专项',
      INTERNATIONAL_COOPERATION: '国际科技合作项目',
      PLATFORM_RECOGNITION: '创新平台认定',
    });
  });

  it.each(Object.values(ProgrammeKind))('describes %s completely', (kind) => {
    const info = PROGRAMME_KINDS[kind];
    expect(info.label).toMatch(chinese);
    expect(info.article).toMatch(/^第.+条/);
    expect(info.sections.length).toBeGreaterThan(0);
    const keys = info.sections.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of info.sections) {
      expect(s.label).toMatch(chinese);
      expect(s.maxChars).toBeGreaterThan(0);
    }
    expect(info.requiredDocuments.length).toBeGreaterThan(0);
    // Art. 18 asks for the commitment letter; the eligibility check names it, not the call.
    expect(info.requiredDocuments).not.toContain('COMMITMENT_LETTER');
  });

  it.each<[ProgrammeKind, boolean, boolean, boolean, number]>([
    ['PLAN_PROJECT', true, true, false, 0],
    ['SPECIAL_FUND', true, true, false, 0],
    // Art. 16 supports alliances undertaking through their member units, pilots or not.
    ['INTERNATIONAL_COOPERATION', false, false, true, 3],
  ])(
    '%s: pilots only %s, prior investment %s, member units only %s, %i particulars',
    (kind, pilots, prior, members, n) => {
      expect(PROGRAMME_KINDS[kind]).toMatchObject({
        pilotsOnly: pilots,
        matchesPriorInvestment: prior,
        ipTermsRequired: true,
        memberUnitsOnly: members,
        chairUnitResponsible: true,
        outcome: 'PROJECT',
      });
      expect(PROGRAMME_KINDS[kind].particulars).toHaveLength(n);
    },
  );

  it('recognises platforms from pilots without money, match ratio or the chair unit rule', () => {
    expect(PROGRAMME_KINDS.PLATFORM_RECOGNITION).toMatchObject({
      article: '第十五条',
      outcome: 'PLATFORM',
      pilotsOnly: true,
      matchesPriorInvestment: false,
      ipTermsRequired: false,
      chairUnitResponsible: false,
    });
  });

  it('has a Chinese label for every document kind', () => {
    for (const label of Object.values(PROGRAMME_DOCUMENT_KIND_LABELS)) expect(label).toMatch(chinese);
  });

  it.each<[unknown, ProgrammeKind | null]>([
    ['PLAN_PROJECT', 'PLAN_PROJECT'],
    ['SPECIAL_FUND', 'SPECIAL_FUND'],
    ['INTERNATIONAL_COOPERATION', 'INTERNATIONAL_COOPERATION'],
    ['PLATFORM', null],
    ['toString', null],
    [null, null],
    [3, null],
  ])('reads the stored code %j as %j', (code, kind) => {
    expect(programmeKindOf(code)).toBe(kind);
  });
});
