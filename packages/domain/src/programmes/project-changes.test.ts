import { describe, expect, it } from 'vitest';
import type { Debarment } from './debarment.js';
import {
  applyProjectChange,
  changeDebarmentViolations,
  continueUnderUnit,
  type ProjectChange,
  projectChangeViolations,
  successorViolations,
} from './project-changes.js';
import type { TaskContract } from './task-contract.js';

const yuan = (n: number) => (BigInt(n) * 100n).toString();
const chair = { organizationId: 'org-chair', name: '理事长单位' };
const university = { organizationId: 'org-university', name: '湘潭大学' };
const newcomer = { organizationId: 'org-new', name: '新材料公司', task: '材料试制' };

const contract: TaskContract = {
  title: '牵引系统国产化',
  startOn: '2027-07-01',
  endOn: '2029-06-30',
  targets: '国产化',
  indicators: [{ name: '专利', target: '5 件' }],
  milestones: [{ title: '样机', dueOn: '2028-06-30' }],
  responsibleUnit: chair,
  responsiblePerson: '李工',
  participants: [
    { ...chair, task: '总体' },
    { ...university, task: '材料' },
  ],
  ipTerms: {
    ownership: '归完成单位',
    licensing: '省内优先',
    benefitShares: [
      { ...chair, basisPoints: 7000 },
      { ...university, basisPoints: 3000 },
    ],
    onDissolution: '承继',
    onMemberExit: '保留实施权',
  },
  budget: {
    totalFen: yuan(10_000_000),
    lines: [
      { source: 'PROVINCIAL_SUPPORT', amountFen: yuan(3_000_000), purpose: '' },
      { source: 'SELF_RAISED', amountFen: yuan(7_000_000), purpose: '' },
    ],
  },
};
const context = { awardFen: yuan(3_000_000), authorityLevel: 'PROVINCE' as const };
const rules = (change: ProjectChange) =>
  projectChangeViolations(change, contract, context).map((v) => `${v.field} ${v.rule}`);

const debarment: Debarment = {
  organizationId: 'org-new',
  organizationName: '新材料公司',
  reason: '违约',
  article: '第二十条第（二）项',
  decisionDocument: '湘科计〔2027〕3号',
  fromDate: '2027-01-01',
  untilDate: '2032-01-01',
  lifted: null,
};

describe('change requests (Art. 19)', () => {
  it.each<[string, ProjectChange, string[]]>([
    ['an extension', { kind: 'EXTENSION', newEndOn: '2029-12-31' }, []],
    [
      'an extension to the same end',
      { kind: 'EXTENSION', newEndOn: '2029-06-30' },
      ['newEndOn LATER_THAN_END'],
    ],
    ['an extension to no date', { kind: 'EXTENSION', newEndOn: '2029-06-31' }, ['newEndOn DATE']],
    [
      'a reallocation between lines',
      {
        kind: 'BUDGET_REALLOCATION',
        budget: {
          totalFen: yuan(10_000_000),
          lines: [
            { source: 'PROVINCIAL_SUPPORT', amountFen: yuan(2_000_000), purpose: '' },
            { source: 'SELF_RAISED', amountFen: yuan(8_000_000), purpose: '' },
          ],
        },
      },
      [],
    ],
    [
      'a reallocation changing the total',
      {
        kind: 'BUDGET_REALLOCATION',
        budget: {
          totalFen: yuan(9_000_000),
          lines: [{ source: 'SELF_RAISED', amountFen: yuan(9_000_000), purpose: '' }],
        },
      },
      ['budget.totalFen TOTAL_UNCHANGED'],
    ],
    [
      'a participant joining with a share',
      {
        kind: 'PARTICIPANT_CHANGE',
        added: [newcomer],
        removedOrganizationIds: [],
        benefitShares: [
          { ...chair, basisPoints: 6000 },
          { ...university, basisPoints: 3000 },
          { organizationId: 'org-new', name: '新材料公司', basisPoints: 1000 },
        ],
      },
      [],
    ],
    [
      'a participant leaving, its share passed on',
      {
        kind: 'PARTICIPANT_CHANGE',
        added: [],
        removedOrganizationIds: ['org-university'],
        benefitShares: [{ ...chair, basisPoints: 10000 }],
      },
      [],
    ],
    [
      'a leaver keeping its share',
      {
        kind: 'PARTICIPANT_CHANGE',
        added: [],
        removedOrganizationIds: ['org-university'],
        benefitShares: contract.ipTerms.benefitShares,
      },
      ['ipTerms.benefitShares.1.organizationId SHARE_NOT_PARTICIPANT'],
    ],
    [
      'the responsible unit leaving (Art. 18)',
      {
        kind: 'PARTICIPANT_CHANGE',
        added: [],
        removedOrganizationIds: ['org-chair'],
        benefitShares: [{ ...university, basisPoints: 10000 }],
      },
      ['removed.0 RESPONSIBLE_UNIT_STAYS'],
    ],
    [
      'an outsider leaving',
      {
        kind: 'PARTICIPANT_CHANGE',
        added: [],
        removedOrganizationIds: ['org-x'],
        benefitShares: contract.ipTerms.benefitShares,
      },
      ['removed.0 NOT_PARTICIPANT'],
    ],
    [
      'a participant joining twice',
      {
        kind: 'PARTICIPANT_CHANGE',
        added: [{ ...university, task: '再加入' }],
        removedOrganizationIds: [],
        benefitShares: contract.ipTerms.benefitShares,
      },
      ['added.0 ALREADY_PARTICIPANT'],
    ],
    [
      'a joiner without task',
      {
        kind: 'PARTICIPANT_CHANGE',
        added: [{ ...newcomer, task: '' }],
        removedOrganizationIds: [],
        benefitShares: contract.ipTerms.benefitShares,
      },
      ['added.0.task REQUIRED'],
    ],
    [
      'no change of participants',
      {
        kind: 'PARTICIPANT_CHANGE',
        added: [],
        removedOrganizationIds: [],
        benefitShares: contract.ipTerms.benefitShares,
      },
      ['participants NO_CHANGE'],
    ],
    ['a new responsible person', { kind: 'RESPONSIBLE_PERSON', responsiblePerson: '王工' }, []],
    [
      'the same responsible person',
      { kind: 'RESPONSIBLE_PERSON', responsiblePerson: ' 李工 ' },
      ['responsiblePerson NO_CHANGE'],
    ],
    [
      'no responsible person',
      { kind: 'RESPONSIBLE_PERSON', responsiblePerson: '' },
      ['responsiblePerson REQUIRED'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(rules(change)).toEqual(expected);
  });

  it('replaces the contract once approved', () => {
    expect(applyProjectChange(contract, { kind: 'EXTENSION', newEndOn: '2029-12-31' }).endOn).toBe(
      '2029-12-31',
    );
    expect(
      applyProjectChange(contract, { kind: 'RESPONSIBLE_PERSON', responsiblePerson: ' 王工 ' })
        .responsiblePerson,
    ).toBe('王工');
    const after = applyProjectChange(contract, {
      kind: 'PARTICIPANT_CHANGE',
      added: [newcomer],
      removedOrganizationIds: ['org-university'],
      benefitShares: [
        { ...chair, basisPoints: 8000 },
        { organizationId: 'org-new', name: '新材料公司', basisPoints: 2000 },
      ],
    });
    expect(after.participants.map((p) => p.organizationId)).toEqual(['org-chair', 'org-new']);
    expect(after.ipTerms.benefitShares.map((s) => s.basisPoints)).toEqual([8000, 2000]);
    expect(after.ipTerms.ownership).toBe(contract.ipTerms.ownership);
  });

  it('refuses a debarred unit joining, naming the decision and its last day', () => {
    const change: ProjectChange = {
      kind: 'PARTICIPANT_CHANGE',
      added: [newcomer],
      removedOrganizationIds: [],
      benefitShares: [],
    };
    expect(changeDebarmentViolations(change, [debarment], '2028-01-01')).toEqual([
      {
        field: 'added.0',
        rule: 'DEBARRED',
        article: '第二十条第（二）项',
        message:
          '「新材料公司」已被湘科计〔2027〕3号决定禁止参与省级科技计划，禁入期至 2032-01-01 止（第二十条第（二）项）',
      },
    ]);
    expect(changeDebarmentViolations(change, [debarment], '2032-01-02')).toEqual([]);
    expect(
      changeDebarmentViolations({ kind: 'EXTENSION', newEndOn: '2030-01-01' }, [debarment], '2028-01-01'),
    ).toEqual([]);
  });
});

describe('continuing a frozen project under a named unit (Art. 19)', () => {
  it('makes a participant the responsible unit', () => {
    const after = continueUnderUnit(contract, { ...university, task: '牵头继续实施' });
    expect(after.responsibleUnit).toEqual(university);
    expect(after.participants).toEqual(contract.participants);
  });

  it('brings in an outside unit as a participant', () => {
    const after = continueUnderUnit(contract, newcomer);
    expect(after.responsibleUnit).toEqual({ organizationId: 'org-new', name: '新材料公司' });
    expect(after.participants.at(-1)).toEqual(newcomer);
    expect(after.ipTerms.benefitShares).toEqual(contract.ipTerms.benefitShares);
  });

  it.each<[string, Parameters<typeof successorViolations>[0], string, string[]]>([
    ['a named unit', newcomer, '2033-01-01', []],
    ['no unit', null, '2028-01-01', ['successorUnit REQUIRED']],
    ['a unit without task', { ...university, task: '' }, '2028-01-01', ['successorUnit.task REQUIRED']],
    ['a debarred unit', newcomer, '2028-01-01', ['successorUnit DEBARRED']],
  ])('%s', (_name, successor, asOf, expected) => {
    expect(successorViolations(successor, [debarment], asOf).map((v) => `${v.field} ${v.rule}`)).toEqual(
      expected,
    );
  });
});
