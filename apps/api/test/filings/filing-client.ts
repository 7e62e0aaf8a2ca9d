import { type GraphqlAgent, type GraphqlResponse } from '../support/harness';
import { dataOf, FILES } from '../support/register-client';
import { Fixtures } from '../pilots/db-fixtures';

export const FILING_FIELDS = `id state version allianceId allianceName cityName significance level filingNumber filedOn
  validThrough correctionDeadline lastReason submittedAt nationallyRecommended availableActions
  documents { documentId kind sha256 } snapshots { seq kind sha256 changes { kind description } }
  round { id year isOpen } timeline { action toState reason actorName }`;

export type FilingView = {
  id: string;
  state: string;
  version: number;
  allianceId: string;
  allianceName: string;
  cityName: string;
  significance: string;
  level: string | null;
  filingNumber: string | null;
  filedOn: string | null;
  validThrough: string | null;
  correctionDeadline: string | null;
  lastReason: string | null;
  submittedAt: string | null;
  nationallyRecommended: boolean;
  availableActions: string[];
  documents: { documentId: string; kind: string; sha256: string }[];
  snapshots: {
    seq: number;
    kind: string;
    sha256: string;
    changes: { kind: string; description: string }[];
  }[];
  round: { id: string; year: number; isOpen: boolean };
  timeline: { action: string; toState: string | null; reason: string | null; actorName: string | null }[];
};

export const F = {
  createRound: `mutation ($input: FilingRoundInput!) { createFilingRound(input: $input) { id status version isOpen } }`,
  updateRound: `mutation ($id: ID!, $version: Int!, $input: FilingRoundInput!) { updateFilingRound(id: $id, version: $version, input: $input) { id version } }`,
  publishRound: `mutation ($id: ID!, $version: Int!) { publishFilingRound(id: $id, version: $version) { id status version isOpen } }`,
  create: `mutation ($roundId: ID!, $allianceId: ID!) { createFiling(roundId: $roundId, allianceId: $allianceId) { ${FILING_FIELDS} } }`,
  update: `mutation ($input: UpdateFilingInput!) { updateFiling(input: $input) { ${FILING_FIELDS} } }`,
  transition: `mutation ($input: TransitionFilingInput!) { transitionFiling(input: $input) { ${FILING_FIELDS} } }`,
  filing: `query ($id: ID!) { filing(id: $id) { ${FILING_FIELDS} } }`,
  filings: `query ($filter: FilingFilterInput) { filings(filter: $filter) { id state filingNumber } }`,
};

export const ALL_DOCUMENTS = [
  'RECOMMENDATION_LETTER',
  'FILING_FORM',
  'AGREEMENT_OR_CHARTER',
  'COUNCIL_COMPOSITION',
  'PILOT_DECISION',
];

export function roundInput(now: Date, overrides: Record<string, unknown> = {}) {
  const day = 86_400_000;
  return {
    year: Number(now.toISOString().slice(0, 4)),
    documentNumber: `湘科函〔${now.toISOString().slice(0, 4)}〕${Math.floor(Math.random() * 1e6)}号`,
    opensAt: new Date(now.getTime() - day).toISOString(),
    closesAt: new Date(now.getTime() + 30 * day).toISOString(),
    quotaPerUnit: null,
    reviewRequired: false,
    noticeDays: 0,
    requiredDocuments: ALL_DOCUMENTS,
    ...overrides,
  };
}

export async function publishedRound(
  officer: GraphqlAgent,
  admin: GraphqlAgent,
  now: Date,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const draft = dataOf(
    await officer.send<{ createFilingRound: { id: string; version: number } }>(F.createRound, {
      input: roundInput(now, overrides),
    }),
  ).createFilingRound;
  return dataOf(
    await admin.send<{ publishFilingRound: { id: string; version: number } }>(F.publishRound, draft),
  ).publishFilingRound;
}

/**
 * Makes an alliance of `tenantId` a city pilot of that city, as an approved pilot application
 * would (superuser fixture: the pilot workflow has its own tests), and uploads one register
 * document per required filing document.
 */
export async function cityPilot(fixtures: Fixtures, tenantId: string, allianceId: string): Promise<string[]> {
  const callId = await fixtures.call(tenantId, true);
  const now = new Date();
  const application = await fixtures.insert('pilot_application', {
    tenant_id: tenantId,
    alliance_id: allianceId,
    call_id: callId,
    authority_tenant_id: tenantId,
    recommending_tenant_id: tenantId,
    level: 'CITY',
    state: 'APPROVED',
    dossier: JSON.stringify({ alliance: { id: allianceId } }),
    submitted_at: now,
    recommended_at: now,
    recommendation_opinion: '同意推荐',
    decided_at: now,
    decision_reason: '经评审，确认为市级试点联盟',
    decision_basis: JSON.stringify({ total: 86, passMark: 70 }),
  });
  await fixtures.query(
    `UPDATE alliance SET pilot_status = 'CITY_PILOT', pilot_since = current_date, pilot_call_id = $2,
            pilot_application_id = $3 WHERE id = $1`,
    [allianceId, callId, application.id],
  );
  const documents: string[] = [];
  for (const _ of ALL_DOCUMENTS) documents.push(await fixtures.document(tenantId, allianceId, 'ATTACHMENT'));
  return documents;
}

export function transitionFiling(
  agent: GraphqlAgent,
  filing: { id: string; version: number },
  action: string,
  extra: { reason?: string; correctionDeadline?: string } = {},
): Promise<GraphqlResponse<{ transitionFiling: FilingView }>> {
  return agent.send(F.transition, { input: { id: filing.id, version: filing.version, action, ...extra } });
}

export async function act(
  agent: GraphqlAgent,
  filing: { id: string; version: number },
  action: string,
  extra: { reason?: string; correctionDeadline?: string } = {},
): Promise<FilingView> {
  return dataOf(await transitionFiling(agent, filing, action, extra)).transitionFiling;
}

/** A real upload to the alliance's register (the fixtures' documents have no stored file). */
export async function upload(agent: GraphqlAgent, allianceId: string): Promise<string> {
  const res = await agent
    .raw()
    .post('/api/documents')
    .set('x-xiangmeng-request', '1')
    .field('allianceId', allianceId)
    .field('kind', 'ATTACHMENT')
    .attach('file', FILES.pdf(), '推荐函.pdf');
  if (res.status !== 201) throw new Error(`upload: ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

/**
 * Runs the scheduler until no job is due: in a full run other files' jobs fall due too when the
 * test clock moves years ahead, and one round claims a batch of them only.
 */
export async function drainJobs(scheduler: {
  runDue(): Promise<{ done: number; failed: number; retried: number }>;
}) {
  for (let round = 0; round < 100; round++) {
    const report = await scheduler.runDue();
    if (report.done + report.failed + report.retried === 0) return;
  }
  throw new Error('jobs still due after 100 rounds');
}

export const SIGNIFICANCE =
  '联盟汇聚全省轨道交通装备产业链骨干企业与高校院所，对全省产业集群发展具有重大影响。';

/** A city's draft in `roundId` with the statement, the provincial level and the round's documents by kind. */
export async function completedDraft(
  agent: GraphqlAgent,
  roundId: string,
  allianceId: string,
  documents: readonly string[],
): Promise<FilingView> {
  const created = dataOf(
    await agent.send<{ createFiling: FilingView }>(F.create, { roundId, allianceId }),
  ).createFiling;
  return dataOf(
    await agent.send<{ updateFiling: FilingView }>(F.update, {
      input: {
        id: created.id,
        version: created.version,
        significance: SIGNIFICANCE,
        level: 'PROVINCIAL',
        documents: ALL_DOCUMENTS.map((kind, i) => ({ documentId: documents[i], kind })),
      },
    }),
  ).updateFiling;
}
