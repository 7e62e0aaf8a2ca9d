import { HUNAN_2016_PARAMETERS } from '@xiangmeng/domain';
import { randomBytes } from 'node:crypto';
import type { GraphqlAgent } from '../support/harness';
import { dataOf } from '../support/register-client';

// Operations and helpers for the programme and debarment tests.

export const PROGRAMME_FIELDS = `id name kind kindLabel year level totalBudgetFen perProjectCapFen measuresVersionNo
  criteria { key label weight } awardNoticeDays acceptanceNoticeDays status publishedAt version isMine
  authority { code } measures { id versionNo }`;

export type ProgrammeView = {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  year: number;
  level: string;
  totalBudgetFen: string;
  perProjectCapFen: string | null;
  measuresVersionNo: number;
  criteria: { key: string; label: string; weight: number }[];
  awardNoticeDays: number;
  acceptanceNoticeDays: number;
  status: 'DRAFT' | 'PUBLISHED';
  publishedAt: string | null;
  version: number;
  isMine: boolean;
  authority: { code: string };
  measures: { id: string; versionNo: number };
};

export const DEBARMENT_FIELDS = `id organizationId organizationName organizationCreditCode authority { code }
  reason article decisionDocument fromDate untilDate debarmentYears measuresId measuresVersionNo recordedAt
  lifting { on reason at } activeToday refusalMessage isMine evidence recordedByName liftedByName`;

export type DebarmentView = {
  id: string;
  organizationId: string;
  organizationName: string;
  authority: { code: string };
  reason: string;
  article: string;
  decisionDocument: string;
  fromDate: string;
  untilDate: string;
  debarmentYears: number;
  measuresId: string;
  measuresVersionNo: number;
  lifting: { on: string; reason: string; at: string } | null;
  activeToday: boolean;
  refusalMessage: string;
  isMine: boolean;
  evidence: string | null;
  recordedByName: string | null;
  liftedByName: string | null;
};

export const G = {
  programmes: `{ programmes { ${PROGRAMME_FIELDS} } }`,
  programme: `query ($id: ID!) { programme(id: $id) { ${PROGRAMME_FIELDS} } }`,
  defaults: `{ programmeDefaults { criteria { key label weight } awardNoticeDays acceptanceNoticeDays measuresId
    measuresVersionNo kinds { kind label article } } }`,
  create: `mutation ($input: ProgrammeInput!) { createProgramme(input: $input) { ${PROGRAMME_FIELDS} } }`,
  update: `mutation ($id: ID!, $version: Int!, $input: ProgrammeInput!) {
    updateProgramme(id: $id, version: $version, input: $input) { ${PROGRAMME_FIELDS} } }`,
  publish: `mutation ($id: ID!, $version: Int!) { publishProgramme(id: $id, version: $version) { ${PROGRAMME_FIELDS} } }`,
  debarments: `query ($filter: DebarmentFilterInput) { debarments(filter: $filter) { ${DEBARMENT_FIELDS} } }`,
  active: `query ($ids: [ID!]!, $on: String!) { activeDebarments(organizationIds: $ids, on: $on) { ${DEBARMENT_FIELDS} } }`,
  record: `mutation ($input: RecordDebarmentInput!) { recordDebarment(input: $input) { ${DEBARMENT_FIELDS} } }`,
  lift: `mutation ($input: LiftDebarmentInput!) { liftDebarment(input: $input) { ${DEBARMENT_FIELDS} } }`,
} as const;

export function tag(): string {
  return randomBytes(3).toString('hex');
}

/** The 2016 measures' criteria with two weights moved: a programme that weighs its own way. */
export const OWN_CRITERIA = HUNAN_2016_PARAMETERS.review.criteria.map((c) =>
  c.key === 'INNOVATION_GOALS'
    ? { key: c.key, weight: c.weight + 5 }
    : c.key === 'RESULTS_AND_BENEFITS'
      ? { key: c.key, weight: c.weight - 5 }
      : { key: c.key, weight: c.weight },
);

export function programmeInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `2027年度省级科技计划产学研项目${tag()}`,
    kind: 'PLAN_PROJECT',
    year: 2027,
    totalBudgetFen: '5000000000',
    perProjectCapFen: '300000000',
    ...overrides,
  };
}

export async function draftProgramme(
  officer: GraphqlAgent,
  overrides: Record<string, unknown> = {},
): Promise<ProgrammeView> {
  return dataOf(
    await officer.send<{ createProgramme: ProgrammeView }>(G.create, { input: programmeInput(overrides) }),
  ).createProgramme;
}

export async function publishedProgramme(
  officer: GraphqlAgent,
  admin: GraphqlAgent,
  overrides: Record<string, unknown> = {},
): Promise<ProgrammeView> {
  const draft = await draftProgramme(officer, overrides);
  return dataOf(
    await admin.send<{ publishProgramme: ProgrammeView }>(G.publish, {
      id: draft.id,
      version: draft.version,
    }),
  ).publishProgramme;
}

export function debarmentInput(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    reason: '未按任务书约定向省内单位许可项目成果，违反知识产权约定',
    decisionDocument: `湘科计〔2028〕${tag()}号`,
    fromDate: '2028-03-15',
    evidence: '项目验收材料第 12 页；许可合同缺失的核查记录',
    ...overrides,
  };
}

export async function recordedDebarment(
  admin: GraphqlAgent,
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<DebarmentView> {
  return dataOf(
    await admin.send<{ recordDebarment: DebarmentView }>(G.record, {
      input: debarmentInput(organizationId, overrides),
    }),
  ).recordDebarment;
}
