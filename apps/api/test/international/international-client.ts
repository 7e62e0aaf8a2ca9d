import { COOPERATION_BASE_EVALUATION } from '@xiangmeng/domain';
import { upload } from '../filings/filing-client';
import type { GraphqlAgent } from '../support/harness';
import { dataOf, uniqueName } from '../support/register-client';
import { formInput, type Pilot } from '../programmes/programme-application-client';

// Operations and inputs of the international slice's tests.

export const BASE_FIELDS = `id allianceId allianceName hostOrganizationId hostName name type level status statusLabel
  rectificationDueOn recognisedOn recognitionDocumentId recognitionDocumentName revokedOn revocationReason version
  evaluations { id year grade gradeLabel total evaluatedOn statusBefore statusAfter remarks
    sheets { expertName scores { key score } } }`;
export const PROJECT_FIELDS = `id programmeId programmeName applicationId allianceId title state awardFen awardedOn
  responsibleUnitName memberUnitNames partnerName partnerCountry partnerCountryName mode`;

export type BaseView = {
  id: string;
  allianceId: string;
  hostOrganizationId: string;
  name: string;
  type: string;
  level: string;
  status: string;
  statusLabel: string;
  rectificationDueOn: string | null;
  recognisedOn: string | null;
  recognitionDocumentId: string | null;
  revokedOn: string | null;
  revocationReason: string | null;
  version: number;
  evaluations: {
    id: string;
    year: number;
    grade: string;
    gradeLabel: string;
    total: string | null;
    evaluatedOn: string;
    statusBefore: string;
    statusAfter: string;
    remarks: string;
    sheets: { expertName: string; scores: { key: string; score: number }[] }[];
  }[];
};

export type InternationalProjectView = {
  id: string;
  applicationId: string;
  title: string;
  awardFen: string;
  responsibleUnitName: string;
  memberUnitNames: string[];
  partnerName: string;
  partnerCountry: string;
  partnerCountryName: string;
  mode: string | null;
};

export const INTL = {
  register: `mutation ($input: RegisterCooperationBaseInput!) { registerCooperationBase(input: $input) { ${BASE_FIELDS} } }`,
  recognise: `mutation ($input: RecogniseCooperationBaseInput!) { recogniseCooperationBase(input: $input) { ${BASE_FIELDS} } }`,
  revoke: `mutation ($input: RevokeCooperationBaseInput!) { revokeCooperationBase(input: $input) { ${BASE_FIELDS} } }`,
  evaluate: `mutation ($input: RecordCooperationBaseEvaluationInput!) {
    recordCooperationBaseEvaluation(input: $input) { ${BASE_FIELDS} } }`,
  base: `query ($id: ID!) { cooperationBase(id: $id) { ${BASE_FIELDS} } }`,
  bases: `query ($filter: CooperationBaseFilterInput) { cooperationBases(filter: $filter) { totalCount items { id status } } }`,
  project: `query ($id: ID!) { internationalProject(id: $id) { ${PROJECT_FIELDS} } }`,
  projects: `query ($filter: InternationalProjectFilterInput) {
    internationalProjects(filter: $filter) { totalCount items { ${PROJECT_FIELDS} } } }`,
} as const;

export const GERMAN_PARTNER = 'Fraunhofer-Institut für Verkehrs- und Infrastruktursysteme IVI';

/** Three experts scoring every criterion of the bases' scheme `score` (weighted total = score). */
export function baseSheets(score: number, experts = ['基地评估专家甲', '基地评估专家乙', '基地评估专家丙']) {
  return experts.map((expertName) => ({
    expertName,
    scores: COOPERATION_BASE_EVALUATION.criteria.map((c) => ({ key: c.key, score })),
  }));
}

/** The evaluation input of a base at its version, every criterion scored `score`. */
export function baseEvaluationInput(
  base: { id: string; version: number },
  overrides: Record<string, unknown> = {},
  score = 80,
) {
  return {
    baseId: base.id,
    version: base.version,
    year: 2027,
    evaluatedOn: '2027-05-20',
    sheets: baseSheets(score),
    remarks: '',
    ...overrides,
  };
}

export function baseInput(
  allianceId: string,
  hostOrganizationId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    allianceId,
    hostOrganizationId,
    name: uniqueName('湖南中德轨道交通国际联合研究中心'),
    type: 'JOINT_RESEARCH_CENTRE',
    level: 'PROVINCIAL',
    status: 'INCUBATING',
    ...overrides,
  };
}

export async function registeredBase(
  agent: GraphqlAgent,
  allianceId: string,
  hostOrganizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<BaseView> {
  return dataOf(
    await agent.send<{ registerCooperationBase: BaseView }>(INTL.register, {
      input: baseInput(allianceId, hostOrganizationId, overrides),
    }),
  ).registerCooperationBase;
}

/** The international form: the common frame of formInput with the kind's sections, particulars and the agreement. */
export async function internationalForm(
  agent: GraphqlAgent,
  application: { id: string; version: number },
  pilot: Pilot,
  particulars: Record<string, string> = {},
) {
  const agreement = await upload(agent, pilot.allianceId);
  return formInput(application, pilot, {
    title: '轨道交通牵引系统中德联合研发',
    requestedSupportFen: String(2_000_000 * 100),
    sections: [
      { key: 'cooperationBasis', text: '双方自 2022 年起合作开展牵引变流器可靠性研究' },
      { key: 'objectives', text: '联合研发新一代永磁牵引系统' },
      { key: 'schedule', text: '两年三阶段' },
      { key: 'expectedResults', text: '样机两台、联合专利三项' },
    ],
    particulars: Object.entries({
      partnerName: GERMAN_PARTNER,
      partnerCountry: 'DE',
      mode: 'JOINT_RESEARCH',
      ...particulars,
    }).map(([key, value]) => ({ key, value })),
    documents: [
      { documentId: pilot.documents.APPLICATION_FORM, kind: 'APPLICATION_FORM' },
      { documentId: pilot.documents.COMMITMENT_LETTER, kind: 'COMMITMENT_LETTER' },
      { documentId: pilot.documents.ALLIANCE_AGREEMENT, kind: 'ALLIANCE_AGREEMENT' },
      { documentId: pilot.documents.BUDGET_STATEMENT, kind: 'BUDGET_STATEMENT' },
      { documentId: agreement, kind: 'INTERNATIONAL_AGREEMENT' },
    ],
  });
}
