import { describe, expect, it } from 'vitest';
import {
  checkOverridesShape,
  FILING_DEFAULTS,
  HUNAN_2016_PARAMETERS,
  IP_DEFAULTS,
  type MeasuresOverrides,
  type MeasuresParameters,
  resolveParameters,
  SUPPORT_DEFAULTS,
  validateMeasuresParameters,
} from './measures-parameters.js';

const rules = (overrides: MeasuresOverrides) =>
  validateMeasuresParameters(resolveParameters(HUNAN_2016_PARAMETERS, overrides)).map(
    (v) => `${v.field} ${v.rule}`,
  );

describe('measures parameters', () => {
  it('holds the 2016 provincial measures as a valid version', () => {
    expect(validateMeasuresParameters(HUNAN_2016_PARAMETERS)).toEqual([]);
    expect(HUNAN_2016_PARAMETERS.ip.debarmentYears).toBe(5);
    expect(HUNAN_2016_PARAMETERS.review.criteria).toHaveLength(8);
  });

  it('lets a city override single parameters and keeps the rest', () => {
    const city = resolveParameters(HUNAN_2016_PARAMETERS, {
      founding: { minMembers: 5, backboneRule: 'ALL_ENTERPRISES' },
    });
    expect(city.founding.minMembers).toBe(5);
    expect(city.founding.backboneRule).toBe('ALL_ENTERPRISES');
    expect(city.founding.requiredBodies).toEqual(HUNAN_2016_PARAMETERS.founding.requiredBodies);
    expect(city.review).toEqual(HUNAN_2016_PARAMETERS.review);
  });

  it.each<[string, MeasuresOverrides, string]>([
    ['too few members', { founding: { minMembers: 1 } }, 'founding.minMembers INTEGER_RANGE'],
    ['fractional members', { founding: { minMembers: 3.5 } }, 'founding.minMembers INTEGER_RANGE'],
    [
      'fewer members than the type rules ask',
      {
        founding: {
          minMembers: 2,
          memberTypeRequirements: [
            { types: ['ENTERPRISE'], min: 2, label: '企业' },
            { types: ['UNIVERSITY'], min: 1, label: '大学' },
          ],
        },
      },
      'founding.minMembers BELOW_TYPE_REQUIREMENTS',
    ],
    [
      'a type rule without types',
      { founding: { memberTypeRequirements: [{ types: [], min: 1, label: '空' }] } },
      'founding.memberTypeRequirements.0.types NON_EMPTY',
    ],
    [
      'an unknown backbone rule',
      { founding: { backboneRule: 'SOMETIMES' as never } },
      'founding.backboneRule ONE_OF',
    ],
    [
      'weights not adding to 100',
      { review: { criteria: HUNAN_2016_PARAMETERS.review.criteria.map((c) => ({ ...c, weight: 10 })) } },
      'review.criteria WEIGHTS_SUM_100',
    ],
    [
      'seven criteria',
      { review: { criteria: HUNAN_2016_PARAMETERS.review.criteria.slice(1) } },
      'review.criteria ART_11_CRITERIA',
    ],
    ['a pass mark over 100', { review: { passMark: 101 } }, 'review.passMark INTEGER_RANGE'],
    ['two experts', { review: { expertsPerApplication: 2 } }, 'review.expertsPerApplication INTEGER_RANGE'],
    [
      'a zero denominator',
      { support: { matchRatio: { numerator: 1, denominator: 0 } } },
      'support.matchRatio.denominator INTEGER_RANGE',
    ],
    [
      'a fractional ratio term',
      { support: { matchRatio: { numerator: 1.5, denominator: 1 } } },
      'support.matchRatio.numerator INTEGER_RANGE',
    ],
    ['negative debarment', { ip: { debarmentYears: -1 } }, 'ip.debarmentYears INTEGER_RANGE'],
    ['debarment for 2.5 years', { ip: { debarmentYears: 2.5 } }, 'ip.debarmentYears INTEGER_RANGE'],
    [
      'review required as a word',
      { filing: { reviewRequired: 'yes' as never } },
      'filing.reviewRequired BOOLEAN',
    ],
    ['negative notice days', { filing: { noticeDays: -1 } }, 'filing.noticeDays INTEGER_RANGE'],
    ['a two-month notice', { filing: { noticeDays: 61 } }, 'filing.noticeDays INTEGER_RANGE'],
    ['a filing valid for no year', { filing: { validityYears: 0 } }, 'filing.validityYears INTEGER_RANGE'],
    [
      'a filing valid for 2.5 years',
      { filing: { validityYears: 2.5 } },
      'filing.validityYears INTEGER_RANGE',
    ],
  ])('refuses %s', (_label, overrides, expected) => {
    expect(rules(overrides)).toContain(expected);
  });

  it('gives filings defaults a round starts from, and lets a city set its own', () => {
    expect(HUNAN_2016_PARAMETERS.filing).toEqual({ reviewRequired: false, noticeDays: 5, validityYears: 3 });
    const city = resolveParameters(HUNAN_2016_PARAMETERS, { filing: { reviewRequired: true } });
    expect(city.filing).toEqual({ reviewRequired: true, noticeDays: 5, validityYears: 3 });
    expect(rules({ filing: { noticeDays: 0, validityYears: 10 } })).toEqual([]);
  });

  it('reads a version stored before filings had parameters with the defaults', () => {
    const { filing: _filing, ...stored } = HUNAN_2016_PARAMETERS;
    const resolved = resolveParameters(stored as MeasuresParameters, { filing: { noticeDays: 7 } });
    expect(resolved.filing).toEqual({ ...FILING_DEFAULTS, noticeDays: 7 });
    expect(validateMeasuresParameters(resolved)).toEqual([]);
  });

  it('holds Art. 14 and Art. 20 as the support and IP defaults', () => {
    expect(SUPPORT_DEFAULTS).toEqual({ matchRatio: { numerator: 1, denominator: 1 } });
    expect(IP_DEFAULTS).toEqual({ debarmentYears: 5 });
    expect(HUNAN_2016_PARAMETERS.support).toEqual(SUPPORT_DEFAULTS);
    expect(HUNAN_2016_PARAMETERS.ip).toEqual(IP_DEFAULTS);
    const city = resolveParameters(HUNAN_2016_PARAMETERS, {
      support: { matchRatio: { numerator: 1, denominator: 2 } },
    });
    expect(city.support.matchRatio).toEqual({ numerator: 1, denominator: 2 });
    expect(city.ip.debarmentYears).toBe(5);
  });

  it('reads a version stored without the support or IP section with the defaults', () => {
    const { support: _support, ip: _ip, ...stored } = HUNAN_2016_PARAMETERS;
    const resolved = resolveParameters(stored as MeasuresParameters, {});
    expect(resolved.support).toEqual(SUPPORT_DEFAULTS);
    expect(resolved.ip).toEqual(IP_DEFAULTS);
    expect(validateMeasuresParameters(resolved)).toEqual([]);
  });

  it('refuses a new version without the support or IP section field by field', () => {
    const { support: _support, ip: _ip, ...draft } = HUNAN_2016_PARAMETERS;
    expect(
      validateMeasuresParameters(draft as MeasuresParameters).map((v) => `${v.field} ${v.rule}`),
    ).toEqual([
      'support.matchRatio.numerator INTEGER_RANGE',
      'support.matchRatio.denominator INTEGER_RANGE',
      'ip.debarmentYears INTEGER_RANGE',
    ]);
  });

  it('refuses a new version without the filing section field by field', () => {
    const { filing: _filing, ...draft } = HUNAN_2016_PARAMETERS;
    expect(
      validateMeasuresParameters(draft as MeasuresParameters).map((v) => `${v.field} ${v.rule}`),
    ).toEqual([
      'filing.reviewRequired BOOLEAN',
      'filing.noticeDays INTEGER_RANGE',
      'filing.validityYears INTEGER_RANGE',
    ]);
  });

  it('names every failing field at once', () => {
    expect(rules({ founding: { minMembers: 0 }, review: { passMark: -1 } })).toEqual(
      expect.arrayContaining(['founding.minMembers INTEGER_RANGE', 'review.passMark INTEGER_RANGE']),
    );
  });
});

describe('override shape', () => {
  it.each<[unknown, string[]]>([
    [{ founding: { minMembers: 4 } }, []],
    [{}, []],
    [{ filing: { noticeDays: 0 } }, []],
    [{ filing: { noticeDay: 0 } }, ['parameters.filing.noticeDay UNKNOWN_PARAMETER']],
    [{ founding: { minMember: 4 } }, ['parameters.founding.minMember UNKNOWN_PARAMETER']],
    [{ fees: {} }, ['parameters.fees UNKNOWN_PARAMETER']],
    [{ founding: 4 }, ['parameters.founding OBJECT']],
    [[1], ['parameters OBJECT']],
  ])('%j → %j', (overrides, expected) => {
    expect(checkOverridesShape(overrides).map((v) => `${v.field} ${v.rule}`)).toEqual(expected);
  });
});
