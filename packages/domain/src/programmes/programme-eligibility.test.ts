import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HUNAN_2016_PARAMETERS } from '../measures/measures-parameters.js';
import type { Debarment } from './debarment.js';
import {
  lowestRankFor,
  PilotRank,
  pilotRankOf,
  type ProgrammeEligibilityFacts,
  programmeEligibilityViolations,
} from './programme-eligibility.js';
import type { PriorInvestment } from './prior-investment.js';

const yuan = (n: number | bigint) => (BigInt(n) * 100n).toString();
const ZHUZHOU = '430200';
const CHANGSHA = '430100';

const verified = (declaredYuan: number, verifiedYuan: number | null): PriorInvestment => ({
  description: '中试线建设',
  declaredFen: yuan(declaredYuan),
  evidenceDocumentCount: 2,
  verification:
    verifiedYuan === null
      ? null
      : {
          verifiedFen: yuan(verifiedYuan),
          reason: verifiedYuan < declaredYuan ? '核减' : null,
          verifiedOn: '2027-04-01',
        },
});

const chair = { organizationId: 'org-chair', name: '株洲轨道交通装备有限公司' };

// The story's 株洲 provincial pilot: ¥5,000,000 declared, ¥4,000,000 verified, asking ¥3,000,000.
const facts: ProgrammeEligibilityFacts = {
  asOf: '2027-05-10',
  stage: 'SUBMISSION',
  programme: {
    tenantId: 'province',
    level: 'PROVINCE',
    kind: 'PLAN_PROJECT',
    perProjectCapFen: yuan(5_000_000),
  },
  alliance: {
    tenantId: ZHUZHOU,
    status: 'ESTABLISHED',
    pilotStatus: 'PROVINCIAL_PILOT',
    nationalPilot: false,
  },
  memberOrganizationIds: ['org-chair', 'org-university'],
  chairUnit: chair,
  application: {
    responsibleUnit: chair,
    participants: [
      { ...chair, task: '总体设计与集成' },
      { organizationId: 'org-university', name: '湘潭大学', task: '材料研究' },
    ],
    ipTerms: {
      ownership: '归完成单位所有',
      licensing: '优先许可省内单位实施',
      benefitShares: [
        { organizationId: 'org-chair', name: chair.name, basisPoints: 7000 },
        { organizationId: 'org-university', name: '湘潭大学', basisPoints: 3000 },
      ],
      onDissolution: '由承担单位承继',
      onMemberExit: '退出单位保留非独占实施权',
    },
    documentKinds: ['APPLICATION_FORM', 'COMMITMENT_LETTER'],
  },
  supportFen: yuan(3_000_000),
  agreement: {
    version: 2,
    ownership: '成果归完成单位',
    licensing: '联盟内优先许可',
    benefitSharing: '按投入分配',
    onDissolution: '解散时协商处理',
    onMemberExit: '退出时保留已得权益',
  },
  priorInvestments: [verified(5_000_000, 4_000_000)],
  debarments: [],
};

const debarment: Debarment = {
  organizationId: 'org-university',
  organizationName: '湘潭大学',
  reason: '违反知识产权收益分配约定',
  article: '第二十条第（二）项',
  decisionDocument: '湘科计〔2026〕40号',
  fromDate: '2026-09-01',
  untilDate: '2031-09-01',
  lifted: null,
};

const check = (f: ProgrammeEligibilityFacts, p = HUNAN_2016_PARAMETERS) =>
  programmeEligibilityViolations(f, p);
const rules = (f: ProgrammeEligibilityFacts) => check(f).map((v) => `${v.field} ${v.rule}`);
const withAlliance = (change: Partial<ProgrammeEligibilityFacts['alliance']>) => ({
  ...facts,
  alliance: { ...facts.alliance, ...change },
});
const cityProgramme = (change: Partial<ProgrammeEligibilityFacts['alliance']> = {}) => ({
  ...withAlliance(change),
  programme: { ...facts.programme, tenantId: ZHUZHOU, level: 'CITY' as const },
});

describe('the pilot’s level (Art. 14)', () => {
  it.each<[string, ProgrammeEligibilityFacts]>([
    ['a provincial pilot, to the province', facts],
    ['a national pilot, to the province', withAlliance({ pilotStatus: 'CITY_PILOT', nationalPilot: true })],
    ['a city pilot, to its city', cityProgramme({ pilotStatus: 'CITY_PILOT' })],
    ['a provincial pilot, to its city', cityProgramme()],
    ['a national pilot, to its city', cityProgramme({ pilotStatus: 'NONE', nationalPilot: true })],
  ])('accepts %s', (_name, f) => {
    expect(check(f)).toEqual([]);
  });

  it.each<[string, ProgrammeEligibilityFacts, string[]]>([
    [
      'a city pilot, to the province',
      withAlliance({ pilotStatus: 'CITY_PILOT' }),
      ['allianceId PILOT_LEVEL'],
    ],
    ['no pilot, to the province', withAlliance({ pilotStatus: 'NONE' }), ['allianceId PILOT_LEVEL']],
    ['no pilot, to its city', cityProgramme({ pilotStatus: 'NONE' }), ['allianceId PILOT_LEVEL']],
    ['an alliance still forming', withAlliance({ status: 'FORMING' }), ['allianceId PILOT_LEVEL']],
    ['a dissolved alliance', withAlliance({ status: 'DISSOLVED' }), ['allianceId DISSOLVED']],
    [
      'another city’s alliance, to a city',
      cityProgramme({ tenantId: CHANGSHA }),
      ['allianceId NOT_OWN_REGISTER'],
    ],
  ])('refuses %s', (_name, f, expected) => {
    expect(rules(f)).toEqual(expected);
  });

  it('says which pilots the province takes and what the alliance is', () => {
    expect(check(withAlliance({ pilotStatus: 'CITY_PILOT' }))[0]?.message).toBe(
      '省级计划只支持经省科技厅批准的省级或国家级试点联盟，该联盟现为「市级试点」（第十四条）',
    );
  });

  it('ranks a higher confirmation above a lower one', () => {
    expect(pilotRankOf('NONE', false)).toBe(PilotRank.NONE);
    expect(pilotRankOf('CITY_PILOT', false)).toBe(PilotRank.CITY);
    expect(pilotRankOf('PROVINCIAL_PILOT', false)).toBe(PilotRank.PROVINCIAL);
    expect(pilotRankOf('CITY_PILOT', true)).toBe(PilotRank.NATIONAL);
    expect(lowestRankFor('PROVINCE')).toBe(PilotRank.PROVINCIAL);
    expect(lowestRankFor('CITY')).toBe(PilotRank.CITY);
  });
});

describe('the responsible unit (Art. 18)', () => {
  it.each<[string, ProgrammeEligibilityFacts, string[]]>([
    [
      'another member as responsible unit',
      {
        ...facts,
        application: {
          ...facts.application,
          responsibleUnit: { organizationId: 'org-university', name: '湘潭大学' },
        },
      },
      ['responsibleUnit NOT_CHAIR_UNIT'],
    ],
    [
      'no responsible unit',
      { ...facts, application: { ...facts.application, responsibleUnit: null } },
      ['responsibleUnit NOT_CHAIR_UNIT'],
    ],
    ['an alliance without chair unit', { ...facts, chairUnit: null }, ['responsibleUnit NO_CHAIR_UNIT']],
    [
      'no commitment letter',
      { ...facts, application: { ...facts.application, documentKinds: ['APPLICATION_FORM'] } },
      ['documents.COMMITMENT_LETTER COMMITMENT_LETTER_REQUIRED'],
    ],
  ])('refuses %s', (_name, f, expected) => {
    expect(rules(f)).toEqual(expected);
  });

  it('names the chair unit and Art. 18', () => {
    const f = {
      ...facts,
      application: {
        ...facts.application,
        responsibleUnit: { organizationId: 'org-university', name: '湘潭大学' },
      },
    };
    expect(check(f)[0]).toMatchObject({
      article: '第十八条',
      message: '项目承担单位应为联盟理事长单位「株洲轨道交通装备有限公司」，由其对项目实施负总责（第十八条）',
    });
  });
});

describe('the IP terms (Art. 20(2))', () => {
  it.each<[string, ProgrammeEligibilityFacts, string[]]>([
    [
      'an application silent on a member’s exit',
      {
        ...facts,
        application: { ...facts.application, ipTerms: { ...facts.application.ipTerms, onMemberExit: '' } },
      },
      ['ipTerms.onMemberExit IP_TERM_MISSING'],
    ],
    [
      'shares of 99.99 %',
      {
        ...facts,
        application: {
          ...facts.application,
          ipTerms: {
            ...facts.application.ipTerms,
            benefitShares: [
              { organizationId: 'org-chair', name: chair.name, basisPoints: 6999 },
              { organizationId: 'org-university', name: '湘潭大学', basisPoints: 3000 },
            ],
          },
        },
      },
      ['ipTerms.benefitShares SHARES_SUM_100'],
    ],
    ['no agreement in effect', { ...facts, agreement: null }, ['agreement NO_AGREEMENT_IN_EFFECT']],
    [
      'an agreement silent on dissolution',
      { ...facts, agreement: { ...facts.agreement!, onDissolution: '' } },
      ['agreement.onDissolution IP_TERM_MISSING'],
    ],
  ])('refuses %s', (_name, f, expected) => {
    expect(rules(f)).toEqual(expected);
  });
});

describe('debarment', () => {
  it.each<[string, Debarment[], string, string[]]>([
    ['a participant debarred on the day', [debarment], '2027-05-10', ['participants.1 DEBARRED']],
    ['a debarment ending before the day', [{ ...debarment, untilDate: '2027-05-09' }], '2027-05-10', []],
    [
      'a debarment on its last day',
      [{ ...debarment, untilDate: '2027-05-10' }],
      '2027-05-10',
      ['participants.1 DEBARRED'],
    ],
    [
      'a debarment lifted',
      [{ ...debarment, lifted: { on: '2027-01-01', reason: '复议撤销' } }],
      '2027-05-10',
      [],
    ],
    ['another unit debarred', [{ ...debarment, organizationId: 'org-other' }], '2027-05-10', []],
    [
      'the responsible unit debarred',
      [{ ...debarment, organizationId: 'org-chair', organizationName: chair.name }],
      '2027-05-10',
      ['participants.0 DEBARRED'],
    ],
  ])('%s', (_name, debarments, asOf, expected) => {
    expect(rules({ ...facts, debarments, asOf })).toEqual(expected);
  });

  it('names the decision and its last day, in any city', () => {
    const f = { ...cityProgramme(), debarments: [debarment] };
    expect(check(f)).toEqual([
      {
        field: 'participants.1',
        rule: 'DEBARRED',
        article: '第二十条第（二）项',
        message:
          '「湘潭大学」已被湘科计〔2026〕40号决定禁止参与省级科技计划，禁入期至 2031-09-01 止（第二十条第（二）项）',
      },
    ]);
  });

  it('refuses exactly when some participant is debarred on the day', () => {
    const ids = ['org-chair', 'org-university', 'org-other'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            organizationId: fc.constantFrom(...ids),
            from: fc.integer({ min: 0, max: 3000 }),
            length: fc.integer({ min: 0, max: 2000 }),
          }),
          { maxLength: 5 },
        ),
        fc.integer({ min: 0, max: 4000 }),
        (entries, day) => {
          const date = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
          const debarments = entries.map((e) => ({
            ...debarment,
            organizationId: e.organizationId,
            fromDate: date(e.from),
            untilDate: date(e.from + e.length),
          }));
          const asOf = date(day);
          const debarred = entries.some(
            (e) => e.organizationId !== 'org-other' && e.from <= day && day <= e.from + e.length,
          );
          expect(rules({ ...facts, debarments, asOf }).some((r) => r.endsWith('DEBARRED'))).toBe(debarred);
        },
      ),
    );
  });
});

describe('the support asked (Art. 14): the match ratio and the cap', () => {
  it.each<[string, Partial<ProgrammeEligibilityFacts>, string[]]>([
    ['all the verified investment carries', { supportFen: yuan(4_000_000) }, []],
    // The story: asks ¥5,000,000 on ¥4,000,000 verified.
    [
      'more than the verified investment carries',
      { supportFen: yuan(5_000_000) },
      ['requestedSupportFen ABOVE_MATCH_RATIO'],
    ],
    [
      'a fen more',
      { supportFen: (BigInt(yuan(4_000_000)) + 1n).toString() },
      ['requestedSupportFen ABOVE_MATCH_RATIO'],
    ],
    [
      'anything, on nothing verified yet',
      { priorInvestments: [verified(5_000_000, null)] },
      ['requestedSupportFen ABOVE_MATCH_RATIO'],
    ],
    ['anything, on no investment', { priorInvestments: [] }, ['requestedSupportFen ABOVE_MATCH_RATIO']],
    [
      'more than the cap',
      { supportFen: yuan(3_000_000), programme: { ...facts.programme, perProjectCapFen: yuan(2_000_000) } },
      ['requestedSupportFen ABOVE_PROJECT_CAP'],
    ],
    [
      'more than either',
      { supportFen: yuan(6_000_000), priorInvestments: [verified(10_000_000, 10_000_000)] },
      ['requestedSupportFen ABOVE_PROJECT_CAP'],
    ],
    ['any amount with no cap set', { programme: { ...facts.programme, perProjectCapFen: null } }, []],
    [
      'the award, checked again',
      { stage: 'AWARD', supportFen: yuan(5_000_000) },
      ['awardFen ABOVE_MATCH_RATIO'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(rules({ ...facts, ...change })).toEqual(expected);
  });

  it('names the amount, the verified investment, the ratio and the ceiling', () => {
    const f = {
      ...facts,
      supportFen: yuan(5_000_000),
      priorInvestments: [verified(5_000_000, 4_000_000), verified(1_000_000, null)],
    };
    expect(check(f)[0]).toMatchObject({
      article: '第十四条',
      message:
        '申请支持金额 5,000,000.00 元超过经核定的先行投入 4,000,000.00 元按 1 : 1（支持额 : 先行投入）' +
        '可获支持的上限 4,000,000.00 元；尚未核定的先行投入不计入（第十四条）',
    });
  });

  it('follows a city’s own ratio', () => {
    const half = { ...HUNAN_2016_PARAMETERS, support: { matchRatio: { numerator: 1, denominator: 2 } } };
    expect(check({ ...facts, supportFen: yuan(2_000_000) }, half)).toEqual([]);
    expect(check({ ...facts, supportFen: yuan(2_000_001) }, half).map((v) => v.rule)).toEqual([
      'ABOVE_MATCH_RATIO',
    ]);
  });

  it('refuses exactly what exceeds ratio × verified investment, and never counts what is unverified', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            declared: fc.bigInt({ min: 1n, max: 10n ** 10n }),
            verifiedShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
          }),
          { maxLength: 6 },
        ),
        fc.bigInt({ min: 0n, max: 10n ** 11n }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (entries, asked, numerator, denominator) => {
          const priorInvestments: PriorInvestment[] = entries.map((e) => ({
            description: '投入',
            declaredFen: e.declared.toString(),
            evidenceDocumentCount: 1,
            verification:
              e.verifiedShare === null
                ? null
                : {
                    verifiedFen: ((e.declared * BigInt(e.verifiedShare)) / 100n).toString(),
                    reason: '核减',
                    verifiedOn: '2027-04-01',
                  },
          }));
          const verifiedTotal = priorInvestments.reduce(
            (s, i) => s + (i.verification ? BigInt(i.verification.verifiedFen) : 0n),
            0n,
          );
          const parameters = {
            ...HUNAN_2016_PARAMETERS,
            support: { matchRatio: { numerator, denominator } },
          };
          const f = {
            ...facts,
            supportFen: asked.toString(),
            priorInvestments,
            programme: { ...facts.programme, perProjectCapFen: null },
          };
          const refused = check(f, parameters).some((v) => v.rule === 'ABOVE_MATCH_RATIO');
          // Exact rational comparison: asked > verified × n / d.
          expect(refused).toBe(asked * BigInt(denominator) > verifiedTotal * BigInt(numerator));
          // Adding an unverified declaration changes nothing.
          const more = { ...f, priorInvestments: [...priorInvestments, verified(1_000_000, null)] };
          expect(check(more, parameters).some((v) => v.rule === 'ABOVE_MATCH_RATIO')).toBe(refused);
        },
      ),
    );
  });
});

describe('everything at once', () => {
  it('lists every refusal in the order alliance, Art. 18, Art. 20, debarment, money', () => {
    const f: ProgrammeEligibilityFacts = {
      ...withAlliance({ pilotStatus: 'CITY_PILOT' }),
      chairUnit: null,
      agreement: null,
      debarments: [debarment],
      supportFen: yuan(9_000_000),
    };
    expect(rules(f)).toEqual([
      'allianceId PILOT_LEVEL',
      'responsibleUnit NO_CHAIR_UNIT',
      'agreement NO_AGREEMENT_IN_EFFECT',
      'participants.1 DEBARRED',
      'requestedSupportFen ABOVE_MATCH_RATIO',
      'requestedSupportFen ABOVE_PROJECT_CAP',
    ]);
    for (const v of check(f)) expect(v.message.endsWith(`（${v.article}）`)).toBe(true);
  });
});
