import { describe, expect, it } from 'vitest';
import {
  applicationFormGaps,
  type ProgrammeApplicationForm,
} from '../programmes/programme-application-form.js';
import {
  type ProgrammeEligibilityFacts,
  programmeEligibilityViolations,
} from '../programmes/programme-eligibility.js';
import { PROGRAMME_KINDS } from '../programmes/programme-kinds.js';
import { internationalParticularsOf } from './international-cooperation.js';

const chair = { organizationId: 'org-chair', name: '中车株洲电力机车有限公司' };
const university = { organizationId: 'org-csu', name: '中南大学' };

// The story's project: joint R&D with a German institute, undertaken by two member units.
const form: ProgrammeApplicationForm = {
  title: '轨道交通牵引系统中德联合研发',
  startOn: '2027-07-01',
  endOn: '2029-06-30',
  requestedSupportFen: '200000000',
  responsibleUnit: chair,
  responsiblePerson: '王工',
  participants: [
    { ...chair, task: '系统集成' },
    { ...university, task: '控制算法' },
  ],
  ipTerms: {
    ownership: '按协议约定归属',
    licensing: '优先许可省内单位实施',
    benefitShares: [
      { ...chair, basisPoints: 7000 },
      { ...university, basisPoints: 3000 },
    ],
    onDissolution: '由理事长单位承继',
    onMemberExit: '由其他成员承继',
  },
  sections: Object.fromEntries(
    PROGRAMME_KINDS.INTERNATIONAL_COOPERATION.sections.map((s) => [s.key, `${s.label}的内容`]),
  ),
  particulars: {
    partnerName: 'Fraunhofer-Institut für Verkehrs- und Infrastruktursysteme',
    partnerCountry: 'DE',
    mode: 'JOINT_RESEARCH',
  },
  documentKinds: ['APPLICATION_FORM', 'INTERNATIONAL_AGREEMENT', 'BUDGET_STATEMENT', 'COMMITMENT_LETTER'],
};
const call = {
  notice: '2027 年度国际科技合作项目申报通知',
  requiredDocuments: PROGRAMME_KINDS.INTERNATIONAL_COOPERATION.requiredDocuments,
};

const gaps = (change: Partial<ProgrammeApplicationForm>) =>
  applicationFormGaps('INTERNATIONAL_COOPERATION', { ...form, ...change }, call).map(
    (v) => `${v.field} ${v.rule}`,
  );

describe('the international cooperation form (Art. 16)', () => {
  it('is complete with a German partner, its mode and the agreement', () => {
    expect(gaps({})).toEqual([]);
    expect(internationalParticularsOf(form.particulars)).toEqual({
      partnerName: form.particulars.partnerName,
      partnerCountry: 'DE',
      mode: 'JOINT_RESEARCH',
    });
  });

  it.each<[string, Partial<ProgrammeApplicationForm>, string[]]>([
    [
      'no partner',
      { particulars: { ...form.particulars, partnerName: '  ' } },
      ['particulars.partnerName REQUIRED'],
    ],
    [
      'a partner name too long',
      { particulars: { ...form.particulars, partnerName: 'x'.repeat(201) } },
      ['particulars.partnerName TOO_LONG'],
    ],
    [
      'a control character in the name',
      { particulars: { ...form.particulars, partnerName: 'A\u0000B' } },
      ['particulars.partnerName CONTROL_CHARACTER'],
    ],
    [
      'no country',
      { particulars: { ...form.particulars, partnerCountry: '' } },
      ['particulars.partnerCountry REQUIRED'],
    ],
    [
      'a code not in ISO 3166-1',
      { particulars: { ...form.particulars, partnerCountry: 'XX' } },
      ['particulars.partnerCountry UNKNOWN_CODE'],
    ],
    [
      'a lower-case code',
      { particulars: { ...form.particulars, partnerCountry: 'de' } },
      ['particulars.partnerCountry UNKNOWN_CODE'],
    ],
    [
      'a partner in mainland China',
      { particulars: { ...form.particulars, partnerCountry: 'CN' } },
      ['particulars.partnerCountry EXCLUDED_CODE'],
    ],
    [
      'an unknown mode',
      { particulars: { ...form.particulars, mode: 'TOURISM' } },
      ['particulars.mode ONE_OF'],
    ],
    [
      'no mode',
      { particulars: { partnerName: 'TU Berlin', partnerCountry: 'DE' } },
      ['particulars.mode REQUIRED'],
    ],
    [
      'no agreement with the partner',
      { documentKinds: ['APPLICATION_FORM', 'BUDGET_STATEMENT'] },
      ['documents.INTERNATIONAL_AGREEMENT REQUIRED_DOCUMENT'],
    ],
    [
      'no cooperation basis',
      { sections: { ...form.sections, cooperationBasis: '' } },
      ['sections.cooperationBasis REQUIRED'],
    ],
  ])('refuses %s', (_, change, expected) => {
    expect(gaps(change)).toEqual(expected);
  });

  it.each([['HK'], ['MO'], ['TW'], ['US'], ['JP']])('takes a partner in %s', (code) => {
    expect(gaps({ particulars: { ...form.particulars, partnerCountry: code } })).toEqual([]);
  });

  it('names Art. 16 as the basis of the particulars', () => {
    const [v] = applicationFormGaps('INTERNATIONAL_COOPERATION', { ...form, particulars: {} }, call);
    expect(v?.message).toBe('请填写外方合作单位（第十六条）');
  });
});

const facts: ProgrammeEligibilityFacts = {
  asOf: '2027-05-10',
  stage: 'SUBMISSION',
  programme: {
    tenantId: 'province',
    level: 'PROVINCE',
    kind: 'INTERNATIONAL_COOPERATION',
    perProjectCapFen: null,
  },
  alliance: { tenantId: 'zhuzhou', status: 'ESTABLISHED', pilotStatus: 'NONE', nationalPilot: false },
  memberOrganizationIds: ['org-chair', 'org-csu'],
  chairUnit: chair,
  application: form,
  supportFen: form.requestedSupportFen,
  agreement: {
    version: 1,
    ownership: '按贡献',
    licensing: '省内优先',
    benefitSharing: '按投入',
    onDissolution: '协商',
    onMemberExit: '承继',
  },
  priorInvestments: [],
  debarments: [],
};
const support = { support: { matchRatio: { numerator: 1, denominator: 1 } } } as Parameters<
  typeof programmeEligibilityViolations
>[1];
const refusals = (change: Partial<ProgrammeEligibilityFacts>) =>
  programmeEligibilityViolations({ ...facts, ...change }, support).map((v) => `${v.field} ${v.rule}`);

describe('who may undertake an international cooperation project', () => {
  it.each<[string, Partial<ProgrammeEligibilityFacts>, string[]]>([
    ['member units of an established alliance, no pilot needed, no prior investment', {}, []],
    [
      'a participant that is not a member',
      { memberOrganizationIds: ['org-chair'] },
      ['participants.1 NOT_MEMBER_UNIT'],
    ],
    [
      'a member that has left',
      { memberOrganizationIds: [] },
      ['participants.0 NOT_MEMBER_UNIT', 'participants.1 NOT_MEMBER_UNIT'],
    ],
    [
      'a dissolved alliance',
      { alliance: { ...facts.alliance, status: 'DISSOLVED' } },
      ['allianceId DISSOLVED'],
    ],
    ['no chair unit (Art. 18 holds too)', { chairUnit: null }, ['responsibleUnit NO_CHAIR_UNIT']],
    [
      'no agreement in effect (Art. 20(2) holds too)',
      { agreement: null },
      ['agreement NO_AGREEMENT_IN_EFFECT'],
    ],
  ])('%s', (_, change, expected) => {
    expect(refusals(change)).toEqual(expected);
  });

  it('names Art. 16 when a participant is not a member unit', () => {
    const [v] = programmeEligibilityViolations({ ...facts, memberOrganizationIds: ['org-chair'] }, support);
    expect(v?.message).toBe(
      '「中南大学」不是联盟的现有成员单位，国际科技合作项目应由联盟成员单位承担（第十六条）',
    );
  });
});
