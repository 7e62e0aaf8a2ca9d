import { describe, expect, it } from 'vitest';
import { evaluationSchemeProblems, type EvaluationSheet } from '../platforms/graded-evaluation.js';
import {
  type BaseEvaluation,
  baseEvaluationOutcome,
  baseEvaluationScheme,
  baseEvaluationViolations,
  COOPERATION_BASE_EVALUATION,
  COOPERATION_BASE_TYPES,
  type CooperationBaseRecord,
  cooperationBaseNext,
  cooperationBaseTypeLabel,
  cooperationBaseViolations,
  recognitionOfBaseViolations,
} from './cooperation-base.js';

const today = '2027-05-10';
const base: CooperationBaseRecord = {
  name: '湖南中德轨道交通国际联合研究中心',
  type: 'JOINT_RESEARCH_CENTRE',
  level: 'PROVINCIAL',
  hostOrganizationId: 'org-chair',
  status: 'INCUBATING',
  recognisedOn: null,
  recognitionDocumentId: null,
};
const rules = (change: Partial<CooperationBaseRecord>) =>
  cooperationBaseViolations({ ...base, ...change }, today).map((v) => `${v.field} ${v.rule}`);

describe('registering a cooperation base', () => {
  it.each<[string, Partial<CooperationBaseRecord>, string[]]>([
    ['an incubating base', {}, []],
    [
      'a recognised base with its document',
      { status: 'RECOGNISED', recognisedOn: '2026-12-01', recognitionDocumentId: 'doc' },
      [],
    ],
    ['no name', { name: ' ' }, ['name REQUIRED']],
    ['a name too long', { name: '基'.repeat(101) }, ['name TOO_LONG']],
    ['a control character', { name: '基地\u0007' }, ['name CONTROL_CHARACTER']],
    ['a type not in the list', { type: 'SPACE_STATION' }, ['type ONE_OF']],
    ['a level not in the list', { level: 'CITY' }, ['level ONE_OF']],
    ['no host unit', { hostOrganizationId: null }, ['hostOrganizationId REQUIRED']],
    ['a revoked base', { status: 'REVOKED' }, ['status ONE_OF']],
    [
      'recognised without date or document',
      { status: 'RECOGNISED' },
      ['recognisedOn DATE', 'recognitionDocumentId REQUIRED'],
    ],
    [
      'recognised tomorrow',
      { status: 'RECOGNISED', recognisedOn: '2027-05-11', recognitionDocumentId: 'doc' },
      ['recognisedOn NOT_FUTURE'],
    ],
    [
      'recognised on a bad date',
      { status: 'RECOGNISED', recognisedOn: '2027-02-30', recognitionDocumentId: 'doc' },
      ['recognisedOn DATE'],
    ],
  ])('%s', (_, change, expected) => {
    expect(rules(change)).toEqual(expected);
  });

  it('labels every type of the list, and an unknown code by itself', () => {
    expect(COOPERATION_BASE_TYPES.map((t) => t.label)).toEqual([
      '国际创新园',
      '国际联合研究中心',
      '国际技术转移中心',
      '示范型国际科技合作基地',
    ]);
    expect(cooperationBaseTypeLabel('OLD')).toBe('OLD');
  });

  it('recognising an incubating base asks for the document and a past date', () => {
    expect(recognitionOfBaseViolations('2027-05-10', 'doc', today)).toEqual([]);
    expect(recognitionOfBaseViolations(null, null, today).map((v) => v.rule)).toEqual(['DATE', 'REQUIRED']);
  });
});

describe('the status of a base', () => {
  it.each([
    ['INCUBATING', 'RECOGNISE', 'RECOGNISED'],
    ['RECOGNISED', 'RECOGNISE', null],
    ['REVOKED', 'RECOGNISE', null],
    ['RECTIFYING', 'RECOGNISE', null],
    ['INCUBATING', 'REVOKE', 'REVOKED'],
    ['RECOGNISED', 'REVOKE', 'REVOKED'],
    ['RECTIFYING', 'REVOKE', 'REVOKED'],
    ['REVOKED', 'REVOKE', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(cooperationBaseNext(from, action)).toBe(to);
  });
});

/** Three experts scoring every criterion of the scheme `score`, one criterion `odd` apart. */
function sheets(score: number, n = 3, odd: Record<string, number> = {}): EvaluationSheet[] {
  return Array.from({ length: n }, (_, i) => ({
    expertName: `专家${i + 1}`,
    scores: Object.fromEntries(COOPERATION_BASE_EVALUATION.criteria.map((c) => [c.key, odd[c.key] ?? score])),
  }));
}

describe('the scheme of a base evaluation', () => {
  it('is a valid scheme, kept per type, with the common one for a code no longer listed', () => {
    expect(evaluationSchemeProblems(COOPERATION_BASE_EVALUATION)).toEqual([]);
    for (const t of COOPERATION_BASE_TYPES) expect(evaluationSchemeProblems(t.evaluation)).toEqual([]);
    expect(baseEvaluationScheme('OLD')).toBe(COOPERATION_BASE_EVALUATION);
    expect(COOPERATION_BASE_EVALUATION.rectificationMonths).toBe(12);
  });
});

describe('a base evaluation', () => {
  const recognised = {
    status: 'RECOGNISED' as const,
    recognisedOn: '2025-03-01',
    type: 'JOINT_RESEARCH_CENTRE',
  };
  const evaluation: BaseEvaluation = {
    year: 2026,
    evaluatedOn: '2027-03-15',
    sheets: sheets(80),
    remarks: '',
  };
  type Base = {
    status: 'INCUBATING' | 'RECOGNISED' | 'RECTIFYING' | 'REVOKED';
    recognisedOn: string | null;
    type: string;
  };
  const check = (change: Partial<BaseEvaluation>, b: Base = recognised, years: number[] = [2025]) =>
    baseEvaluationViolations(b, { ...evaluation, ...change }, years, today).map(
      (v) => `${v.field} ${v.rule}`,
    );

  it.each<[string, Partial<BaseEvaluation>, string[]]>([
    ['three sheets for 2026', {}, []],
    ['this year, with remarks', { year: 2027, remarks: '成效显著' }, []],
    ['a year before recognition', { year: 2024 }, ['year INTEGER_RANGE']],
    ['a year to come', { year: 2028 }, ['year INTEGER_RANGE']],
    ['a year evaluated already', { year: 2025 }, ['year DUPLICATE']],
    ['a fractional year', { year: 2026.5 }, ['year INTEGER_RANGE']],
    ['no date', { evaluatedOn: '' }, ['evaluatedOn DATE']],
    ['a date before recognition', { evaluatedOn: '2025-01-01' }, ['evaluatedOn AFTER_RECOGNITION']],
    ['a future date', { evaluatedOn: '2027-06-01' }, ['evaluatedOn NOT_FUTURE']],
    ['remarks too long', { remarks: '评'.repeat(2001) }, ['remarks TOO_LONG']],
    ['two sheets', { sheets: sheets(80, 2) }, ['sheets MIN_SHEETS']],
    [
      'a score above 100',
      { sheets: sheets(80, 3, { management: 101 }) },
      [
        'sheets.0.scores.management SCORE_RANGE',
        'sheets.1.scores.management SCORE_RANGE',
        'sheets.2.scores.management SCORE_RANGE',
      ],
    ],
    [
      'a criterion of no scheme',
      {
        sheets: [
          ...sheets(80, 2),
          { expertName: '专家3', scores: { ...sheets(80)[0]!.scores, shoeSize: 1 } },
        ],
      },
      ['sheets.2.scores.shoeSize UNKNOWN_CRITERION'],
    ],
    [
      'one expert twice',
      { sheets: [...sheets(80, 2), { ...sheets(80)[0]! }] },
      ['sheets.2.expertName DUPLICATE'],
    ],
  ])('%s', (_, change, expected) => {
    expect(check(change)).toEqual(expected);
  });

  it('re-evaluates a base in rectification in a year evaluated already', () => {
    expect(check({ year: 2025 }, { ...recognised, status: 'RECTIFYING' })).toEqual([]);
  });

  it.each([
    ['INCUBATING', null],
    ['REVOKED', '2025-03-01'],
  ] as const)('is refused for a base that is %s', (status, recognisedOn) => {
    expect(check({}, { ...recognised, status, recognisedOn })).toEqual(['baseId NOT_RECOGNISED']);
  });

  // Weighted totals: 80 everywhere → 80 合格; 95 → 优秀; 60 → 不合格; the bands' floors exactly.
  it.each<[string, 'RECOGNISED' | 'RECTIFYING', EvaluationSheet[], string, string, string | null, string]>([
    ['优秀 keeps it recognised', 'RECOGNISED', sheets(95), 'EXCELLENT', 'RECOGNISED', null, '评估优秀'],
    ['合格 keeps it recognised', 'RECOGNISED', sheets(80), 'PASS', 'RECOGNISED', null, '评估合格'],
    ['70 is still 合格', 'RECOGNISED', sheets(70), 'PASS', 'RECOGNISED', null, '评估合格'],
    [
      '不合格 starts a year of rectification',
      'RECOGNISED',
      sheets(60),
      'FAIL',
      'RECTIFYING',
      '2028-03-15',
      '评估不合格，限期整改，整改期限至 2028-03-15',
    ],
    [
      'a passed re-evaluation restores it',
      'RECTIFYING',
      sheets(75),
      'PASS',
      'RECOGNISED',
      null,
      '整改后复评合格，恢复运行',
    ],
    [
      'an excellent re-evaluation restores it',
      'RECTIFYING',
      sheets(90),
      'EXCELLENT',
      'RECOGNISED',
      null,
      '整改后复评优秀，恢复运行',
    ],
    [
      'a failed re-evaluation revokes it',
      'RECTIFYING',
      sheets(69),
      'FAIL',
      'REVOKED',
      null,
      '整改后复评仍不合格，撤销认定',
    ],
  ])('%s', (_, status, s, grade, after, due, reason) => {
    const outcome = baseEvaluationOutcome({ status, type: 'INNOVATION_PARK' }, s, '2027-03-15');
    expect(outcome).toMatchObject({ grade, statusAfter: after, rectificationDueOn: due, reason });
  });

  it('weighs the criteria by the scheme and trims five sheets or more', () => {
    // cooperationResults weighs 30: 100 there and 50 elsewhere is 0.3 × 100 + 0.7 × 50 = 65.
    const weighted = baseEvaluationOutcome(
      { status: 'RECOGNISED', type: 'INNOVATION_PARK' },
      sheets(50, 3, { cooperationResults: 100 }),
      '2027-03-15',
    );
    expect(weighted).toMatchObject({ total: 65, grade: 'FAIL', trimmed: false });
    const trimmed = baseEvaluationOutcome(
      { status: 'RECOGNISED', type: 'INNOVATION_PARK' },
      [
        ...sheets(80, 3),
        { expertName: '高', scores: sheets(100)[0]!.scores },
        { expertName: '低', scores: sheets(0)[0]!.scores },
      ],
      '2027-03-15',
    );
    expect(trimmed).toMatchObject({ total: 80, trimmed: true, grade: 'PASS' });
  });
});
