import { describe, expect, it } from 'vitest';
import {
  type FilingDossier,
  type FilingEligibilityFacts,
  filingDossierGaps,
  filingEligibilityViolations,
  filingViolations,
  SIGNIFICANCE_MAX_CHARS,
  SIGNIFICANCE_MIN_CHARS,
} from './filing-eligibility.js';
import { DEFAULT_FILING_DOCUMENTS } from './filing-round.js';
import { FilingState } from './filing-workflow.js';

const ZHUZHOU = 'zhuzhou';
const CHANGSHA = 'changsha';
const PROVINCE = 'province';

const cityPilot: FilingEligibilityFacts = {
  filingTenantId: ZHUZHOU,
  alliance: { tenantId: ZHUZHOU, status: 'ESTABLISHED', dissolvedOn: null, pilotStatus: 'CITY_PILOT' },
  pilotDecision: {
    level: 'CITY',
    authorityTenantId: ZHUZHOU,
    recommendingTenantId: ZHUZHOU,
    decidedOn: '2026-11-20',
  },
  otherFilingStates: [],
};

const hostedProvincialPilot: FilingEligibilityFacts = {
  ...cityPilot,
  alliance: { ...cityPilot.alliance, pilotStatus: 'PROVINCIAL_PILOT' },
  pilotDecision: {
    level: 'PROVINCIAL',
    authorityTenantId: PROVINCE,
    recommendingTenantId: ZHUZHOU,
    decidedOn: '2026-06-30',
  },
};

const round = { requiredDocuments: [...DEFAULT_FILING_DOCUMENTS], documentNumber: '湘科函〔2027〕8号' };
const statement = '联盟聚焦轨道交通装备关键零部件，牵头制定行业标准两项，带动全省产业链上下游企业协同攻关。';
const dossier: FilingDossier = {
  significance: statement,
  level: 'PROVINCIAL',
  documentKinds: [...DEFAULT_FILING_DOCUMENTS, 'ATTACHMENT'],
};

const rules = (facts: FilingEligibilityFacts) =>
  filingEligibilityViolations(facts).map((v) => `${v.field} ${v.rule}`);

describe('who files what (Art. 21)', () => {
  it.each([
    ['its own city pilot', cityPilot],
    ['a provincial pilot it hosts', hostedProvincialPilot],
    [
      'again after a refusal, a withdrawal and a revocation',
      { ...cityPilot, otherFilingStates: ['REFUSED', 'WITHDRAWN', 'REVOKED'] },
    ],
  ] as const)('lets a city file %s', (_name, facts) => {
    expect(filingEligibilityViolations(facts)).toEqual([]);
    expect(filingViolations(facts, dossier, round)).toEqual([]);
  });

  it.each<[string, Partial<FilingEligibilityFacts>, string[]]>([
    [
      'another city’s alliance',
      { filingTenantId: CHANGSHA },
      ['allianceId NOT_OWN_REGISTER', 'pilotDecision PILOT_OF_ANOTHER_CITY'],
    ],
    [
      'an alliance still forming',
      { alliance: { ...cityPilot.alliance, status: 'FORMING' } },
      ['allianceId NOT_ESTABLISHED'],
    ],
    [
      'a dissolved alliance',
      { alliance: { ...cityPilot.alliance, status: 'DISSOLVED', dissolvedOn: '2027-01-05' } },
      ['allianceId DISSOLVED'],
    ],
    [
      'an alliance dissolved but still marked established',
      { alliance: { ...cityPilot.alliance, dissolvedOn: '2027-01-05' } },
      ['allianceId DISSOLVED'],
    ],
    ['an alliance no pilot process confirmed', { pilotDecision: null }, ['allianceId NOT_A_PILOT']],
    [
      'an alliance whose pilot status was withdrawn',
      { alliance: { ...cityPilot.alliance, pilotStatus: 'NONE' } },
      ['allianceId NOT_A_PILOT'],
    ],
    [
      'a city pilot another city confirmed',
      { pilotDecision: { ...cityPilot.pilotDecision!, authorityTenantId: CHANGSHA } },
      ['pilotDecision PILOT_OF_ANOTHER_CITY'],
    ],
    [
      'a provincial pilot another city hosts',
      {
        ...hostedProvincialPilot,
        pilotDecision: { ...hostedProvincialPilot.pilotDecision!, recommendingTenantId: CHANGSHA },
      },
      ['pilotDecision PROVINCIAL_PILOT_NOT_HOSTED'],
    ],
    [
      'an alliance with a filing under way',
      { otherFilingStates: ['SUBMITTED'] },
      ['allianceId ALREADY_FILED'],
    ],
    [
      'an alliance already filed',
      { otherFilingStates: ['WITHDRAWN', 'FILED'] },
      ['allianceId ALREADY_FILED'],
    ],
    [
      'an alliance with a suspended filing',
      { otherFilingStates: ['SUSPENDED'] },
      ['allianceId ALREADY_FILED'],
    ],
    ['an alliance with a draft', { otherFilingStates: ['DRAFT'] }, ['allianceId ALREADY_FILED']],
  ])('refuses %s', (_name, change, expected) => {
    expect(rules({ ...cityPilot, ...change })).toEqual(expected);
  });

  it('counts every state but the lapsed ones as the alliance’s one filing', () => {
    const blocking = Object.values(FilingState).filter(
      (s) => rules({ ...cityPilot, otherFilingStates: [s] }).length,
    );
    expect(blocking).toEqual([
      'DRAFT',
      'SUBMITTED',
      'ACCEPTED',
      'RETURNED',
      'IN_REVIEW',
      'REVIEWED',
      'PUBLICISED',
      'FILED',
      'CHANGE_SUBMITTED',
      'SUSPENDED',
    ]);
  });

  it('names the article in the field and in the words', () => {
    expect(filingEligibilityViolations({ ...cityPilot, pilotDecision: null })).toEqual([
      {
        field: 'allianceId',
        rule: 'NOT_A_PILOT',
        article: '第二十一条',
        message: '只有经本市州试点程序确认的试点联盟，或本市州承建的省级试点联盟，可以备案（第二十一条）',
      },
    ]);
    const [forming] = filingEligibilityViolations({
      ...cityPilot,
      alliance: { ...cityPilot.alliance, status: 'FORMING' },
    });
    expect(forming).toMatchObject({
      article: '第八条',
      message: '只有已成立的联盟可以备案，该联盟现为「筹建中」（第八条）',
    });
  });
});

describe('the dossier', () => {
  const gaps = (change: Partial<FilingDossier>, documents = round.requiredDocuments) =>
    filingDossierGaps({ ...dossier, ...change }, { ...round, requiredDocuments: documents }).map(
      (v) => `${v.field} ${v.rule}`,
    );

  it.each<[string, Partial<FilingDossier>, string[]]>([
    ['no statement', { significance: '  \n ' }, ['significance REQUIRED']],
    ['a statement too short', { significance: '影响重大'.repeat(4) }, ['significance TOO_SHORT']],
    [
      'a statement too long',
      { significance: '联'.repeat(SIGNIFICANCE_MAX_CHARS + 1) },
      ['significance TOO_LONG'],
    ],
    ['a NUL in the statement', { significance: `${statement}\u0000` }, ['significance CONTROL_CHARACTER']],
    ['no level claimed', { level: null }, ['level REQUIRED']],
    ['a level not offered', { level: 'GLOBAL' as never }, ['level REQUIRED']],
    [
      'no recommendation letter',
      { documentKinds: ['FILING_FORM', 'AGREEMENT_OR_CHARTER', 'COUNCIL_COMPOSITION', 'PILOT_DECISION'] },
      ['documents.RECOMMENDATION_LETTER REQUIRED_DOCUMENT'],
    ],
    [
      'nothing attached',
      { documentKinds: [] },
      DEFAULT_FILING_DOCUMENTS.map((k) => `documents.${k} REQUIRED_DOCUMENT`),
    ],
  ])('names %s', (_name, change, expected) => {
    expect(gaps(change)).toEqual(expected);
  });

  it.each([
    ['exactly the shortest statement', '联'.repeat(SIGNIFICANCE_MIN_CHARS)],
    ['exactly the longest', '联'.repeat(SIGNIFICANCE_MAX_CHARS)],
    // Counted in characters, not UTF-16 units: 20 characters outside the BMP are 20, not 40.
    ['characters outside the basic plane', '𠀋'.repeat(SIGNIFICANCE_MIN_CHARS)],
    ['several lines', `${statement}\n第二段：带动就业。`],
  ])('accepts %s', (_name, significance) => {
    expect(gaps({ significance })).toEqual([]);
  });

  it('asks only for what the round requires, and counts the statement after trimming', () => {
    expect(gaps({ documentKinds: [] }, [])).toEqual([]);
    expect(gaps({ significance: `   ${'联'.repeat(SIGNIFICANCE_MIN_CHARS - 1)}   ` })).toEqual([
      'significance TOO_SHORT',
    ]);
  });

  it('names the round’s notice as the basis of a missing document', () => {
    expect(
      filingDossierGaps(
        { ...dossier, documentKinds: [] },
        { ...round, requiredDocuments: ['PILOT_DECISION'] },
      ),
    ).toEqual([
      {
        field: 'documents.PILOT_DECISION',
        rule: 'REQUIRED_DOCUMENT',
        article: '湘科函〔2027〕8号',
        message: '备案批次要求提交试点确认文件，尚未附上（湘科函〔2027〕8号）',
      },
    ]);
  });

  it('lists the alliance’s refusals before the dossier’s', () => {
    expect(
      filingViolations({ ...cityPilot, pilotDecision: null }, { ...dossier, level: null }, round).map(
        (v) => v.rule,
      ),
    ).toEqual(['NOT_A_PILOT', 'REQUIRED']);
  });
});
