import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  milestonesDueBy,
  parseProjectDecisionBasis,
  parseTaskContract,
  type TaskContract,
  type TaskContractContext,
  taskContractViolations,
} from './task-contract.js';

const yuan = (n: number) => (BigInt(n) * 100n).toString();
const chair = { organizationId: 'org-chair', name: '株洲轨道交通装备有限公司' };

const CONTRACT: TaskContract = {
  title: '轨道交通牵引系统关键部件国产化',
  startOn: '2027-07-01',
  endOn: '2029-06-30',
  targets: '完成牵引变流器关键部件国产化并实现装车应用',
  indicators: [
    { name: '发明专利', target: '≥ 5 件' },
    { name: '行业标准', target: '1 项' },
  ],
  milestones: [
    { title: '完成样机设计', dueOn: '2027-12-31' },
    { title: '完成样机试制', dueOn: '2028-09-30' },
    { title: '完成装车考核', dueOn: '2029-06-30' },
  ],
  responsibleUnit: chair,
  responsiblePerson: '李工',
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
  budget: {
    totalFen: yuan(10_000_000),
    lines: [
      { source: 'PROVINCIAL_SUPPORT', amountFen: yuan(3_000_000), purpose: '' },
      { source: 'CITY_MATCHING', amountFen: yuan(1_000_000), purpose: '' },
      { source: 'SELF_RAISED', amountFen: yuan(6_000_000), purpose: '' },
    ],
  },
};

const context: TaskContractContext = {
  awardFen: yuan(3_000_000),
  authorityLevel: 'PROVINCE',
  responsibleUnit: chair,
};
const rules = (change: Partial<TaskContract>, ctx = context) =>
  taskContractViolations({ ...CONTRACT, ...change }, ctx).map((v) => `${v.field} ${v.rule}`);

describe('the task contract (任务书)', () => {
  it('takes a complete contract', () => {
    expect(taskContractViolations(CONTRACT, context)).toEqual([]);
  });

  it.each<[string, Partial<TaskContract>, string[]]>([
    ['no title', { title: '' }, ['title REQUIRED']],
    ['no targets', { targets: ' ' }, ['targets REQUIRED']],
    [
      'an end before the start',
      { endOn: '2027-01-01' },
      [
        'endOn AFTER_START',
        'milestones.0.dueOn WITHIN_PERIOD',
        'milestones.1.dueOn WITHIN_PERIOD',
        'milestones.2.dueOn WITHIN_PERIOD',
      ],
    ],
    ['no indicators', { indicators: [] }, ['indicators REQUIRED']],
    [
      'an indicator without target',
      { indicators: [{ name: '专利', target: '' }] },
      ['indicators.0.target REQUIRED'],
    ],
    ['no milestones', { milestones: [] }, ['milestones REQUIRED']],
    [
      'a milestone after the end',
      { milestones: [{ title: '验收', dueOn: '2029-07-01' }] },
      ['milestones.0.dueOn WITHIN_PERIOD'],
    ],
    [
      'a milestone on no date',
      { milestones: [{ title: '验收', dueOn: '2029-02-29' }] },
      ['milestones.0.dueOn DATE'],
    ],
    [
      'another responsible unit than the chair (Art. 18)',
      { responsibleUnit: { organizationId: 'org-university', name: '湘潭大学' } },
      ['responsibleUnit NOT_RESPONSIBLE_UNIT'],
    ],
    ['no responsible person', { responsiblePerson: '' }, ['responsiblePerson REQUIRED']],
    [
      'a responsible unit not taking part',
      {
        participants: [CONTRACT.participants[1]!],
        ipTerms: {
          ...CONTRACT.ipTerms,
          benefitShares: [{ organizationId: 'org-university', name: '湘潭大学', basisPoints: 10000 }],
        },
      },
      ['participants RESPONSIBLE_UNIT_NOT_PARTICIPANT'],
    ],
    [
      'a participant listed twice',
      { participants: [...CONTRACT.participants, CONTRACT.participants[1]!] },
      ['participants.2 DUPLICATE'],
    ],
    [
      'IP terms silent on a member’s exit (不予立项)',
      { ipTerms: { ...CONTRACT.ipTerms, onMemberExit: '' } },
      ['ipTerms.onMemberExit IP_TERM_MISSING'],
    ],
    [
      'a budget whose lines do not add up',
      { budget: { ...CONTRACT.budget, totalFen: yuan(9_000_000) } },
      ['budget.lines LINES_SUM_TOTAL'],
    ],
  ])('refuses %s', (_name, change, expected) => {
    expect(rules(change)).toEqual(expected);
  });

  it('refuses a contract of an alliance without a chair unit', () => {
    expect(rules({}, { ...context, responsibleUnit: null })).toEqual(['responsibleUnit NO_CHAIR_UNIT']);
  });

  it('refuses support above the award', () => {
    expect(rules({}, { ...context, awardFen: yuan(2_999_999) })).toEqual([
      'budget.lines SUPPORT_WITHIN_AWARD',
    ]);
  });

  it('lists the milestones due by a day', () => {
    expect(milestonesDueBy(CONTRACT, '2027-12-30')).toEqual([]);
    expect(milestonesDueBy(CONTRACT, '2027-12-31').map((m) => m.title)).toEqual(['完成样机设计']);
    expect(milestonesDueBy(CONTRACT, '2030-01-01')).toHaveLength(3);
  });
});

describe('what the project kind stores', () => {
  it('reads back the contract', () => {
    expect(parseTaskContract(JSON.parse(JSON.stringify(CONTRACT)))).toEqual(CONTRACT);
    expect(parseTaskContract(null)).toBeNull();
    expect(parseTaskContract('contract')).toBeNull();
  });

  it('drops budget lines of unknown sources or bad amounts', () => {
    const stored = {
      ...CONTRACT,
      budget: {
        totalFen: 'x',
        lines: [
          ...CONTRACT.budget.lines,
          { source: 'LOTTERY', amountFen: '1' },
          { source: 'SELF_RAISED', amountFen: 1 },
        ],
      },
    };
    expect(parseTaskContract(stored)?.budget).toEqual({ totalFen: '0', lines: CONTRACT.budget.lines });
  });

  it('reads a decision basis, and any value without throwing', () => {
    const basis = {
      reason: '联盟解散，项目存在违约',
      recoveryFen: yuan(500_000),
      debarmentDocuments: ['湘科计〔2028〕12号'],
      successorUnit: null,
      reviewTotal: null,
      passes: null,
    };
    expect(parseProjectDecisionBasis(basis)).toEqual(basis);
    expect(parseProjectDecisionBasis(undefined)).toBeNull();
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        parseProjectDecisionBasis(stored);
        parseTaskContract(stored);
      }),
    );
  });
});
