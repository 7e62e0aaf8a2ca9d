import { PLATFORM_KINDS } from '@xiangmeng/domain';
import type { GraphqlAgent, GraphqlResponse, TestApi } from '../support/harness';
import { dataOf } from '../support/register-client';
import {
  act,
  type ApplicationView,
  formInput,
  PA,
  type Pilot,
  reviewed,
  type World,
} from '../programmes/programme-application-client';

// Operations and steps of the platform tests: a recognition call of the province, a 株洲 pilot's
// application for a provincial engineering technology research centre, its recognition, reports
// and evaluations.

export const PLATFORM_FIELDS = `id tenantId allianceId allianceName kind kindLabel level levelLabel name hostOrganizationId
  hostName members { organizationId name role } field fieldName recognitionDocument recognisedOn director status
  statusLabel rectificationDueOn removedReason applicationId version currentReportDueOn evaluable`;
export const DETAIL_FIELDS = `${PLATFORM_FIELDS}
  events { id fromStatus toStatus toStatusLabel reason effectiveOn }
  reports { id year staff rdSpendingFen projects papers patents standards industryServices }
  evaluations { id year evaluatedOn total grade gradeLabel statusBefore statusAfter sheets { expertName scores { key score } } }`;

export type PlatformView = {
  id: string;
  tenantId: string;
  allianceName: string;
  kind: string;
  level: string;
  name: string;
  hostOrganizationId: string;
  members: { organizationId: string; role: string }[];
  field: string;
  recognitionDocument: string;
  recognisedOn: string;
  director: string;
  status: string;
  rectificationDueOn: string | null;
  removedReason: string | null;
  applicationId: string | null;
  version: number;
  evaluable: boolean;
  events: { fromStatus: string | null; toStatus: string; reason: string; effectiveOn: string }[];
  reports: { year: number; rdSpendingFen: string }[];
  evaluations: { total: string; grade: string; statusBefore: string; statusAfter: string }[];
};

export const P = {
  platforms: `query ($filter: PlatformFilterInput) { platforms(filter: $filter) { totalCount items { ${PLATFORM_FIELDS} } } }`,
  platform: `query ($id: ID!) { platform(id: $id) { ${DETAIL_FIELDS} } }`,
  fileReport: `mutation ($input: FilePlatformReportInput!) { filePlatformReport(input: $input) { ${DETAIL_FIELDS} } }`,
  evaluate: `mutation ($input: EvaluatePlatformInput!) { evaluatePlatform(input: $input) { ${DETAIL_FIELDS} } }`,
};

export const RECOGNITION_DOCUMENTS = ['APPLICATION_FORM', 'COOPERATION_AGREEMENT'];

/** The platform form: the centre's name, host (the chair), director, co-builders and its four parts. */
export function platformFormInput(application: { id: string; version: number }, pilot: Pilot) {
  const [host, second, third] = pilot.members;
  return formInput(application, pilot, {
    title: '湖南省轨道交通装备关键部件工程技术研究中心',
    requestedSupportFen: '0',
    responsibleUnitId: host!.id,
    responsiblePerson: '王建国',
    participants: [
      { organizationId: host!.id, task: '依托建设，提供中试基地' },
      { organizationId: second!.id, task: '共建材料研究室' },
      { organizationId: third!.id, task: '共建测试评价平台' },
    ],
    sections: [
      { key: 'platformPlan', text: '面向轨道交通装备关键部件的工程化研究与验证' },
      { key: 'conditions', text: '中试场地 3000 平方米，设备原值 8000 万元，固定人员 45 人' },
      { key: 'coBuilding', text: '三方共建，理事会领导下的主任负责制' },
      { key: 'expectedResults', text: '三年内转化成果二十项，服务企业百家' },
    ],
    documents: [
      { documentId: pilot.documents.APPLICATION_FORM, kind: 'APPLICATION_FORM' },
      { documentId: pilot.documents.ALLIANCE_AGREEMENT, kind: 'COOPERATION_AGREEMENT' },
    ],
  });
}

export function recognitionInput(overrides: Record<string, unknown> = {}) {
  return {
    platformKind: 'ENGINEERING_RESEARCH_CENTRE',
    field: 'SE0703',
    recognitionDocument: '湘科计〔2027〕21号',
    ...overrides,
  };
}

/** A platform application through the engine to REVIEWED (the recognition call is the world's). */
export async function reviewedRecognition(api: TestApi, w: World, pilot: Pilot, industry: string) {
  const created = dataOf(
    await w.zzOfficer.send<{ createProgrammeApplication: ApplicationView }>(PA.create, {
      input: { callId: w.call.id, allianceId: pilot.allianceId },
    }),
  ).createProgrammeApplication;
  const draft = dataOf(
    await w.zzOfficer.send<{ saveProgrammeApplicationForm: ApplicationView }>(PA.save, {
      input: platformFormInput(created, pilot),
    }),
  ).saveProgrammeApplicationForm;
  return reviewed(api, w, draft, industry);
}

/** Recognised: the province's admin decides; the platform enters the register. */
export async function recognised(api: TestApi, w: World, pilot: Pilot, industry: string) {
  const a = await reviewedRecognition(api, w, pilot, industry);
  const decided = await act(w.provAdmin, a, 'AWARD', {
    reason: '经专家评审，同意认定',
    recognition: recognitionInput({ field: industry }),
  });
  return { application: decided as ApplicationView & { recognisedPlatformId: string | null } };
}

export function reportInput(platformId: string, overrides: Record<string, unknown> = {}) {
  return {
    platformId,
    year: 2027,
    staff: 45,
    rdSpendingFen: '1250000000',
    projects: 12,
    papers: 30,
    patents: 8,
    standards: 2,
    industryServices: 60,
    ...overrides,
  };
}

/** Three experts giving every criterion of the kind's scheme the same score. */
export function sheetsScoring(
  score: number,
  kind = 'ENGINEERING_RESEARCH_CENTRE' as keyof typeof PLATFORM_KINDS,
) {
  return ['甲专家', '乙专家', '丙专家'].map((expertName) => ({
    expertName,
    scores: PLATFORM_KINDS[kind].evaluation.criteria.map((c) => ({ key: c.key, score })),
  }));
}

export function evaluationInput(
  platform: { id: string; version: number },
  score: number,
  overrides: Record<string, unknown> = {},
) {
  return {
    platformId: platform.id,
    version: platform.version,
    year: 2027,
    evaluatedOn: '2027-06-01',
    sheets: sheetsScoring(score),
    ...overrides,
  };
}

export async function platformOf(agent: GraphqlAgent, id: string): Promise<PlatformView> {
  return dataOf(await agent.send<{ platform: PlatformView }>(P.platform, { id })).platform;
}

export function send<T>(agent: GraphqlAgent, query: string, input: unknown): Promise<GraphqlResponse<T>> {
  return agent.send<T>(query, { input });
}
