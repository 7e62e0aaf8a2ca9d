import { describe, expect, it } from 'vitest';
import {
  type BaseEvaluation,
  baseEvaluationViolations,
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
    ['INCUBATING', 'REVOKE', 'REVOKED'],
    ['RECOGNISED', 'REVOKE', 'REVOKED'],
    ['REVOKED', 'REVOKE', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(cooperationBaseNext(from, action)).toBe(to);
  });
});

describe('a periodic evaluation', () => {
  const recognised = { status: 'RECOGNISED' as const, recognisedOn: '2025-03-01' };
  const evaluation: BaseEvaluation = {
    year: 2026,
    grade: 'QUALIFIED',
    evaluatedOn: '2027-03-15',
    remarks: '',
  };
  const check = (
    change: Partial<BaseEvaluation>,
    b: { status: 'INCUBATING' | 'RECOGNISED' | 'REVOKED'; recognisedOn: string | null } = recognised,
    years: number[] = [2025],
  ) =>
    baseEvaluationViolations(b, { ...evaluation, ...change }, years, today).map(
      (v) => `${v.field} ${v.rule}`,
    );

  it.each<[string, Partial<BaseEvaluation>, string[]]>([
    ['合格 for 2026', {}, []],
    ['优秀 with remarks', { grade: 'EXCELLENT', remarks: '成效显著' }, []],
    ['不合格', { grade: 'UNQUALIFIED' }, []],
    ['a grade not in the list', { grade: 'GOOD' }, ['grade ONE_OF']],
    ['a year before recognition', { year: 2024 }, ['year INTEGER_RANGE']],
    ['a year evaluated already', { year: 2025 }, ['year DUPLICATE']],
    ['a fractional year', { year: 2026.5 }, ['year INTEGER_RANGE']],
    ['no date', { evaluatedOn: '' }, ['evaluatedOn DATE']],
    ['a date before recognition', { evaluatedOn: '2025-01-01' }, ['evaluatedOn AFTER_RECOGNITION']],
    ['a future date', { evaluatedOn: '2027-06-01' }, ['evaluatedOn NOT_FUTURE']],
    ['remarks too long', { remarks: '评'.repeat(2001) }, ['remarks TOO_LONG']],
  ])('%s', (_, change, expected) => {
    expect(check(change)).toEqual(expected);
  });

  it.each([
    ['INCUBATING', null],
    ['REVOKED', '2025-03-01'],
  ] as const)('is refused for a base that is %s', (status, recognisedOn) => {
    expect(check({}, { status, recognisedOn })).toEqual(['baseId NOT_RECOGNISED']);
  });
});
