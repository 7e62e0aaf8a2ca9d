import { describe, expect, it } from 'vitest';
import { HUNAN_2016_PARAMETERS } from '../measures/measures-parameters.js';
import {
  fenOrNull,
  parseProgrammeApplicationDossier,
  parseProgrammeDecisionBasis,
  type ProgrammeApplicationDossier,
} from './programme-records.js';

const dossier: ProgrammeApplicationDossier = {
  asOf: '2027-05-10',
  programme: {
    id: 'prog-1',
    tenantId: '430000',
    kind: 'PLAN_PROJECT',
    name: '2027 年度省科技计划',
    year: 2027,
    perProjectCapFen: '500000000',
    criteria: HUNAN_2016_PARAMETERS.review.criteria.map((c) => ({ ...c })),
  },
  call: {
    id: 'call-1',
    notice: '湘科计〔2027〕5号',
    requiredDocuments: ['APPLICATION_FORM', 'BUDGET_STATEMENT'],
  },
  alliance: {
    id: 'al-1',
    tenantId: '430200',
    name: '株洲轨道交通联盟',
    pilotStatus: 'PROVINCIAL_PILOT',
    nationalPilot: false,
  },
  measures: { id: 'm-1', tenantId: '430000', versionNo: 1 },
  form: {
    title: '牵引系统国产化',
    startOn: '2027-07-01',
    endOn: '2029-06-30',
    requestedSupportFen: '300000000',
    responsibleUnit: { organizationId: 'org-chair', name: '理事长单位' },
    responsiblePerson: '李工',
    participants: [{ organizationId: 'org-chair', name: '理事长单位', task: '总体' }],
    ipTerms: {
      ownership: '归完成单位',
      licensing: '省内优先',
      benefitShares: [{ organizationId: 'org-chair', name: '理事长单位', basisPoints: 10000 }],
      onDissolution: '承继',
      onMemberExit: '承继',
    },
    sections: { objectives: '目标' },
    particulars: {},
    documentKinds: ['APPLICATION_FORM', 'COMMITMENT_LETTER'],
  },
  agreement: {
    version: 2,
    ownership: '归完成单位',
    licensing: '省内优先',
    benefitSharing: '按投入',
    onDissolution: '协商',
    onMemberExit: '保留',
  },
  priorInvestments: [
    {
      description: '中试线',
      declaredFen: '500000000',
      evidenceDocumentCount: 2,
      verification: { verifiedFen: '400000000', reason: '核减', verifiedOn: '2027-04-01' },
    },
    { description: '设备', declaredFen: '100000000', evidenceDocumentCount: 1, verification: null },
  ],
};

describe('the stored dossier', () => {
  it('reads back what was frozen', () => {
    expect(parseProgrammeApplicationDossier(JSON.parse(JSON.stringify(dossier)))).toEqual(dossier);
  });

  it('reads an empty row as empty parts', () => {
    const empty = parseProgrammeApplicationDossier(null);
    expect(empty.asOf).toBeNull();
    expect(empty.programme.kind).toBeNull();
    expect(empty.form.participants).toEqual([]);
    expect(empty.form.requestedSupportFen).toBe('0');
    expect(empty.agreement).toBeNull();
    expect(empty.priorInvestments).toEqual([]);
  });

  it('drops what is not of the shape: unknown kinds, bad amounts, nameless units', () => {
    const parsed = parseProgrammeApplicationDossier({
      ...dossier,
      programme: { ...dossier.programme, kind: 'PLATFORM', perProjectCapFen: 5e8 },
      call: { ...dossier.call, requiredDocuments: ['APPLICATION_FORM', 'SELFIE'] },
      form: {
        ...dossier.form,
        requestedSupportFen: '3e8',
        participants: [{ name: '无编号单位' }, dossier.form.participants[0]],
        ipTerms: { ...dossier.form.ipTerms, benefitShares: [{ organizationId: 'x', basisPoints: '50' }] },
        sections: { objectives: '目标', indicators: 7 },
        particulars: { partnerCountry: 'DE', mode: 3 },
      },
      priorInvestments: [
        { declaredFen: 'lots' },
        { ...dossier.priorInvestments[0], verification: { verifiedFen: -1 } },
      ],
    });
    expect(parsed.programme.kind).toBeNull();
    expect(parsed.programme.perProjectCapFen).toBeNull();
    expect(parsed.call.requiredDocuments).toEqual(['APPLICATION_FORM']);
    expect(parsed.form.requestedSupportFen).toBe('0');
    expect(parsed.form.participants).toEqual(dossier.form.participants);
    expect(parsed.form.ipTerms.benefitShares).toEqual([]);
    expect(parsed.form.sections).toEqual({ objectives: '目标' });
    expect(parsed.form.particulars).toEqual({ partnerCountry: 'DE' });
    expect(parsed.priorInvestments).toEqual([{ ...dossier.priorInvestments[0], verification: null }]);
  });
});

describe('the stored decision basis', () => {
  it('reads an award’s basis', () => {
    const basis = {
      reason: '专家评审通过',
      awardFen: '300000000',
      verifiedInvestmentFen: '400000000',
      matchRatio: { numerator: 1, denominator: 1 },
      supportCeilingFen: '400000000',
      reviewTotal: 86.4,
      passes: true,
    };
    expect(parseProgrammeDecisionBasis(basis)).toEqual(basis);
  });

  it('reads a decline’s basis and nothing as null', () => {
    expect(parseProgrammeDecisionBasis({ reason: '评审未通过' })).toEqual({
      reason: '评审未通过',
      awardFen: null,
      verifiedInvestmentFen: null,
      matchRatio: null,
      supportCeilingFen: null,
      reviewTotal: null,
      passes: null,
    });
    expect(parseProgrammeDecisionBasis(null)).toBeNull();
    expect(parseProgrammeDecisionBasis([1])).toBeNull();
  });

  it.each([
    ['300000000', '300000000'],
    ['0', '0'],
    ['-1', null],
    ['1.5', null],
    [300000000, null],
  ])('reads %j as the amount %j', (value, fen) => {
    expect(fenOrNull(value)).toBe(fen);
  });
});

describe('the programme criteria frozen in a dossier', () => {
  const eight = HUNAN_2016_PARAMETERS.review.criteria;
  const reweighted = eight.map((c, i) => ({
    key: c.key,
    weight: i === 0 ? c.weight + 5 : i === 1 ? c.weight - 5 : c.weight,
  }));
  it.each<[string, unknown, unknown]>([
    ["the programme's own weights", reweighted, reweighted],
    ["the measures' weights", eight, eight],
    ['none (an older dossier)', undefined, null],
    ['seven criteria', eight.slice(1), null],
    ['weights summing to 95', eight.map((c, i) => (i === 0 ? { ...c, weight: c.weight - 5 } : c)), null],
    ['a criterion not of Art. 11', eight.map((c, i) => (i === 0 ? { ...c, key: 'POPULARITY' } : c)), null],
    [
      'a fractional weight',
      eight.map((c, i) =>
        i === 0 ? { ...c, weight: c.weight + 0.5 } : i === 1 ? { ...c, weight: c.weight - 0.5 } : c,
      ),
      null,
    ],
  ])('%s', (_name, stored, expected) => {
    const parsed = parseProgrammeApplicationDossier({
      ...dossier,
      programme: { ...dossier.programme, criteria: stored },
    });
    expect(parsed.programme.criteria).toEqual(expected);
  });
});
