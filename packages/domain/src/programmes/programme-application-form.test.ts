import { describe, expect, it } from 'vitest';
import {
  applicationFormGaps,
  defaultCallDocuments,
  type ProgrammeApplicationForm,
} from './programme-application-form.js';
import { PROGRAMME_KINDS } from './programme-kinds.js';

const call = { notice: '湘科计〔2027〕5号', requiredDocuments: defaultCallDocuments('PLAN_PROJECT') };

const form: ProgrammeApplicationForm = {
  title: '轨道交通牵引系统关键部件国产化',
  startOn: '2027-07-01',
  endOn: '2029-06-30',
  requestedSupportFen: '300000000',
  responsibleUnit: { organizationId: 'org-chair', name: '理事长单位' },
  responsiblePerson: '李工',
  participants: [
    { organizationId: 'org-chair', name: '理事长单位', task: '总体设计与集成' },
    { organizationId: 'org-university', name: '湘潭大学', task: '材料研究' },
  ],
  ipTerms: {
    ownership: '归完成单位',
    licensing: '优先省内许可',
    benefitShares: [
      { organizationId: 'org-chair', name: '理事长单位', basisPoints: 6000 },
      { organizationId: 'org-university', name: '湘潭大学', basisPoints: 4000 },
    ],
    onDissolution: '按比例处理',
    onMemberExit: '由其他单位承继',
  },
  sections: Object.fromEntries(PROGRAMME_KINDS.PLAN_PROJECT.sections.map((s) => [s.key, `${s.label}的内容`])),
  particulars: {},
  documentKinds: ['APPLICATION_FORM', 'ALLIANCE_AGREEMENT', 'BUDGET_STATEMENT', 'COMMITMENT_LETTER'],
};

const rules = (
  change: Partial<ProgrammeApplicationForm>,
  kind: 'PLAN_PROJECT' | 'SPECIAL_FUND' = 'PLAN_PROJECT',
) => applicationFormGaps(kind, { ...form, ...change }, call).map((v) => `${v.field} ${v.rule}`);

describe('the application form', () => {
  it('takes a complete plan-project form', () => {
    expect(applicationFormGaps('PLAN_PROJECT', form, call)).toEqual([]);
  });

  it('lets an optional section stay empty', () => {
    expect(rules({ sections: { ...form.sections, risks: '' } })).toEqual([]);
  });

  it.each<[string, Partial<ProgrammeApplicationForm>, string[]]>([
    ['no title', { title: ' ' }, ['title REQUIRED']],
    ['a title too long', { title: '题'.repeat(101) }, ['title TOO_LONG']],
    ['a title with a NUL', { title: '题\u0000' }, ['title CONTROL_CHARACTER']],
    ['no start', { startOn: '' }, ['startOn DATE']],
    ['an end that does not exist', { endOn: '2029-02-29' }, ['endOn DATE']],
    ['an end before the start', { endOn: '2027-06-30' }, ['endOn AFTER_START']],
    ['an end on the start', { endOn: '2027-07-01' }, ['endOn AFTER_START']],
    ['no support asked', { requestedSupportFen: '0' }, ['requestedSupportFen POSITIVE_FEN']],
    [
      'support in 元 with decimals',
      { requestedSupportFen: '3000000.00' },
      ['requestedSupportFen POSITIVE_FEN'],
    ],
    ['no responsible unit', { responsibleUnit: null }, ['responsibleUnit REQUIRED']],
    ['no responsible person', { responsiblePerson: '' }, ['responsiblePerson REQUIRED']],
    [
      'no participants',
      { participants: [] },
      ['participants REQUIRED', 'participants RESPONSIBLE_UNIT_NOT_PARTICIPANT'],
    ],
    [
      'a participant without task',
      { participants: [form.participants[0]!, { ...form.participants[1]!, task: ' ' }] },
      ['participants.1.task REQUIRED'],
    ],
    [
      'a participant twice',
      { participants: [...form.participants, form.participants[1]!] },
      ['participants.2 DUPLICATE'],
    ],
    [
      'a responsible unit not taking part',
      { participants: [form.participants[1]!] },
      ['participants RESPONSIBLE_UNIT_NOT_PARTICIPANT'],
    ],
    [
      'a required section empty',
      { sections: { ...form.sections, objectives: '' } },
      ['sections.objectives REQUIRED'],
    ],
    [
      'a section too long',
      { sections: { ...form.sections, indicators: '指'.repeat(2001) } },
      ['sections.indicators TOO_LONG'],
    ],
    [
      'a document missing',
      { documentKinds: ['APPLICATION_FORM', 'ALLIANCE_AGREEMENT'] },
      ['documents.BUDGET_STATEMENT REQUIRED_DOCUMENT'],
    ],
  ])('refuses %s', (_name, change, expected) => {
    expect(rules(change)).toEqual(expected);
  });

  it('asks the special fund for its own parts and documents', () => {
    const fundCall = { notice: '湘科计〔2027〕6号', requiredDocuments: defaultCallDocuments('SPECIAL_FUND') };
    expect(applicationFormGaps('SPECIAL_FUND', form, fundCall).map((v) => `${v.field} ${v.rule}`)).toEqual([
      'sections.cooperationBasis REQUIRED',
      'sections.industrialisation REQUIRED',
      'documents.COOPERATION_AGREEMENT REQUIRED_DOCUMENT',
    ]);
  });

  it('names the call’s notice as the basis of a missing document', () => {
    const [gap] = applicationFormGaps('PLAN_PROJECT', { ...form, documentKinds: [] }, call);
    expect(gap).toMatchObject({
      field: 'documents.APPLICATION_FORM',
      article: '湘科计〔2027〕5号',
      message: '申报通知要求提交项目申请书，尚未附上（湘科计〔2027〕5号）',
    });
  });

  it('follows a call that asks for fewer documents than the kind', () => {
    expect(
      applicationFormGaps('PLAN_PROJECT', { ...form, documentKinds: [] }, { ...call, requiredDocuments: [] }),
    ).toEqual([]);
  });

  describe('a platform recognition (Art. 15) asks for no money', () => {
    const platform: ProgrammeApplicationForm = {
      ...form,
      requestedSupportFen: '0',
      sections: Object.fromEntries(PROGRAMME_KINDS.PLATFORM_RECOGNITION.sections.map((s) => [s.key, '内容'])),
      documentKinds: ['APPLICATION_FORM', 'COOPERATION_AGREEMENT'],
    };
    const platformCall = {
      notice: '湘科计〔2027〕9号',
      requiredDocuments: defaultCallDocuments('PLATFORM_RECOGNITION'),
    };
    it.each<[string, Partial<ProgrammeApplicationForm>, string[]]>([
      ['complete', {}, []],
      ['money asked', { requestedSupportFen: '100' }, ['requestedSupportFen ZERO_FEN']],
      [
        'no plan',
        { sections: { ...platform.sections, platformPlan: '' } },
        ['sections.platformPlan REQUIRED'],
      ],
      [
        'no co-building agreement',
        { documentKinds: ['APPLICATION_FORM'] },
        ['documents.COOPERATION_AGREEMENT REQUIRED_DOCUMENT'],
      ],
    ])('%s', (_case, change, expected) => {
      expect(
        applicationFormGaps('PLATFORM_RECOGNITION', { ...platform, ...change }, platformCall).map(
          (v) => `${v.field} ${v.rule}`,
        ),
      ).toEqual(expected);
    });
  });
});
