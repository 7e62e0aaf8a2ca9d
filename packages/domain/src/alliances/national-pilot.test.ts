import { describe, expect, it } from 'vitest';
import {
  isNationalPilotOn,
  type NationalPilotDesignation,
  nationalPilotActiveOn,
  nationalPilotDesignationViolations,
  nationalPilotTag,
  nationalPilotWithdrawalViolations,
} from './national-pilot.js';

const TODAY = '2027-06-15';
const valid = { allianceId: 'a1', documentNumber: '国科发创〔2027〕15号', designatedOn: '2027-03-01' };
const designation: NationalPilotDesignation = { ...valid, withdrawal: null };

describe('nationalPilotDesignationViolations', () => {
  it('accepts a designation stated in full, up to today', () => {
    expect(nationalPilotDesignationViolations(valid, TODAY)).toEqual([]);
    expect(nationalPilotDesignationViolations({ ...valid, designatedOn: TODAY }, TODAY)).toEqual([]);
  });

  it.each([
    ['no alliance', { allianceId: ' ' }, 'allianceId', 'REQUIRED'],
    ['no document number', { documentNumber: '  ' }, 'documentNumber', 'REQUIRED'],
    ['a document number too long', { documentNumber: '文'.repeat(101) }, 'documentNumber', 'TOO_LONG'],
    ['a control character', { documentNumber: '国科\u0000发' }, 'documentNumber', 'CONTROL_CHARACTER'],
    ['no date', { designatedOn: '' }, 'designatedOn', 'DATE'],
    ['a date that is none', { designatedOn: '2027-02-30' }, 'designatedOn', 'DATE'],
    ['a day yet to come', { designatedOn: '2027-06-16' }, 'designatedOn', 'NOT_IN_FUTURE'],
  ])('refuses %s, naming the field and the rule', (_name, change, field, rule) => {
    const v = nationalPilotDesignationViolations({ ...valid, ...change }, TODAY);
    expect(v.map((x) => [x.field, x.rule])).toEqual([[field, rule]]);
    expect(v[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('nationalPilotWithdrawalViolations', () => {
  it('accepts a reason on a day after the designation', () => {
    expect(nationalPilotWithdrawalViolations(designation, '科技部撤销认定', TODAY)).toEqual([]);
  });

  it.each([
    ['no reason', designation, ' ', 'reason', 'REQUIRED'],
    [
      'a second withdrawal',
      { ...designation, withdrawal: { on: '2027-05-01', reason: 'x' } },
      '再次撤销',
      'withdrawal',
      'ALREADY_WITHDRAWN',
    ],
    ['a day before the designation', { ...designation, designatedOn: '2027-07-01' }, '理由', 'on', 'NOT_BEFORE_DESIGNATION'],
  ])('refuses %s', (_name, d, reason, field, rule) => {
    expect(nationalPilotWithdrawalViolations(d, reason, TODAY).map((x) => [x.field, x.rule])).toEqual([
      [field, rule],
    ]);
  });
});

describe('nationalPilotActiveOn', () => {
  const withdrawn = { ...designation, withdrawal: { on: '2027-05-10', reason: '撤销' } };
  it.each([
    [designation, '2027-02-28', false],
    [designation, '2027-03-01', true],
    [designation, '2030-01-01', true],
    [withdrawn, '2027-05-09', true],
    [withdrawn, '2027-05-10', false],
    [withdrawn, '2027-06-01', false],
  ])('%o on %s → %s', (d, date, active) => {
    expect(nationalPilotActiveOn(d, date)).toBe(active);
  });

  it('finds the alliance on the list by any designation in force', () => {
    const list = [withdrawn, { ...designation, designatedOn: '2027-06-01' }];
    expect(isNationalPilotOn(list, 'a1', '2027-05-20')).toBe(false);
    expect(isNationalPilotOn(list, 'a1', '2027-06-01')).toBe(true);
    expect(isNationalPilotOn(list, 'other', '2027-06-01')).toBe(false);
  });
});

it('tags with the document number and the day', () => {
  expect(nationalPilotTag(valid)).toBe('国家级试点（国科发创〔2027〕15号，2027-03-01认定）');
});
