import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AgreementIpTerms,
  agreementIpViolations,
  formatShare,
  FULL_SHARE,
  ipTermsViolations,
  type ProjectIpTerms,
} from './ip-terms.js';

const PARTICIPANTS = ['org-chair', 'org-university', 'org-institute'];

const IP_TERMS: ProjectIpTerms = {
  ownership: '项目形成的知识产权归完成单位所有，合作完成的归合作各方共有',
  licensing: '优先许可省内成员单位实施，许可费按市场价格协商确定',
  benefitShares: [
    { organizationId: 'org-chair', name: '理事长单位', basisPoints: 5000 },
    { organizationId: 'org-university', name: '湘潭大学', basisPoints: 3333 },
    { organizationId: 'org-institute', name: '研究院', basisPoints: 1667 },
  ],
  onDissolution: '联盟解散时，共有知识产权按分配比例折价，由承担单位优先受让',
  onMemberExit: '成员退出时，其在项目中的权益由其他参与单位按比例承继，退出单位保留非独占实施权',
};

const rules = (terms: ProjectIpTerms, where: '申请书' | '任务书' = '申请书') =>
  ipTermsViolations(terms, PARTICIPANTS, where).map((v) => `${v.field} ${v.rule}`);

describe('the IP terms of an application or task contract (Art. 20(2))', () => {
  it('takes terms that state every clause and shares summing to 100 %', () => {
    expect(ipTermsViolations(IP_TERMS, PARTICIPANTS, '申请书')).toEqual([]);
  });

  it.each<[string, Partial<ProjectIpTerms>, string[]]>([
    ['no ownership', { ownership: ' ' }, ['ipTerms.ownership IP_TERM_MISSING']],
    ['no licensing', { licensing: '' }, ['ipTerms.licensing IP_TERM_MISSING']],
    ['no plan for dissolution', { onDissolution: '' }, ['ipTerms.onDissolution IP_TERM_MISSING']],
    ['no plan for a member’s exit', { onMemberExit: '\n' }, ['ipTerms.onMemberExit IP_TERM_MISSING']],
    ['a clause too long', { ownership: '归'.repeat(2001) }, ['ipTerms.ownership TOO_LONG']],
    ['a clause with a NUL', { licensing: '许可\u0000' }, ['ipTerms.licensing CONTROL_CHARACTER']],
    ['no shares', { benefitShares: [] }, ['ipTerms.benefitShares IP_TERM_MISSING']],
    [
      'shares short of 100 %',
      { benefitShares: IP_TERMS.benefitShares.slice(0, 2) },
      ['ipTerms.benefitShares SHARES_SUM_100'],
    ],
    [
      'shares over 100 %',
      {
        benefitShares: [
          ...IP_TERMS.benefitShares.slice(0, 2),
          { ...IP_TERMS.benefitShares[2]!, basisPoints: 1668 },
        ],
      },
      ['ipTerms.benefitShares SHARES_SUM_100'],
    ],
    [
      'a fractional basis point',
      {
        benefitShares: [
          { organizationId: 'org-chair', name: '理事长单位', basisPoints: 5000.5 },
          { organizationId: 'org-university', name: '湘潭大学', basisPoints: 4999.5 },
        ],
      },
      [
        'ipTerms.benefitShares.0.basisPoints SHARE_RANGE',
        'ipTerms.benefitShares.1.basisPoints SHARE_RANGE',
        'ipTerms.benefitShares SHARES_SUM_100',
      ],
    ],
    [
      'a zero share',
      {
        benefitShares: [
          { organizationId: 'org-chair', name: '理事长单位', basisPoints: 10000 },
          { organizationId: 'org-university', name: '湘潭大学', basisPoints: 0 },
        ],
      },
      ['ipTerms.benefitShares.1.basisPoints SHARE_RANGE'],
    ],
    [
      'a share for an outsider',
      {
        benefitShares: [
          { organizationId: 'org-chair', name: '理事长单位', basisPoints: 9000 },
          { organizationId: 'org-outsider', name: '外部公司', basisPoints: 1000 },
        ],
      },
      ['ipTerms.benefitShares.1.organizationId SHARE_NOT_PARTICIPANT'],
    ],
    [
      'a unit named twice',
      {
        benefitShares: [
          { organizationId: 'org-chair', name: '理事长单位', basisPoints: 5000 },
          { organizationId: 'org-chair', name: '理事长单位', basisPoints: 5000 },
        ],
      },
      ['ipTerms.benefitShares.1.organizationId SHARE_DUPLICATE'],
    ],
  ])('refuses %s', (_name, change, expected) => {
    expect(rules({ ...IP_TERMS, ...change })).toEqual(expected);
  });

  it('says which document lacks the clause and that the project is not approved', () => {
    const [violation] = ipTermsViolations({ ...IP_TERMS, onDissolution: '' }, PARTICIPANTS, '任务书');
    expect(violation?.message).toBe(
      '任务书未约定联盟解散时的知识产权处理方案，不予立项（第二十条第（二）项）',
    );
    expect(violation?.article).toBe('第二十条第（二）项');
  });

  it('takes any split into whole basis points summing to 100 %, and refuses any other sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: FULL_SHARE }), { minLength: 1, maxLength: 3 }),
        (points) => {
          const benefitShares = points.map((basisPoints, i) => ({
            organizationId: PARTICIPANTS[i]!,
            name: `单位${i}`,
            basisPoints,
          }));
          const sum = points.reduce((a, b) => a + b, 0);
          expect(rules({ ...IP_TERMS, benefitShares }).includes('ipTerms.benefitShares SHARES_SUM_100')).toBe(
            sum !== FULL_SHARE,
          );
        },
      ),
    );
  });

  it.each([
    [10000, '100.00 %'],
    [3333, '33.33 %'],
    [5, '0.05 %'],
    [0, '0.00 %'],
  ])('writes %i basis points as %s', (points, text) => {
    expect(formatShare(points)).toBe(text);
  });
});

describe('the IP clauses of the agreement in effect', () => {
  const agreement: AgreementIpTerms = {
    version: 3,
    ownership: '成果归完成单位所有',
    licensing: '优先在联盟内许可',
    benefitSharing: '按投入比例分配收益',
    onDissolution: '解散时按出资比例处理',
    onMemberExit: '退出时保留已取得的权益',
  };

  it('takes an agreement stating every clause', () => {
    expect(agreementIpViolations(agreement)).toEqual([]);
  });

  it('refuses when no agreement is in effect', () => {
    expect(agreementIpViolations(null).map((v) => `${v.field} ${v.rule}`)).toEqual([
      'agreement NO_AGREEMENT_IN_EFFECT',
    ]);
  });

  it.each(['ownership', 'licensing', 'benefitSharing', 'onDissolution', 'onMemberExit'] as const)(
    'refuses an agreement silent on %s, naming its version',
    (key) => {
      const [violation, ...rest] = agreementIpViolations({ ...agreement, [key]: ' ' });
      expect(rest).toEqual([]);
      expect(violation).toMatchObject({ field: `agreement.${key}`, rule: 'IP_TERM_MISSING' });
      expect(violation?.message).toMatch(/^联盟协议（第 3 版）未约定.+，不予立项（第二十条第（二）项）$/);
    },
  );
});
